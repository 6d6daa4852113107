// The character model the reader trained, shared with the "Inside the LSTM" figure as plain data
// (the characters, the width and the weights as arrays): no engine object crosses between the two
// widgets, so either can unmount or rebuild without freeing something the other still uses.
import type { nn } from '../../engine/index.ts';

export interface SharedCharModel {
  chars: readonly string[];
  hidden: number;
  weights: nn.StateDict;
  /** Training steps behind these weights, and the loss last read back. */
  step: number;
  loss: number | null;
  /** 'corpus' or 'pasted': what it was trained on. */
  source: string;
}

let current: SharedCharModel | null = null;
const listeners = new Set<() => void>();

export function publishCharModel(model: SharedCharModel): void {
  current = model;
  listeners.forEach((l) => l());
}

export function sharedCharModel(): SharedCharModel | null {
  return current;
}

export function subscribeCharModel(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
