// Every word the Adam figure shows, in one place so that a translation can follow.
import { catalogue } from '../../i18n/index.ts';
import type { Stream } from './adamSteps.ts';

export const adamStrings = catalogue('AdamInside', {
  stream: 'Gradient stream',
  streamNames: {
    constant: 'constant',
    noisy: 'noisy, true mean 1',
    alternating: 'alternating sign',
    sparse: 'sparse (every 10th step)',
  } satisfies Record<Stream, string>,
  streamRules: {
    constant: 'g = 1 at every step',
    noisy: 'g drawn from a Gaussian with mean 1 and standard deviation 2',
    alternating: 'g = +1, −1, +1, −1, …',
    sparse: 'g = 1 at steps 1, 11, 21, …, and 0 in between',
  } satisfies Record<Stream, string>,
  streamLine: (rule: string, scale: string) => (scale === '1' ? `${rule}.` : `${rule}, times ${scale}.`),
  scale: 'Gradient scale',
  seed: 'Noise seed',
  correction: 'Bias correction (m̂, v̂)',
  step: 'Step t',
  settingsSummary: (eta: string, b1: string, b2: string, eps: string) => `Adam’s settings: η = ${eta}, β₁ = ${b1}, β₂ = ${b2}, ε = ${eps}`,
  learningRate: 'Learning rate η',
  beta1: 'β₁ (for m)',
  beta2: 'β₂ (for v)',
  eps: 'ε',
  // The table.
  tableCaption: (n: number, corrected: boolean) =>
    corrected ? `The first ${n} steps, from the engine’s Adam` : `The first ${n} steps, uncorrected: Δθ = −η·m/(√v + ε) (m̂, v̂ not used)`,
  columns: { t: 't', g: 'g', m: 'm', v: 'v', mHat: 'm̂', vHat: 'v̂', step: 'Δθ', stepUncorrected: 'Δθ (uncorrected)' },
  skipped: '…',
  // The step, written out at the chosen t.
  stepCorrected: (t: number, eta: string, mHat: string, vHat: string, eps: string, step: string) => `Step ${t}: Δθ = −η · m̂ / (√v̂ + ε) = −${eta} × ${mHat} / (√${vHat} + ${eps}) = ${step}`,
  stepUncorrected: (t: number, eta: string, m: string, v: string, eps: string, step: string) => `Step ${t}, uncorrected: Δθ = −η · m / (√v + ε) = −${eta} × ${m} / (√${v} + ${eps}) = ${step}`,
  inUnits: (ratio: string) => `That is ${ratio} × η.`,
  withoutCorrection: (mine: string, other: string, factor: string, larger: boolean) =>
    `That is ${mine} × η; the engine’s Adam, which corrects (as every library does), steps ${other} × η. Without the correction the step is multiplied by (1 − β₁ᵗ)/√(1 − β₂ᵗ) = ${factor}: ` +
    (larger ? '√v starts more shrunk than m.' : 'm starts more shrunk than √v.'),
  scaleNote: (scale: string) => `At scale ${scale}, g, m and √v are all multiplied by ${scale}; their ratio, and so the step, is not.`,
  // The plots.
  momentsTitle: 'The running averages over 100 steps',
  momentsAxis: 'value',
  stepAxis: 'step t',
  momentsDescription: (o: { t: number; m: string; mHat: string; sqrtV: string; sqrtVHat: string }) =>
    `Four lines against the step t from 1 to 100: m (solid blue), m̂ (dashed blue), √v (solid vermilion) and √v̂ (dashed vermilion). At step ${o.t}: m = ${o.m}, m̂ = ${o.mHat}, √v = ${o.sqrtV}, √v̂ = ${o.sqrtVHat}.`,
  stepsTitle: 'The step over 100 steps',
  stepsAxis: 'Δθ',
  stepsDescription: (o: { t: number; step: string; first: string; last: string; other: string | null }) =>
    `The step Δθ against t from 1 to 100, with dashed rules at −η and +η. At step ${o.t} it is ${o.step}; the first step is ${o.first}, the 100th ${o.last}.` +
    (o.other ? ` This is the uncorrected formula; a dashed line shows the engine’s corrected steps for comparison: ${o.other} at step ${o.t}.` : ''),
  legendM: 'm',
  legendMHat: 'm̂',
  legendSqrtV: '√v',
  legendSqrtVHat: '√v̂',
  legendStep: 'Δθ',
  legendUncorrected: 'Δθ without correction',
  legendCorrected: 'Δθ of the engine (corrected)',
  minusEta: '−η',
  plusEta: '+η',
  starting: 'Starting the engine…',
  engineFailed: (why: string) => `The engine could not start: ${why}`,
  computeFailed: (why: string) => `The engine could not compute these steps: ${why}. Change a setting to try again.`,
  /** How the shared-link notices name each setting. */
  linkLabels: {
    stream: 'gradient stream',
    scale: 'gradient scale',
    learningRate: 'learning rate',
    beta1: 'β₁',
    beta2: 'β₂',
    eps: 'ε',
    biasCorrection: 'bias correction',
    step: 'step',
    seed: 'seed',
  },
});
