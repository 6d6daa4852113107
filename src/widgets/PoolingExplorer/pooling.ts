// Max and average pooling on a small feature map, with plain loops that say what the engine's
// maxPool2d and avgPool2d compute (the widget draws the engine's numbers; tests compare them).
import { outputSize } from '../../models/convolution/convolution.ts';

export const POOL_KINDS = ['max', 'average'] as const;
export type PoolKind = (typeof POOL_KINDS)[number];

/**
 * An 8×8 feature map, the kind a ReLU convolution layer produces: mostly zeros, with a few strong
 * responses where its pattern was found (small whole numbers, so every pooled value can be checked
 * by eye).
 */
export const FEATURE_MAP: readonly (readonly number[])[] = [
  [0, 1, 0, 0, 2, 0, 0, 0],
  [3, 6, 1, 0, 5, 8, 1, 0],
  [0, 2, 0, 0, 1, 3, 0, 0],
  [0, 0, 0, 1, 0, 0, 0, 2],
  [0, 0, 4, 9, 2, 0, 1, 7],
  [1, 0, 2, 5, 1, 0, 0, 3],
  [0, 0, 0, 0, 0, 4, 2, 0],
  [2, 1, 0, 0, 0, 6, 3, 0],
];

export interface PoolWindow {
  row: number;
  col: number;
  values: number[];
  result: number;
  /** Position (in the input) of the maximum, for max pooling. */
  argmax: { row: number; col: number } | null;
}

// #region pool
/** Output (i, j) of pooling with a size×size window and a stride, without padding. */
export function poolWindow(map: readonly (readonly number[])[], kind: PoolKind, size: number, stride: number, i: number, j: number): PoolWindow {
  const values: number[] = [];
  let best = { row: i * stride, col: j * stride };
  for (let p = 0; p < size; p++) {
    for (let q = 0; q < size; q++) {
      const row = i * stride + p;
      const col = j * stride + q;
      values.push(map[row][col]);
      if (map[row][col] > map[best.row][best.col]) best = { row, col };
    }
  }
  const result = kind === 'max' ? Math.max(...values) : values.reduce((a, b) => a + b, 0) / values.length;
  return { row: i * stride, col: j * stride, values, result, argmax: kind === 'max' ? best : null };
}
// #endregion

export function poolReference(map: readonly (readonly number[])[], kind: PoolKind, size: number, stride: number): number[][] {
  const h = outputSize(map.length, size, stride, 0);
  const w = outputSize(map[0].length, size, stride, 0);
  return Array.from({ length: h }, (_, i) => Array.from({ length: w }, (_, j) => poolWindow(map, kind, size, stride, i, j).result));
}

/** The map moved one column to the right (zeros coming in on the left): pooling's small-shift test. */
export function shiftRight(map: readonly (readonly number[])[]): number[][] {
  return map.map((row) => [0, ...row.slice(0, -1)]);
}
