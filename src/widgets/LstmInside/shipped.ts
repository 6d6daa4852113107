// The small character model the "Inside the LSTM" figure starts with, as scripts/train-char-lstm.ts
// writes it (public/models/char-lstm.json): the characters, the width and the weights as plain
// arrays, plus how it was trained. Pure data handling: no engine, no DOM.
import type { nn } from '../../engine/index.ts';

export const SHIPPED_FILE = 'char-lstm.json';
export const SHIPPED_HIDDEN = 64;
export const SHIPPED_STEPS = 2000;
/** Characters per training window (the live widget uses shorter ones, for speed). */
export const SHIPPED_WINDOW = 32;

export interface ShippedCharModel {
  chars: string[];
  hidden: number;
  weights: nn.StateDict;
  /** Training steps, the final smoothed loss (nats per character) and the seed. */
  steps: number;
  loss: number;
  seed: number;
}

/** Checks a parsed file's shape (the weights' own shapes are checked when they are loaded). */
export function checkShipped(raw: unknown): ShippedCharModel {
  const m = raw as Partial<ShippedCharModel> | null;
  if (!m || !Array.isArray(m.chars) || m.chars.some((c) => typeof c !== 'string')) throw new Error('the model file has no character list');
  if (!Number.isInteger(m.hidden) || (m.hidden as number) < 1) throw new Error('the model file has no width');
  if (!m.weights || typeof m.weights !== 'object') throw new Error('the model file has no weights');
  return m as ShippedCharModel;
}

/** Rounds every weight to `digits` significant digits, which keeps the file small. */
export function roundWeights(weights: nn.StateDict, digits = 4): nn.StateDict {
  const out: nn.StateDict = {};
  for (const [k, v] of Object.entries(weights)) out[k] = { shape: v.shape, values: v.values.map((x) => Number(x.toPrecision(digits))) };
  return out;
}
