// Softmax with a temperature, computed by the engine: pᵢ = exp(zᵢ/T) / Σⱼ exp(zⱼ/T). The engine's
// softmax subtracts the largest logit before exponentiating, which is allowed because adding the
// same constant to every logit changes nothing (the factor e^c cancels between top and bottom).
import { div, logSoftmax, mul, neg, softmax, sum, tensor, tidy } from '../../engine/index.ts';

export const MIN_CLASSES = 2;
export const MAX_CLASSES = 6;
export const LOGIT_LIMIT = 20;
export const MIN_TEMPERATURE = 0.1;
export const MAX_TEMPERATURE = 10;

export interface SoftmaxResult {
  probabilities: number[];
  /** Σ pᵢ as computed (1 up to float32 rounding). */
  total: number;
  /** −Σ pᵢ ln pᵢ in nats, from the log-probabilities (so a p that rounds to 0 adds 0, not NaN). */
  entropy: number;
}

// #region softmax
/** Probabilities, their sum and their entropy for logits z at temperature T. */
export function softmaxWithTemperature(logits: number[], temperature: number): SoftmaxResult {
  return tidy(() => {
    const scaled = div(tensor(logits), temperature); // z / T
    const p = softmax(scaled);
    const logP = logSoftmax(scaled); // stable even where p rounds to 0
    const entropy = neg(sum(mul(p, logP)));
    return {
      probabilities: Array.from(p.data()),
      total: sum(p).item(),
      entropy: entropy.item(),
    };
  });
}
// #endregion

/** The largest possible entropy with k classes: ln k nats, reached when every pᵢ = 1/k. */
export function maxEntropy(k: number): number {
  return Math.log(k);
}

/** The logits with `c` added to each; null when that would leave the allowed range. */
export function shiftAll(logits: number[], c: number, limit = LOGIT_LIMIT): number[] | null {
  const shifted = logits.map((z) => roundTidy(z + c));
  return shifted.every((z) => Math.abs(z) <= limit) ? shifted : null;
}

/** A new class's logit: one below the smallest, kept inside the range. */
export function newLogit(logits: number[], limit = LOGIT_LIMIT): number {
  const lowest = logits.length ? Math.min(...logits) : 0;
  return Math.max(-limit, roundTidy(lowest - 1));
}

/** The largest change between two probability lists of the same length (Infinity otherwise). */
export function largestChange(a: number[], b: number[]): number {
  if (a.length !== b.length) return Infinity;
  return a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);
}

/** Removes float noise from sums of typed decimals (0.1 + 1 = 1.1, not 1.1000000000000001). */
function roundTidy(v: number): number {
  return Number(v.toFixed(10));
}
