// Every word the MLP-versus-CNN figure shows.
import { catalogue } from '../../i18n/index.ts';
import { count, percent } from '../kit/format.ts';

export const versusStrings = catalogue('MlpVsCnn', {
  hidden: 'Hidden units of the MLP',
  waiting: 'The MNIST digits (7.8 MB) are fetched when this figure comes into view.',
  loading: 'Fetching the MNIST digits…',
  loadFailed: (why: string) => `The digits could not be loaded: ${why}`,
  names: { mlp: 'MLP', cnn: 'CNN' },
  describe: {
    mlp: (h: number) => `784 → ${h} (ReLU) → 10`,
    cnn: 'conv 8@5×5 → pool → conv 16@5×5 → pool → 10',
  },
  columns: ['model', 'layers', 'parameters', 'test accuracy', 'training loss'],
  tableCaption: (samples: number) =>
    samples > 0
      ? `Both trained on the same ${count(samples)} images, in the same order, with Adam (learning rate 0.002, batch 32)`
      : 'Both untrained: press Train to train them on the same images, in the same order, with Adam (learning rate 0.002, batch 32)',
  plotTitle: 'Test accuracy of both models',
  plotDescription: (points: string) =>
    points
      ? `Test accuracy on the 2,000 held-out digits against training images seen, MLP dashed, CNN solid; the points before 4,000 images use the first 500 of them: ${points}.`
      : 'No accuracy measured yet.',
  point: (samples: number, mlp: number, cnn: number) => `${samples} images: MLP ${percent(mlp, 1)}, CNN ${percent(cnn, 1)}`,
  xAxis: 'training images seen',
  yAxis: 'test accuracy',
  ratio: (r: string) => `The MLP has ${r} times as many parameters as the CNN.`,
  none: '–',
});
