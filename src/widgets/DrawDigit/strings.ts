// Every word the drawing widget shows.
import { catalogue } from '../../i18n/index.ts';
import { count } from '../kit/format.ts';

/** “a 7”, “an 8”. */
export const aDigit = (d: number) => (d === 8 ? `an ${d}` : `a ${d}`);

export const drawStrings = catalogue('DrawDigit', {
  canvasLabel: 'Drawing area: draw a digit from 0 to 9 with the mouse, a finger or a pen.',
  clear: 'Clear',
  source: 'Model',
  sourceNames: { shipped: 'shipped with the book', yours: 'the one you trained above' } as Record<string, string>,
  noTrained: 'Train the network in the figure above and its model appears here.',
  testDigit: 'Test digit (1–2000)',
  useTest: 'Show this test digit',
  randomTest: 'A random test digit',
  loadingTest: 'Fetching the test digits (1.6 MB)…',
  testFailed: (why: string) => `The test digits could not be loaded: ${why}`,
  loadingModel: 'Fetching the shipped model (54 KB)…',
  modelFailed: (why: string) => `The model could not be loaded: ${why}`,
  empty: 'Draw a digit (or pick a test digit) to see what the network makes of it.',
  prepared: 'What the network sees (28×28)',
  preparedLabel: (what: string) => `The input after preprocessing: ${what}`,
  fromDrawing: 'your drawing, scaled into a 20×20 box and centred by its centre of mass in 28×28',
  fromTest: (n: number, label: number) => `test digit ${n}, ${aDigit(label)}`,
  guess: (d: number, p: string) => `The network reads ${aDigit(d)} (${p}).`,
  chartTitle: 'Class probabilities',
  chartDescription: (values: string) => `Bar chart of the network's probability for each digit: ${values}.`,
  xAxis: 'digit',
  yAxis: 'probability',
  mapsTitle: (layer: number, side: number) => `Feature maps after conv layer ${layer} (${side}×${side})`,
  mapLabel: (layer: number, i: number) => `Feature map ${i + 1} of conv layer ${layer}: darker is a stronger response.`,
  modelInfo: (params: number, acc: string) => `${count(params)} parameters, ${acc} on the 2,000 test digits.`,
  unknownAcc: 'accuracy not measured',
  starting: 'Starting the compute engine…',
  engineFailed: (why: string) => `The compute engine could not start: ${why}`,
  failed: (why: string) => `The network could not run: ${why}`,
  /** How the shared-link notices name each setting. */
  linkLabels: {
    source: 'model',
    test: 'test digit',
  },
});
