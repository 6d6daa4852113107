// Runs the small RNN over the typed sequence whenever it or the seed changes; the layer is built,
// used and freed inside `unroll`, so React only holds plain numbers.
import { useMemo } from 'react';
import { parseSequence, unroll, type ParsedSequence, type Unrolled } from './unrolled.ts';

export type UnrolledOutcome = { parsed: ParsedSequence; unrolled: Unrolled | null; error: string | null };

export function useUnrolledRnn(ready: boolean, text: string, seed: number): UnrolledOutcome {
  return useMemo(() => {
    const parsed = parseSequence(text);
    if (!ready || !parsed.ok) return { parsed, unrolled: null, error: null };
    try {
      return { parsed, unrolled: unroll(parsed, seed), error: null };
    } catch (e) {
      return { parsed, unrolled: null, error: e instanceof Error ? e.message : String(e) };
    }
  }, [ready, text, seed]);
}
