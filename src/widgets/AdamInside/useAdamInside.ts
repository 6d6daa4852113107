// The steps of one setting, computed by the engine once it is ready and again whenever a setting
// changes (not when only the chosen step moves): every engine object lives and dies inside
// `adamSteps`, so React only holds plain arrays.
import { useMemo } from 'react';
import { adamSteps, type AdamRun, type AdamSetting } from './adamSteps.ts';

export type AdamResult = { run: AdamRun; error: null } | { run: null; error: string };

export function useAdamInside(ready: boolean, o: AdamSetting): AdamResult | null {
  const { stream, scale, seed, learningRate, beta1, beta2, eps } = o;
  return useMemo(() => {
    if (!ready) return null;
    try {
      return { run: adamSteps({ stream, scale, seed, learningRate, beta1, beta2, eps }), error: null };
    } catch (e) {
      return { run: null, error: e instanceof Error ? e.message : String(e) };
    }
  }, [ready, stream, scale, seed, learningRate, beta1, beta2, eps]);
}
