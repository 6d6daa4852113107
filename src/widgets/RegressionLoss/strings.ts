// Every word RegressionLoss shows, in one place so that a translation can follow.
import { catalogue } from '../../i18n/index.ts';
import { fixed } from '../kit/format.ts';
import type { RegressionLossName } from './regression.ts';

const fmt = (v: number, digits = 2) => fixed(v, digits, { minus: '-' });

export const lossNames: Record<RegressionLossName, string> = catalogue('RegressionLoss.lossNames', {
  mse: 'MSE (squared error)',
  mae: 'MAE (absolute error)',
  huber: 'Huber',
});

export const shortLossNames: Record<RegressionLossName, string> = catalogue('RegressionLoss.shortLossNames', { mse: 'MSE', mae: 'MAE', huber: 'Huber' });

export const regressionStrings = catalogue('RegressionLoss', {
  loss: 'Loss to minimise',
  slope: 'Slope',
  intercept: 'Intercept',
  delta: 'Huber δ',
  outlier: 'Add an outlier',
  fit: 'Fit by gradient descent',
  stop: 'Stop',
  resetPoints: 'Put the points back',
  starting: 'Starting the engine…',
  engineFailed: (why: string) => `The engine could not start: ${why}`,
  noPoints: 'There are no points to fit.',
  valuesCaption: 'The three losses of this line (each averaged over the points)',
  chosen: 'being minimised',
  residualKey: {
    mse: 'Each residual is drawn as a square: MSE is the average of their areas, so a residual twice as long costs four times as much.',
    mae: 'Each residual is drawn as a bar: MAE is the average of their lengths, so a residual twice as long costs twice as much.',
    huber: (delta: number) =>
      `Residuals within δ = ${fmt(delta)} of the line (the dashed band) are drawn as squares, longer ones as bars: Huber is quadratic inside the band and linear outside it.`,
  },
  dragHint: 'Drag a point, or focus it with Tab and move it with the arrow keys.',
  dataTitle: 'Data points and the line',
  dataDescription: (n: number, slope: number, intercept: number, loss: RegressionLossName, value: number, worst: number) =>
    `${n} points and the line y = ${fmt(slope)}·x + ${fmt(intercept)}. ${shortLossNames[loss]} is ${fmt(value, 3)}; ` +
    `the largest residual is ${fmt(worst)}.`,
  xAxis: 'x',
  yAxis: 'y',
  pointLabel: (i: number) => `Point ${i + 1}`,
  outlierLabel: 'The outlier',
  surfaceTitle: (loss: RegressionLossName) => `${shortLossNames[loss]} over slope and intercept`,
  surfaceDescription: (loss: RegressionLossName, slope: number, intercept: number, value: number, best: { slope: number; intercept: number; loss: number }) =>
    `Contour lines of ${shortLossNames[loss]} for every line with slope from −2 to 4 and intercept from −4 to 4. ` +
    `The current line (slope ${fmt(slope)}, intercept ${fmt(intercept)}) has loss ${fmt(value, 3)}, marked by a circle; ` +
    `the lowest loss on the grid, ${fmt(best.loss, 3)}, is near slope ${fmt(best.slope)}, intercept ${fmt(best.intercept)}, marked by a cross.`,
  slopeAxis: 'slope',
  interceptAxis: 'intercept',
  minimumLabel: 'lowest',
  fitStatus: (step: number, loss: RegressionLossName, value: number) => `Gradient descent, step ${step}: ${shortLossNames[loss]} ${fmt(value, 3)}`,
  fitDone: (step: number, loss: RegressionLossName, value: number) =>
    `Gradient descent stopped after ${step} steps at ${shortLossNames[loss]} ${fmt(value, 3)}.`,
  fitStarting: 'Gradient descent: starting from the line the sliders set…',
  fitFailed: (why: string) => `Gradient descent stopped: ${why}. Move a slider to start again.`,
  fitDiverged: 'Gradient descent left the range of the sliders and was stopped. Move the sliders or put the points back to start again.',
  /** The settings' names in what the frame says about a shared link. */
  linkLabels: { slope: 'slope', intercept: 'intercept', outlier: 'outlier', loss: 'loss', delta: 'Huber δ' },
});
