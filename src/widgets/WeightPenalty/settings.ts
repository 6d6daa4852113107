// The figure's control ranges and the small pure rules behind them: λ on a log slider whose lowest
// notch is 0 (no penalty), the learning rate rounded to two figures, and what the picture says.
import type { PenaltyView } from '../../models/generalisation/penalty/penaltyJob.ts';

export const LAMBDA_MIN = 1e-4;
export const LAMBDA_MAX = 1;
/** Slider notches are a quarter of a decade apart; one notch below 10⁻⁴ is λ = 0. */
export const LAMBDA_STEP = 0.25;
export const POSITION_OFF = Math.log10(LAMBDA_MIN) - LAMBDA_STEP;
export const LR_MIN = 0.01;
export const LR_MAX = 2;
/** Test points drawn on the surface (of 400): enough to see, few enough to see through. */
export const TEST_SHOWN = 120;
/** The charts below the surface; a narrow figure shows one at a time. */
export const CHARTS = ['weights', 'inputs', 'loss'] as const;

const twoFigures = (v: number) => Number(v.toPrecision(2));

export function lambdaFromPosition(p: number): number {
  if (!(p > POSITION_OFF + LAMBDA_STEP / 2)) return 0;
  return twoFigures(10 ** Math.min(p, Math.log10(LAMBDA_MAX)));
}

export function positionOfLambda(lambda: number): number {
  if (!(lambda > 0)) return POSITION_OFF;
  return Math.min(Math.log10(LAMBDA_MAX), Math.max(Math.log10(LAMBDA_MIN), Math.log10(lambda)));
}

export function roundRate(v: number): number {
  return Math.min(LR_MAX, Math.max(LR_MIN, twoFigures(v)));
}

/** Below this size every weight counts as gone: L2 shrinks towards 0 without reaching it. */
const COLLAPSED = 1e-3;

/** True when the penalty has taken (nearly) every weight away: the network answers the same everywhere. */
export function collapsed(view: PenaltyView): boolean {
  return view.norms.l2 < COLLAPSED;
}
