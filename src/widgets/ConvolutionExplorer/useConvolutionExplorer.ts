// The output map of the explorer, from the engine's conv2d on the padded input (the explorer pads
// explicitly so that the picture and the engine agree cell for cell). Tensors live only inside
// one tidy; React gets number[][].
import { useMemo } from 'react';
import { conv2d, tensor, tidy } from '../../engine/index.ts';
import { outputSize } from '../../models/convolution/convolution.ts';

export type ConvResult = { output: number[][]; error: null } | { output: null; error: string };

// #region engine
export function engineConvolution(image: number[][], kernel: number[], k: number, stride: number, padding: number, dilation: number): number[][] {
  const h = image.length;
  const w = image[0].length;
  const ho = outputSize(h, k, stride, padding, dilation);
  const wo = outputSize(w, k, stride, padding, dilation);
  const flat = tidy(() => {
    const x = tensor(image.flat(), [1, h, w, 1]); // NHWC: one image, one channel
    const weights = tensor(kernel, [k, k, 1, 1]); // [kh, kw, in, out]
    return conv2d(x, weights, { stride, padding, dilation }).data();
  });
  return Array.from({ length: ho }, (_, i) => Array.from(flat.subarray(i * wo, i * wo + wo)));
}
// #endregion

export function useConvolution(ready: boolean, image: number[][], kernel: number[], k: number, stride: number, padding: number, dilation: number): ConvResult | null {
  return useMemo(() => {
    if (!ready) return null;
    try {
      return { output: engineConvolution(image, kernel, k, stride, padding, dilation), error: null };
    } catch (e) {
      return { output: null, error: e instanceof Error ? e.message : String(e) };
    }
  }, [ready, image, kernel, k, stride, padding, dilation]);
}
