// How big the gradient of each layer's weights is in a deep stack, measured with the engine's
// backward pass: `depth` hidden layers of `WIDTH` units, each Linear followed by the activation,
// then a linear read-out to one number, on a fixed random batch with fixed random targets and the
// mean squared error. Layer 1 is the one next to the input, so a gradient that vanishes on its
// way back shows up as bars shrinking towards layer 1.
import { abs, div, max, mean, mul, nn, Random, sqrt, square, sub, sum, tensor, tidy, where, type Tensor } from '../engine/index.ts';

export const gradientActivations = ['sigmoid', 'tanh', 'relu'] as const;
export type GradientActivation = (typeof gradientActivations)[number];
export const initNames = ['small', 'xavier', 'he', 'large'] as const;
export type InitName = (typeof initNames)[number];

export const WIDTH = 16;
export const BATCH = 64;
export const MIN_DEPTH = 2;
export const MAX_DEPTH = 20;
/** Standard deviation of the 'small' initialisation: "small random numbers", N(0, 0.01²). */
export const SMALL_STD = 0.01;
/** Standard deviation of the 'large' initialisation, N(0, 1): about 2.8 times He's for 16 inputs. */
export const LARGE_STD = 1;

/**
 * The weight initialisers on offer. Xavier (Glorot & Bengio, 2010) and He (He et al., 2015) in
 * their normal forms: variance 2/(fanIn + fanOut) and 2/fanIn. Biases start at zero.
 */
const initialisers: Record<InitName, nn.LinearOptions['init']> = {
  small: (shape, rng) => nn.init.normal(shape, 0, SMALL_STD, rng),
  xavier: 'xavierNormal',
  he: 'kaimingNormal',
  large: (shape, rng) => nn.init.normal(shape, 0, LARGE_STD, rng),
};

const activationModules: Record<GradientActivation, () => nn.TensorModule> = {
  sigmoid: () => new nn.Sigmoid(),
  tanh: () => new nn.Tanh(),
  relu: () => new nn.ReLU(),
};

export interface DepthSetup {
  activation: GradientActivation;
  depth: number;
  init: InitName;
  seed: number;
}

/** The stack, its hidden layers (for their gradients), and a batch drawn from the same seed. */
export function buildStack({ activation, depth, init, seed }: DepthSetup) {
  const rng = new Random(seed);
  const hidden: nn.Linear[] = [];
  const layers: nn.TensorModule[] = [];
  for (let i = 0; i < depth; i++) {
    const layer = new nn.Linear(WIDTH, WIDTH, { init: initialisers[init], rng });
    hidden.push(layer);
    layers.push(layer, activationModules[activation]());
  }
  layers.push(new nn.Linear(WIDTH, 1, { init: 'xavierNormal', rng }));
  const model = new nn.Sequential(...layers);
  const inputs = Array.from(rng.normalArray(BATCH * WIDTH));
  const targets = Array.from(rng.normalArray(BATCH));
  return { model, hidden, inputs, targets };
}

// #region gradients
/** ‖∂loss/∂W‖ (Frobenius norm) of each hidden layer's weights, layer 1 first. */
export function layerGradientNorms(setup: DepthSetup): number[] {
  const { model, hidden, inputs, targets } = buildStack(setup);
  try {
    return tidy(() => {
      const x = tensor(inputs, [BATCH, WIDTH]);
      const y = tensor(targets, [BATCH, 1]);
      const loss = mean(square(sub(model.forward(x), y)));
      loss.backward();
      return hidden.map((layer) => scaledNorm(layer.weight.grad!).item());
    });
  } finally {
    model.dispose(); // the weights and their gradients
  }
}
// #endregion

/**
 * The Frobenius norm √(Σ g²), computed as m·‖g/m‖ with m = max|g|. Deep in a vanishing stack the
 * entries of a gradient can be about 10⁻³⁰: float32 holds them, but not their squares, which
 * round to 0, so the plain formula would report 0 for a gradient that is not 0. Dividing by m
 * first keeps every square between 0 and 1. A gradient of zeros divides by 1 instead and gives 0.
 */
export function scaledNorm(t: Tensor): Tensor {
  const m = max(abs(t));
  const divisor = where(m, m, 1);
  return mul(m, sqrt(sum(square(div(t, divisor)))));
}

export interface GradientSummary {
  /** Layer 1's norm divided by the last hidden layer's (Infinity or NaN never: null instead). */
  firstOverLast: number | null;
  /** Number of layers whose gradient is exactly 0 (every entry below the smallest float32 number). */
  zeros: number;
}

export function summarise(norms: number[]): GradientSummary {
  const first = norms[0];
  const last = norms[norms.length - 1];
  const ratio = last > 0 && Number.isFinite(first) ? first / last : null;
  return { firstOverLast: ratio, zeros: norms.filter((v) => v === 0).length };
}

/** The product of the largest possible slopes: sigmoid′ ≤ 1/4 per layer, so (1/4)ⁿ at best for n layers. */
export function sigmoidBound(layers: number): number {
  return 0.25 ** layers;
}

/**
 * The value axis of a log-scale chart: at least 10⁻⁸ to 10, widened to hold every non-zero norm,
 * so that level bars look level and a fall over many powers of ten looks like one (an axis fitted
 * tightly to the bars would stretch a factor of 7 across the whole height).
 */
export function logDomain(norms: number[]): [number, number] {
  const positive = norms.filter((v) => v > 0 && Number.isFinite(v));
  const lo = Math.min(1e-8, ...positive.map((v) => v / 3));
  const hi = Math.max(10, ...positive.map((v) => v * 3));
  return [10 ** Math.floor(Math.log10(lo)), 10 ** Math.ceil(Math.log10(hi))];
}
