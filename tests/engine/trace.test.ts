import * as tf from '@tensorflow/tfjs-core';
import { expect, it } from 'vitest';
import { add, mul, sum, tanh } from '../../src/engine/ops';
import { parameter, tensor, tidy } from '../../src/engine/tensor';
import { trace, traceWithGradients, type TracedGraph } from '../../src/engine/trace';
import { describeEachBackend } from '../support/backends';

function byName(g: TracedGraph, name: string) {
  const node = g.nodes.find((n) => n.name === name);
  if (!node) throw new Error(`no node named ${name}`);
  return node;
}

/** L = (a·b + c)·f with a = 2, b = −3, c = 10, f = −2: the chain the backprop chapter steps through. */
function chapterExample() {
  const a = tensor(2, undefined, { requiresGrad: true, name: 'a' });
  const b = tensor(-3, undefined, { requiresGrad: true, name: 'b' });
  const c = tensor(10, undefined, { requiresGrad: true, name: 'c' });
  const f = tensor(-2, undefined, { requiresGrad: true, name: 'f' });
  const e = mul(a, b);
  e.name = 'e';
  const d = add(e, c);
  d.name = 'd';
  const L = mul(d, f);
  L.name = 'L';
  return L;
}

describeEachBackend('trace', () => {
  it('returns every node as plain data, inputs before outputs, leaves included', () => {
    const before = tf.memory().numTensors;
    const g = trace(chapterExample);
    expect(tf.memory().numTensors).toBe(before);
    expect(g.nodes.map((n) => n.name)).toEqual(['a', 'b', 'c', 'f', 'e', 'd', 'L']);
    expect(g.nodes.map((n) => n.op)).toEqual(['leaf', 'leaf', 'leaf', 'leaf', 'mul', 'add', 'mul']);
    const L = byName(g, 'L');
    expect(g.outputId).toBe(L.id);
    expect(L.inputs).toEqual([byName(g, 'd').id, byName(g, 'f').id]);
    expect(g.nodes.map((n) => n.value)).toEqual([[2], [-3], [10], [-2], [-6], [4], [-8]]);
    expect(L.shape).toEqual([]);
    expect(L.grad).toBeUndefined();
    // Plain data only: survives a JSON round trip unchanged.
    expect(JSON.parse(JSON.stringify(g))).toEqual(g);
  });

  it('traceWithGradients fills in dL/dnode and what flows along each edge (hand-worked values)', () => {
    const before = tf.memory().numTensors;
    const g = traceWithGradients(chapterExample);
    expect(tf.memory().numTensors).toBe(before);
    const grads = Object.fromEntries(g.nodes.map((n) => [n.name, n.grad]));
    expect(grads).toEqual({ a: [6], b: [-4], c: [-2], f: [4], e: [-2], d: [-2], L: [1] });
    // Along each edge: dL/dinput through this node = local derivative × dL/dnode.
    expect(byName(g, 'L').inputGrads).toEqual([[-2], [4]]);
    expect(byName(g, 'L').localGrads).toEqual([[-2], [4]]);
    expect(byName(g, 'e').inputGrads).toEqual([[6], [-4]]);
    expect(byName(g, 'e').localGrads).toEqual([[-3], [2]]);
    expect(byName(g, 'a').inputGrads).toEqual([]);
  });

  it('a node used twice receives one contribution per edge, summed in its grad', () => {
    const g = traceWithGradients(() => {
      const x = tensor([3, -1], undefined, { requiresGrad: true, name: 'x' });
      return sum(mul(x, x));
    });
    const square = g.nodes.find((n) => n.op === 'mul')!;
    expect(square.inputGrads).toEqual([[3, -1], [3, -1]]);
    expect(byName(g, 'x').grad).toEqual([6, -2]);
  });

  it('number constants appear as named leaves; element-wise local derivatives are per entry', () => {
    const g = traceWithGradients(() => sum(tanh(mul(tensor([0, 1], undefined, { requiresGrad: true }), 2))));
    const two = g.nodes.find((n) => n.name === '2')!;
    expect(two.op).toBe('leaf');
    expect(two.requiresGrad).toBe(false);
    expect(two.grad).toBeNull();
    const t = g.nodes.find((n) => n.op === 'tanh')!;
    const local = t.localGrads![0]!;
    expect(local[0]).toBeCloseTo(1, 6);
    expect(local[1]).toBeCloseTo(1 - Math.tanh(2) ** 2, 5);
    // The constant's edge carries nothing.
    expect(g.nodes.find((n) => n.op === 'mul')!.inputGrads![1]).toBeNull();
  });

  it('leaves a parameter used by the traced function, and its grad, as they were', () => {
    const w = parameter(tf.tensor([1, 2]), 'w');
    const before = tf.memory().numTensors;
    const g = traceWithGradients(() => sum(mul(w, w)));
    expect(byName(g, 'w').grad).toEqual([2, 4]);
    expect(w.grad).toBeNull();
    expect(w.toArray()).toEqual([1, 2]);
    expect(tf.memory().numTensors).toBe(before);

    // A gradient already accumulated (say, mid-way through a training step) is not touched.
    const kept = tidy(() => {
      sum(mul(w, 3)).backward();
      return w.grad!;
    });
    const g2 = traceWithGradients(() => sum(mul(w, w)));
    expect(byName(g2, 'w').grad).toEqual([2, 4]);
    expect(w.grad).toBe(kept);
    expect(Array.from(kept.data())).toEqual([3, 3]);
    kept.dispose();
    w.grad = null;
    w.dispose();
  });

  it('refuses to take gradients of an output that needs none, and frees memory on the error', () => {
    const before = tf.memory().numTensors;
    expect(() => traceWithGradients(() => add(tensor([1]), 1))).toThrow(/^traceWithGradients: the output does not depend/);
    expect(tf.memory().numTensors).toBe(before);
  });
});
