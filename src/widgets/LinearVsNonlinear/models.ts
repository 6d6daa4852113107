// Two networks of the same shape, 2 → hidden → hidden → 1, drawn from the same seed so they start
// from the same weights: one with no activation between its layers, one with tanh or ReLU. Both
// are trained on the same points with the same loss and optimiser, so the activation is the only
// difference. The output is a logit: class 1 where it is positive.
import { add, losses, matmul, nn, noGrad, optim, Random, reshape, tensor, tidy, type Tensor } from '../../engine/index.ts';

export const netActivations = ['relu', 'tanh'] as const;
export type NetActivation = (typeof netActivations)[number];
export type AnyActivation = NetActivation | 'identity';

export const MIN_HIDDEN = 2;
export const MAX_HIDDEN = 32;
export const LEARNING_RATE = 0.03;
export const SEED = 1;

// #region models
/** Linear → f → Linear → f → Linear, where f is the identity for the linear network. */
export function makeNet(activation: AnyActivation, hidden: number, seed: number): nn.Sequential {
  const rng = new Random(seed); // the same seed gives both networks the same starting weights
  const f = (): nn.TensorModule =>
    activation === 'relu' ? new nn.ReLU() : activation === 'tanh' ? new nn.Tanh() : new nn.Identity();
  return new nn.Sequential(
    new nn.Linear(2, hidden, { rng }),
    f(),
    new nn.Linear(hidden, hidden, { rng }),
    f(),
    new nn.Linear(hidden, 1, { rng }),
  );
}

/** One step of training: binary cross-entropy on the logits, backward, Adam. */
export function trainingStep(net: nn.Sequential, opt: optim.Optimizer, x: Tensor, y: Tensor): { loss: Tensor } {
  opt.zeroGrad();
  const loss = losses.bceWithLogits(net.forward(x), y);
  loss.backward();
  opt.step();
  return { loss };
}

/**
 * With no activation, the three layers x·W₁ + b₁, ·W₂ + b₂, ·W₃ + b₃ are one affine map x·W + b
 * with W = W₁W₂W₃ and b = (b₁W₂ + b₂)W₃ + b₃.
 */
export function collapse(net: nn.Sequential): { W: number[]; b: number } {
  const [l1, , l2, , l3] = net.layers as nn.Linear[];
  const row = (t: Tensor) => reshape(t, [1, t.size]);
  return tidy(() =>
    noGrad(() => {
      const W = matmul(matmul(l1.weight, l2.weight), l3.weight); // [2, 1]
      const b = add(matmul(add(matmul(row(l1.bias!), l2.weight), row(l2.bias!)), l3.weight), row(l3.bias!)); // [1, 1]
      return { W: Array.from(W.data()), b: b.item() };
    }),
  );
}
// #endregion

/** The network's logit at each point, in one forward pass without a graph. */
export function logitsAt(net: nn.Sequential, points: number[][]): number[] {
  if (points.length === 0) return [];
  return tidy(() => noGrad(() => Array.from(net.forward(tensor(points)).data())));
}

/** Share of points whose logit has the sign of its label (label 1: positive). */
export function accuracy(logits: number[], labels: number[]): number {
  if (logits.length === 0 || logits.length !== labels.length) return 0;
  const right = logits.reduce((n, z, i) => n + ((z > 0) === (labels[i] > 0.5) ? 1 : 0), 0);
  return right / logits.length;
}

/** The largest gap between the network's logits and x·W + b over the points (0 up to rounding). */
export function collapseGap(logits: number[], points: number[][], map: { W: number[]; b: number }): number {
  return points.reduce((m, [x1, x2], i) => Math.max(m, Math.abs(logits[i] - (x1 * map.W[0] + x2 * map.W[1] + map.b))), 0);
}

/** Probabilities sigmoid(z) of a list of logits, for colouring the surface. */
export function probabilities(logits: number[]): number[] {
  return logits.map((z) => 1 / (1 + Math.exp(-z)));
}
