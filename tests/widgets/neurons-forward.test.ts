// The forward-pass figure: a seeded network gives the same weights every time, each layer's numbers
// agree with plain-JS matrix arithmetic, and disposing the network frees every tensor.
import { beforeAll, describe, expect, it } from 'vitest';
import { liveTensorCount } from '../../src/engine/index.ts';
import { largestWeight, layoutEdges, layoutNodes } from '../../src/widgets/ForwardPass/draw.ts';
import { defaultInputs, ForwardNetwork, sanitizeLayers, shapeText } from '../../src/widgets/ForwardPass/network.ts';
import { valueName } from '../../src/widgets/ForwardPass/strings.ts';
import { useBackend } from '../support/backends.ts';

beforeAll(async () => {
  await useBackend('cpu');
});

const f = {
  relu: (z: number) => Math.max(0, z),
  sigmoid: (z: number) => 1 / (1 + Math.exp(-z)),
  tanh: (z: number) => Math.tanh(z),
};

describe('ForwardNetwork', () => {
  it('draws the same weights from the same seed and others from another', () => {
    const a = new ForwardNetwork([2, 3, 2], 1);
    const b = new ForwardNetwork([2, 3, 2], 1);
    const c = new ForwardNetwork([2, 3, 2], 2);
    expect(a.parameters()).toEqual(b.parameters());
    expect(a.parameters()).not.toEqual(c.parameters());
    // PyTorch's default bound 1/√fan-in.
    for (const [k, layer] of a.parameters().entries()) {
      const bound = 1 / Math.sqrt(a.sizes[k]);
      for (const v of [...layer.W.flat(), ...layer.b]) expect(Math.abs(v)).toBeLessThanOrEqual(bound);
    }
    [a, b, c].forEach((n) => n.dispose());
  });

  for (const activation of ['relu', 'sigmoid', 'tanh'] as const) {
    it(`computes every layer as plain matrix arithmetic (${activation}, 2-4-3-2)`, () => {
      const net = new ForwardNetwork([2, 4, 3, 2], 7);
      const params = net.parameters();
      const steps = net.run([1, -0.5], activation);
      expect(steps).toHaveLength(3);
      let h = [1, -0.5];
      steps.forEach((s, k) => {
        const { W, b } = params[k];
        const product = W[0].map((_, j) => h.reduce((acc, hi, i) => acc + hi * W[i][j], 0));
        const z = product.map((v, j) => v + b[j]);
        const last = k === steps.length - 1;
        const out = last ? z : z.map(f[activation]);
        expect(s.input).toEqual(h.map((v) => expect.closeTo(v, 5)));
        s.product.forEach((v, j) => expect(v).toBeCloseTo(product[j], 5));
        s.z.forEach((v, j) => expect(v).toBeCloseTo(z[j], 5));
        s.out.forEach((v, j) => expect(v).toBeCloseTo(out[j], 5));
        expect(s.activation).toBe(last ? null : activation);
        h = out;
      });
      net.dispose();
    });
  }

  it('pads missing or non-finite inputs with zeros', () => {
    const net = new ForwardNetwork([3, 2], 1);
    expect(net.run([2], 'relu')[0].input).toEqual([2, 0, 0]);
    expect(net.run([Number.NaN, 1, 1], 'relu')[0].input).toEqual([0, 1, 1]);
    net.dispose();
  });

  it('returns to the tensor baseline after building, running and disposing', () => {
    const before = liveTensorCount();
    const net = new ForwardNetwork([6, 6, 6, 6], 3);
    net.run(defaultInputs(6), 'tanh');
    net.parameters();
    // A network this small lives on the engine's small path and holds no TensorFlow.js tensor.
    expect(liveTensorCount()).toBeGreaterThanOrEqual(before);
    net.dispose();
    expect(liveTensorCount()).toBe(before);
  });
});

describe('helpers', () => {
  it('makes layer sizes valid', () => {
    expect(sanitizeLayers([2, 3, 2])).toEqual([2, 3, 2]);
    expect(sanitizeLayers([0, 9, 2.4])).toEqual([1, 6, 2]);
    expect(sanitizeLayers([3])).toEqual([3, 2]);
    expect(sanitizeLayers([1, 2, 3, 4, 5])).toEqual([1, 2, 3, 4]);
  });

  it('writes the shapes of a layer’s product', () => {
    expect(shapeText(2, 3)).toBe('[1×2]·[2×3] + [1×3] → [1×3]');
  });
});

describe('diagram layout', () => {
  it('places layers left to right and draws one edge per weight, thickest for the largest', () => {
    const nodes = layoutNodes([2, 3, 1], 300, 200, 20);
    expect(nodes.map((l) => l.length)).toEqual([2, 3, 1]);
    expect(nodes[0][0].x).toBe(20);
    expect(nodes[2][0].x).toBe(280);
    expect(nodes[2][0].y).toBe(100);
    const W1 = [
      [0.5, -1, 0],
      [2, 0.1, -0.3],
    ];
    const W2 = [[1], [-2], [0.2]];
    const edges = layoutEdges(nodes, [W1, W2], 1, 5);
    expect(edges).toHaveLength(9);
    const widest = edges.reduce((a, e) => (e.width > a.width ? e : a));
    expect(Math.abs(widest.weight)).toBe(2);
    expect(widest.width).toBe(5);
    expect(edges.filter((e) => e.negative).map((e) => e.weight)).toEqual([-1, -0.3, -2]);
    expect(largestWeight([W1, W2])).toBe(2);
  });

  it('names the values x, h⁽¹⁾, h⁽²⁾ … ŷ, as the chapter writes them', () => {
    expect([0, 1, 2, 3].map((k) => valueName(k, 4))).toEqual(['x', 'h⁽¹⁾', 'h⁽²⁾', 'ŷ']);
  });
});
