// The arithmetic of one 2-D convolution, small enough to read: kernel presets, the output-size
// formula, the padded input, and the dot product at one position written out term by term. The
// output map itself is computed by the engine's conv2d (in the ConvolutionExplorer widget's hook);
// the plain loops here explain it and let the tests check the engine against them.
import { sampleDigit } from './sampleDigit.ts';

export const KERNEL_PRESETS = ['identity', 'blur', 'sharpen', 'sobelX', 'sobelY', 'emboss', 'custom'] as const;
export type KernelPreset = (typeof KERNEL_PRESETS)[number];

/** The 3×3 presets, row by row (cross-correlation, as every deep-learning library computes). */
export const PRESET_KERNELS: Record<Exclude<KernelPreset, 'custom'>, number[]> = {
  identity: [0, 0, 0, 0, 1, 0, 0, 0, 0],
  // A Gaussian-like blur: weights 1-2-1 in each direction, summing to 1.
  blur: [1 / 16, 2 / 16, 1 / 16, 2 / 16, 4 / 16, 2 / 16, 1 / 16, 2 / 16, 1 / 16],
  sharpen: [0, -1, 0, -1, 5, -1, 0, -1, 0],
  // The Sobel operator: the horizontal change (responds to vertical edges) and the vertical change.
  sobelX: [-1, 0, 1, -2, 0, 2, -1, 0, 1],
  sobelY: [-1, -2, -1, 0, 0, 0, 1, 2, 1],
  emboss: [-2, -1, 0, -1, 1, 1, 0, 1, 2],
};

export const INPUTS = ['digit', 'square'] as const;
export type InputName = (typeof INPUTS)[number];

/** A 12×12 picture: a square of ones on a ground of zeros, whose edges are easy to see in the output. */
export function squareImage(): number[][] {
  return Array.from({ length: 12 }, (_, r) => Array.from({ length: 12 }, (_, c) => (r >= 3 && r <= 8 && c >= 3 && c <= 8 ? 1 : 0)));
}

export function inputImage(name: InputName): number[][] {
  return name === 'digit' ? sampleDigit() : squareImage();
}

/** ⌊(n + 2p − d(k − 1) − 1)/s⌋ + 1: the output side of a convolution (also of pooling, with d = 1). */
export function outputSize(n: number, k: number, s: number, p: number, d = 1): number {
  return Math.floor((n + 2 * p - d * (k - 1) - 1) / s) + 1;
}

/** The input with p rows and columns of zeros on every side. */
export function padImage(image: number[][], p: number): number[][] {
  const w = image[0]?.length ?? 0;
  const zeros = () => new Array<number>(w + 2 * p).fill(0);
  return [...Array.from({ length: p }, zeros), ...image.map((row) => [...new Array<number>(p).fill(0), ...row, ...new Array<number>(p).fill(0)]), ...Array.from({ length: p }, zeros)];
}

export interface Term {
  /** Row and column in the padded input. */
  row: number;
  col: number;
  x: number;
  w: number;
}

// #region dot
/** The k·k products that make output (i, j): y[i,j] = Σ_{p,q} xpad[i·s + p·d, j·s + q·d] · w[p,q]. */
export function termsAt(padded: number[][], kernel: number[], k: number, s: number, i: number, j: number, d = 1): Term[] {
  const terms: Term[] = [];
  for (let p = 0; p < k; p++) {
    for (let q = 0; q < k; q++) {
      const row = i * s + p * d;
      const col = j * s + q * d;
      terms.push({ row, col, x: padded[row][col], w: kernel[p * k + q] });
    }
  }
  return terms;
}

export const dot = (terms: readonly Term[]) => terms.reduce((sum, t) => sum + t.x * t.w, 0);
// #endregion

/** The whole output map with plain loops (the tests compare the engine's conv2d with this). */
export function convolveReference(image: number[][], kernel: number[], k: number, s: number, p: number, d = 1): number[][] {
  const padded = padImage(image, p);
  const h = outputSize(image.length, k, s, p, d);
  const w = outputSize(image[0].length, k, s, p, d);
  return Array.from({ length: h }, (_, i) => Array.from({ length: w }, (_, j) => dot(termsAt(padded, kernel, k, s, i, j, d))));
}

/** Parses a typed kernel: k·k numbers separated by spaces, commas or new lines. */
export function parseKernel(text: string, k: number): { kernel: number[] } | { error: string } {
  const parts = text.split(/[\s,;]+/).filter((t) => t !== '');
  if (parts.length !== k * k) return { error: `needs ${k * k} numbers, found ${parts.length}` };
  const values = parts.map(Number);
  const bad = parts.find((t, i) => !Number.isFinite(values[i]) || Math.abs(values[i]) > 100);
  if (bad !== undefined) return { error: `“${bad}” is not a number between −100 and 100` };
  return { kernel: values };
}

/** A kernel as the text a reader edits: rows separated by semicolons. */
export function kernelText(kernel: readonly number[], k: number): string {
  const fmt = (v: number) => (Number.isInteger(v) ? String(v) : String(Math.round(v * 10000) / 10000));
  return Array.from({ length: k }, (_, r) => kernel.slice(r * k, r * k + k).map(fmt).join(' ')).join('; ');
}

/** Smallest and largest value of a map (for the colour scale), never an empty range. */
export function range(map: number[][]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const row of map) {
    for (const v of row) {
      if (!Number.isFinite(v)) continue;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
  }
  if (!Number.isFinite(lo)) return [0, 1];
  return lo === hi ? [lo - 1, hi + 1] : [lo, hi];
}
