// Every word the learning-rate figure shows, in one place so that a translation can follow.
import { catalogue } from '../../i18n/index.ts';
import type { Regime } from './descent.ts';

export const rateStrings = catalogue('LearningRateExplorer', {
  curvature: 'Curvature λ',
  learningRate: 'Learning rate η',
  exactRate: 'η, typed exactly',
  start: 'Start w₀',
  steps: 'Steps',
  bestRate: (v: string) => `η = 1/λ = ${v}`,
  edgeRate: (v: string) => `η = 2/λ = ${v}`,
  regimeNames: {
    tooSmall: 'Too small',
    aboutRight: 'About right',
    oscillating: 'Oscillating but converging',
    edge: 'At the edge',
    diverging: 'Diverging',
  } satisfies Record<Regime, string>,
  regimeExplanations: {
    tooSmall: 'ηλ < ½: each step removes less than half of the distance left. It gets there, slowly.',
    aboutRight: '½ ≤ ηλ ≤ 1: each step removes at least half of the distance left; at ηλ = 1, one step lands on the minimum.',
    oscillating: '1 < ηλ < 2: each step overshoots to the other side, but lands nearer than it was.',
    edge: 'ηλ = 2: each step jumps to the mirror point, just as far away on the other side: it bounces for ever.',
    diverging: 'ηλ > 2: each step overshoots by more than the distance it had: the distance grows.',
  } satisfies Record<Regime, string>,
  regimeLine: (name: string, product: string) => `${name} (ηλ = ${product})`,
  multiplier: (eta: string, lambda: string, r: string) => `Each step multiplies w − w* by 1 − ηλ = 1 − ${eta} × ${lambda} = ${r}.`,
  measured: (r: string) => `The engine’s first step: (w₁ − w*)/(w₀ − w*) = ${r}.`,
  atMinimum: 'w₀ is the minimum itself: the gradient is 0 and no step moves it. Choose another start.',
  after: (steps: number, w: string, loss: string, loss0: string) => `After ${steps} steps: w = ${w}, loss ${loss} (from ${loss0}).`,
  diverged: (k: number, dist: string, d0: string) =>
    `Diverged at step ${k}: w${subscript(k)} is ${dist} from w*, over 10 times the ${d0} it started at. The run stops there.`,
  backToBest: (v: string) => `Set η back to 1/λ = ${v}`,
  // The rate strip.
  stripTitle: 'Where η stands against 1/λ and 2/λ',
  stripAxis: 'learning rate η (log scale)',
  stripDescription: (eta: string, half: string, best: string, edge: string, regime: string) =>
    `A log-scale axis of learning rates from 0.001 to 30, shaded by regime: too small below ${half}, about right up to 1/λ = ${best}, oscillating but converging up to 2/λ = ${edge}, diverging beyond. The current η = ${eta}: ${regime}.`,
  bestMark: '1/λ',
  edgeMark: '2/λ',
  // The loss plot.
  lossTitle: 'The loss L(w) = ½λ(w − w*)² and the steps on it',
  lossAxis: 'loss L(w)',
  wAxis: 'w',
  minimumMark: 'w*',
  startMark: 'w₀',
  lossDescription: (o: { target: string; lambda: string; eta: string; points: string; shown: number; total: number; run: string }) =>
    `A parabola with its minimum at w* = ${o.target} and curvature λ = ${o.lambda}. Gradient descent with η = ${o.eta} starts at w₀ and each step is drawn as an arrow to the next point on the curve. ` +
    `${o.run} ${o.shown} of the ${o.total} points lie inside the drawn range. The first points: ${o.points}.`,
  runShape: (oscillates: boolean, trend: 'shrinks' | 'holds' | 'grows') =>
    `The engine’s run ${oscillates ? 'changes side of the minimum' : 'stays on one side of the minimum'}, and its distance to it ${{ shrinks: 'shrinks', holds: 'stays the same', grows: 'grows' }[trend]}.`,
  // The distance plot.
  distanceTitle: 'Distance to the minimum, step by step',
  distanceAxis: '|w − w*| (log scale)',
  stepAxis: 'step t',
  divergedMark: '10 × start',
  distanceDescription: (o: { multiplier: string; distances: string; floor: string }) =>
    `The distance |w_t − w*| against the step t on a log scale: circles where w is above w*, triangles where it is below. A dashed line shows |1 − ηλ|ᵗ times the start’s distance, with |1 − ηλ| = ${o.multiplier}: a straight line on this scale. ` +
    `Distances below ${o.floor} are drawn on the bottom edge. The engine’s distances: ${o.distances}.`,
  legendAbove: 'above w*',
  legendBelow: 'below w*',
  legendLine: '|1 − ηλ|ᵗ · |w₀ − w*|',
  pointText: (t: number, w: string) => `w${subscript(t)} = ${w}`,
  starting: 'Starting the engine…',
  engineFailed: (why: string) => `The engine could not start: ${why}`,
  computeFailed: (why: string) => `The engine could not compute this run: ${why}. Change a setting to try again.`,
  /** How the shared-link notices name each setting. */
  linkLabels: {
    curvature: 'curvature',
    learningRate: 'learning rate',
    start: 'start',
    steps: 'steps',
  },
});

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';

/** A step number as a subscript: 12 → ₁₂. */
export function subscript(n: number): string {
  return [...String(n)].map((c) => SUBSCRIPTS[Number(c)] ?? c).join('');
}
