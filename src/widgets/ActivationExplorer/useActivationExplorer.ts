// Computes the explorer's curves with the engine once it is ready: every engine tensor lives and
// dies inside `valuesAndSlopes`, so React only ever holds plain arrays.
import { useMemo } from 'react';
import { evenlySpaced, saturatedTails, valuesAndSlopes, type ActivationName, type Curve, type Region } from './curves.ts';

export const X_RANGE: [number, number] = [-6, 6];
const SAMPLES = 481; // a step of 0.025: corners stay sharp

export interface ExplorerCurve {
  name: ActivationName;
  curve: Curve;
  tails: Region[];
  peakSlope: number;
  /** f and f' at the chosen input. */
  at: { y: number; slope: number };
}

export function useActivationExplorer(ready: boolean, fn: ActivationName, compare: ActivationName | 'none', x: number): ExplorerCurve[] | null {
  // The curves change with the functions only; the point with x only.
  const curves = useMemo(() => {
    if (!ready) return null;
    const names: ActivationName[] = compare === 'none' || compare === fn ? [fn] : [fn, compare];
    return names.map((name) => {
      const curve = valuesAndSlopes(name, evenlySpaced(X_RANGE[0], X_RANGE[1], SAMPLES));
      return { name, curve, tails: saturatedTails(curve), peakSlope: Math.max(...curve.slope.map(Math.abs)) };
    });
  }, [ready, fn, compare]);
  return useMemo(() => {
    if (!curves) return null;
    return curves.map((c) => {
      const point = valuesAndSlopes(c.name, [x]);
      return { ...c, at: { y: point.y[0], slope: point.slope[0] } };
    });
  }, [curves, x]);
}
