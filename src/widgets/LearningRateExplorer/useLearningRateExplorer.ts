// The run of one setting, computed by the engine once it is ready and again whenever a setting
// changes: every engine object lives and dies inside `descend`, so React only holds plain arrays.
import { useMemo } from 'react';
import { descend, type DescentRun } from './descent.ts';

export type ExplorerRun = { run: DescentRun; error: null } | { run: null; error: string };

export function useLearningRateExplorer(ready: boolean, curvature: number, learningRate: number, start: number, steps: number): ExplorerRun | null {
  return useMemo(() => {
    if (!ready) return null;
    try {
      return { run: descend({ curvature, learningRate, start, steps }), error: null };
    } catch (e) {
      // A lost GPU context mid-run, say: said in words, and the next change tries again.
      return { run: null, error: e instanceof Error ? e.message : String(e) };
    }
  }, [ready, curvature, learningRate, start, steps]);
}
