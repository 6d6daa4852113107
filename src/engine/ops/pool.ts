// Max and average pooling over NHWC inputs [batch, height, width, channels].
//
// Backward routes (routes.ts, `maxPoolBackward`, says which backend takes which, and why):
// - 'stockKernel': tfjs's MaxPoolGrad. Right on cpu, where it sends a tie to the first maximum.
//   On WASM (tfjs 4.22) both MaxPoolGrad and MaxPoolWithArgmax give wrong positions (a window whose
//   entries are all negative sends its gradient to position 0), and WebGL's MaxPoolGrad sends a tie
//   to the last maximum; so those backends build the rule from forward ops, with ties going to the
//   first maximum on every backend:
// - 'windowSlices': each of the kh·kw window offsets is a strided slice of the input, the first
//   offset equal to the window's max takes dy, and each offset's share is spread back by the
//   stride to where it came from.
// - 'windowTiles': when the windows tile the input exactly (stride = kernel, no padding, sizes
//   divisible: the usual 2×2 pooling), each window's entries are gathered onto one axis and argMax
//   (which returns the first maximum on every backend) picks the winner: about 6 kernels instead
//   of ~15 per window offset. Windows that do not tile take 'windowSlices'.
// avgPool2d: the forward pass averages only the entries inside the input, but tfjs's AvgPoolGrad
// kernel divides by the full window size even for windows that overlap the padding; the rule
// rescales dy by (window size / entries inside) before handing it to that kernel.
import * as tf from '@tensorflow/tfjs-core';
import { record, type Tensor } from '../tensor';
import { routeFor } from './routes';
import { asFloat } from './util';
import { cropOrPad, insideCounts, pair, resolvePadding, spreadByStride, type Pair } from './windows';

export interface Pool2dOptions {
  kernel: Pair;
  /** Defaults to the kernel size (non-overlapping windows), as in PyTorch. */
  stride?: Pair;
  /**
   * 'valid' (windows inside the input), 'same' (output size ⌈input/stride⌉) or a symmetric
   * padding. Padded positions never win a max and are left out of an average's count (PyTorch's
   * `count_include_pad=False`; TensorFlow's convention).
   */
  padding?: 'valid' | 'same' | number;
}

function settings(op: string, x: Tensor, opts: Pool2dOptions) {
  if (x.rank !== 4) throw new Error(`${op}: expects x [batch,height,width,channels], got [${x.shape}]`);
  const kernel = pair(opts.kernel, 1);
  const stride = opts.stride === undefined ? kernel : pair(opts.stride, 1);
  const padding = opts.padding ?? 'valid';
  const extra = padding === 'valid' ? 0 : typeof padding === 'number' ? 2 * padding : Infinity;
  if (typeof padding === 'number' && !(Number.isInteger(padding) && padding >= 0)) {
    throw new Error(`${op}: padding must be a non-negative integer, got ${padding}`);
  }
  if (kernel[0] > x.shape[1] + extra || kernel[1] > x.shape[2] + extra) {
    throw new Error(`${op}: kernel [${kernel}] is larger than the padded input [${x.shape[1]},${x.shape[2]}]`);
  }
  return { kernel, stride, padding };
}

/**
 * Largest value in each window. The gradient goes to the position of that maximum; when several
 * entries of a window tie, to the first of them in row-major order.
 */
export function maxPool2d(x: Tensor, opts: Pool2dOptions): Tensor {
  const { kernel, stride, padding } = settings('maxPool2d', x, opts);
  const out = tf.maxPool(x.asTf() as tf.Tensor4D, kernel, stride, padding);
  return record(
    'maxPool2d',
    out,
    [x],
    (dy) => {
      const route = routeFor('maxPoolBackward');
      if (route === 'stockKernel') {
        const attrs = { filterSize: kernel, strides: stride, pad: padding };
        return [tf.engine().runKernel(tf.MaxPoolGrad, { dy, input: x.asTf(), output: out }, attrs) as tf.Tensor];
      }
      const [, h, w] = x.shape;
      const [kh, kw] = kernel;
      const tiles = padding === 'valid' && stride[0] === kh && stride[1] === kw && h % kh === 0 && w % kw === 0 && kh * kw > 1;
      if (route === 'windowTiles' && tiles) return [maxPoolGradFromTiles(x.asTf() as tf.Tensor4D, dy as tf.Tensor4D, kernel)];
      return [maxPoolGradFromSlices(x.asTf() as tf.Tensor4D, out as tf.Tensor4D, dy as tf.Tensor4D, kernel, stride, padding)];
    },
    { kernel, stride, padding },
  );
}

/** MaxPool's input gradient when the kh×kw windows tile x exactly (see the note at the top of this file). */
function maxPoolGradFromTiles(x: tf.Tensor4D, dy: tf.Tensor4D, [kh, kw]: [number, number]): tf.Tensor4D {
  const [n, h, w, c] = x.shape;
  const [ho, wo] = [h / kh, w / kw];
  // [n, ho, kh, wo, kw, c] → [n, ho, wo, c, kh·kw]: the entries of each window on the last axis.
  const windows = tf.reshape(tf.transpose(tf.reshape(x, [n, ho, kh, wo, kw, c]), [0, 1, 3, 5, 2, 4]), [n, ho, wo, c, kh * kw]);
  const winner = tf.cast(tf.oneHot(tf.argMax(windows, 4), kh * kw), 'float32');
  const share = tf.mul(winner, tf.reshape(dy, [n, ho, wo, c, 1]));
  return tf.reshape(tf.transpose(tf.reshape(share, [n, ho, wo, c, kh, kw]), [0, 1, 4, 2, 5, 3]), [n, h, w, c]);
}

/** MaxPool's input gradient from forward ops only (see the note at the top of this file). */
function maxPoolGradFromSlices(
  x: tf.Tensor4D,
  out: tf.Tensor4D,
  dy: tf.Tensor4D,
  [kh, kw]: [number, number],
  [sh, sw]: [number, number],
  padding: 'valid' | 'same' | number,
): tf.Tensor4D {
  const [n, h, w, c] = x.shape;
  const [, ho, wo] = out.shape;
  const [pt, pb, pl, pr] = resolvePadding(padding, [h, w], [kh, kw], [sh, sw]);
  // Padding never wins the max: pad with -∞.
  const padded = pt + pb + pl + pr === 0 ? x : tf.pad(x, [[0, 0], [pt, pb], [pl, pr], [0, 0]], -Infinity);
  let taken: tf.Tensor = tf.zerosLike(out);
  let dx: tf.Tensor4D = tf.zerosLike(x);
  for (let p = 0; p < kh; p++) {
    for (let q = 0; q < kw; q++) {
      // entry[i,j] = padded[i·sh + p, j·sw + q]: this offset's value in every window.
      const entry = tf.stridedSlice(padded, [0, p, q, 0], [n, p + (ho - 1) * sh + 1, q + (wo - 1) * sw + 1, c], [1, sh, sw, 1]);
      const hit = tf.mul(asFloat(tf.equal(entry, out)), tf.sub(1, taken));
      taken = tf.add(taken, hit);
      // Back to input coordinates: dx[a] += share[(a + pt − p)/sh] where that is a whole number.
      const share = spreadByStride(tf.mul(dy, hit) as tf.Tensor4D, sh, sw);
      dx = tf.add(dx, cropOrPad(cropOrPad(share, 1, pt - p, h), 2, pl - q, w));
    }
  }
  return dx;
}

/** Mean of each window, over its entries inside the input. */
export function avgPool2d(x: Tensor, opts: Pool2dOptions): Tensor {
  const { kernel, stride, padding } = settings('avgPool2d', x, opts);
  const out = tf.avgPool(x.asTf() as tf.Tensor4D, kernel, stride, padding);
  const [, h, w] = x.shape;
  const [, ho, wo] = out.shape;
  const [pt, , pl] = resolvePadding(padding, [h, w], kernel, stride);
  const rows = insideCounts(h, ho, kernel[0], stride[0], pt);
  const cols = insideCounts(w, wo, kernel[1], stride[1], pl);
  const full = kernel[0] * kernel[1];
  const partial = rows.some((r) => r !== kernel[0]) || cols.some((c) => c !== kernel[1]);
  return record(
    'avgPool2d',
    out,
    [x],
    (dy) => {
      let scaled = dy;
      if (partial) {
        const factor = new Float32Array(ho * wo);
        rows.forEach((r, i) => cols.forEach((c, j) => (factor[i * wo + j] = full / (r * c))));
        scaled = tf.mul(dy, tf.tensor4d(factor, [1, ho, wo, 1]));
      }
      return [tf.engine().runKernel(tf.AvgPoolGrad, { dy: scaled, input: x.asTf() }, { filterSize: kernel, strides: stride, pad: padding }) as tf.Tensor];
    },
    { kernel, stride, padding },
  );
}
