// The pooling explorer and the receptive-field figure in Node: the engine's pooling against plain
// loops, the one-pixel shift, and the receptive field found by the engine's backward pass against
// the recurrence, for every stack, layer and a spread of units.
import { beforeAll, describe, expect, it } from 'vitest';
import { initEngine, liveTensorCount } from '../../src/engine/index.ts';
import { FEATURE_MAP, poolReference, poolWindow, POOL_KINDS, shiftRight } from '../../src/widgets/PoolingExplorer/pooling.ts';
import { enginePool } from '../../src/widgets/PoolingExplorer/usePoolingExplorer.ts';
import { dependence, fieldOrigin, INPUT_SIDE, receptiveFields, STACK_LAYERS, STACKS, support } from '../../src/widgets/ReceptiveField/receptive.ts';

beforeAll(async () => {
  await initEngine({ prefer: 'cpu' });
});

describe('pooling explorer', () => {
  it('the engine pools as the loops do, for every size and stride offered', () => {
    for (const kind of POOL_KINDS) {
      for (let size = 2; size <= 4; size++) {
        for (let stride = 1; stride <= 4; stride++) {
          const got = enginePool(FEATURE_MAP, kind, size, stride);
          const want = poolReference(FEATURE_MAP, kind, size, stride);
          expect(got.length).toBe(want.length);
          got.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(want[i][j], 5)));
        }
      }
    }
  });

  it('a window knows its values, its result and where the maximum is', () => {
    const w = poolWindow(FEATURE_MAP, 'max', 2, 2, 0, 0);
    expect(w.values).toEqual([0, 1, 3, 6]);
    expect(w.result).toBe(6);
    expect(w.argmax).toEqual({ row: 1, col: 1 });
    expect(poolWindow(FEATURE_MAP, 'average', 2, 2, 0, 0).result).toBe(2.5);
  });

  it('shifting by one pixel changes fewer max-pooled values than there are', () => {
    const a = poolReference(FEATURE_MAP, 'max', 2, 2).flat();
    const b = poolReference(shiftRight(FEATURE_MAP), 'max', 2, 2).flat();
    const changed = a.filter((v, i) => v !== b[i]).length;
    expect(changed).toBeGreaterThan(0);
    expect(changed).toBeLessThan(a.length);
  });
});

describe('receptive field', () => {
  it('the backward pass and the recurrence agree for every stack, layer and unit tried', () => {
    for (const stack of STACKS) {
      const layers = STACK_LAYERS[stack];
      const fields = receptiveFields(layers);
      fields.forEach((f, l) => {
        for (const [row, col] of [[0, 0], [f.side - 1, 0], [Math.floor(f.side / 2), f.side - 1]]) {
          const box = support(dependence(layers, l + 1, row, col));
          expect(box, `${stack} layer ${l + 1}`).toEqual({ row: fieldOrigin(row, f.jump), col: fieldOrigin(col, f.jump), rows: f.field, cols: f.field });
        }
      });
    }
  });

  it('the fields of the chapter: 7, 16, 15, 13 and 15 pixels', () => {
    expect(STACKS.map((s) => receptiveFields(STACK_LAYERS[s]).at(-1)!.field)).toEqual([7, 16, 15, 13, 15]);
    expect(receptiveFields(STACK_LAYERS.lenet).map((f) => f.side)).toEqual([20, 10, 6, 3]);
  });

  it('path counts: the centre of three 3×3 layers has the most paths; dilation leaves holes', () => {
    const counts = dependence(STACK_LAYERS.three3x3, 3, 5, 5);
    const box = support(counts)!;
    const centre = counts[box.row + 3][box.col + 3];
    expect(centre).toBe(Math.max(...counts.flat()));
    // Per axis, the paths through three 3-tap layers are the coefficients of (1 + x + x²)³:
    // 1, 3, 6, 7, 6, 3, 1; in 2-D, their products.
    expect(centre).toBe(7 * 7);
    expect(counts[box.row][box.col]).toBe(1);
    expect(counts[box.row][box.col + 1]).toBe(3);
    // Dilations 1, 2, 4 cover their 15×15 field without a gap; 2, 2, 2 use only every other pixel.
    expect(dependence(STACK_LAYERS.dilated, 3, 0, 0).flat().filter((v) => v > 0).length).toBe(15 * 15);
    expect(dependence(STACK_LAYERS.gridded, 3, 0, 0).flat().filter((v) => v > 0).length).toBe(7 * 7);
    expect(INPUT_SIDE).toBe(24);
  });

  it('frees every tensor', () => {
    const before = liveTensorCount();
    dependence(STACK_LAYERS.lenet, 4, 1, 1);
    expect(liveTensorCount()).toBe(before);
  });
});
