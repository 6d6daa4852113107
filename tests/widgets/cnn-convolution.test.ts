// The convolution explorer's logic in Node: the engine's conv2d (what the figure draws) against the
// plain loops that write the sum out, for every preset, stride, padding and dilation the figure
// offers; the output-size formula; the kernel text box; and memory.
import { beforeAll, describe, expect, it } from 'vitest';
import { initialState } from '../../src/book/urlState.ts';
import { initEngine, liveTensorCount } from '../../src/engine/index.ts';
import { convolutionExplorerSchema } from '../../src/widgets/ConvolutionExplorer/ConvolutionExplorer.tsx';
import {
  convolveReference,
  dot,
  INPUTS,
  inputImage,
  kernelText,
  outputSize,
  padImage,
  parseKernel,
  PRESET_KERNELS,
  range,
  termsAt,
} from '../../src/models/convolution/convolution.ts';
import { sampleDigit, SAMPLE_DIGIT_LABEL } from '../../src/models/convolution/sampleDigit.ts';
import { engineConvolution } from '../../src/widgets/ConvolutionExplorer/useConvolutionExplorer.ts';

beforeAll(async () => {
  await initEngine({ prefer: 'cpu' });
});

describe('convolution explorer', () => {
  it('the shipped digit is a 28×28 seven with values in [0, 1]', () => {
    const d = sampleDigit();
    expect(d).toHaveLength(28);
    for (const row of d) expect(row).toHaveLength(28);
    const flat = d.flat();
    expect(Math.min(...flat)).toBe(0);
    expect(Math.max(...flat)).toBeLessThanOrEqual(1);
    expect(flat.filter((v) => v > 0.5).length).toBeGreaterThan(40);
    expect(SAMPLE_DIGIT_LABEL).toBe(7);
  });

  it('the engine and the written-out sums agree for every setting the figure offers', () => {
    for (const input of INPUTS) {
      const image = inputImage(input);
      for (const kernel of Object.values(PRESET_KERNELS)) {
        for (const [stride, padding, dilation] of [[1, 0, 1], [1, 1, 1], [2, 0, 1], [3, 2, 1], [1, 0, 2], [1, 2, 3]]) {
          const side = outputSize(image.length, 3, stride, padding, dilation);
          const got = engineConvolution(image, kernel, 3, stride, padding, dilation);
          const want = convolveReference(image, kernel, 3, stride, padding, dilation);
          expect(got.length).toBe(side);
          expect(got[0].length).toBe(side);
          for (let i = 0; i < side; i++) for (let j = 0; j < side; j++) expect(got[i][j]).toBeCloseTo(want[i][j], 4);
        }
      }
    }
  });

  it('Sobel x finds the square’s left and right edges with opposite signs, and nothing inside', () => {
    const out = convolveReference(inputImage('square'), PRESET_KERNELS.sobelX, 3, 1, 0);
    // Output (i, j) covers input rows i..i+2, columns j..j+2; the square spans 3..8.
    expect(out[4][1]).toBeGreaterThan(0); // the left edge: dark to bright, left to right
    expect(out[4][7]).toBeLessThan(0); // the right edge
    expect(out[4][4]).toBe(0); // inside
    expect(out[0][0]).toBe(0); // outside
  });

  it('the terms of one position are the kernel times the window it covers', () => {
    const padded = padImage(inputImage('square'), 1);
    const terms = termsAt(padded, PRESET_KERNELS.identity, 3, 2, 2, 3, 1);
    expect(terms).toHaveLength(9);
    expect(terms[0]).toMatchObject({ row: 4, col: 6 });
    expect(dot(terms)).toBe(padded[5][7]); // the identity picks the centre
    const dilated = termsAt(padImage(inputImage('square'), 0), PRESET_KERNELS.blur, 3, 1, 0, 0, 2);
    expect(dilated.map((t) => [t.row, t.col])).toEqual([[0, 0], [0, 2], [0, 4], [2, 0], [2, 2], [2, 4], [4, 0], [4, 2], [4, 4]]);
  });

  it('output sizes follow ⌊(n + 2p − d(k − 1) − 1)/s⌋ + 1', () => {
    expect(outputSize(28, 5, 1, 0)).toBe(24);
    expect(outputSize(28, 3, 2, 1)).toBe(14);
    expect(outputSize(32, 3, 1, 0, 2)).toBe(28);
    expect(outputSize(4, 3, 1, 0, 3)).toBeLessThan(1); // does not fit: the figure says so
  });

  it('typed kernels: nine numbers, or a message that names the problem', () => {
    expect(parseKernel('1 2 3; 4 5 6; 7 8 9', 3)).toEqual({ kernel: [1, 2, 3, 4, 5, 6, 7, 8, 9] });
    expect(parseKernel('1,2,3,4,5,6,7,8,9', 3)).toEqual({ kernel: [1, 2, 3, 4, 5, 6, 7, 8, 9] });
    expect(parseKernel('1 2 3', 3)).toEqual({ error: 'needs 9 numbers, found 3' });
    expect(parseKernel('1 2 3 4 x 6 7 8 9', 3)).toHaveProperty('error');
    expect(parseKernel('1 2 3 4 1e9 6 7 8 9', 3)).toHaveProperty('error');
    expect(parseKernel('', 3)).toHaveProperty('error');
    for (const k of Object.values(PRESET_KERNELS)) {
      const back = parseKernel(kernelText(k, 3), 3);
      expect('kernel' in back && back.kernel.every((v, i) => Math.abs(v - k[i]) < 1e-4)).toBe(true);
    }
  });

  it('the colour range is never empty', () => {
    expect(range([[0, 0], [0, 0]])).toEqual([-1, 1]);
    expect(range([[NaN]])).toEqual([0, 1]);
    expect(range([[-2, 3]])).toEqual([-2, 3]);
  });

  it('link state: the square with Sobel x, stride 1, no padding, no dilation; bad values clamped', () => {
    expect(initialState(convolutionExplorerSchema, {}).state).toMatchObject({ input: 'square', preset: 'sobelX', stride: 1, padding: 0, dilation: 1 });
    expect(initialState(convolutionExplorerSchema, { stride: 9 }).state.stride).toBe(3);
  });

  it('frees every tensor', () => {
    const before = liveTensorCount();
    engineConvolution(sampleDigit(), PRESET_KERNELS.sharpen, 3, 1, 1, 1);
    expect(liveTensorCount()).toBe(before);
  });
});
