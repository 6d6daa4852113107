// The small character model the "Inside the LSTM" figure starts with, as scripts/train-char-lstm.ts
// writes it (public/models/char-lstm.json): the characters, the width and the weights as plain
// arrays, plus how it was trained. Pure data handling: no engine, no DOM.
import type { nn } from '../../engine/index.ts';

export const SHIPPED_FILE = 'char-lstm.json';
export const SHIPPED_HIDDEN = 64;
export const SHIPPED_STEPS = 2000;
/** Characters per training window (the live widget uses shorter ones, for speed). */
export const SHIPPED_WINDOW = 32;
/** The fraction of the corpus, taken from its end, that the shipped model never trains on. */
export const SHIPPED_HELD_OUT = 0.1;

/**
 * Where the held-out slice starts, in characters (code points) of a text of `length`: the model
 * trains on [0, start) and is evaluated on both that and [start, length).
 */
export function heldOutStart(length: number, fraction: number = SHIPPED_HELD_OUT): number {
  return length - Math.round(length * fraction);
}

/**
 * The stretches the training and held-out losses are measured on: the held-out slice, and a
 * stretch of the same length that the model trained on, just before the cut (neighbouring scenes
 * of the play, so the two differ in whether the model saw them and little else).
 */
export function lossStretches(length: number, fraction: number = SHIPPED_HELD_OUT): { trained: [number, number]; heldOut: [number, number] } {
  const cut = heldOutStart(length, fraction);
  return { trained: [Math.max(0, 2 * cut - length), cut], heldOut: [cut, length] };
}

export interface ShippedCharModel {
  chars: string[];
  hidden: number;
  weights: nn.StateDict;
  /** Training steps, the final smoothed training loss (nats per character) and the seed. */
  steps: number;
  loss: number;
  seed: number;
  /** Fraction of the corpus held out at its end (SHIPPED_HELD_OUT). */
  heldOut: number;
  /** Mean loss per character of the final weights on the two stretches of `lossStretches`: trained on, and held out. */
  trainLoss: number;
  heldOutLoss: number;
}

/** Checks a parsed file's shape (the weights' own shapes are checked when they are loaded). */
export function checkShipped(raw: unknown): ShippedCharModel {
  const m = raw as Partial<ShippedCharModel> | null;
  if (!m || !Array.isArray(m.chars) || m.chars.some((c) => typeof c !== 'string')) throw new Error('the model file has no character list');
  if (!Number.isInteger(m.hidden) || (m.hidden as number) < 1) throw new Error('the model file has no width');
  if (!m.weights || typeof m.weights !== 'object') throw new Error('the model file has no weights');
  if (!Number.isFinite(m.trainLoss) || !Number.isFinite(m.heldOutLoss)) throw new Error('the model file has no training and held-out losses');
  return m as ShippedCharModel;
}

/** Rounds every weight to `digits` significant digits, which keeps the file small. */
export function roundWeights(weights: nn.StateDict, digits = 4): nn.StateDict {
  const out: nn.StateDict = {};
  for (const [k, v] of Object.entries(weights)) out[k] = { shape: v.shape, values: v.values.map((x) => Number(x.toPrecision(digits))) };
  return out;
}
