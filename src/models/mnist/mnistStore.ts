// The model the reader trained last in the MNIST trainer, kept at module level (outside React) as
// a plain state dict (numbers, never engine tensors), so that the drawing widget can build its own
// copy and dispose of it.
import type { SharedModel } from './pretrained.ts';

export type { SharedModel };

let trained: SharedModel | null = null;
const listeners = new Set<(m: SharedModel | null) => void>();

export function publishTrained(m: SharedModel | null): void {
  trained = m;
  for (const l of listeners) l(m);
}

export function trainedModel(): SharedModel | null {
  return trained;
}

export function onTrained(listener: (m: SharedModel | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
