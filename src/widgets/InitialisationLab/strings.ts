// Every word the initialisation figure shows, and the TeX of its variance argument, in one place
// so that a translation can follow.
import { catalogue } from '../../i18n/index.ts';
import type { Activation, Scheme } from './initialisation.ts';

export const initStrings = catalogue('InitialisationLab', {
  activation: 'Activation',
  activationNames: { tanh: 'tanh', relu: 'ReLU', sigmoid: 'sigmoid', linear: 'linear (none)' } satisfies Record<Activation, string>,
  scheme: 'Initial weights',
  schemeNames: {
    normal: 'Normal N(0, σ²)',
    xavier: 'Xavier (Glorot) normal',
    he: 'He (Kaiming) normal',
    orthogonal: 'Orthogonal',
    zero: 'All zero',
  } satisfies Record<Scheme, string>,
  /** The scheme as the text alternatives name it, with its σ or multiplier. */
  normalSetup: (sigma: string) => `drawn from N(0, ${sigma}²)`,
  schemeSetup: (name: string, m: string) => (m === '1' ? `drawn ${name}` : `drawn ${name} with the std × ${m}`),
  zeroSetup: 'all zero',
  depth: 'Hidden layers',
  width: 'Units per layer',
  sigma: 'Weight std σ',
  multiplier: 'Std multiplier m',
  times: (m: string) => `${m}×`,
  seed: 'Random seed',
  newDraw: 'Draw again',
  newDrawHint: 'New random weights and a new random batch (the next seed)',
  zeroScale: 'All-zero weights have no spread for a multiplier to scale.',
  orthogonalCap: (cap: number) =>
    `Orthogonal weights are drawn at most ${cap} units wide here: the engine makes each layer by Gram–Schmidt in plain JavaScript, about a second for a 512-wide one. The figure shows width ${cap}.`,

  layerAxis: 'layer',
  activationsHeading: 'Activations h',
  activationsAxis: 'activation h',
  activationsTitle: 'Distribution of every hidden layer’s activations',
  gradientsHeading: 'Gradients ∂loss/∂z',
  gradientsAxis: '|∂loss/∂z|',
  gradientsTitle: 'Distribution of the size of every hidden layer’s gradients',
  allZeroGradients: 'every gradient is exactly 0',
  overflow: 'overflow',
  violinDescription: (o: { what: string; setup: string; values: string; note: string }) =>
    `Violins, one per hidden layer from layer 1 (next to the input) to the last: how the ${o.what} are spread, for ${o.setup}. ${o.values}. ${o.note}`,
  activationWhat: 'activations',
  gradientWhat: 'sizes of the gradients ∂loss/∂z, on a log scale (exact zeros left out)',
  setup: (activation: string, depth: number, width: number, scheme: string, batch: number) =>
    `${depth} hidden ${depth === 1 ? 'layer' : 'layers'} of ${width} units with ${activation}, weights ${scheme}, a batch of ${batch} random inputs`,
  layerStd: (layer: number, std: string) => `layer ${layer}: std ${std}`,

  stdHeading: 'Spread per layer',
  stdTitle: 'Standard deviation of activations and gradients per layer (log scale)',
  stdAxis: 'std (log)',
  stdActivations: 'activations h',
  stdGradients: 'gradients ∂loss/∂z',
  stdDescription: (o: { setup: string; activations: string; gradients: string }) =>
    `Two lines over the hidden layers, on a log scale: the standard deviation of the activations (blue, circles): ${o.activations}; and of the gradients ∂loss/∂z (vermilion, dashed, triangles): ${o.gradients}. For ${o.setup}.`,
  stdZeros: 'A spread of exactly 0 has no place on a log scale: those layers are left out of the lines.',

  formulaHeading: 'The variance argument',
  formulaIntro: (n: number) => `Gains per layer (n = ${n}, δ = ∂loss/∂z):`,
  sigmoidNote:
    'Sigmoid’s mean is ½, so Var[z] never falls below n·Var[W]/4, while its slope, at most ¼, cuts the gradients’ variance 16-fold per layer unless n·Var[W] ≥ 16, which saturates the units. No multiplier keeps both steady.',

  summaryActivations: (first: string, last: number, lastStd: string, change: string) => `Activation std: layer 1 ${first}, layer ${last} ${lastStd}${change}.`,
  summaryGradients: (last: number, lastStd: string, first: string, trend: string, change: string) =>
    `Gradient std: layer ${last} (next to the loss) ${lastStd}, layer 1 ${first}${trend}${change}.`,
  change: (measured: string, prediction: string) => `: ×${measured}${prediction}`,
  predicts: (v: string) => ` (the gains predict ×${v})`,
  allowsAtMost: (v: string) => ` (the gains allow at most ×${v})`,
  vanishes: ' — it vanishes on the way back',
  explodes: ' — it explodes on the way back',
  steady: ' — about the same size throughout',
  activationOverflow: (layer: number) =>
    `From layer ${layer} on the activations overflow: they pass float32’s largest number, 3.4×10³⁸. The loss is then not a number, and neither is any gradient.`,
  gradientOverflow: (layer: number) => `From layer ${layer} down to layer 1 the gradients overflow float32.`,
  activationsVanish: (layer: number) => `From layer ${layer} on every activation is exactly 0: smaller than float32 can hold.`,
  saturated: (share: string, layer: number, bound: string) => `${share} of layer ${layer}’s units are saturated (within 0.01 of ${bound}, slope ≤ 0.02).`,
  saturatedFrom: (layer: number, bound: string) => `From layer ${layer} on, over half the units are saturated (within 0.01 of ${bound}, slope ≤ 0.02).`,
  saturationBounds: { tanh: '±1', sigmoid: '0 or 1' } as Record<Activation, string>,
  gradientZeros: (share: string, why: string) => `${share} of layer 1’s gradients are exactly 0 (${why}).`,
  reluZeros: 'ReLU passes nothing back where its input was negative',
  underflowZeros: 'they round to 0 in float32',
  symmetry: (width: number, value: string, depth: number) =>
    `Symmetry: on every example all ${width} units of a layer hold the same number (${value} in layer 1${depth > 1 ? `, and likewise up to layer ${depth}` : ''}): the units are copies of one another.`,
  symmetryStill: 'Every gradient of a hidden layer is exactly 0 as well, so gradient descent would not move these weights at all.',
  symmetrySame: (value: string) => `Their gradients are equal too (${value} at every unit of layer 1): every unit gets the same update, so training can never make them differ.`,
  method: (batch: number, classes: number) =>
    `Step 0, no training: ${batch} inputs from N(0, 1), no biases, a read-out to ${classes} classes, cross-entropy against random labels; δ is one example’s ∂loss/∂z.`,

  starting: 'Starting the compute engine…',
  engineFailed: (why: string) => `The compute engine could not start: ${why}`,
  failed: (why: string) => `The network could not be measured: ${why}`,
  drawing: (done: number, total: number) => `Drawing the weights: ${done} of ${total} layers…`,
  updating: 'Updating…',

  /** The settings' names in what the frame says about a shared link. */
  linkLabels: {
    activation: 'activation',
    init: 'initial weights',
    depth: 'hidden layers',
    width: 'units per layer',
    scale: 'weight scale',
    seed: 'seed',
  },

  /** TeX of Var[W] for each scheme, given the numbers as TeX. */
  varianceTex: {
    normal: (o: { m: string; n: string; v: string }) => String.raw`\operatorname{Var}[W] = \sigma^2 = ${o.m}^2 = ${o.v}`,
    xavier: (o: { m: string; n: string; v: string }) =>
      String.raw`\begin{aligned}\operatorname{Var}[W] &= m^2\,\frac{2}{n_{\mathrm{in}} + n_{\mathrm{out}}} \\ &= ${o.m}^2\cdot\frac{2}{${o.n} + ${o.n}} = ${o.v}\end{aligned}`,
    he: (o: { m: string; n: string; v: string }) =>
      String.raw`\begin{aligned}\operatorname{Var}[W] &= m^2\,\frac{2}{n_{\mathrm{in}}} \\ &= ${o.m}^2\cdot\frac{2}{${o.n}} = ${o.v}\end{aligned}`,
    orthogonal: (o: { m: string; n: string; v: string }) =>
      String.raw`\begin{aligned}W &= m\,Q,\quad Q^{\top}Q = I \\ \operatorname{Var}[W_{ij}] &= \frac{m^2}{n} = \frac{${o.m}^2}{${o.n}} = ${o.v}\end{aligned}`,
    zero: () => String.raw`W = 0,\quad \operatorname{Var}[W] = 0`,
  } satisfies Record<Scheme, (o: { m: string; n: string; v: string }) => string>,
  /** TeX of each gain's left-hand side (aligned at the relation that follows). */
  forwardLhs: String.raw`\frac{\operatorname{Var}[z_{l+1}]}{\operatorname{Var}[z_l]}`,
  sigmoidForwardLhs: String.raw`\operatorname{Var}[z_{l+1}]`,
  backwardLhs: String.raw`\frac{\operatorname{Var}[\delta_l]}{\operatorname{Var}[\delta_{l+1}]}`,
});
