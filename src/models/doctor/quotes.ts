// The numbers the chapter quotes about the network doctor's cases, computed by the engine from the
// same seeds and the same step the figure trains with: each case broken and fixed after N steps,
// the dead layer's share of active units and the gradient behind it, the softmax-twice floor.
import { tidy } from '../../engine/index.ts';
import { DIVERGENCE_FACTOR, doctorCase, STEPS, type CaseId, type DoctorCase } from './cases.ts';
import { buildDoctorNet, disposeNet, doctorBatch, doctorData, doctorOptimizer, doctorStep, inputMap, type Broken } from './network.ts';

/** Where a run ended, as plain numbers; the measures are those of its last step that did not diverge. */
export interface DoctorRun {
  /** Steps completed (fewer than asked when the run diverged; a step whose loss grew too far counts). */
  steps: number;
  /** The step at which the loss passed the divergence threshold or stopped being finite, or null. */
  divergedAt: number | null;
  /** Every completed step's loss, in order (finite; the last is the one that grew too far, if one did). */
  losses: number[];
  firstLoss: number;
  lastLoss: number;
  accuracy: number;
  /** ‖∂L/∂θ‖ of layers 1, 2 and the output layer at the last completed step. */
  grads: [number, number, number];
  /** Share of active units in ReLU layers 1 and 2 at the last completed step. */
  active: [number, number];
}

/**
 * Trains `setup` (broken, or fixed) for `steps` steps, stopping where the figure's loop would call
 * the run diverged (a loss not finite, or above DIVERGENCE_FACTOR times the first).
 */
export function runDoctor(setup: DoctorCase, fixed: boolean, steps = STEPS): DoctorRun {
  const broken: Broken = fixed ? null : setup.fault;
  const { points, labels } = doctorData(setup);
  const map = inputMap(points, broken === 'inputs');
  const batch = doctorBatch(points.map(map), labels);
  const net = buildDoctorNet(setup.seed, broken);
  const opt = doctorOptimizer(net, broken);
  const losses: number[] = [];
  let last = { accuracy: Number.NaN, grads: [Number.NaN, Number.NaN, Number.NaN] as [number, number, number], active: [Number.NaN, Number.NaN] as [number, number] };
  let divergedAt: number | null = null;
  try {
    for (let i = 0; i < steps; i++) {
      const r = tidy(() => {
        const m = doctorStep(net, opt, batch);
        return {
          loss: m.loss.item(),
          accuracy: m.accuracy.item(),
          grads: [m.grad1.item(), m.grad2.item(), m.grad3.item()] as [number, number, number],
          active: [m.active1.item(), m.active2.item()] as [number, number],
        };
      });
      // As the figure's loop judges: a loss that is not finite is not kept; one that grew past the
      // threshold is (the curve shows it), but the measures of its step are not.
      if (!Number.isFinite(r.loss)) {
        divergedAt = i + 1;
        break;
      }
      const first = losses[0] ?? r.loss;
      losses.push(r.loss);
      if (Math.abs(r.loss) > DIVERGENCE_FACTOR * Math.max(Math.abs(first), 1e-6)) {
        divergedAt = i + 1;
        break;
      }
      last = r;
    }
  } finally {
    opt.dispose();
    disposeNet(net);
    batch.dispose();
  }
  return { steps: losses.length, divergedAt, losses, firstLoss: losses[0] ?? Number.NaN, lastLoss: losses.at(-1) ?? Number.NaN, ...last };
}

/** A numbered case, broken and fixed, after `steps` steps each. */
export function caseQuote(id: Exclude<CaseId, 'random'>, steps = STEPS): { setup: DoctorCase; broken: DoctorRun; fixed: DoctorRun } {
  const setup = doctorCase(id, 1);
  return { setup, broken: runDoctor(setup, false, steps), fixed: runDoctor(setup, true, steps) };
}

/**
 * The least cross-entropy a softmax can reach when it is handed probabilities instead of logits:
 * with K classes the probabilities lie in [0, 1], so the best the second softmax can give the
 * right class is e / (e + K − 1), and the loss never falls below ln(1 + (K − 1)/e).
 */
export function softmaxTwiceFloor(classes = 2): number {
  return Math.log(1 + (classes - 1) / Math.E);
}

/** The range the second softmax squeezes two probabilities into: [1/(1 + e), e/(1 + e)]. */
export function softmaxTwiceRange(): [number, number] {
  return [1 / (1 + Math.E), Math.E / (1 + Math.E)];
}
