// Every word the early-stopping figure shows, in one place so that a translation can follow.
import { catalogue } from '../../i18n/index.ts';
import { count, significant } from '../kit/format.ts';

/** A loss as the figure writes it: three significant digits. */
export const lossValue = (v: number) => significant(v, 3, { trailingZeros: true });

export const earlyStoppingStrings = catalogue('EarlyStopping', {
  patience: 'Patience',
  patienceValue: (epochs: number) => (epochs === 1 ? '1 epoch' : `${count(epochs)} epochs`),
  minDelta: 'Min delta',
  stop: 'Stop when patience runs out',
  restore: 'Restore the best weights',
  seed: 'Random seed',
  lossTitle: 'Training and validation loss (log scale)',
  epochAxis: 'epoch',
  lossAxis: 'mean squared error (log)',
  trainName: 'training loss',
  valName: 'validation loss',
  bestLabel: 'best',
  stopLabel: 'stop',
  afterStop: 'after the stop (faded)',
  windowName: 'patience window',
  lossDescription: (epoch: number, parts: string) =>
    epoch === 0 ? 'No epochs yet: press Train.' : `Training loss (solid) and validation loss (dashed) of the network after each of ${count(epoch)} epochs, on a log scale. ${parts}`,
  lossMarks: (best: number | null, stop: number | null, patience: number) =>
    [best === null ? '' : `The best epoch, ${best}, is marked, with the patience window of ${patience} epochs after it shaded.`, stop === null ? '' : `The rule said stop at epoch ${stop}.`].filter(Boolean).join(' '),
  fitTitle: 'The fit now and at the best epoch',
  xAxis: 'x',
  yAxis: 'y',
  trueName: 'true curve',
  nowName: 'fit now',
  bestName: 'fit at best epoch',
  beforeRestoreName: 'before restoring',
  trainPoints: 'training points',
  valPoints: 'validation points',
  fitDescription: (points: number, epoch: number, test: string, best: string) =>
    `The true curve y = sin(2.5x) + 0.5x on x from −1 to 1, ${points} training points (filled circles) and ${points} validation points (hollow triangles) with noise; the network's fit after ${count(epoch)} epochs (solid, test loss ${test})${best ? ` and at the best epoch (dashed, test loss ${best})` : ''}.`,
  notStarted: 'Press Train: the rule watches the validation loss after every epoch.',
  noFinite: 'No finite validation loss yet: nothing to keep.',
  bestSoFar: (epoch: number, loss: number) => `Best epoch ${epoch}, validation loss ${lossValue(loss)}.`,
  waiting: (waited: number, patience: number) => `No improvement for ${waited} of ${patience} epochs.`,
  stoppedAt: (epoch: number) => `Stopped at epoch ${epoch}.`,
  wouldStop: (epoch: number) => `Would have stopped at epoch ${epoch}; training went on.`,
  endedAt: (epoch: number) => `Training ended at epoch ${epoch}, the epoch budget.`,
  restored: (best: number, test: number, end: number, last: number) =>
    `Restored the weights of epoch ${best}: test loss ${lossValue(test)}, against ${lossValue(last)} for the weights of epoch ${end}.`,
  kept: (end: number, last: number, best: number, test: number) =>
    `Kept the weights of epoch ${end}: test loss ${lossValue(last)}; the best epoch's (${best}) would give ${lossValue(test)}.`,
  compare: (epoch: number, now: number, best: number, test: number) => `Test loss now (epoch ${epoch}) ${lossValue(now)}, at the best epoch (${best}) ${lossValue(test)}.`,
  laterLowest: (epoch: number, loss: number) => `The lowest validation loss of the whole run came later, at epoch ${epoch} (${lossValue(loss)}): the rule stopped on a blip of noise.`,
  testNote: (points: number) =>
    `One step is one epoch. Min delta: how far below the best a loss must fall to count. Test loss: the squared distance from the true curve, averaged over ${points} evenly spaced x.`,
  patienceDetail: (waited: number, patience: number) => `waiting ${waited}/${patience}`,
  divergedAdvice: 'A new seed, or a reset, starts again.',
  /** How the shared-link notices name each setting. */
  linkLabels: {
    patience: 'patience',
    minDelta: 'min delta',
    stop: 'stop when patience runs out',
    restoreBest: 'restore the best weights',
    seed: 'seed',
  },
});
