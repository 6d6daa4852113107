// How ops create their outputs: `record` for a TensorFlow.js value, `recordSmall` for a Float32Array
// on the small path, `recordJoint` for the outputs of an op with several; and the switch that turns
// recording off (`noGrad`).
import * as tf from '@tensorflow/tfjs-core';
import type { Grad } from './autograd';
import { Tensor, type BackwardRule, type Joint, type Shape, type SmallRule } from './tensor';

let gradEnabled = true;
const recordListeners = new Set<(t: Tensor) => void>();

/**
 * Creates an op's output from a TensorFlow.js value. `rule` is only kept when gradients are enabled
 * and some input needs one, so inference under `noGrad` records no closures.
 */
export function record(op: string, value: tf.Tensor, inputs: readonly Tensor[], rule: BackwardRule, attrs?: Record<string, unknown>, saved?: unknown): Tensor {
  const requiresGrad = gradEnabled && inputs.some((t) => t.requiresGrad);
  const out = new Tensor(value, { op, inputs, rule: requiresGrad ? rule : null, requiresGrad, attrs, saved });
  for (const listen of recordListeners) listen(out);
  return out;
}

/**
 * Creates an op's output on the small path. `smallRule` runs when the output's gradient is small
 * too; `rule` (on TensorFlow.js values, reading the inputs through `asTf`) when it arrives from
 * TensorFlow.js, because the output fed an op too large for the small path.
 */
export function recordSmall(
  op: string,
  value: Float32Array,
  shape: Shape,
  inputs: readonly Tensor[],
  smallRule: SmallRule,
  rule: BackwardRule,
  attrs?: Record<string, unknown>,
  saved?: unknown,
): Tensor {
  let requiresGrad = false;
  if (gradEnabled) for (const t of inputs) if (t.requiresGrad) requiresGrad = true;
  const out = requiresGrad
    ? new Tensor(value, { op, inputs, shape, rule, smallRule, requiresGrad, attrs, saved })
    : new Tensor(value, { op, inputs, shape, attrs, saved });
  for (const listen of recordListeners) listen(out);
  return out;
}

/**
 * @internal a tensor's values on the small path when a backward rule runs: its array, or a read of
 * its TensorFlow.js value if it has moved there since the forward pass (a parameter whose
 * variable a caller asked for).
 */
export function smallValues(t: Tensor): Float32Array {
  return t.small ?? Float32Array.from(t.asTf().dataSync() as ArrayLike<number>);
}

/**
 * Creates the outputs of an op with several outputs, all computed from one `input`. `combine` maps
 * the outputs' gradients (null for an output that received none) to the input's gradient.
 */
export function recordJoint(
  op: string,
  values: (tf.Tensor | Float32Array)[],
  shapes: Shape[],
  input: Tensor,
  combine: (dys: (Grad | null)[]) => Grad,
  attrs: Record<string, unknown> = {},
): Tensor[] {
  const joint: Joint = { input, outputs: values.length, combine };
  return values.map((value, index) => {
    const alone = (dy: Grad) => combine(values.map((_, k) => (k === index ? dy : null)));
    const tfRule: BackwardRule = (dy) => [toTf(alone(dy), input.shape)];
    const smallRule: SmallRule = (dy) => [alone(dy) as Float32Array];
    const all = { ...attrs, output: index };
    const out =
      value instanceof Float32Array ? recordSmall(op, value, shapes[index], [input], smallRule, tfRule, all) : record(op, value, [input], tfRule, all);
    out.joint = { joint, index };
    return out;
  });
}

/** A gradient as a TensorFlow.js tensor of `shape` (a copy in the current scope for a small one). */
export function toTf(g: Grad, shape: Shape): tf.Tensor {
  return g instanceof Float32Array ? tf.tensor(g, shape, 'float32') : g;
}

/** Calls `listener` for every tensor an op creates until the returned function is called. */
export function onRecord(listener: (t: Tensor) => void): () => void {
  recordListeners.add(listener);
  return () => recordListeners.delete(listener);
}

/** Runs `fn` without recording gradients (inference, optimiser updates, evaluation). */
export function noGrad<T>(fn: () => T): T {
  const before = gradEnabled;
  gradEnabled = false;
  try {
    return fn();
  } finally {
    gradEnabled = before;
  }
}

export function isGradEnabled(): boolean {
  return gradEnabled;
}
