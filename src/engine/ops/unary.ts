// The one helper behind every element-wise op of one input. An op is a kernel: its loops on the
// small path (forward, and the gradient from dy, the input and the output) beside its TensorFlow.js
// forward and rule. The rules are the same two functions for every op and read the kernel from the
// node, so a call allocates no closure; a kernel with a parameter (leakyRelu's slope) is made per call.
import type * as tf from '@tensorflow/tfjs-core';
import { record, recordSmall, smallValues, type Tensor } from '../tensor';
import { fitsSmall } from '../small/limits';
import { buffer } from '../small/pool';

export interface UnaryKernel {
  /** out[i] = f(x[i]) on the small path. */
  forward(x: Float32Array, out: Float32Array): void;
  /** dx[i] = dy[i]·f′(x[i]), with the output out[i] = f(x[i]) at hand. */
  backward(dy: Float32Array, x: Float32Array, out: Float32Array, dx: Float32Array): void;
  /** The TensorFlow.js forward. */
  tf(x: tf.Tensor): tf.Tensor;
  /** The TensorFlow.js gradient from dy, the input and the output. */
  tfGrad(dy: tf.Tensor, x: tf.Tensor, out: tf.Tensor): tf.Tensor;
}

/**
 * A kernel from scalar functions: `f`, and `der`, the local derivative at an input and its output.
 * For the rarer ops; the hot ones (tanh, sigmoid, relu, …) write their loops out.
 */
export function pointwise(
  f: (v: number) => number,
  der: (v: number, out: number) => number,
  tfForward: UnaryKernel['tf'],
  tfGrad: UnaryKernel['tfGrad'],
): UnaryKernel {
  return {
    forward(x, out) {
      for (let i = 0; i < x.length; i++) out[i] = f(x[i]);
    },
    backward(dy, x, out, dx) {
      for (let i = 0; i < dy.length; i++) dx[i] = dy[i] * der(x[i], out[i]);
    },
    tf: tfForward,
    tfGrad,
  };
}

function smallRule(dy: Float32Array, _needs: readonly boolean[], node: Tensor): Float32Array[] {
  const dx = buffer(dy.length);
  (node.saved as UnaryKernel).backward(dy, smallValues(node.inputs[0]), smallValues(node), dx);
  return [dx];
}

function tfRule(dy: tf.Tensor, _needs: readonly boolean[], node: Tensor): tf.Tensor[] {
  return [(node.saved as UnaryKernel).tfGrad(dy, node.inputs[0].asTf(), node.asTf())];
}

export function unary(op: string, a: Tensor, kernel: UnaryKernel, attrs?: Record<string, unknown>): Tensor {
  const x = a.small;
  if (x && fitsSmall(x.length)) {
    const out = buffer(x.length);
    kernel.forward(x, out);
    return recordSmall(op, out, a.shape, [a], smallRule, tfRule, attrs, kernel);
  }
  return record(op, kernel.tf(a.asTf()), [a], tfRule, attrs, kernel);
}
