// Runs the check on the engine whenever a choice changes; tensors live only inside the check's
// own tidy calls, React holds the numbers.
import { useMemo } from 'react';
import { gradientCheck, THETA, type CheckResult, type Param, type Rule } from './check.ts';

export type CheckState = { result: CheckResult; error: null } | { result: null; error: string };

export function useGradientCheck(ready: boolean, param: Param, rule: Rule, eps: number): CheckState | null {
  return useMemo(() => {
    if (!ready) return null;
    try {
      return { result: gradientCheck(THETA, param, rule, eps), error: null };
    } catch (e) {
      return { result: null, error: e instanceof Error ? e.message : String(e) };
    }
  }, [ready, param, rule, eps]);
}
