// CapacityCurve's state (all of it in the figure's link) and the sweep: every capacity of the
// chosen family fitted at once, again only when the data or the fitting change, so moving the
// capacity slider only picks another precomputed fit and repaints within a frame.
import { useCallback, useMemo } from 'react';
import { choice, integer, number, type StateOf } from '../../book/urlState.ts';
import { useWidgetState } from '../../book/useWidgetState.ts';
import { FAMILIES, MAX_DEGREE, MAX_WIDTH, maxParameters, parametersOf, type Family } from '../../models/generalisation/capacity/features.ts';
import { CAPACITY_DEFAULTS } from '../../models/generalisation/capacity/numbers.ts';
import { capacitySweep } from '../../models/generalisation/capacity/sweep.ts';
import { capacityStrings as s } from './strings.ts';

export const N_RANGE = [5, 40] as const;
export const NOISE_RANGE = [0, 0.5] as const;
export const FOLD_RANGE = [2, 10] as const;
export const MAX_SEED = 9999;

/** The ridge slider: its leftmost stop is λ = 0, the others 10⁻⁷ … 10⁰ in quarter decades. */
export const LAMBDA_LOG_RANGE = [-7, 0] as const;
export const LAMBDA_STEP = 0.25;
const LAMBDA_OFF = LAMBDA_LOG_RANGE[0] - LAMBDA_STEP;
export const lambdaSlider = { min: LAMBDA_OFF, max: LAMBDA_LOG_RANGE[1], step: LAMBDA_STEP };
export const lambdaToSlider = (lambda: number) => (lambda > 0 ? Math.max(LAMBDA_LOG_RANGE[0], Math.log10(lambda)) : LAMBDA_OFF);
export const sliderToLambda = (v: number) => (v <= LAMBDA_OFF + 1e-9 ? 0 : Number((10 ** v).toPrecision(2)));

export const capacityCurveSchema = {
  family: choice(FAMILIES, 'polynomial', () => s.linkLabels.family),
  degree: integer({ min: 0, max: MAX_DEGREE, default: 3, label: () => s.linkLabels.degree }),
  width: integer({ min: 1, max: MAX_WIDTH, default: 6, label: () => s.linkLabels.width }),
  n: integer({ min: N_RANGE[0], max: N_RANGE[1], default: CAPACITY_DEFAULTS.n, label: () => s.linkLabels.n }),
  noise: number({ min: NOISE_RANGE[0], max: NOISE_RANGE[1], step: 0.01, default: CAPACITY_DEFAULTS.noise, label: () => s.linkLabels.noise }),
  lambda: number({ min: 0, max: 10 ** LAMBDA_LOG_RANGE[1], default: CAPACITY_DEFAULTS.lambda, label: () => s.linkLabels.lambda }),
  folds: integer({ min: FOLD_RANGE[0], max: FOLD_RANGE[1], default: CAPACITY_DEFAULTS.folds, label: () => s.linkLabels.folds }),
  seed: integer({ min: 1, max: MAX_SEED, default: CAPACITY_DEFAULTS.seed, label: () => s.linkLabels.seed }),
};

export type CapacityCurveProps = Partial<StateOf<typeof capacityCurveSchema>>;
export type CapacityCurveState = StateOf<typeof capacityCurveSchema>;

/** The capacity the slider sets for the family: the degree or the width. */
export const capacityOfState = (state: CapacityCurveState) => (state.family === 'polynomial' ? state.degree : state.width);

/** Cross-validation cannot have more folds than points. */
export const effectiveFolds = (state: Pick<CapacityCurveState, 'folds' | 'n'>) => Math.min(state.folds, state.n);

export function useCapacityCurve(initial: CapacityCurveProps) {
  const [state, setState] = useWidgetState(capacityCurveSchema, initial);
  const { family, n, noise, lambda, seed } = state;
  const folds = effectiveFolds(state);
  const sweep = useMemo(() => capacitySweep({ family, n, noise, lambda, folds, seed }), [family, n, noise, lambda, folds, seed]);
  const capacity = capacityOfState(state);
  const parameters = Math.min(parametersOf(family, capacity), maxParameters(family));
  const fit = sweep.fits[parameters - 1];

  const setCapacity = useCallback(
    (value: number) => setState((st) => (st.family === 'polynomial' ? { degree: Math.round(value) } : { width: Math.round(value) })),
    [setState],
  );
  const newSample = useCallback(() => setState((st) => ({ seed: (st.seed % MAX_SEED) + 1 })), [setState]);
  const setFamily = useCallback((value: Family) => setState({ family: value }), [setState]);

  return { state, setState, sweep, capacity, parameters, fit, folds, setCapacity, setFamily, newSample };
}
