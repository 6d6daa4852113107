// One artificial neuron, ŷ = σ(x·w + b), computed by the engine for a whole batch of inputs at
// once: the point the reader drags is a batch of one, the shaded input plane a batch of every
// grid cell. Pure engine code: no React here.
import { add, matmul, relu, sigmoid, tanh, tensor, tidy, where, type Tensor } from '../engine/index.ts';

export const NEURON_ACTIVATIONS = ['step', 'sigmoid', 'tanh', 'relu'] as const;
export type NeuronActivation = (typeof NEURON_ACTIVATIONS)[number];

/**
 * The threshold unit of the perceptron: 1 where z > 0, else 0 (z = 0 gives 0). Built from engine
 * ops: `where` picks 1 wherever relu(z) is non-zero, that is wherever z > 0.
 */
export function step(z: Tensor): Tensor {
  return where(relu(z), 1, 0);
}

export const activationFns: Record<NeuronActivation, (z: Tensor) => Tensor> = { step, sigmoid, tanh, relu };

// #region forward
/**
 * A neuron with two inputs on a batch of n points: x is [n, 2], w is [2, 1], b is [1].
 * Weighted sum z = x·w + b, then the output ŷ = σ(z) with the activation σ; both [n, 1].
 */
export function neuronForward(x: Tensor, w: Tensor, b: Tensor, sigma: (z: Tensor) => Tensor): { z: Tensor; yHat: Tensor } {
  const z = add(matmul(x, w), b);
  const yHat = sigma(z);
  return { z, yHat };
}
// #endregion

export interface NeuronParams {
  w1: number;
  w2: number;
  b: number;
  activation: NeuronActivation;
}

/** The weighted sums and outputs for plain input points, read back as plain numbers. */
export function evaluateNeuron(points: readonly (readonly [number, number])[], p: NeuronParams): { z: number[]; y: number[] } {
  if (points.length === 0) return { z: [], y: [] };
  return tidy(() => {
    const x = tensor(points.map(([a, c]) => [a, c]));
    const w = tensor([[p.w1], [p.w2]]);
    const b = tensor([p.b]);
    const { z, yHat } = neuronForward(x, w, b, activationFns[p.activation]);
    return { z: Array.from(z.data()), y: Array.from(yHat.data()) };
  });
}

/** The range of outputs each activation can give, for colouring the plane. */
export function outputRange(activation: NeuronActivation, p: Pick<NeuronParams, 'w1' | 'w2' | 'b'>, extent: number): [number, number] {
  switch (activation) {
    case 'step':
    case 'sigmoid':
      return [0, 1];
    case 'tanh':
      return [-1, 1];
    case 'relu': {
      // The largest weighted sum on the square [−extent, extent]² sits at a corner.
      const top = (Math.abs(p.w1) + Math.abs(p.w2)) * extent + p.b;
      return [0, Math.max(1, top)];
    }
  }
}

/** The output value on the boundary line z = 0, for each activation: f(0). */
export function outputAtZero(activation: NeuronActivation): number {
  return activation === 'sigmoid' ? 0.5 : 0;
}
