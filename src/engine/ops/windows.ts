// Window arithmetic shared by convolution and pooling over NHWC tensors [batch, height, width,
// channels]: how a window size, stride, dilation and padding turn into explicit padding and output
// sizes, and the two index moves their backward rules are built from (a window of rows cut out or
// zero-padded, and a gradient spread out by the stride).
import * as tf from '@tensorflow/tfjs-core';

/** One number for both spatial axes, or [vertical, horizontal]. */
export type Pair = number | [number, number];

export function pair(v: Pair | undefined, fallback: number): [number, number] {
  if (v === undefined) return [fallback, fallback];
  return typeof v === 'number' ? [v, v] : v;
}

/** Explicit padding [top, bottom, left, right] for one of the padding modes. */
export function resolvePadding(
  padding: 'valid' | 'same' | number,
  [h, w]: [number, number],
  [kh, kw]: [number, number],
  [sh, sw]: [number, number],
  [dh, dw]: [number, number] = [1, 1],
): [number, number, number, number] {
  if (padding === 'valid') return [0, 0, 0, 0];
  if (typeof padding === 'number') return [padding, padding, padding, padding];
  // 'same', as TensorFlow defines it: the output has ⌈size/stride⌉ entries and any odd padding
  // goes to the bottom/right.
  const total = (size: number, k: number, s: number, d: number) =>
    Math.max((Math.ceil(size / s) - 1) * s + (k - 1) * d + 1 - size, 0);
  const th = total(h, kh, sh, dh);
  const tw = total(w, kw, sw, dw);
  return [Math.floor(th / 2), th - Math.floor(th / 2), Math.floor(tw / 2), tw - Math.floor(tw / 2)];
}

/** Number of window positions along one axis: ⌊(padded size − dilated window) / stride⌋ + 1. */
export function outputSize(size: number, padTotal: number, k: number, s: number, d = 1): number {
  return Math.floor((size + padTotal - (k - 1) * d - 1) / s) + 1;
}

/** For each output row (or column): how many of its window's entries lie inside the input. */
export function insideCounts(size: number, outSize: number, k: number, s: number, padBefore: number): number[] {
  return Array.from({ length: outSize }, (_, i) => {
    const start = i * s - padBefore;
    return Math.min(start + k, size) - Math.max(start, 0);
  });
}

/**
 * Rows `start .. start+length-1` of axis 1 or 2 of an NHWC-like rank-4 tensor, with zeros where
 * that range leaves the tensor (a negative start pads, a start past 0 crops).
 */
export function cropOrPad(x: tf.Tensor4D, axis: 1 | 2, start: number, length: number): tf.Tensor4D {
  const size = x.shape[axis];
  const from = Math.max(start, 0);
  const to = Math.min(start + length, size);
  const begin = [0, 0, 0, 0];
  const extent = [...x.shape];
  begin[axis] = from;
  extent[axis] = Math.max(to - from, 0);
  let out: tf.Tensor4D = from === 0 && to === size ? x : tf.slice(x, begin, extent);
  const before = from - start;
  const after = start + length - Math.max(to, from);
  if (before > 0 || after > 0) {
    const pads: [number, number][] = [[0, 0], [0, 0], [0, 0], [0, 0]];
    pads[axis] = [before, after];
    out = tf.pad(out, pads);
  }
  return out;
}

/** Inserts stride−1 zeros after every row (axis 1) and column (axis 2) of dy: [N, Ho·sh, Wo·sw, C]. */
export function spreadByStride(dy: tf.Tensor4D, sh: number, sw: number): tf.Tensor4D {
  const [n, ho, wo, c] = dy.shape;
  let out = dy;
  if (sh > 1) {
    out = tf.reshape(tf.pad(tf.reshape(out, [n, ho, 1, wo * c]), [[0, 0], [0, 0], [0, sh - 1], [0, 0]]), [n, ho * sh, wo, c]);
  }
  if (sw > 1) {
    const rows = out.shape[1];
    out = tf.reshape(tf.pad(tf.reshape(out, [n * rows, wo, 1, c]), [[0, 0], [0, 0], [0, sw - 1], [0, 0]]), [n, rows, wo * sw, c]);
  }
  return out;
}
