// Softmax cross-entropy of one example, one step at a time, with the engine's ops; then the
// engine's fused crossEntropy and its gradient from backward(), which the formula softmax − one-hot
// (computed here in plain JavaScript) must match.
import { div, exp, log, losses, max, noGrad, sub, sum, tensor, tidy } from '../../engine/index.ts';
import { eNotation, fixed } from '../kit/format.ts';

export const MIN_CLASSES = 2;
export const MAX_CLASSES = 6;
/** Logits are kept in this range: exp(−40) is still a normal float32, so no probability rounds to 0. */
export const LOGIT_RANGE: [number, number] = [-20, 20];

export interface CrossEntropySteps {
  logits: number[];
  /** max_j z_j */
  max: number;
  /** z − max: the largest is 0, so exp never overflows. */
  shifted: number[];
  /** exp(z − max), each in (0, 1]. */
  exps: number[];
  /** Σ exp(z − max), at least 1. */
  total: number;
  /** softmax: exp(z − max) / Σ. */
  probs: number[];
  /** −log p_target, as log Σ − (z_target − max) (never the log of a rounded-off 0). */
  loss: number;
  /** The engine's crossEntropy on the same logits: the same number, by the fused route. */
  engineLoss: number;
  /** ∂loss/∂z from the engine's backward pass. */
  gradient: number[];
}

// #region crossEntropy
export function crossEntropySteps(logits: number[], target: number): CrossEntropySteps {
  return tidy(() => {
    const steps = noGrad(() => {
      const z = tensor([logits]); // one example: shape [1, classes]
      const biggest = max(z, 1, true);
      const shifted = sub(z, biggest);
      const exps = exp(shifted);
      const total = sum(exps, 1, true);
      const probs = div(exps, total);
      const shiftedTarget = shifted.data()[target];
      const loss = sub(log(total), shiftedTarget);
      return {
        max: biggest.item(),
        shifted: Array.from(shifted.data()),
        exps: Array.from(exps.data()),
        total: total.item(),
        probs: Array.from(probs.data()),
        loss: loss.item(),
      };
    });
    const z = tensor([logits], undefined, { requiresGrad: true });
    const engineLoss = losses.crossEntropy(z, [target]);
    engineLoss.backward();
    return { logits, ...steps, engineLoss: engineLoss.item(), gradient: Array.from(z.grad!.data()) };
  });
}
// #endregion

/** The formula's gradient softmax(z) − one-hot(target), from the probabilities, in plain JavaScript. */
export function formulaGradient(probs: number[], target: number): number[] {
  return probs.map((p, j) => p - (j === target ? 1 : 0));
}

/** Largest absolute difference between two equally long lists. */
export function maxDifference(a: number[], b: number[]): number {
  return a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);
}

/** Keeps a list of logits usable: 2 to 6 finite numbers in range, and a target among them. */
export function sanitize(logits: number[], target: number): { logits: number[]; target: number } {
  const clean = logits
    .slice(0, MAX_CLASSES)
    .map((v) => (Number.isFinite(v) ? Math.min(LOGIT_RANGE[1], Math.max(LOGIT_RANGE[0], v)) : 0));
  while (clean.length < MIN_CLASSES) clean.push(0);
  const t = Number.isInteger(target) ? Math.min(clean.length - 1, Math.max(0, target)) : 0;
  return { logits: clean, target: t };
}

/** A number for the table: fixed digits when readable, scientific when very small. */
export function formatStep(v: number, digits = 4): string {
  if (!Number.isFinite(v)) return '–';
  if (v !== 0 && Math.abs(v) < 10 ** -digits) return eNotation(v, 2);
  return fixed(v, digits, { minus: '-' });
}
