// 2-D convolution in the layouts the whole book uses, TensorFlow.js's own:
//   x: NHWC, [batch, height, width, inChannels]
//   w: [kernelHeight, kernelWidth, inChannels, outChannels]
//   y: [batch, outHeight, outWidth, outChannels]
// y[n,i,j,o] = Σ_{p,q,c} xpad[n, i·s + p·d, j·s + q·d, c] · w[p,q,c,o]  (s stride, d dilation; like
// every deep-learning library this is a cross-correlation: the kernel is not flipped).
//
// Both gradients are written as forward convolutions (Dumoulin & Visin, 2016, "A guide to
// convolution arithmetic", on transposed convolution):
//   dx: the output gradient, spread out by the stride (zeros between rows and columns), convolved
//       with the kernel flipped in space and with in/out channels swapped;
//   dW: the input with batch and channels swapped, convolved with the output gradient used as the
//       kernel (its stride becomes the dilation and vice versa).
// The WASM backend has no Conv2DBackpropFilter kernel and the plain-JS one is slow (on MNIST-sized
// layers, batch 20, 5×5 kernels, this route was measured 2.4–4× faster on cpu), while every
// backend has a fast forward convolution; the tests check these rules against tf.grad on cpu. On
// WebGL the stock kernels were measured 1.4–2× faster than this route (its dW convolution has a
// kernel as large as the output), so WebGL keeps them (routes.ts, `convBackward`), except with
// dilation, which those kernels do not take.
import * as tf from '@tensorflow/tfjs-core';
import { record, type Tensor } from '../tensor';
import { routeFor } from './routes';
import { cropOrPad, outputSize, pair, resolvePadding, spreadByStride, type Pair } from './windows';

export interface Conv2dOptions {
  stride?: Pair;
  /** 'valid' (no padding), 'same' (output size ⌈input/stride⌉) or a symmetric zero padding. */
  padding?: 'valid' | 'same' | number;
  dilation?: Pair;
}

export function conv2d(x: Tensor, w: Tensor, opts: Conv2dOptions = {}): Tensor {
  if (x.rank !== 4 || w.rank !== 4) {
    throw new Error(`conv2d: expects x [batch,height,width,inChannels] and w [kh,kw,inChannels,outChannels], got [${x.shape}] and [${w.shape}]`);
  }
  const [, h, wd, cin] = x.shape;
  const [kh, kw, wcin] = w.shape;
  if (wcin !== cin) throw new Error(`conv2d: input has ${cin} channels but the kernel expects ${wcin}`);
  const stride = pair(opts.stride, 1);
  const dilation = pair(opts.dilation, 1);
  const padding = opts.padding ?? 'valid';
  if ((stride[0] > 1 || stride[1] > 1) && (dilation[0] > 1 || dilation[1] > 1)) {
    throw new Error('conv2d: a stride and a dilation above 1 cannot be combined (TensorFlow.js supports one or the other)');
  }
  const [pt, pb, pl, pr] = resolvePadding(padding, [h, wd], [kh, kw], stride, dilation);
  const [sh, sw] = stride;
  const [dh, dw] = dilation;
  const ho = outputSize(h, pt + pb, kh, sh, dh);
  const wo = outputSize(wd, pl + pr, kw, sw, dw);
  if (ho < 1 || wo < 1) throw new Error(`conv2d: kernel [${kh},${kw}] does not fit input [${h},${wd}] with this padding`);

  const pad: 'valid' | [[number, number], [number, number], [number, number], [number, number]] =
    pt + pb + pl + pr === 0 ? 'valid' : [[0, 0], [pt, pb], [pl, pr], [0, 0]];
  const out = tf.conv2d(x.asTf() as tf.Tensor4D, w.asTf() as tf.Tensor4D, stride, pad, 'NHWC', dilation);

  return record(
    'conv2d',
    out,
    [x, w],
    (dyIn, needs) => {
      const dy = dyIn as tf.Tensor4D;
      // The stock kernels take no dilation: a dilated kernel always takes the forward convolutions.
      if (routeFor('convBackward') === 'stockKernels' && dh === 1 && dw === 1) {
        const attrs = { strides: stride, pad, dataFormat: 'NHWC' as const };
        return [
          needs[0] ? (tf.engine().runKernel(tf.Conv2DBackpropInput, { dy, filter: w.asTf() }, { ...attrs, inputShape: x.shape }) as tf.Tensor) : null,
          needs[1] ? (tf.engine().runKernel(tf.Conv2DBackpropFilter, { x: x.asTf(), dy }, { ...attrs, filterShape: w.shape }) as tf.Tensor) : null,
        ];
      }
      return [needs[0] ? inputGradient() : null, needs[1] ? kernelGradient() : null];

      // dx[a] = Σ_p dyStrided[a + pt − p·d] · w[p]: a correlation of the (padded) spread-out dy with
      // the flipped kernel, dilation d, stride 1.
      function inputGradient(): tf.Tensor {
        const spread = spreadByStride(dy, sh, sw);
        const dyWindow = cropOrPad(cropOrPad(spread, 1, pt - (kh - 1) * dh, h + (kh - 1) * dh), 2, pl - (kw - 1) * dw, wd + (kw - 1) * dw);
        const flipped = tf.transpose(tf.reverse(w.asTf(), [0, 1]), [0, 1, 3, 2]) as tf.Tensor4D;
        return tf.conv2d(dyWindow, flipped, 1, 'valid', 'NHWC', dilation);
      }

      // dW[p,q,c,o] = Σ_{n,i,j} xpad[n, i·s + p·d, j·s + q·d, c] · dy[n,i,j,o]: channels act as the
      // batch, the batch as channels, dy as the kernel; stride d, dilation s.
      function kernelGradient(): tf.Tensor {
        const usedH = (kh - 1) * dh + (ho - 1) * sh + 1;
        const usedW = (kw - 1) * dw + (wo - 1) * sw + 1;
        const xWindow = cropOrPad(cropOrPad(x.asTf() as tf.Tensor4D, 1, -pt, usedH), 2, -pl, usedW);
        const xT = tf.transpose(xWindow, [3, 1, 2, 0]) as tf.Tensor4D;
        const dyT = tf.transpose(dy, [1, 2, 0, 3]) as tf.Tensor4D;
        const dwT = tf.conv2d(xT, dyT, dilation, 'valid', 'NHWC', stride);
        return tf.transpose(dwT, [1, 2, 0, 3]);
      }
    },
    { stride, padding, dilation },
  );
}
