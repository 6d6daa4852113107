// Runs both unrolled networks' backward passes whenever the setup changes. The networks are built,
// used and freed inside `rnnGradients`, so React only holds plain numbers.
import { useMemo } from 'react';
import { rnnGradients, type GradientSetup, type GradientsResult } from './gradients.ts';

export type GradientsOutcome = { result: GradientsResult; error: null } | { result: null; error: string };

export function useRnnGradients(ready: boolean, { length, scale, forgetBias, clip, seed }: GradientSetup): GradientsOutcome | null {
  return useMemo(() => {
    if (!ready) return null;
    try {
      return { result: rnnGradients({ length, scale, forgetBias, clip, seed }), error: null };
    } catch (e) {
      return { result: null, error: e instanceof Error ? e.message : String(e) };
    }
  }, [ready, length, scale, forgetBias, clip, seed]);
}
