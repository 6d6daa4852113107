// Float64 plain-JS references for the ops whose backward rules have several routes (matmul,
// conv2d, pooling, split): what the op tests and the route tests check the engine against.
import { nd, ravel, size, unravel, type Nd } from '../support/gradcheck';

export type Padding = 'valid' | 'same' | number;

/** Float64 matrix product; a batch of matrices against a batch, or every matrix against one. */
export function matmulRef(a: Nd, b: Nd): Nd {
  const batched = a.shape.length === 3;
  const [batch, m, k] = batched ? a.shape : [1, ...a.shape];
  const n = b.shape[b.shape.length - 1];
  const shared = b.shape.length === 2;
  const data: number[] = [];
  for (let t = 0; t < batch; t++) {
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let acc = 0;
        for (let p = 0; p < k; p++) acc += a.data[(t * m + i) * k + p] * b.data[(shared ? 0 : t * k * n) + p * n + j];
        data.push(acc);
      }
    }
  }
  return nd(data, batched ? [batch, m, n] : [m, n]);
}

/** [top, bottom, left, right] zero padding, with TensorFlow's rule for 'same'. */
export function pads(padding: Padding, h: number, w: number, kh: number, kw: number, s: number, d: number): number[] {
  if (padding === 'valid') return [0, 0, 0, 0];
  if (typeof padding === 'number') return [padding, padding, padding, padding];
  const total = (n: number, k: number) => Math.max((Math.ceil(n / s) - 1) * s + (k - 1) * d + 1 - n, 0);
  const [th, tw] = [total(h, kh), total(w, kw)];
  return [Math.floor(th / 2), th - Math.floor(th / 2), Math.floor(tw / 2), tw - Math.floor(tw / 2)];
}

/** Direct float64 convolution (cross-correlation), NHWC input, [kh,kw,in,out] kernel. */
export function conv2dRef(x: Nd, w: Nd, stride: number, padding: Padding, dilation: number): Nd {
  const [n, h, wd, c] = x.shape;
  const [kh, kw, , co] = w.shape;
  const [pt, pb, pl, pr] = pads(padding, h, wd, kh, kw, stride, dilation);
  const ho = Math.floor((h + pt + pb - (kh - 1) * dilation - 1) / stride) + 1;
  const wo = Math.floor((wd + pl + pr - (kw - 1) * dilation - 1) / stride) + 1;
  const data: number[] = [];
  for (let b = 0; b < n; b++)
    for (let i = 0; i < ho; i++)
      for (let j = 0; j < wo; j++)
        for (let o = 0; o < co; o++) {
          let acc = 0;
          for (let p = 0; p < kh; p++)
            for (let q = 0; q < kw; q++) {
              const r = i * stride + p * dilation - pt;
              const s = j * stride + q * dilation - pl;
              if (r < 0 || r >= h || s < 0 || s >= wd) continue;
              for (let ci = 0; ci < c; ci++) acc += x.data[((b * h + r) * wd + s) * c + ci] * w.data[((p * kw + q) * c + ci) * co + o];
            }
          data.push(acc);
        }
  return nd(data, [n, ho, wo, co]);
}

/** Float64 pooling with a square window; padded positions are left out of the max and the mean's count. */
export function poolRef(x: Nd, kind: 'max' | 'avg', k: number, stride: number, padding: Padding): Nd {
  const [n, h, wd, c] = x.shape;
  const [pt, pb, pl, pr] = pads(padding, h, wd, k, k, stride, 1);
  const ho = Math.floor((h + pt + pb - k) / stride) + 1;
  const wo = Math.floor((wd + pl + pr - k) / stride) + 1;
  const data: number[] = [];
  for (let b = 0; b < n; b++)
    for (let i = 0; i < ho; i++)
      for (let j = 0; j < wo; j++)
        for (let ch = 0; ch < c; ch++) {
          const vals: number[] = [];
          for (let p = 0; p < k; p++)
            for (let q = 0; q < k; q++) {
              const r = i * stride + p - pt;
              const s = j * stride + q - pl;
              if (r >= 0 && r < h && s >= 0 && s < wd) vals.push(x.data[((b * h + r) * wd + s) * c + ch]);
            }
          data.push(kind === 'max' ? Math.max(...vals) : vals.reduce((a, v) => a + v, 0) / vals.length);
        }
  return nd(data, [n, ho, wo, c]);
}

/** The entries of `a` with index `from ≤ i < from + length` on `axis`. */
export function sliceRef(a: Nd, axis: number, from: number, length: number): Nd {
  const shape = a.shape.map((d, i) => (i === axis ? length : d));
  return nd(
    Array.from({ length: size(shape) }, (_, i) => {
      const idx = unravel(i, shape);
      idx[axis] += from;
      return a.data[ravel(idx, a.shape)];
    }),
    shape,
  );
}

/** Plain-JS concat along `axis`. */
export function concatRef(parts: Nd[], axis: number): Nd {
  const shape = [...parts[0].shape];
  shape[axis] = parts.reduce((n, p) => n + p.shape[axis], 0);
  return nd(
    Array.from({ length: size(shape) }, (_, i) => {
      const idx = unravel(i, shape);
      let k = 0;
      while (idx[axis] >= parts[k].shape[axis]) idx[axis] -= parts[k++].shape[axis];
      return parts[k].data[ravel(idx, parts[k].shape)];
    }),
    shape,
  );
}

export const scaleRef = (a: Nd, s: number): Nd => nd(a.data.map((v) => v * s), a.shape);

/** Distinct values (a shuffled ramp with a little noise), so that no pooling window has a tie. */
export function distinctValues(noise: number[]): number[] {
  const n = noise.length;
  return noise.map((v, i) => i * 0.37 - ((i * 7) % n) * 0.29 + v * 1e-3);
}
