// XOR learnt by a 2-h-1 network with tanh hidden units, trained by plain gradient descent on the
// four points with the binary cross-entropy (on logits, for stability). The surfaces are read in
// one forward pass over the whole grid: the output's probability and each hidden unit's activation.
import { losses, nn, noGrad, optim, Random, sigmoid, tanh, tensor, tidy, type Tensor } from '../../engine/index.ts';

export const XOR_X = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
export const XOR_Y = [0, 1, 1, 0];
export const MIN_HIDDEN = 1;
export const MAX_HIDDEN = 8;

// #region xor
/** 2 → hidden (tanh) → 1 logit, from a seed: the same seed gives the same run on every screen. */
export function makeXorNet(hiddenUnits: number, seed: number): nn.Sequential {
  const rng = new Random(seed);
  return new nn.Sequential(new nn.Linear(2, hiddenUnits, { rng, init: 'xavierNormal' }), new nn.Tanh(), new nn.Linear(hiddenUnits, 1, { rng, init: 'xavierNormal' }));
}

/** One step of gradient descent: forward, loss, backward (every gradient), update. */
export function xorStep(net: nn.Sequential, opt: optim.Optimizer, x: Tensor, y: Tensor): { loss: Tensor } {
  opt.zeroGrad();
  const loss = losses.bceWithLogits(net.forward(x), y);
  loss.backward();
  opt.step();
  return { loss };
}
// #endregion

export interface XorPicture {
  /** σ(logit) on the grid, row-major from the bottom row. */
  output: number[];
  /** Each hidden unit's tanh activation on the grid. */
  hidden: number[][];
  /** σ(logit) at the four points. */
  atPoints: number[];
}

/** One forward pass over the grid and the four points: the output and every hidden unit. */
export function xorPicture(net: nn.Sequential, grid: readonly (readonly [number, number])[]): XorPicture {
  return tidy(() =>
    noGrad(() => {
      const x = tensor([...grid.map((p) => [p[0], p[1]]), ...XOR_X]);
      const [first, , last] = net.layers as [nn.Linear, nn.Tanh, nn.Linear];
      const h = tanh(first.forward(x));
      const p = sigmoid(last.forward(h));
      const hv = h.data();
      const pv = Array.from(p.data());
      const units = h.shape[1];
      const n = grid.length;
      const hidden = Array.from({ length: units }, (_, u) => Array.from({ length: n }, (_, i) => hv[i * units + u]));
      return { output: pv.slice(0, n), hidden, atPoints: pv.slice(n) };
    }),
  );
}

export function xorAccuracy(atPoints: readonly number[]): number {
  return atPoints.filter((p, i) => (p > 0.5 ? 1 : 0) === XOR_Y[i]).length / XOR_Y.length;
}

export function makeOptimizer(net: nn.Sequential, lr: number): optim.SGD {
  return new optim.SGD(net, { lr });
}

/**
 * A symmetric start: every hidden unit becomes a copy of unit 1 (its input weights, bias and output
 * weight). Units that start equal get equal gradients and stay equal, so the layer acts as one unit.
 */
export function copyFirstUnit(net: nn.Sequential): void {
  const state = net.stateDict();
  const units = state['0.bias'].shape[0];
  const copy = (key: string, rows: number) => {
    const v = state[key].values;
    state[key] = { shape: state[key].shape, values: v.map((_, i) => v[Math.floor(i / units) * units]) };
    if (v.length !== rows * units) throw new Error(`copyFirstUnit: ${key} is not ${rows}×${units}`);
  };
  copy('0.weight', 2);
  copy('0.bias', 1);
  // The output layer's weight is [units, 1]: one row per unit.
  const out = state['2.weight'].values;
  state['2.weight'] = { shape: state['2.weight'].shape, values: out.map(() => out[0]) };
  net.loadStateDict(state);
}

/** The largest difference between any hidden unit's parameters and unit 1's (0 for a symmetric net). */
export function unitSpread(net: nn.Sequential): number {
  const state = net.stateDict();
  const units = state['0.bias'].shape[0];
  let spread = 0;
  const w = state['0.weight'].values;
  w.forEach((v, i) => (spread = Math.max(spread, Math.abs(v - w[Math.floor(i / units) * units]))));
  state['0.bias'].values.forEach((v, _, b) => (spread = Math.max(spread, Math.abs(v - b[0]))));
  state['2.weight'].values.forEach((v, _, o) => (spread = Math.max(spread, Math.abs(v - o[0]))));
  return spread;
}

/** `steps` steps of gradient descent on the four points; returns the loss of the last step. */
export function trainXor(net: nn.Sequential, learningRate: number, steps: number): number {
  const opt = makeOptimizer(net, learningRate);
  const x = tensor(XOR_X);
  const y = tensor(XOR_Y.map((v) => [v]));
  let loss = Number.NaN;
  try {
    for (let i = 0; i < steps; i++) loss = tidy(() => xorStep(net, opt, x, y).loss.item());
  } finally {
    opt.dispose();
    x.dispose();
    y.dispose();
  }
  return loss;
}
