// Runs the training step on the engine whenever its inputs change; engine tensors live only inside
// `trainingStep`, React holds the numbers.
import { useMemo } from 'react';
import { trainingStep, type StepNumbers, type Weights } from './network.ts';

export type StepResult = { numbers: StepNumbers; error: null } | { numbers: null; error: string };

export function useTrainingStep(ready: boolean, x1: number, x2: number, y: number, weights: Weights, learningRate: number): StepResult | null {
  return useMemo(() => {
    if (!ready) return null;
    try {
      return { numbers: trainingStep([x1, x2], y, weights, learningRate), error: null };
    } catch (e) {
      return { numbers: null, error: e instanceof Error ? e.message : String(e) };
    }
  }, [ready, x1, x2, y, weights, learningRate]);
}
