// The pooled map from the engine's maxPool2d / avgPool2d, inside one tidy; React gets numbers.
import { useMemo } from 'react';
import { avgPool2d, maxPool2d, tensor, tidy } from '../../engine/index.ts';
import { outputSize } from '../../models/convolution/convolution.ts';
import type { PoolKind } from './pooling.ts';

export function enginePool(map: readonly (readonly number[])[], kind: PoolKind, size: number, stride: number): number[][] {
  const h = map.length;
  const w = map[0].length;
  const ho = outputSize(h, size, stride, 0);
  const wo = outputSize(w, size, stride, 0);
  const flat = tidy(() => {
    const x = tensor(map.flat(), [1, h, w, 1]);
    const pool = kind === 'max' ? maxPool2d : avgPool2d;
    return pool(x, { kernel: size, stride }).data();
  });
  return Array.from({ length: ho }, (_, i) => Array.from(flat.subarray(i * wo, i * wo + wo)));
}

export function usePool(ready: boolean, map: readonly (readonly number[])[], kind: PoolKind, size: number, stride: number) {
  return useMemo(() => {
    if (!ready) return null;
    try {
      return { output: enginePool(map, kind, size, stride), error: null as null };
    } catch (e) {
      return { output: null, error: e instanceof Error ? e.message : String(e) };
    }
  }, [ready, map, kind, size, stride]);
}
