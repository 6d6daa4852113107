// What the figure draws, read from the job's plain picture: each network's loss curve, its latest
// numbers and its gradient per block, and the axes that hold them. No engine, no React.
import type { LoopStop } from '../../engine/index.ts';
import { NETWORKS, type NetworkName } from '../../models/residual/deepNets.ts';
import type { NetView } from '../../models/residual/residualRace.ts';

/** A stop for a diverged loss: the kinds of LoopStop that carry a step. */
export type Divergence = Extract<LoopStop, { step: number }>;

/** Each network's line: colour and marker by its place (the palette's), and a dash of its own. */
export const DASHES = [undefined, '7 4', '2 3', '9 3 2 3'] as const;

export interface NetResult {
  name: NetworkName;
  /** Training loss against step. */
  loss: [number, number][];
  /** ‖∂L/∂W‖ per block at its latest step, block 1 first; empty once it has diverged. */
  norms: number[];
  lastLoss: number | null;
  accuracy: number | null;
  /** Block 1's gradient over the last block's, or null where that is no number. */
  ratio: number | null;
  /** Why and at which step its loss diverged, where the job has said so, or null. */
  stop: Divergence | null;
  /** The step by which it had diverged (its own, or that at which the whole run did), or null. */
  divergedBy: number | null;
}

/** Block 1's norm over the last block's; null when the last is 0 or either is not a number. */
export function firstOverLast(norms: readonly number[]): number | null {
  const first = norms[0];
  const last = norms[norms.length - 1];
  if (!(last > 0) || !Number.isFinite(first) || !Number.isFinite(last)) return null;
  return first / last;
}

/**
 * Each network's curves and numbers from the job's picture. When the whole run has diverged
 * (`runStop`: the step where the last network did), the job's last picture may predate some of
 * the networks' own stops: those count as diverged by that step.
 */
export function netResults(nets: readonly NetView[] | null, runStop: number | null = null): NetResult[] {
  return NETWORKS.map((name, k) => {
    const net = nets?.[k] ?? null;
    const stop = net?.stop ?? null;
    const divergedBy = stop?.step ?? runStop;
    const going = divergedBy === null;
    const norms = net && going ? net.norms : [];
    return {
      name,
      loss: net ? net.curve.steps.map((s, i) => [s, net.curve.values[i]] as [number, number]) : [],
      norms,
      lastLoss: going ? (net?.loss ?? null) : null,
      accuracy: going ? (net?.accuracy ?? null) : null,
      ratio: going && norms.length ? firstOverLast(norms) : null,
      stop,
      divergedBy,
    };
  });
}

/** Whole powers of ten around `values` (positive, finite ones), at least [lo, hi]. */
export function decades(values: readonly number[], lo: number, hi: number): [number, number] {
  const positive = values.filter((v) => v > 0 && Number.isFinite(v));
  const min = Math.min(lo, ...positive);
  const max = Math.max(hi, ...positive);
  // `1e-5`, not 10 ** -5 (which is 0.000009999…): tick labels and tests read exact powers.
  const power = (e: number) => Number(`1e${e}`);
  return [power(Math.floor(Math.log10(min))), power(Math.ceil(Math.log10(max)))];
}

/**
 * The loss axis: from 10⁻³ (or a decade below the lowest loss) to 1, above ln 2 ≈ 0.69 where every
 * network starts, or to 10 once a loss has passed 1; a diverging curve leaves it at the top.
 */
export function lossDomain(results: readonly NetResult[]): [number, number] {
  const values = results.flatMap((r) => r.loss.map(([, v]) => v));
  const [lo] = decades(values, 1e-3, 1);
  return [lo, values.some((v) => v > 1) ? 10 : 1];
}

/** The gradient axis: every non-zero norm, and at least 10⁻³ to 10 so that level lines look level. */
export function gradientDomain(results: readonly NetResult[]): [number, number] {
  return decades(
    results.flatMap((r) => r.norms),
    1e-3,
    10,
  );
}
