// Every word the capacity figure shows, in one place so that a translation can follow.
import { catalogue } from '../../i18n/index.ts';
import type { Family } from '../../models/generalisation/capacity/features.ts';
import { fixed, scientific, significant } from '../kit/format.ts';

/** A mean squared error, from 10⁻¹⁴ to 10⁶: three significant digits, powers of ten outside [0.001, 10⁴). */
export const mse = (v: number) => (v < 1e-9 ? '≈ 0' : v >= 1e-3 && v < 1e4 ? significant(v, 3) : scientific(v, 1, { trailingZeros: false }));

/** A ridge penalty as the slider shows it: 0, 10⁻³, 3.2×10⁻⁴. */
export const penalty = (v: number) => (v === 0 ? '0' : scientific(v, 1, { trailingZeros: false, bareOne: true }));

const p2 = (v: number) => fixed(v, 2, { minus: '-' });

export const familyNames: Record<Family, string> = catalogue('CapacityCurve.familyNames', {
  polynomial: 'Polynomial',
  relu: 'Random ReLU',
});

export const capacityStrings = catalogue('CapacityCurve', {
  family: 'Model',
  degree: 'Degree d',
  width: 'Features p',
  n: 'Training points n',
  noise: 'Noise σ',
  lambda: 'Ridge penalty λ',
  folds: 'Folds k',
  newSample: 'New sample',
  settings: 'Data and fitting',

  /** How a capacity is named in sentences. */
  modelName: (family: Family, capacity: number) => (family === 'polynomial' ? `degree ${capacity}` : `${capacity} features`),
  modelNameCapital: (family: Family, capacity: number) => (family === 'polynomial' ? `Degree ${capacity}` : `${capacity} features`),

  fitTitle: 'The data and the fitted curve',
  fitDescription: (n: number, model: string, weights: number, leaves: string) =>
    `${n} training points (filled blue circles) and ${n} validation points (hollow vermilion triangles) scattered around the target y = sin(πx) (dashed), ` +
    `x from −1 to 1, with the least-squares fit of ${model} (${weights} weights, solid purple curve).${leaves}`,
  familyDetail: {
    polynomial: 'A polynomial of degree d, written in the Legendre basis P₀…P_d.',
    relu: 'A sum of p hinges relu(a·x + b) with fixed random a and b; only the output weights are fitted.',
  },
  leavesRange: (lo: number, hi: number, peak: number) =>
    ` The fitted curve leaves the plotted range y from ${p2(lo)} to ${p2(hi)}, which cuts it off; it reaches ${significant(peak, 3, { minus: '-' })}.`,
  x: 'x',
  y: 'y',

  errorTitle: 'Error against capacity (log scale)',
  errorAxis: 'mean squared error',
  weightsAxis: (family: Family) => (family === 'polynomial' ? 'weights p = d + 1' : 'features p'),
  errorDescription: (o: {
    family: Family;
    max: number;
    n: number;
    trainZeroFrom: number | null;
    testPeak: [number, number];
    testBest: [number, number];
    byValidation: number;
    byCv: number;
    current: number;
    folds: number;
  }) =>
    `Mean squared error for every number of weights p from 1 to ${o.max}, on a log scale from 0.001 to 1,000 (values beyond it drawn at its edge): ` +
    `on the training points (blue), the validation points (vermilion, dashed), by ${o.folds}-fold cross-validation on the training points (green, dotted), ` +
    `and on 1,000 fresh test points (thick dark line)${o.family === 'relu' ? ', with p on a log scale' : ''}. ` +
    (o.trainZeroFrom !== null ? `The training error is zero from p = ${o.trainZeroFrom} on. ` : 'The training error never reaches zero. ') +
    (o.n <= o.max ? `The interpolation threshold p = n = ${o.n} is a dashed vertical line. ` : `The interpolation threshold p = n = ${o.n} lies beyond the largest model. `) +
    `The test error is highest at p = ${o.testPeak[0]} (${mse(o.testPeak[1])}) and lowest at p = ${o.testBest[0]} (${mse(o.testBest[1])}). ` +
    `The validation error is lowest at p = ${o.byValidation} (triangle), the cross-validation error at p = ${o.byCv} (square). The solid vertical line marks the current model, p = ${o.current}.`,
  thresholdLabel: 'p = n',
  fitKeyCaption: 'Key to the data plot',
  fitKey: { train: 'training', validation: 'validation', target: 'target', fit: 'fit' },

  legendCaption: 'Key to the error plot',
  legend: {
    train: 'training',
    validation: 'validation',
    cv: (k: number) => `${k}-fold cross-validation`,
    test: 'test',
    current: 'current model',
    threshold: 'p = n',
    floor: 'noise σ²',
    byValidation: (name: string) => `validation picks ${name}`,
    byCv: (name: string) => `cross-validation picks ${name}`,
  },

  readout: (model: string, weights: number, n: number, train: number, validation: number, cv: number, test: number) =>
    `${model} (${weights} weights, ${n} points): training error ${mse(train)}, validation ${mse(validation)}, cross-validation ${mse(cv)}, test ${mse(test)}.`,
  belowThreshold: 'Fewer weights than points: least squares comes as close to them as it can.',
  atThreshold: 'As many weights as points: exactly one curve of this model passes through every point.',
  aboveThreshold: 'More weights than points: the curve through every point with the smallest weights.',
  notYet: 'Some hinges add nothing new here (a kink beyond every point is a straight line), so no fit goes through every point yet.',
  ridgeNote: (lambda: string) => `With λ = ${lambda} the fit gives up a little training error for smaller weights.`,
  fitFailed: 'This fit could not be computed. Choose another capacity, or add a ridge penalty.',

  /** How the shared-link notices name each setting. */
  linkLabels: {
    family: 'model',
    degree: 'degree',
    width: 'features',
    n: 'training points',
    noise: 'noise',
    lambda: 'ridge penalty',
    folds: 'folds',
    seed: 'sample',
  },
});
