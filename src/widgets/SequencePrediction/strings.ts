// Every word the sequence-prediction figure shows.
import { catalogue } from '../../i18n/index.ts';
import { fixed } from '../kit/format.ts';
import { HIDDEN, TRAIN_END, WINDOW } from '../../models/sequence/sequence.ts';

export const sequenceStrings = catalogue('SequencePrediction', {
  frequency: 'Frequency (cycles per unit of time)',
  noise: 'Noise (standard deviation)',
  twoSines: 'Add a second sine (2.7 × the frequency)',
  seed: 'Random seed',
  runFree: 'Run freely',
  model: `GRU with ${HIDDEN} units reads ${WINDOW} past values and predicts the next; trained on windows before t = ${TRAIN_END}, tested after it.`,
  /** The test errors, after the training bar's step and loss. */
  errors: (oneStep: number | null, free: number | null) =>
    [oneStep === null ? '' : `test error one step ahead (RMSE) ${fixed(oneStep, 3)}`, free === null ? '' : `running freely ${fixed(free, 3)}`].filter(Boolean).join(', '),
  freeRunning: 'Running freely…',
  freeHint: 'Running freely: from the last true window, every prediction becomes the next input; no true value is read after t = 300.',
  clamped: 'The free run left the range ±5 and is held at its edge.',
  chartTitle: 'The series, its one-step-ahead predictions and the free run',
  chartDescription: (o: { setting: string; oneStep: string; free: string }) =>
    `Line chart of the series from t = 200 to 420, ${o.setting}. The test part starts at t = ${TRAIN_END}. ${o.oneStep} ${o.free}`,
  setting: (f: string, noise: string, two: boolean) => `a sine of frequency ${f}${two ? ' plus a second sine' : ''} with noise ${noise}`,
  oneStepDescribed: (e: string) => `One-step-ahead predictions follow it with root-mean-square error ${e}.`,
  freeDescribed: (e: string) => `The free run, fed its own predictions, has root-mean-square error ${e}.`,
  noPredictions: 'No predictions yet: train the model.',
  noFree: 'No free run yet.',
  legendTruth: 'the series (true values)',
  legendOneStep: 'one step ahead (true inputs)',
  legendFree: 'running freely (own predictions as inputs)',
  testStarts: 'test',
  xAxis: 'time step',
  yAxis: 'value',
  lossTitle: 'Training loss (MSE)',
  /** How the shared-link notices name each setting. */
  linkLabels: {
    frequency: 'frequency',
    noise: 'noise',
    twoSines: 'second sine',
    seed: 'seed',
  },
});
