// Runs the deep stack's backward pass with the engine whenever the setup changes. The stack is
// built, used and disposed inside `layerGradientNorms`, so nothing outlives one computation and
// React only holds the norms.
import { useMemo } from 'react';
import { layerGradientNorms, type DepthSetup } from '../../models/gradientDepth.ts';

export type DepthResult = { norms: number[]; error: null } | { norms: null; error: string };

export function useGradientDepth(ready: boolean, { activation, depth, init, seed }: DepthSetup): DepthResult | null {
  return useMemo(() => {
    if (!ready) return null;
    try {
      return { norms: layerGradientNorms({ activation, depth, init, seed }), error: null };
    } catch (e) {
      return { norms: null, error: e instanceof Error ? e.message : String(e) };
    }
  }, [ready, activation, depth, init, seed]);
}
