// LayerNorm and BatchNorm2d: values against float64 references, gradients of x, γ and β against
// float64 finite differences and tf.grads, train/eval behaviour, running statistics as PyTorch
// computes them, state dicts, error messages and memory, on every backend present.
import * as tf from '@tensorflow/tfjs-core';
import { expect, it } from 'vitest';
import { BatchNorm1d, BatchNorm2d, Conv2d, Flatten, LayerNorm, Linear, Sequential, Tanh, type StateDict } from '../../src/engine/nn';
import { Random } from '../../src/engine/random';
import { fromTf, tensor, tidy } from '../../src/engine/tensor';
import { describeEachBackend, tolerance } from '../support/backends';
import { nd, type Nd } from '../support/gradcheck';
import { gradCheck, expectClose, project } from './nn-support';
import { batchNormRef, channel, checkNormLayer, layerNormRef, moments, type NormLayer } from './norm-references';

const EPS = 1e-5;

/** Seeded normal values with a per-channel offset and scale, so each channel has its own statistics. */
function images(shape: number[], seed: number): Nd {
  const channels = shape[shape.length - 1];
  const v = Array.from(new Random(seed).normalArray(shape.reduce((n, d) => n * d, 1)));
  return nd(v.map((u, i) => (i % channels) - 1 + u * (1 + (i % channels))), shape);
}

/** Gives the layer's γ and β seeded values away from 1 and 0, so their role shows in every check. */
function setAffine(layer: NormLayer, seed: number): void {
  const state: StateDict = layer.stateDict();
  const rng = new Random(seed);
  const n = state.weight.values.length;
  layer.loadStateDict({
    ...state,
    weight: { shape: state.weight.shape, values: Array.from(rng.uniformArray(n, 0.5, 1.5)) },
    bias: { shape: state.bias.shape, values: Array.from(rng.uniformArray(n, -0.5, 0.5)) },
  });
}

const values = (t: tf.Tensor) => Array.from(t.dataSync());

describeEachBackend('normalisation layers', (backend) => {
  it('LayerNorm over the last axis and over the last two: values and gradients of x, γ, β', () => {
    const before = tf.memory().numTensors;
    for (const [shape, normalized] of [
      [[2, 4, 3], [3]],
      [[4, 2, 3], [2, 3]],
    ] as const) {
      const layer = new LayerNorm(normalized.length === 1 ? normalized[0] : [...normalized]);
      setAffine(layer, 3);
      const k = normalized.length;
      const axes = Array.from({ length: k }, (_, i) => shape.length - k + i);
      checkNormLayer(backend, {
        what: `LayerNorm([${normalized}]) on [${shape}]`,
        layer,
        x: images([...shape], 5),
        reference: (x, g, b) => layerNormRef(x, k, g, b, EPS),
        tfReference: (x, g, b) => {
          const { mean, variance } = tf.moments(x, axes, true);
          return tf.add(tf.mul(tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, EPS))), g), b);
        },
      });
      layer.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('LayerNorm: the same in train and eval, works on one example, optional affine, state dict, errors', () => {
    const before = tf.memory().numTensors;
    const layer = new LayerNorm(4);
    setAffine(layer, 4);
    const x = images([3, 4], 6);
    tidy(() => {
      const train = layer.forward(tensor(x.data, x.shape)).data();
      layer.eval();
      expect(Array.from(layer.forward(tensor(x.data, x.shape)).data())).toEqual(Array.from(train));
      layer.train();
      const one = layer.forward(tensor(x.data.slice(0, 4), [1, 4])).data();
      expectClose(one, train.slice(0, 4), tolerance(backend), 'one example');
    });
    const plain = new LayerNorm([4], { elementwiseAffine: false, eps: 1e-3 });
    expect(plain.numParameters()).toBe(0);
    expect(plain.weight).toBeNull();
    tidy(() => {
      const y = plain.forward(tensor(x.data, x.shape)).data();
      expectClose(y, layerNormRef(x, 1, [1, 1, 1, 1], [0, 0, 0, 0], 1e-3).data, tolerance(backend), 'no affine');
    });
    const copy = new LayerNorm(4);
    copy.loadStateDict(JSON.parse(JSON.stringify(layer.stateDict())));
    expect(Object.keys(copy.stateDict())).toEqual(['weight', 'bias']);
    expect(copy.stateDict()).toEqual(layer.stateDict());
    expect(() => tidy(() => layer.forward(tensor([[1, 2, 3]])))).toThrow(/^LayerNorm\(\[4\]\): expected input \[\.\.\., 4\], got \[1,3\]/);
    const wide = new LayerNorm([2, 4]);
    expect(() => tidy(() => wide.forward(tensor([1, 2, 3, 4])))).toThrow(/LayerNorm\(\[2,4\]\).*got \[4\]/);
    expect(() => new LayerNorm([])).toThrow(/LayerNorm: normalizedShape/);
    [layer, plain, copy, wide].forEach((m) => m.dispose());
    expect(tf.memory().numTensors).toBe(before);
  });

  it('BatchNorm2d on NHWC: training values and gradients of x, γ, β; eval ones too', () => {
    const before = tf.memory().numTensors;
    const layer = new BatchNorm2d(2);
    setAffine(layer, 7);
    const x = images([3, 2, 2, 2], 8);
    checkNormLayer(backend, {
      what: 'BatchNorm2d(2) training',
      layer,
      x,
      reference: (xs, g, b) => batchNormRef(xs, g, b, EPS),
      tfReference: (xs, g, b) => {
        const { mean, variance } = tf.moments(xs, [0, 1, 2]);
        return tf.add(tf.mul(tf.div(tf.sub(xs, mean), tf.sqrt(tf.add(variance, EPS))), g), b);
      },
    });
    layer.eval();
    const running = { mean: values(layer.runningMean), variance: values(layer.runningVar) };
    checkNormLayer(backend, {
      what: 'BatchNorm2d(2) eval',
      layer,
      x,
      reference: (xs, g, b) => batchNormRef(xs, g, b, EPS, running),
      tfReference: (xs, g, b) => {
        const centred = tf.sub(xs, tf.tensor(running.mean));
        return tf.add(tf.mul(tf.div(centred, tf.sqrt(tf.add(tf.tensor(running.variance), EPS))), g), b);
      },
    });
    layer.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it("BatchNorm2d: running statistics after three steps follow PyTorch's update, unbiased variance", () => {
    const before = tf.memory().numTensors;
    const m = 0.2;
    const layer = new BatchNorm2d(3, { momentum: m });
    // PyTorch: running ← (1 − momentum)·running + momentum·batch, the variance with n − 1.
    const mean = [0, 0, 0];
    const variance = [1, 1, 1];
    for (let step = 0; step < 3; step++) {
      const x = images([2, 3, 3, 3], 20 + step);
      tidy(() => {
        layer.forward(tensor(x.data, x.shape));
      });
      for (let c = 0; c < 3; c++) {
        const vals = channel(x, c);
        const n = vals.length;
        const s = moments(vals);
        mean[c] = (1 - m) * mean[c] + m * s.mean;
        variance[c] = (1 - m) * variance[c] + (m * s.variance * n) / (n - 1);
      }
      expectClose(values(layer.runningMean), mean, tolerance(backend), `running mean after step ${step + 1}`);
      expectClose(values(layer.runningVar), variance, tolerance(backend), `running variance after step ${step + 1}`);
    }
    layer.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('BatchNorm2d: eval differs from train on a small batch, equals it when the running statistics are the batch’s', () => {
    const before = tf.memory().numTensors;
    const layer = new BatchNorm2d(2);
    setAffine(layer, 9);
    const x = images([2, 2, 2, 2], 10);
    const run = () => tidy(() => Array.from(layer.forward(tensor(x.data, x.shape)).data()));
    const train = run();
    layer.eval();
    const evalOut = run();
    expect(Math.max(...evalOut.map((v, i) => Math.abs(v - train[i])))).toBeGreaterThan(0.1);
    // Running statistics set to the batch's mean and biased variance: eval computes what training did.
    const stats = [0, 1].map((c) => moments(channel(x, c)));
    const state = layer.stateDict();
    layer.loadStateDict({
      ...state,
      runningMean: { shape: [2], values: stats.map((s) => s.mean) },
      runningVar: { shape: [2], values: stats.map((s) => s.variance) },
    });
    expectClose(run(), train, tolerance(backend), 'eval with batch statistics');
    // With momentum 1 the running variance is the unbiased one, n/(n−1)·σ²: eval is then a little
    // narrower than training, by √((σ² + ε)/(n/(n−1)·σ² + ε)) per channel (n = 8 values here).
    const whole = new BatchNorm2d(2, { momentum: 1 });
    whole.loadStateDict(layer.stateDict()); // the same γ and β
    const trainWhole = tidy(() => Array.from(whole.forward(tensor(x.data, x.shape)).data()));
    whole.eval();
    const evalWhole = tidy(() => Array.from(whole.forward(tensor(x.data, x.shape)).data()));
    const beta = state.bias.values;
    const shrink = stats.map((s) => Math.sqrt((s.variance + EPS) / ((s.variance * 8) / 7 + EPS)));
    expectClose(evalWhole, trainWhole.map((v, i) => beta[i % 2] + (v - beta[i % 2]) * shrink[i % 2]), tolerance(backend), 'momentum 1');
    // A single image is fine in eval.
    tidy(() => {
      expect(layer.forward(tensor(x.data.slice(0, 8), [1, 2, 2, 2])).shape).toEqual([1, 2, 2, 2]);
    });
    layer.dispose();
    whole.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('BatchNorm2d: state dict round trip with its buffers, and errors naming the layer', () => {
    const before = tf.memory().numTensors;
    const a = new BatchNorm2d(3);
    setAffine(a, 11);
    const x = images([2, 2, 2, 3], 12);
    tidy(() => {
      a.forward(tensor(x.data, x.shape));
    });
    const b = new BatchNorm2d(3);
    b.loadStateDict(JSON.parse(JSON.stringify(a.stateDict())));
    expect(Object.keys(b.stateDict())).toEqual(['weight', 'bias', 'runningMean', 'runningVar']);
    expect(b.stateDict()).toEqual(a.stateDict());
    expect(a.stateDict().runningMean.values.some((v) => v !== 0)).toBe(true);
    b.eval();
    a.eval();
    tidy(() => {
      expect(Array.from(b.forward(tensor(x.data, x.shape)).data())).toEqual(Array.from(a.forward(tensor(x.data, x.shape)).data()));
    });
    a.train();
    // An NCHW batch (PyTorch's layout) is refused with the layout the engine expects.
    expect(() => tidy(() => a.forward(fromTf(tf.zeros([2, 3, 4, 4]))))).toThrow(
      /^BatchNorm2d\(3\): expected NHWC input \[batch, height, width, 3\], got \[2,3,4,4\]/,
    );
    expect(() => tidy(() => a.forward(fromTf(tf.zeros([4, 3]))))).toThrow(/BatchNorm2d\(3\).*got \[4,3\]/);
    expect(() => tidy(() => a.forward(fromTf(tf.zeros([1, 1, 1, 3]))))).toThrow(/BatchNorm2d\(3\): training needs more than one value per channel/);
    const flat = new BatchNorm1d(3);
    expect(() => tidy(() => flat.forward(fromTf(tf.zeros([2, 2, 2, 3]))))).toThrow(/BatchNorm1d\(3\)/);
    [a, b, flat].forEach((m) => m.dispose());
    expect(tf.memory().numTensors).toBe(before);
  });

  it('Conv2d → BatchNorm2d → Tanh → Linear: every parameter gets a checked gradient', () => {
    const before = tf.memory().numTensors;
    const rng = new Random(13);
    const model = new Sequential(new Conv2d(1, 2, 3, { padding: 'same', rng }), new BatchNorm2d(2), new Tanh(), new Flatten(), new Linear(18, 2, { rng }));
    const x = fromTf(tf.tensor(images([3, 3, 3, 1], 14).data, [3, 3, 3, 1]));
    tidy(() => {
      expect(model.forward(x).shape).toEqual([3, 2]);
    });
    gradCheck(() => project(model.forward(x)), model.parameters(), { backend, maxEntries: 6 });
    x.dispose();
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
