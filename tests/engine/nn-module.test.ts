import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { BatchNorm1d, Dropout, Linear, ReLU, Sequential, Tanh, init } from '../../src/engine/nn';
import { Random } from '../../src/engine/random';
import { tensor, tidy } from '../../src/engine/tensor';
import { describeEachBackend } from '../support/backends';

describeEachBackend('Module', () => {
  it('names parameters in registration order, recursively, as PyTorch does', () => {
    const before = tf.memory().numTensors;
    const model = new Sequential(new Linear(3, 4, { rng: new Random(1) }), new ReLU(), new Linear(4, 2, { bias: false, rng: new Random(2) }));
    expect(model.namedParameters().map(([n]) => n)).toEqual(['0.weight', '0.bias', '2.weight']);
    expect(model.numParameters()).toBe(3 * 4 + 4 + 4 * 2);
    expect(model.parameters().map((p) => p.shape)).toEqual([[3, 4], [4], [4, 2]]);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('lists a module used twice (tied weights) once', () => {
    const shared = new Linear(2, 2, { rng: new Random(1) });
    const model = new Sequential(shared, new Tanh(), shared);
    expect(model.namedParameters().map(([n]) => n)).toEqual(['0.weight', '0.bias']);
    expect(model.numParameters()).toBe(6);
    shared.dispose();
  });

  it('round-trips a state dict through JSON, buffers included', () => {
    const before = tf.memory().numTensors;
    const a = new Sequential(new Linear(2, 3, { rng: new Random(1) }), new BatchNorm1d(3));
    tidy(() => {
      a.forward(tensor([[1, 2], [3, -1], [0, 5]]));
    }); // moves the running statistics away from their start
    const json = JSON.stringify(a.stateDict());
    const b = new Sequential(new Linear(2, 3, { rng: new Random(99) }), new BatchNorm1d(3));
    b.loadStateDict(JSON.parse(json));
    expect(Object.keys(b.stateDict())).toEqual(['0.weight', '0.bias', '1.weight', '1.bias', '1.runningMean', '1.runningVar']);
    expect(b.stateDict()).toEqual(a.stateDict());
    expect(a.stateDict()['1.runningMean'].values.some((v) => v !== 0)).toBe(true);
    a.dispose();
    b.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses a state dict with missing or extra keys or a wrong shape, changing nothing', () => {
    const model = new Linear(2, 3, { rng: new Random(1) });
    const good = model.stateDict();
    const { bias, ...noBias } = good;
    expect(() => model.loadStateDict(noBias)).toThrow(/missing keys: bias/);
    expect(() => model.loadStateDict({ ...good, extra: bias })).toThrow(/unexpected keys: extra/);
    expect(() => model.loadStateDict({ ...good, weight: { shape: [3, 2], values: good.weight.values } })).toThrow(
      /"weight": shape \[3,2\] does not match \[2,3\]/,
    );
    expect(() => model.loadStateDict({ ...good, bias: { shape: [3], values: [1, 2] } })).toThrow(/2 values for shape \[3\]/);
    expect(model.stateDict()).toEqual(good);
    model.dispose();
  });

  it('switches train/eval through the whole tree', () => {
    const drop = new Dropout(0.5);
    const model = new Sequential(new Linear(2, 2), new Tanh(), drop);
    expect(drop.training).toBe(true);
    model.eval();
    expect(drop.training).toBe(false);
    expect(model.training).toBe(false);
    model.train();
    expect(drop.training).toBe(true);
    model.dispose();
  });

  it('zeroGrad forgets and frees the gradients', () => {
    const model = new Linear(2, 1);
    const grads = tf.tidy(() => {
      model.forward(tensor([[1, 2]])).backward();
      return model.parameters().map((p) => tf.keep(p.grad!.value));
    });
    expect(grads.every((g) => !g.isDisposed)).toBe(true);
    model.zeroGrad();
    expect(model.parameters().every((p) => p.grad === null)).toBe(true);
    expect(grads.every((g) => g.isDisposed)).toBe(true);
    model.dispose();
  });
});

describe('initialisation', () => {
  it('gives the same weights for the same seed and different ones for another', () => {
    const a = new Linear(5, 4, { rng: new Random(3) });
    const b = new Linear(5, 4, { rng: new Random(3) });
    const c = new Linear(5, 4, { rng: new Random(4) });
    expect(b.stateDict()).toEqual(a.stateDict());
    expect(c.stateDict().weight.values).not.toEqual(a.stateDict().weight.values);
    [a, b, c].forEach((m) => m.dispose());
  });

  it('computes fans for dense, convolution and recurrent layouts', () => {
    expect(init.fans([3, 5])).toEqual({ fanIn: 3, fanOut: 5 });
    expect(init.fans([3, 3, 2, 8])).toEqual({ fanIn: 18, fanOut: 72 });
    expect(() => init.fans([4])).toThrow(/at least 2 axes/);
  });

  const stats = (t: tf.Tensor) => {
    const v = Array.from(t.dataSync() as Float32Array);
    const mean = v.reduce((s, x) => s + x, 0) / v.length;
    const variance = v.reduce((s, x) => s + (x - mean) ** 2, 0) / v.length;
    const maxAbs = v.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
    t.dispose();
    return { mean, variance, maxAbs };
  };

  it('draws Glorot and He weights with the published variances and bounds', () => {
    const shape = [200, 300];
    const glorotVar = 2 / (200 + 300);
    const heVar = 2 / 200;
    const xu = stats(init.xavierUniform(shape, { rng: new Random(1) }));
    expect(xu.maxAbs).toBeLessThanOrEqual(Math.sqrt(6 / 500));
    expect(xu.variance / glorotVar).toBeCloseTo(1, 1);
    const xn = stats(init.xavierNormal(shape, { rng: new Random(2) }));
    expect(xn.variance / glorotVar).toBeCloseTo(1, 1);
    const ku = stats(init.kaimingUniform(shape, { rng: new Random(3) }));
    expect(ku.maxAbs).toBeLessThanOrEqual(Math.sqrt(6 / 200));
    expect(ku.variance / heVar).toBeCloseTo(1, 1);
    const kn = stats(init.kaimingNormal(shape, { rng: new Random(4) }));
    expect(kn.variance / heVar).toBeCloseTo(1, 1);
    expect(Math.abs(kn.mean)).toBeLessThan(0.01);
    const fanOut = stats(init.kaimingNormal(shape, { rng: new Random(5), mode: 'fanOut' }));
    expect(fanOut.variance / (2 / 300)).toBeCloseTo(1, 1);
  });

  it("uses PyTorch's U(−1/√in, 1/√in) for Linear by default, zero bias with a named initialiser", () => {
    const m = new Linear(400, 300, { rng: new Random(1) });
    const w = stats(m.weight.value.clone());
    expect(w.maxAbs).toBeLessThanOrEqual(1 / 20);
    expect(w.variance / (1 / 3 / 400)).toBeCloseTo(1, 1);
    const b = stats(m.bias!.value.clone());
    expect(b.maxAbs).toBeLessThanOrEqual(1 / 20);
    expect(b.maxAbs).toBeGreaterThan(0);
    m.dispose();
    const x = new Linear(4, 3, { init: 'xavierUniform' });
    expect(x.stateDict().bias.values).toEqual([0, 0, 0]);
    x.dispose();
  });

  it('accepts a custom initialiser and checks its shape', () => {
    const m = new Linear(2, 2, { init: (shape) => tf.fill(shape, 0.5) });
    expect(m.stateDict().weight.values).toEqual([0.5, 0.5, 0.5, 0.5]);
    m.dispose();
    expect(() => new Linear(2, 2, { init: () => tf.zeros([3]) })).toThrow(/returned shape \[3\], expected \[2,2\]/);
  });
});
