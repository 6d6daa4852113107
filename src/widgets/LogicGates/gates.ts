// Logic gates from threshold neurons: the four inputs of a two-input gate, its truth table, one
// neuron evaluated on all four rows at once, and the 2-2-1 network that XOR needs. Pure engine
// code and plain data: no React here.
import { matmul, add, sigmoid, tensor, tidy, type Tensor } from '../../engine/index.ts';
import { step } from '../../models/neuron.ts';

export const GATES = ['AND', 'OR', 'NAND', 'XOR'] as const;
export type Gate = (typeof GATES)[number];

/** The four rows of every two-input truth table, in the usual order. */
export const GATE_INPUTS: readonly [number, number][] = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];

export const GATE_TARGETS: Record<Gate, readonly number[]> = {
  AND: [0, 0, 0, 1],
  OR: [0, 1, 1, 1],
  NAND: [1, 1, 1, 0],
  XOR: [0, 1, 1, 0],
};

export type UnitKind = 'step' | 'sigmoid';
const unitFns: Record<UnitKind, (z: Tensor) => Tensor> = { step, sigmoid };

// #region gate
// step(z) is 1 where z > 0 and 0 elsewhere (defined with the neuron, src/models/neuron.ts).

/** One neuron on the four rows: x is [4, 2], w is [2, 1], b is [1]; output step(x·w + b), [4, 1]. */
export function gateNeuron(x: Tensor, w: Tensor, b: Tensor): Tensor {
  return step(add(matmul(x, w), b));
}

/**
 * The 2-2-1 network on the four rows: hidden h = f(x·W1 + b1), [4, 2], then y = f(h·W2 + b2),
 * [4, 1]; f is the step or the sigmoid.
 */
export function gateNetwork(x: Tensor, W1: Tensor, b1: Tensor, W2: Tensor, b2: Tensor, f: (z: Tensor) => Tensor): { h: Tensor; y: Tensor } {
  const h = f(add(matmul(x, W1), b1));
  const y = f(add(matmul(h, W2), b2));
  return { h, y };
}
// #endregion

export interface SingleNeuron {
  w1: number;
  w2: number;
  b: number;
}

/** A 2-2-1 network: hidden unit j has weights (W1[0][j], W1[1][j]) and bias b1[j]. */
export interface TwoLayerNet {
  W1: [[number, number], [number, number]];
  b1: [number, number];
  W2: [number, number];
  b2: number;
}

/** The single neuron's weighted sums and outputs on the four rows (or on other points). */
export function evaluateGateNeuron(p: SingleNeuron, points: readonly (readonly [number, number])[] = GATE_INPUTS): { z: number[]; y: number[] } {
  if (points.length === 0) return { z: [], y: [] };
  return tidy(() => {
    const x = tensor(points.map((r) => [...r]));
    const w = tensor([[p.w1], [p.w2]]);
    const b = tensor([p.b]);
    const z = add(matmul(x, w), b);
    return { z: Array.from(z.data()), y: Array.from(gateNeuron(x, w, b).data()) };
  });
}

/** The network's hidden values (a pair per row) and outputs on the four rows (or on other points). */
export function evaluateGateNetwork(
  net: TwoLayerNet,
  unit: UnitKind,
  points: readonly (readonly [number, number])[] = GATE_INPUTS,
): { h: [number, number][]; y: number[] } {
  if (points.length === 0) return { h: [], y: [] };
  return tidy(() => {
    const x = tensor(points.map((r) => [...r]));
    const { h, y } = gateNetwork(
      x,
      tensor(net.W1.map((r) => [...r])),
      tensor([...net.b1]),
      tensor(net.W2.map((v) => [v])),
      tensor([net.b2]),
      unitFns[unit],
    );
    const hv = Array.from(h.data());
    return { h: points.map((_, i) => [hv[2 * i], hv[2 * i + 1]] as [number, number]), y: Array.from(y.data()) };
  });
}

/** The output read as a bit: a step already is one; a sigmoid counts as 1 above one half. */
export function asBit(y: number): number {
  return y > 0.5 ? 1 : 0;
}

/** Per row: does the (rounded) output match the gate's target? */
export function rowMatches(gate: Gate, outputs: readonly number[]): boolean[] {
  return GATE_TARGETS[gate].map((t, i) => asBit(outputs[i]) === t);
}

/** A single threshold neuron for each gate that one neuron can realise (XOR has none). */
export const GATE_SOLUTIONS: Record<Exclude<Gate, 'XOR'>, SingleNeuron> = {
  AND: { w1: 1, w2: 1, b: -1.5 },
  OR: { w1: 1, w2: 1, b: -0.5 },
  NAND: { w1: -1, w2: -1, b: 1.5 },
};

/**
 * XOR = AND(OR(x₁, x₂), NAND(x₁, x₂)): hidden unit 1 is OR, hidden unit 2 is NAND, the output AND.
 * Sigmoid units need the same weights scaled up (×10) so that they come close to 0 and 1.
 */
export const XOR_SOLUTIONS: Record<UnitKind, TwoLayerNet> = {
  step: {
    W1: [
      [1, -1],
      [1, -1],
    ],
    b1: [-0.5, 1.5],
    W2: [1, 1],
    b2: -1.5,
  },
  sigmoid: {
    W1: [
      [10, -10],
      [10, -10],
    ],
    b1: [-5, 15],
    W2: [10, 10],
    b2: -15,
  },
};

/** The network the reader starts from: every weight and bias zero. */
export const BLANK_NET: TwoLayerNet = {
  W1: [
    [0, 0],
    [0, 0],
  ],
  b1: [0, 0],
  W2: [0, 0],
  b2: 0,
};

/** The network's nine numbers as three neurons (w₁, w₂, b): hidden 1, hidden 2, output. */
export function netToList(net: TwoLayerNet): number[] {
  return [net.W1[0][0], net.W1[1][0], net.b1[0], net.W1[0][1], net.W1[1][1], net.b1[1], net.W2[0], net.W2[1], net.b2];
}

/** The inverse of `netToList`; missing numbers count as 0. */
export function listToNet(v: readonly number[]): TwoLayerNet {
  const at = (i: number) => (Number.isFinite(v[i]) ? v[i] : 0);
  return {
    W1: [
      [at(0), at(3)],
      [at(1), at(4)],
    ],
    b1: [at(2), at(5)],
    W2: [at(6), at(7)],
    b2: at(8),
  };
}
