// The neuron figure's logic: the engine's forward pass against plain-JS arithmetic, the boundary
// line's geometry, and memory returning to its baseline.
import { beforeAll, describe, expect, it } from 'vitest';
import { liveTensorCount } from '../../src/engine/index.ts';
import { factor, fixed } from '../../src/widgets/kit/format.ts';
import { clipLine } from '../../src/widgets/kit/plane.ts';
import { gridCenters } from '../../src/widgets/kit/plot/grid.ts';
import { snapTo } from '../../src/widgets/Neuron/snap.ts';
import { evaluateNeuron, NEURON_ACTIVATIONS, outputRange, type NeuronActivation } from '../../src/models/neuron.ts';
import { useBackend } from '../support/backends.ts';

beforeAll(async () => {
  await useBackend('cpu');
});

const reference: Record<NeuronActivation, (z: number) => number> = {
  step: (z) => (z > 0 ? 1 : 0),
  sigmoid: (z) => 1 / (1 + Math.exp(-z)),
  tanh: (z) => Math.tanh(z),
  relu: (z) => Math.max(0, z),
};

describe('evaluateNeuron', () => {
  const points: [number, number][] = [
    [0, 0],
    [1.5, -2],
    [-3, 3],
    [0.5, 0.5],
    [2.9, 2.9],
  ];
  for (const activation of NEURON_ACTIVATIONS) {
    it(`matches z = w₁x₁ + w₂x₂ + b and y = f(z) for ${activation}`, () => {
      const p = { w1: 1.3, w2: -0.7, b: 0.4, activation };
      const { z, y } = evaluateNeuron(points, p);
      points.forEach(([x1, x2], i) => {
        const zRef = p.w1 * x1 + p.w2 * x2 + p.b;
        expect(z[i]).toBeCloseTo(zRef, 5);
        expect(y[i]).toBeCloseTo(reference[activation](zRef), 5);
      });
    });
  }

  it('gives the default neuron (w = (1, −1), b = 0, sigmoid) σ(0.5) at (1, 0.5)', () => {
    const { z, y } = evaluateNeuron([[1, 0.5]], { w1: 1, w2: -1, b: 0, activation: 'sigmoid' });
    expect(z[0]).toBeCloseTo(0.5, 6);
    expect(y[0]).toBeCloseTo(1 / (1 + Math.exp(-0.5)), 6);
  });

  it('takes the step at exactly z = 0 as 0 and just above as 1', () => {
    const { y } = evaluateNeuron(
      [
        [1, 1],
        [1, 1.5],
      ],
      { w1: 1, w2: -1, b: 0, activation: 'step' },
    );
    expect(y).toEqual([0, 0]);
    const above = evaluateNeuron([[1, 0.5]], { w1: 1, w2: -1, b: 0, activation: 'step' });
    expect(above.y).toEqual([1]);
  });

  it('stays finite at the extremes of every control', () => {
    for (const activation of NEURON_ACTIVATIONS) {
      const { z, y } = evaluateNeuron(
        [
          [3, 3],
          [-3, -3],
        ],
        { w1: 3, w2: 3, b: 3, activation },
      );
      expect([...z, ...y].every(Number.isFinite)).toBe(true);
    }
  });

  it('returns empty lists for no points and leaves no tensor behind', () => {
    const before = liveTensorCount();
    expect(evaluateNeuron([], { w1: 1, w2: 1, b: 0, activation: 'relu' })).toEqual({ z: [], y: [] });
    evaluateNeuron(gridCenters({ x: [-3, 3], y: [-3, 3] }, 40, 40), { w1: 1, w2: 2, b: -1, activation: 'tanh' });
    expect(liveTensorCount()).toBe(before);
  });
});

describe('gridCenters', () => {
  it('lists cell centres row by row from the bottom, as the heat map reads them', () => {
    const g = gridCenters({ x: [-3, 3], y: [-3, 3] }, 3, 3);
    expect(g).toHaveLength(9);
    expect(g[0]).toEqual([-2, -2]);
    expect(g[2]).toEqual([2, -2]);
    expect(g[8]).toEqual([2, 2]);
  });
});

describe('outputRange', () => {
  it('covers what each activation can give on the square', () => {
    expect(outputRange('sigmoid', { w1: 1, w2: 1, b: 0 }, 3)).toEqual([0, 1]);
    expect(outputRange('tanh', { w1: 1, w2: 1, b: 0 }, 3)).toEqual([-1, 1]);
    expect(outputRange('relu', { w1: 1, w2: -2, b: 1 }, 3)).toEqual([0, 10]);
    expect(outputRange('relu', { w1: 0, w2: 0, b: -2 }, 3)).toEqual([0, 1]);
  });
});

describe('clipLine', () => {
  const onLine = (w1: number, w2: number, b: number, p: [number, number]) => Math.abs(w1 * p[0] + w2 * p[1] + b) < 1e-9;

  it('clips x₁ − x₂ = 0 to the diagonal of the square', () => {
    const seg = clipLine(1, -1, 0, -3, 3);
    expect(seg).not.toBeNull();
    const ends = seg!.map((p) => p.join(',')).sort();
    expect(ends).toEqual(['-3,-3', '3,3']);
  });

  it('finds vertical and horizontal lines', () => {
    expect(clipLine(2, 0, -2, -3, 3)).toEqual([
      [1, -3],
      [1, 3],
    ]);
    const h = clipLine(0, 1, 0.5, -3, 3)!;
    expect(h.every((p) => p[1] === -0.5)).toBe(true);
  });

  it('returns end points on the line and inside the window', () => {
    for (const [w1, w2, b] of [
      [1, 2, 0.3],
      [-2.5, 0.7, 1],
      [0.1, -3, -2],
    ]) {
      const seg = clipLine(w1, w2, b, -3, 3)!;
      for (const p of seg) {
        expect(onLine(w1, w2, b, p)).toBe(true);
        expect(Math.abs(p[0]) <= 3 && Math.abs(p[1]) <= 3).toBe(true);
      }
    }
  });

  it('returns null when there is no line or it misses the window', () => {
    expect(clipLine(0, 0, 1, -3, 3)).toBeNull();
    expect(clipLine(1, 1, 10, -3, 3)).toBeNull();
  });
});

describe('formatting', () => {
  it('writes a true minus, never −0', () => {
    expect(fixed(-0.7, 2)).toBe('−0.70');
    expect(fixed(-0.0001, 2)).toBe('0.00');
    expect(fixed(Number.NaN, 2)).toBe('–');
    expect(factor(-1)).toBe('(−1.0)');
    expect(factor(2)).toBe('2.0');
  });

  it('snaps arrow-key moves to the grid and the window', () => {
    expect(snapTo(0.30000000000000004, -3, 3, 0.1)).toBe(0.3);
    expect(snapTo(3.2, -3, 3, 0.1)).toBe(3);
  });
});
