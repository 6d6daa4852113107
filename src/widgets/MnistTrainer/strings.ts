// Every word the MNIST trainer shows.
import { catalogue } from '../../i18n/index.ts';
import { count, fixed, percent } from '../kit/format.ts';

/** “a 7”, “an 8”. */
const aDigit = (d: number) => (d === 8 ? `an ${d}` : `a ${d}`);

export const trainerStrings = catalogue('MnistTrainer', {
  filters1: 'Filters in conv layer 1',
  filters2: 'Filters in conv layer 2 (0: no second layer)',
  kernel: 'Kernel size',
  kernelNames: { '3': '3×3', '5': '5×5' } as Record<string, string>,
  learningRate: 'Learning rate (Adam)',
  batchSize: 'Batch size',
  digit: 'Test digit to look inside (1–2000)',
  waiting: 'The MNIST digits (7.8 MB) are fetched when this figure comes into view.',
  loading: 'Fetching the MNIST digits (8,000 for training, 2,000 for testing; 7.8 MB)…',
  loadFailed: (why: string) => `The digits could not be loaded: ${why}`,
  advice: 'Lower the learning rate, then reset.',
  architecture: (layers: string, params: number) => `Model: ${layers}; ${count(params)} parameters.`,
  stats: {
    samples: 'training images seen',
    epochs: 'epochs',
    speed: 'samples/s',
    time: 'training time',
    test: 'test accuracy',
    train: 'training accuracy',
    frame: 'steps per frame',
  },
  evaluating: 'measuring accuracy…',
  where: (backend: string, inWorker: boolean) => (inWorker ? `Training runs in a background thread on ${backend}, so the page stays responsive.` : `Training runs on this page’s own thread on ${backend}, a short slice per frame.`),
  seconds: (s: number) => (s < 60 ? `${fixed(s, 0)} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`),
  percent: (v: number) => percent(v, 1),
  none: '–',
  lossTitle: 'Training loss per step',
  accuracyTitle: 'Accuracy',
  accuracyX: 'training images seen',
  accuracyY: 'accuracy',
  accuracyDescription: (points: string) =>
    points
      ? `Accuracy on the 2,000 test digits (solid) and on 1,000 training digits (dashed) against the number of training images seen; the points before 4,000 images use the first 500 digits of each: ${points}.`
      : 'No accuracy measured yet.',
  accuracyPoint: (samples: number, test: number, train: number) => `${samples} images: test ${percent(test, 1)}, training ${percent(train, 1)}`,
  legendTest: 'test digits',
  legendTrain: 'training digits',
  filtersTitle: 'First-layer filters',
  filterLabel: (i: number, k: number) => `Filter ${i + 1} of the first layer, ${k}×${k} weights: positive orange, negative blue.`,
  mapsTitle: (layer: number, side: number) => `Feature maps after conv layer ${layer} (${side}×${side}, after ReLU)`,
  mapLabel: (layer: number, i: number) => `Feature map ${i + 1} of conv layer ${layer}: darker is a stronger response.`,
  digitLabel: (label: number, index: number) => `Test digit ${index + 1}, ${aDigit(label)}.`,
  probabilities: (p: string) => `Predicted probabilities: ${p}.`,
  confusionTitle: 'Confusion matrix on the test digits',
  confusionDescription: (mistakes: string) => `Rows: the true digit 0–9; columns: the predicted digit. The diagonal counts correct answers. Most frequent mistakes: ${mistakes || 'none'}.`,
  confusionMistake: (t: number, p: number, n: number) => `${n} × a true ${t} read as ${p}`,
  gridTitle: 'The first 25 test digits with the model’s answers',
  gridItem: (label: number, pred: number) => (label === pred ? `${aDigit(label)}, predicted ${pred}` : `${aDigit(label)}, predicted ${pred}: wrong`),
  wrongMark: '✗',
  /** Under the confusion matrix's title: which way its rows and columns run. */
  confusionAxes: 'true ↓ · predicted →',
  notYet: 'Press Train: the filters, the feature maps, the confusion matrix and the predictions appear after the first measurement.',
});

export const detailStrings = catalogue('MnistTrainer.detail', {
  open: (i: number) => `Open filter ${i + 1} and its feature map large, with the convolution worked out`,
  title: (i: number, label: number, index: number) => `Filter ${i + 1} of the first layer on test digit ${index + 1}, ${aDigit(label)}`,
  inputTitle: 'The test digit',
  inputDescription: (k: number, row: number, col: number) => `The 28×28 test digit; the ${k}×${k} window under the kernel starts at row ${row + 1}, column ${col + 1}.`,
  inputCaption: 'input, with the kernel’s window',
  kernelTitle: (i: number) => `The weights of filter ${i + 1}`,
  kernelDescription: (weights: string, bias: string) => `Weights, row by row: ${weights}. Bias ${bias}.`,
  kernelCaption: (bias: string) => `weights (orange positive, blue negative); bias b = ${bias}`,
  mapTitle: (i: number, side: number) => `Feature map ${i + 1}, ${side}×${side}`,
  mapDescription: (row: number, col: number, value: string) => `The feature map after the ReLU; the value at row ${row + 1}, column ${col + 1} is ${value}.`,
  mapCaption: (side: number) => `feature map (${side}×${side}, after ReLU): click a cell`,
  mapKeys: 'Feature map: the arrow keys move the window',
  sum: (row: number, col: number, k: number, sum: string, bias: string, z: string, a: string) =>
    `At row ${row + 1}, column ${col + 1}: the ${k}×${k} pixels under the window times the weights add up to ${sum}; plus the bias ${bias} that is z = ${z}, and ReLU(z) = ${a}, the map's value there.`,
  productsCaption: 'pixel × weight, under the window',
  close: 'Close',
});
