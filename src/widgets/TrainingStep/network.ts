// One training step of a 2-3-1 network on one example, as matrices: forward layer by layer, the
// loss, backward layer by layer, the update, the new loss. The forward pass is traced with the
// engine (`traceWithGradients`), so every intermediate gradient shown (∂L/∂ŷ, ∂L/∂h, ∂L/∂z₁) is
// the engine's own, read from its graph; the update is engine arithmetic too.
import { add, matmul, mul, noGrad, Random, sigmoid, square, sub, sum, tensor, tidy, traceWithGradients, type Tensor, type TracedGraph } from '../../engine/index.ts';

export type Matrix = number[][];

export interface Weights {
  W1: Matrix; // [2, 3]
  b1: Matrix; // [1, 3]
  W2: Matrix; // [3, 1]
  b2: Matrix; // [1, 1]
}

/** Starting weights from a seed, rounded to one decimal so that they can be read and copied. */
export function initialWeights(seed: number): Weights {
  const rng = new Random(seed);
  const draw = (rows: number, cols: number): Matrix =>
    Array.from({ length: rows }, () => Array.from({ length: cols }, () => Math.round(rng.uniform(-1, 1) * 10) / 10 || 0));
  return { W1: draw(2, 3), b1: draw(1, 3), W2: draw(3, 1), b2: draw(1, 1) };
}

export interface StepNumbers {
  x: Matrix;
  y: number;
  weights: Weights;
  z1: Matrix;
  h: Matrix;
  yHat: number;
  loss: number;
  /** ∂L/∂ŷ, ∂L/∂W2, ∂L/∂b2, ∂L/∂h, ∂L/∂z1, ∂L/∂W1, ∂L/∂b1: all from the engine's backward pass. */
  dYHat: number;
  dW2: Matrix;
  db2: Matrix;
  dH: Matrix;
  dZ1: Matrix;
  dW1: Matrix;
  db1: Matrix;
  learningRate: number;
  updated: Weights;
  newLoss: number;
}

function rows(flat: readonly number[], shape: readonly number[]): Matrix {
  const cols = shape[shape.length - 1] ?? 1;
  const out: Matrix = [];
  for (let r = 0; r < flat.length / cols; r++) out.push(flat.slice(r * cols, (r + 1) * cols));
  return out;
}

// #region step
/** h = σ(x·W1 + b1), ŷ = h·W2 + b2, L = ½(ŷ − y)². Returns L; names every node for the trace. */
export function forward(x: Tensor, y: Tensor, p: { W1: Tensor; b1: Tensor; W2: Tensor; b2: Tensor }): Tensor {
  const z1 = add(matmul(x, p.W1), p.b1);
  z1.name = 'z1';
  const h = sigmoid(z1);
  h.name = 'h';
  const yHat = add(matmul(h, p.W2), p.b2);
  yHat.name = 'yHat';
  return mul(0.5, sum(square(sub(yHat, y))));
}

/** Gradient descent: every parameter moves against its gradient, θ ← θ − η·∂L/∂θ. */
export function update(param: Tensor, grad: Tensor, learningRate: number): Tensor {
  return noGrad(() => sub(param, mul(learningRate, grad)));
}
// #endregion

/** The whole step on one example, as plain numbers. */
export function trainingStep(inputs: [number, number], target: number, weights: Weights, learningRate: number): StepNumbers {
  return tidy(() => {
    const x = tensor([inputs]);
    const y = tensor([[target]]);
    const p = {
      W1: tensor(weights.W1, undefined, { requiresGrad: true, name: 'W1' }),
      b1: tensor(weights.b1, undefined, { requiresGrad: true, name: 'b1' }),
      W2: tensor(weights.W2, undefined, { requiresGrad: true, name: 'W2' }),
      b2: tensor(weights.b2, undefined, { requiresGrad: true, name: 'b2' }),
    };
    const graph: TracedGraph = traceWithGradients(() => forward(x, y, p));
    const node = (name: string) => {
      const n = graph.nodes.find((m) => m.name === name);
      if (!n) throw new Error(`trainingStep: no node ${name} in the trace`);
      return n;
    };
    const value = (name: string) => rows(node(name).value, node(name).shape);
    const grad = (name: string) => rows(node(name).grad ?? [], node(name).shape);
    const next = (name: keyof Weights) => update(p[name], tensor(grad(name)), learningRate);
    const np = { W1: next('W1'), b1: next('b1'), W2: next('W2'), b2: next('b2') };
    const newLoss = noGrad(() => forward(x, y, np).item());
    const out = graph.nodes.find((n) => n.id === graph.outputId)!;
    return {
      x: [inputs.slice()],
      y: target,
      weights,
      z1: value('z1'),
      h: value('h'),
      yHat: node('yHat').value[0],
      loss: out.value[0],
      dYHat: node('yHat').grad![0],
      dW2: grad('W2'),
      db2: grad('b2'),
      dH: grad('h'),
      dZ1: grad('z1'),
      dW1: grad('W1'),
      db1: grad('b1'),
      learningRate,
      updated: { W1: np.W1.toArray() as Matrix, b1: np.b1.toArray() as Matrix, W2: np.W2.toArray() as Matrix, b2: np.b2.toArray() as Matrix },
      newLoss,
    };
  });
}

/** The stages the widget walks through, in order. */
export const stages = ['layer1', 'layer2', 'outputGrad', 'hiddenGrad', 'update', 'newLoss'] as const;
export type Stage = (typeof stages)[number];

/** True when every number of the step is finite (a huge learning rate can overflow the new loss). */
export function isFiniteStep(s: StepNumbers): boolean {
  const all = [s.loss, s.newLoss, ...Object.values(s.updated).flat(2)];
  return all.every((v) => Number.isFinite(v));
}
