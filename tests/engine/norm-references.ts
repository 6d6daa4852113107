// Float64 plain-JS references for the normalisation layers, and a check of a layer's forward value
// and its gradients (input, γ, β) three ways: the engine's backward pass, central finite
// differences of the float64 reference, and tf.grads of the same computation in raw tfjs ops.
import * as tf from '@tensorflow/tfjs-core';
// tfjs-core alone registers no gradients; tf.grads needs them.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import type { Module } from '../../src/engine/nn';
import { Random } from '../../src/engine/random';
import { tensor, tidy, type Tensor } from '../../src/engine/tensor';
import type { BackendName } from '../support/backends';
import { gradTolerance, maxRelativeError, nd, size, type Nd } from '../support/gradcheck';

/** Statistics of one group of values: mean and biased variance (divided by n, as the layers). */
export function moments(values: number[]): { mean: number; variance: number } {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return { mean, variance: values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length };
}

/**
 * Layer norm over the last `k` axes: each block of prod(shape[-k:]) consecutive values is one
 * example's group; γ and β are indexed by the position inside the block.
 */
export function layerNormRef(x: Nd, k: number, gamma: number[], beta: number[], eps: number): Nd {
  const block = size(x.shape.slice(x.shape.length - k));
  const out: number[] = [];
  for (let start = 0; start < x.data.length; start += block) {
    const group = x.data.slice(start, start + block);
    const { mean, variance } = moments(group);
    group.forEach((v, e) => out.push(((v - mean) / Math.sqrt(variance + eps)) * gamma[e] + beta[e]));
  }
  return nd(out, x.shape);
}

/** The values of channel `c` of a channels-last array. */
export function channel(x: Nd, c: number): number[] {
  const channels = x.shape[x.shape.length - 1];
  return x.data.filter((_, i) => i % channels === c);
}

/**
 * Batch norm of a channels-last array ([batch, features] or NHWC): per channel, with the batch's
 * statistics (training) or with the given running ones (evaluation).
 */
export function batchNormRef(x: Nd, gamma: number[], beta: number[], eps: number, running?: { mean: number[]; variance: number[] }): Nd {
  const channels = x.shape[x.shape.length - 1];
  const stats = Array.from({ length: channels }, (_, c) =>
    running ? { mean: running.mean[c], variance: running.variance[c] } : moments(channel(x, c)),
  );
  return nd(
    x.data.map((v, i) => {
      const c = i % channels;
      return ((v - stats[c].mean) / Math.sqrt(stats[c].variance + eps)) * gamma[c] + beta[c];
    }),
    x.shape,
  );
}

/** A normalisation layer with γ and β, the parameters whose gradients are checked. */
export interface NormLayer extends Module {
  weight: Tensor | null;
  bias: Tensor | null;
  forward(x: Tensor): Tensor;
}

export interface NormCase {
  what: string;
  layer: NormLayer;
  x: Nd;
  /** The layer in float64 plain JS, as a function of x, γ and β. */
  reference: (x: Nd, gamma: number[], beta: number[]) => Nd;
  /** The layer in raw tfjs ops (tf.moments and friends), for tf.grads. */
  tfReference: (x: tf.Tensor, gamma: tf.Tensor, beta: tf.Tensor) => tf.Tensor;
}

/**
 * Checks the layer's output against the float64 reference, and the gradients of L = Σ r ⊙ y (r fixed
 * pseudo-random weights) with respect to x, γ and β against float64 central differences and
 * against tf.grads. Throws naming the case, the comparison and the largest relative error; also
 * throws when a tfjs tensor is left behind.
 */
export function checkNormLayer(backend: BackendName, c: NormCase): void {
  const tol = gradTolerance(backend);
  const { layer } = c;
  if (!layer.weight || !layer.bias) throw new Error(`${c.what}: the layer has no γ and β to check`);
  const [weight, bias] = [layer.weight, layer.bias];
  const x: Nd = { data: Array.from(Float32Array.from(c.x.data)), shape: [...c.x.shape] };
  const inputs: Nd[] = [x, nd(Array.from(weight.data()), weight.shape), nd(Array.from(bias.data()), bias.shape)];
  const names = ['x', 'γ', 'β'];
  const ref = (xs: Nd[]) => c.reference(xs[0], xs[1].data, xs[2].data);
  const expected = ref(inputs);
  const rng = new Random(7);
  const r = expected.data.map(() => (rng.next() < 0.5 ? -1 : 1) * rng.uniform(0.5, 1.5));

  const before = tf.memory().numTensors;
  const engine = tidy(() => {
    layer.zeroGrad();
    const xt = tensor(x.data, x.shape, { requiresGrad: true });
    const y = layer.forward(xt);
    y.backward(tf.tensor(r, y.shape, 'float32'));
    return { y: Array.from(y.data()), grads: [xt, weight, bias].map((t) => Array.from(t.grad!.data())) };
  });
  // tidy freed the parameters' gradients (they were not returned): drop the stale references.
  weight.grad = null;
  bias.grad = null;
  const fail = (what: string, err: number) => {
    if (!(err <= tol)) throw new Error(`${c.what} [${backend}]: ${what}: max relative error ${err} > ${tol}`);
  };
  fail('forward vs float64 reference', maxRelativeError(engine.y, expected.data));

  inputs.forEach((input, k) => {
    const numeric = input.data.map((v, j) => {
      const h = 1e-6 * (Math.abs(v) || 1);
      const shifted = (delta: number) => inputs.map((t, i) => (i === k ? { ...t, data: t.data.map((u, m) => (m === j ? u + delta : u)) } : t));
      const up = ref(shifted(h)).data;
      const down = ref(shifted(-h)).data;
      return up.reduce((acc, u, i) => acc + r[i] * (u - down[i]), 0) / (2 * h);
    });
    fail(`gradient of ${names[k]} vs float64 finite differences`, maxRelativeError(engine.grads[k], numeric));
  });

  const tfGrads = tf.tidy(() => {
    const ts = inputs.map((t) => tf.tensor(t.data, t.shape, 'float32'));
    const dy = tf.tensor(r, expected.shape, 'float32');
    return tf.grads((...args: tf.Tensor[]) => c.tfReference(args[0], args[1], args[2]))(ts, dy).map((g) => Array.from(g.dataSync()));
  });
  tfGrads.forEach((g, k) => fail(`gradient of ${names[k]} vs tf.grads`, maxRelativeError(engine.grads[k], g)));
  const after = tf.memory().numTensors;
  if (after !== before) throw new Error(`${c.what}: ${after - before} tfjs tensors left after the check`);
}
