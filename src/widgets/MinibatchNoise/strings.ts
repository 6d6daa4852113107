// Every word MinibatchNoise shows, in one place so that a translation can follow.
import { catalogue } from '../../i18n/index.ts';
import { fixed, significant } from '../kit/format.ts';
import type { ArrowSpread, BatchArithmetic } from './readout.ts';

const f2 = (v: number) => fixed(v, 2);
const sig = (v: number) => significant(v, 3);
const vec = (g: readonly [number, number]) => `(${f2(g[0])}, ${f2(g[1])})`;

export const minibatchStrings = catalogue('MinibatchNoise', {
  batch: 'Batch size B',
  newBatches: 'New batches',
  paths: (steps: number) => `Show ${steps} steps from the point`,
  toMinimum: 'Go to the minimum',
  drawNumber: (draw: number) => `draw ${draw}`,
  starting: 'Starting the engine…',
  failed: (why: string) => `The gradients could not be computed: ${why}. Reset the figure to start again.`,
  notFinite: 'a value came out as not a number',
  dragHint: 'Drag the point, or focus it with Tab and move it with the arrow keys (Shift for larger steps).',

  surfaceTitle: 'The loss over (w, b) and the steps from the point',
  wAxis: 'slope w',
  bAxis: 'intercept b',
  keyMinimum: 'the minimum (least squares)',
  pointLabel: 'The point (w, b)',
  surfaceDescription: (w: number, b: number, loss: number, full: readonly [number, number], minimum: { w: number; b: number }) =>
    `Contours of the mean squared error of the line y = w·x + b on 200 points, for w from −1 to 5 and b from −2 to 4; ` +
    `the minimum, marked by a cross, is at w = ${f2(minimum.w)}, b = ${f2(minimum.b)}. The point is at w = ${f2(w)}, ` +
    `b = ${f2(b)}, where the loss is ${sig(loss)} and the full-batch gradient is ${vec(full)}.`,
  arrowsDescription: (eta: number, arrows: number, batch: number, spread: string) =>
    ` The thick vermilion arrow is the full-batch step −η·∇L with η = ${eta}; the ${arrows} thin sky-blue arrows are the ` +
    `steps of ${arrows} mini-batches of ${batch}. ${spread}`,
  pathsDescription: (fullEnd: readonly [number, number], miniEnd: readonly [number, number], batch: number, steps: number) =>
    ` Two paths of ${steps} steps start at the point: full-batch gradient descent (dashed vermilion) ends at ${vec(fullEnd)}, ` +
    `stochastic gradient descent with batches of ${batch} (solid sky blue) at ${vec(miniEnd)}.`,

  keyFull: 'full-batch step −η·∇L',
  keyMini: (batch: number, k: number) => `${k} steps with mini-batches of ${batch}`,
  keyFullPath: 'full-batch descent',
  keyMiniPath: (batch: number) => `descent with batches of ${batch}`,
  readout: (w: number, b: number, loss: number, full: readonly [number, number]) =>
    `At w = ${f2(w)}, b = ${f2(b)}: loss ${sig(loss)}, gradient ∇L = ${vec(full)}.`,
  keyEta: (eta: number) => `Arrows are steps with η = ${eta}: each shows −η times a gradient.`,
  keyPathEta: (eta: number, steps: number) => `Each path takes ${steps} steps of optim.SGD with η = ${eta}, the batches reshuffled every epoch.`,

  spread: (sp: ArrowSpread | null, k: number, batch: number, total: number) =>
    batch >= total
      ? `With B = ${total} every batch is the whole data set: all ${k} arrows are the full-batch arrow.`
      : sp
        ? `${sp.downhill} of the ${k} arrows point downhill; they stray from the full-batch direction by ${fixed(sp.meanAngle, 0)}° on average, at most ${fixed(sp.maxAngle, 0)}°.`
        : `Here the full-batch gradient is almost zero, yet the ${k} mini-batch arrows still point every way: near a minimum, the noise is most of the step.`,

  varianceTitle: 'How noisy a mini-batch gradient is, against B',
  batchAxis: 'batch size B (log scale)',
  varianceAxis: 'mean squared distance (log)',
  zeroLabel: '0',
  varianceDescription: (sigma2: number, rows: string, chosen: number, draws: number) =>
    `Log-log plot, at the point, of the mean squared distance between a mini-batch gradient and the full-batch gradient ` +
    `against the batch size B. Dots: measured over ${draws} batches of each size; solid blue line: the theory ` +
    `σ²/B × (N − B)/(N − 1) for batches drawn without replacement, with σ² = ${sig(sigma2)} (the per-example gradients' ` +
    `variance) and N = 200; dashed line: σ²/B, as if drawn with replacement. ${rows} B = ${chosen} is ringed.`,
  varianceRow: (batch: number, measured: number, theory: number) => `B = ${batch}: measured ${sig(measured)}, theory ${sig(theory)}.`,
  varianceLastRow: (total: number) => `B = ${total}: 0, every batch being the whole set.`,
  keyMeasured: (draws: number) => `measured (${draws} batches each)`,
  keyTheory: 'σ²/B·(N − B)/(N − 1)',
  keyReplacement: 'σ²/B (with replacement)',

  arithmetic: (batch: number, a: BatchArithmetic, sigma2: number, total: number) =>
    batch === 1
      ? `B = 1 costs one example-gradient per step, and its noise is the whole spread of the examples' gradients: σ² = ${sig(sigma2)}.`
      : batch >= total
        ? `B = ${total} is the whole data set: ${total} example-gradients per step, and no noise at all.`
        : `B = ${batch} costs ${batch} example-gradients per step and cuts the noise's variance about ${batch}-fold (its standard deviation ` +
          `about ${fixed(a.sdFold, 1)}-fold); drawn without replacement from ${total}, exactly ${fixed(a.exactVarianceFold, 1)}-fold ` +
          `(${fixed(a.exactSdFold, 1)}-fold).`,

  /** How the shared-link notices name each setting. */
  linkLabels: { w: 'slope w', b: 'intercept b', batch: 'batch size', draw: 'draw of batches', paths: 'descent paths' },
});
