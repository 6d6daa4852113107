import { expect, it } from 'vitest';
import { maxPool2d } from '../../src/engine/ops';
import { tensor, tidy } from '../../src/engine/tensor';
import { describeEachBackend } from '../support/backends';

/**
 * Plain-JS max-pool input gradient for windows of kh×kw with stride (sh, sw), no padding: each
 * window's dy goes to its first maximum in row-major order.
 */
function maxPoolGradRef(x: number[], [n, h, w, c]: number[], [kh, kw]: number[], [sh, sw]: number[], dy: number[]): number[] {
  const ho = Math.floor((h - kh) / sh) + 1;
  const wo = Math.floor((w - kw) / sw) + 1;
  const at = (b: number, i: number, j: number, k: number) => ((b * h + i) * w + j) * c + k;
  const dx = new Array<number>(x.length).fill(0);
  for (let b = 0; b < n; b++) {
    for (let i = 0; i < ho; i++) {
      for (let j = 0; j < wo; j++) {
        for (let k = 0; k < c; k++) {
          let best = -Infinity;
          let where = -1;
          for (let p = 0; p < kh; p++) {
            for (let q = 0; q < kw; q++) {
              const v = x[at(b, i * sh + p, j * sw + q, k)];
              if (v > best) [best, where] = [v, at(b, i * sh + p, j * sw + q, k)];
            }
          }
          dx[where] += dy[((b * ho + i) * wo + j) * c + k];
        }
      }
    }
  }
  return dx;
}

describeEachBackend('maxPool2d gradient, windows that tile the input and windows that do not', () => {
  // Values on a coarse grid (many ties, within and across windows and channels), and dy with
  // distinct entries so that a gradient sent to the wrong entry shows.
  const shape = [2, 6, 4, 3];
  const size = shape.reduce((a, b) => a * b, 1);
  const x = Array.from({ length: size }, (_, i) => ((i * 7919) % 5) - 2);

  for (const { kernel, stride } of [
    { kernel: [2, 2], stride: [2, 2] },
    { kernel: [3, 2], stride: [3, 2] },
    { kernel: [2, 2], stride: [1, 1] },
    { kernel: [4, 3], stride: [4, 3] },
  ]) {
    it(`kernel [${kernel}], stride [${stride}] on [${shape}] with ties: first maximum of each window`, () => {
      const ho = Math.floor((shape[1] - kernel[0]) / stride[0]) + 1;
      const wo = Math.floor((shape[2] - kernel[1]) / stride[1]) + 1;
      const dy = Array.from({ length: shape[0] * ho * wo * shape[3] }, (_, i) => 1 + i);
      const grad = tidy(() => {
        const input = tensor(x, shape, { requiresGrad: true });
        const out = maxPool2d(input, { kernel: kernel as [number, number], stride: stride as [number, number] });
        out.backward(tensor(dy, out.shape).value);
        return Array.from(input.grad!.data());
      });
      expect(grad).toEqual(maxPoolGradRef(x, shape, kernel, stride, dy));
    });
  }
});
