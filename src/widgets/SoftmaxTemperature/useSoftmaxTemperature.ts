// The figure's numbers, computed by the engine once it is ready; React gets plain numbers only.
import { useMemo } from 'react';
import { softmaxWithTemperature, type SoftmaxResult } from './softmax.ts';

export function useSoftmaxTemperature(ready: boolean, logits: readonly number[], temperature: number): SoftmaxResult | null {
  const key = logits.join(',');
  return useMemo(() => (ready ? softmaxWithTemperature(key.split(',').map(Number), temperature) : null), [ready, key, temperature]);
}
