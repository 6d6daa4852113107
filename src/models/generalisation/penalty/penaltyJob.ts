// The weight-penalty figure as a training job: the seeded data, the network and its optimisers,
// built for a penalty kind; the strength λ and the learning rate are live (they apply from the
// next step, with no rebuild). Each step also scores the held-out test set, a curve of its own.
// Its picture: the decision surface, the weight histogram, each input's weight size, the scores.
import { noGrad, tensor, tidy, type StepResult } from '../../../engine/index.ts';
import type { JobDefinition } from '../../training/job.ts';
import { penaltyData, type PenaltyData } from './data.ts';
import { changeSettings, dataLoss, makePenaltyModel, penaltyStep, type PenaltyKind, type PenaltyModel } from './network.ts';
import { inputSizes, scoreSet, setTensors, surfaceInputs, surfaceValues, weightHistogram, weightNorms, weightValues, type InputSize, type SetScore, type WeightHistogram, type WeightNorms } from './picture.ts';

export const MAX_STEPS = 4000;
export const TEST_CURVE = 'testLoss';

export interface PenaltyConfig {
  penalty: PenaltyKind;
}

export interface PenaltyLive {
  lambda: number;
  learningRate: number;
}

export interface PenaltyView {
  /** σ(logit) over (x₁, x₂), noise inputs at 0 (the HeatMap's layout). */
  surface: number[];
  histogram: WeightHistogram;
  inputs: InputSize[];
  norms: WeightNorms;
  train: SetScore;
  test: SetScore;
}

/** The picture of a model, as plain numbers; null if anything is not finite (a diverged run). */
export function penaltyView(model: PenaltyModel, sets: { data: PenaltyData; train: ReturnType<typeof setTensors>; test: ReturnType<typeof setTensors> }, grid: ReturnType<typeof tensor>): PenaltyView | null {
  const values = weightValues(model);
  if (!values.every(Number.isFinite)) return null;
  const surface = surfaceValues(model, grid);
  const train = scoreSet(model, sets.train.x, sets.train.y, sets.data.train.y);
  const test = scoreSet(model, sets.test.x, sets.test.y, sets.data.test.y);
  if (!surface.every(Number.isFinite) || !Number.isFinite(train.loss) || !Number.isFinite(test.loss)) return null;
  return { surface, histogram: weightHistogram(values), inputs: inputSizes(values.slice(0, model.weights[0].size)), norms: weightNorms(values), train, test };
}

export const penaltyJob: JobDefinition<PenaltyConfig, PenaltyLive, PenaltyView> = {
  name: 'weight-penalty',
  maxSteps: MAX_STEPS,
  // Eight steps a frame at most: a run takes about ten seconds, slow enough to watch weights die.
  maxStepsPerTick: 8,
  curves: [TEST_CURVE],
  build({ penalty }, { seed, live }) {
    const data = penaltyData(seed);
    const train = setTensors(data.train);
    const test = setTensors(data.test);
    const grid = tensor(surfaceInputs());
    const model = makePenaltyModel(seed, { penalty, lambda: live.lambda, learningRate: live.learningRate });
    const sets = { data, train, test };
    return {
      step: (): StepResult => {
        const { loss } = penaltyStep(model, train.x, train.y);
        return { loss, [TEST_CURVE]: noGrad(() => dataLoss(model.net, test.x, test.y)) };
      },
      keep: () => [model.net, train.x, train.y, test.x, test.y, grid],
      setLive: (next) => changeSettings(model, { penalty, lambda: next.lambda, learningRate: next.learningRate }),
      view: () => tidy(() => penaltyView(model, sets, grid)),
      dispose() {
        model.dispose();
        [train.x, train.y, test.x, test.y, grid].forEach((t) => t.dispose());
      },
    };
  },
};
