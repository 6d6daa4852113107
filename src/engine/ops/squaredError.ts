// Mean squared error as one op on the small path: mean((p − t)²) with one loop each way, where the
// composite is three nodes (sub, square, mean) and two intermediate buffers. Each step is rounded
// to float32 as the composite's kernels round it, so the two give the same numbers. Off the small
// path (or for other reductions) losses.ts builds the composite, as before.
//   ∂/∂p = 2(p − t)/n · dy,  ∂/∂t = −2(p − t)/n · dy
import * as tf from '@tensorflow/tfjs-core';
import { recordSmall, smallValues, type Tensor } from '../tensor';
import { fitsSmall } from '../small/limits';
import { buffer } from '../small/pool';

/** mean((p − t)²) of two small tensors of one shape, or null when they are not both small. */
export function meanSquaredErrorSmall(p: Tensor, t: Tensor): Tensor | null {
  const [a, b] = [p.small, t.small];
  if (!a || !b || !fitsSmall(a.length) || a.length === 0) return null;
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.fround(a[i] - b[i]);
    s += Math.fround(d * d);
  }
  return recordSmall('mseLoss', Float32Array.of(s / a.length), [], [p, t], smallRule, tfRule);
}

function smallRule(dy: Float32Array, needs: readonly boolean[], node: Tensor): (Float32Array | null)[] {
  const [a, b] = [smallValues(node.inputs[0]), smallValues(node.inputs[1])];
  const scale = Math.fround(dy[0] / a.length);
  const dp = buffer(a.length);
  for (let i = 0; i < a.length; i++) dp[i] = scale * Math.fround(2 * Math.fround(a[i] - b[i]));
  if (!needs[1]) return [dp, null];
  const dt = buffer(a.length);
  for (let i = 0; i < a.length; i++) dt[i] = -dp[i];
  return [needs[0] ? dp : null, dt];
}

function tfRule(dy: tf.Tensor, needs: readonly boolean[], node: Tensor): (tf.Tensor | null)[] {
  const [p, t] = node.inputs;
  const g = tf.mul(tf.div(dy, p.size), tf.mul(tf.sub(p.asTf(), t.asTf()), 2));
  return [needs[0] ? g : null, needs[1] ? tf.neg(g) : null];
}
