// A deep stack trained for real: `depth` hidden layers of WIDTH units (the same stack as the
// activations chapter's GradientDepth figure) on a two-class toy set, by plain gradient descent,
// with weights drawn from N(0, (scale/√fanIn)²). Each step also returns the norm of every hidden
// layer's weight gradient, so the figure can show the gradient's size per layer while the network
// learns, or fails to. Plain SGD on purpose: Adam rescales each gradient and would hide the effect.
import { data, losses, nn, noGrad, optim, Random, sqrt, square, sum, tidy, type Tensor } from '../../engine/index.ts';
import { WIDTH, gradientActivations, type GradientActivation } from '../../models/gradientDepth.ts';

export { WIDTH, gradientActivations, type GradientActivation };
export const MIN_DEPTH = 1;
export const MAX_DEPTH = 20;
export const MIN_SCALE = 0.25;
export const MAX_SCALE = 4;
export const LEARNING_RATE = 0.1;
export const POINTS = 200;

export interface DeepSetup {
  activation: GradientActivation;
  depth: number;
  /** Weight standard deviation in units of 1/√fanIn: 1 is LeCun's, √2 He's (for ReLU). */
  scale: number;
  seed: number;
}

const activationModules: Record<GradientActivation, () => nn.TensorModule> = {
  sigmoid: () => new nn.Sigmoid(),
  tanh: () => new nn.Tanh(),
  relu: () => new nn.ReLU(),
};

// #region deep
/** 2 → depth × (Linear(WIDTH) → activation) → 1 logit; hidden weights N(0, (scale/√fanIn)²). */
export function buildDeepNet({ activation, depth, scale, seed }: DeepSetup) {
  const rng = new Random(seed);
  const init: nn.LinearOptions['init'] = (shape, r) => nn.init.normal(shape, 0, scale / Math.sqrt(shape[0]), r);
  const hidden: nn.Linear[] = [];
  const layers: nn.TensorModule[] = [];
  for (let i = 0; i < depth; i++) {
    const layer = new nn.Linear(i === 0 ? 2 : WIDTH, WIDTH, { init, rng });
    hidden.push(layer);
    layers.push(layer, activationModules[activation]());
  }
  layers.push(new nn.Linear(WIDTH, 1, { init: 'xavierNormal', rng }));
  return { model: new nn.Sequential(...layers), hidden };
}

/** One step of gradient descent; returns the loss and ‖∂L/∂W‖ of every hidden layer (g1 … gN). */
export function deepStep(model: nn.Sequential, hidden: nn.Linear[], opt: optim.Optimizer, x: Tensor, y: Tensor) {
  opt.zeroGrad();
  const logits = model.forward(x);
  const loss = losses.bceWithLogits(logits, y);
  loss.backward();
  const norms = Object.fromEntries(hidden.map((layer, i) => [`g${i + 1}`, sqrt(sum(square(layer.weight.grad!)))]));
  opt.step();
  return { loss, ...norms };
}
// #endregion

/** Share of the points on the right side of the boundary, from one forward pass without a graph. */
export function accuracyOf(model: nn.Sequential, x: Tensor, labels: readonly number[]): number {
  const z = tidy(() => noGrad(() => Array.from(model.forward(x).data())));
  return z.filter((v, i) => (v > 0) === (labels[i] > 0.5)).length / Math.max(1, labels.length);
}

export function makeData(seed: number) {
  return data.toyDataset('circle', { n: POINTS, noise: 0.1, seed });
}

export function makeOptimizer(model: nn.Sequential): optim.SGD {
  return new optim.SGD(model, { lr: LEARNING_RATE });
}

/** The metrics of a step as the per-layer norms, layer 1 first. */
export function normsOf(metrics: Record<string, number>, depth: number): number[] | null {
  const out: number[] = [];
  for (let i = 1; i <= depth; i++) {
    const v = metrics[`g${i}`];
    if (v === undefined) return null;
    out.push(v);
  }
  return out;
}

/** ‖∂L/∂W‖ per hidden layer at the starting weights (one backward pass, no update). */
export function startingNorms(setup: DeepSetup): number[] {
  const { model, hidden } = buildDeepNet(setup);
  const set = makeData(setup.seed);
  try {
    return tidy(() => {
      const { x, y } = data.toTensors(set);
      losses.bceWithLogits(model.forward(x), y).backward();
      return hidden.map((layer) => sqrt(sum(square(layer.weight.grad!))).item());
    });
  } finally {
    model.dispose();
  }
}
