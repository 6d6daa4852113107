// The dependence counts from one backward pass of the engine, recomputed when the choice changes.
import { useMemo } from 'react';
import { dependence, type LayerSpec } from './receptive.ts';

export function useDependence(ready: boolean, layers: readonly LayerSpec[], upTo: number, row: number, col: number) {
  return useMemo(() => {
    if (!ready) return null;
    try {
      return { counts: dependence(layers, upTo, row, col), error: null as null };
    } catch (e) {
      return { counts: null, error: e instanceof Error ? e.message : String(e) };
    }
  }, [ready, layers, upTo, row, col]);
}
