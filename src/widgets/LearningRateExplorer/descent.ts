// Gradient descent on the quadratic L(w) = ½ λ (w − w*)², step by step by the engine: a parameter,
// the loss from engine ops, backward, optim.SGD. The gradient is λ(w − w*), so one step gives
//   w − w* ← (1 − ηλ)(w − w*):
// the distance to the minimum is multiplied by the same number at every step, and only the product
// ηλ decides what happens. The whole run of a setting is computed at once, synchronously, with one
// read-back at the end: a slider repaints the figure within a frame, and each setting is one fixed
// picture (a live training job would replay the same deterministic steps, only slower).
import { mul, noGrad, optim, parameterFrom, square, stack, sub, tidy, type Tensor } from '../../engine/index.ts';

/** w*, where the loss is lowest (the chapter's bowl has its minimum at 0). */
export const TARGET = 0;
/** Below ηλ = ½ a step removes less than half of the remaining distance: the rate is "too small". */
export const SLOW_BELOW = 0.5;
/** ηλ this close to 2 is "at the edge" (a button sets η = 2/λ exactly, up to rounding). */
export const EDGE_TOLERANCE = 1e-6;
/** A run has diverged once it is this many times farther from w* than where it started. */
export const DIVERGED_FACTOR = 10;

export const regimes = ['tooSmall', 'aboutRight', 'oscillating', 'edge', 'diverging'] as const;
export type Regime = (typeof regimes)[number];

/** The regime of a rate, from the multiplier 1 − ηλ: its sign and whether its size is below 1. */
export function regimeOf(etaLambda: number): Regime {
  if (Math.abs(etaLambda - 2) <= EDGE_TOLERANCE) return 'edge';
  if (etaLambda > 2) return 'diverging';
  if (etaLambda > 1) return 'oscillating';
  if (etaLambda >= SLOW_BELOW) return 'aboutRight';
  return 'tooSmall';
}

/** What each step multiplies w − w* by. */
export const multiplierOf = (learningRate: number, curvature: number) => 1 - learningRate * curvature;

export const lossAt = (w: number, curvature: number, target = TARGET) => 0.5 * curvature * (w - target) ** 2;

export interface DescentSetting {
  curvature: number;
  learningRate: number;
  start: number;
  steps: number;
  target?: number;
}

export interface DescentRun {
  /** w₀, w₁, …: every step, or up to the step where the run diverged. */
  w: number[];
  /** L(w_t) from the engine's forward pass, one per w. */
  loss: number[];
  /** dL/dw at w_t from the engine's backward pass, for each step taken (one fewer than w). */
  grad: number[];
  /** The first step k with |w_k − w*| > 10 |w₀ − w*| (or no longer a number); null if none. */
  divergedAt: number | null;
  /** (w₁ − w*)/(w₀ − w*) as the engine computed it; null when w₀ = w* (nothing to divide). */
  measuredMultiplier: number | null;
}

// #region descent
/** `steps` steps of gradient descent from `start`, each one by the engine. */
export function descend({ curvature, learningRate, start, steps, target = TARGET }: DescentSetting): DescentRun {
  const [ws, losses, grads] = tidy(() => {
    const w = parameterFrom([start], [1], 'w');
    const opt = new optim.SGD([w], { lr: learningRate });
    const copy = (t: Tensor) => noGrad(() => mul(t, 1));
    const kept: Record<'w' | 'loss' | 'grad', Tensor[]> = { w: [], loss: [], grad: [] };
    try {
      for (let t = 0; t < steps; t++) {
        opt.zeroGrad();
        const loss = mul(square(sub(w, target)), 0.5 * curvature);
        loss.backward();
        kept.w.push(copy(w));
        kept.loss.push(copy(loss));
        kept.grad.push(copy(w.grad!));
        opt.step();
      }
      kept.w.push(copy(w));
      kept.loss.push(noGrad(() => mul(square(sub(w, target)), 0.5 * curvature)));
      // One read-back per series for the whole run.
      const read = (list: Tensor[]) => (list.length ? Array.from(stack(list).data()) : []);
      return [read(kept.w), read(kept.loss), read(kept.grad)];
    } finally {
      opt.dispose();
      w.dispose();
    }
  });
  return cutAtDivergence(ws, losses, grads, target);
}
// #endregion

function cutAtDivergence(w: number[], loss: number[], grad: number[], target: number): DescentRun {
  const d0 = Math.abs(w[0] - target);
  let divergedAt: number | null = null;
  for (let t = 1; t < w.length && divergedAt === null; t++) {
    const d = Math.abs(w[t] - target);
    if (!Number.isFinite(d) || !Number.isFinite(loss[t]) || (d0 > 0 && d > DIVERGED_FACTOR * d0)) divergedAt = t;
  }
  // A diverged run keeps its first point past the limit (drawn clipped), never a non-number.
  const keep = divergedAt === null ? w.length : Number.isFinite(w[divergedAt]) && Number.isFinite(loss[divergedAt]) ? divergedAt + 1 : divergedAt;
  const measuredMultiplier = d0 > 0 && w.length > 1 && Number.isFinite(w[1]) ? (w[1] - target) / (w[0] - target) : null;
  return { w: w.slice(0, keep), loss: loss.slice(0, keep), grad: grad.slice(0, keep - 1), divergedAt, measuredMultiplier };
}

export interface RunShape {
  /** w_t changed side of w* at some step. */
  oscillates: boolean;
  /** The distance to w* at the end against the start. */
  trend: 'shrinks' | 'holds' | 'grows';
}

/** What the engine's run did, read off its numbers (the figure names the regime by the maths). */
export function shapeOf(run: DescentRun, target = TARGET): RunShape {
  const d = run.w.map((w) => w - target);
  const oscillates = d.some((v, t) => t > 0 && v * d[t - 1] < 0);
  const first = Math.abs(d[0]);
  const last = Math.abs(d[d.length - 1]);
  const trend = run.divergedAt !== null || last > first * (1 + 1e-3) ? 'grows' : last < first * (1 - 1e-3) ? 'shrinks' : 'holds';
  return { oscillates, trend };
}

/**
 * The w-range drawn: w* ± 1.5 |w₀ − w*| (at least ± 0.75), widened for a run that moves away to
 * show its first swings, but never past ± 4.4 |w₀ − w*|: a run that flies farther is clipped, and
 * no rate makes the axis giant.
 */
export function viewOf(w: readonly number[], target = TARGET): [number, number] {
  const d0 = Math.max(0.5, Math.abs(w[0] - target));
  const far = Math.max(...w.map((v) => Math.abs(v - target)));
  let r = d0 * 1.5;
  if (far > Math.abs(w[0] - target) * (1 + 1e-3)) r = Math.max(r, Math.min(far, 4 * d0) * 1.1);
  return [target - r, target + r];
}
