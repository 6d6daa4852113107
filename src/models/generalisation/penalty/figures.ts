// The numbers the chapter quotes about weight penalties, computed (never typed in): each penalty
// trained from the same seed at the same λ for the same number of full-batch steps, then its
// exact zeros, weight norms, and loss and accuracy on the training and test sets. About a second
// per penalty on the cpu backend at the stated settings.
import { tidy } from '../../../engine/index.ts';
import { NOISE_INPUTS, penaltyData, SIGNAL_INPUTS } from './data.ts';
import { makePenaltyModel, penaltyKinds, penaltyStep, type PenaltyKind } from './network.ts';
import { inputSizes, scoreSet, setTensors, weightNorms, weightValues, type SetScore } from './picture.ts';

/** The settings the chapter states: the widget's defaults. */
export const FIGURE_SETTINGS = { lambda: 0.01, learningRate: 0.5, steps: 2000, seed: 1 } as const;

export interface PenaltyOutcome {
  penalty: PenaltyKind;
  lambda: number;
  steps: number;
  /** Weights exactly 0, of `total` (biases are not penalised and not counted). */
  zeros: number;
  total: number;
  /** Σ|w| and √Σw² over every weight. */
  l1: number;
  l2: number;
  /** √Σw² of each input's outgoing weights: x₁, x₂, then the six noise inputs. */
  inputSizes: number[];
  /** Noise inputs whose every outgoing weight is exactly 0: switched off. */
  noiseInputsOff: number;
  train: SetScore;
  test: SetScore;
}

export interface OutcomeSettings {
  lambda: number;
  learningRate: number;
  steps: number;
  seed: number;
}

/** Trains one penalty from scratch and measures it; frees every tensor it made. */
export function penaltyOutcome(penalty: PenaltyKind, settings: OutcomeSettings = FIGURE_SETTINGS): PenaltyOutcome {
  const { lambda, learningRate, steps, seed } = settings;
  const data = penaltyData(seed);
  const train = setTensors(data.train);
  const test = setTensors(data.test);
  const model = makePenaltyModel(seed, { penalty, lambda, learningRate });
  try {
    for (let i = 0; i < steps; i++) tidy(() => void penaltyStep(model, train.x, train.y));
    const values = weightValues(model);
    const norms = weightNorms(values);
    const inputs = inputSizes(values.slice(0, model.weights[0].size));
    return {
      penalty,
      lambda,
      steps,
      zeros: norms.zeros,
      total: norms.total,
      l1: norms.l1,
      l2: norms.l2,
      inputSizes: inputs.map((s) => s.size),
      noiseInputsOff: inputs.slice(SIGNAL_INPUTS, SIGNAL_INPUTS + NOISE_INPUTS).filter((s) => s.size === 0).length,
      train: scoreSet(model, train.x, train.y, data.train.y),
      test: scoreSet(model, test.x, test.y, data.test.y),
    };
  } finally {
    model.dispose();
    [train.x, train.y, test.x, test.y].forEach((t) => t.dispose());
  }
}

/** Every penalty at the same settings (the chapter's table). */
export function penaltyFigures(settings: OutcomeSettings = FIGURE_SETTINGS): Record<PenaltyKind, PenaltyOutcome> {
  return Object.fromEntries(penaltyKinds.map((k) => [k, penaltyOutcome(k, settings)])) as Record<PenaltyKind, PenaltyOutcome>;
}
