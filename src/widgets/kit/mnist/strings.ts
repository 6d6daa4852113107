// Every word the kit's MNIST data loading can show (in an error the figure reports).
import { catalogue } from '../../../i18n/index.ts';

export const mnistDataStrings = catalogue('kit.MnistData', {
  pretrainedFailed: (status: number) => `could not load the pretrained model: HTTP ${status}`,
});
