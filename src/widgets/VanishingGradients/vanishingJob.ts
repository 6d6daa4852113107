// The deep stack as a training job: the network, its plain-SGD optimiser and the circle data, built
// from activation, depth, weight scale and seed. Each step reports the loss and every hidden layer's
// gradient norm (the loop reads them back once a tick); the picture is the accuracy, and the
// gradient norms at the starting weights, from one backward pass before any step.
import { data } from '../../engine/index.ts';
import type { JobDefinition } from '../../models/training/job.ts';
import { accuracyOf, buildDeepNet, deepStep, makeData, makeOptimizer, startingNorms, type GradientActivation } from './deep.ts';

/** A run stops here: long enough to see success or failure. */
export const MAX_STEPS = 3000;

export interface VanishingConfig {
  activation: GradientActivation;
  depth: number;
  scale: number;
}

export interface VanishingView {
  accuracy: number;
  /** ‖∂L/∂W‖ per hidden layer at the starting weights, layer 1 first. */
  startNorms: number[];
}

export const vanishingJob: JobDefinition<VanishingConfig, undefined, VanishingView> = {
  name: 'vanishing-gradients',
  maxSteps: MAX_STEPS,
  maxStepsPerTick: 4,
  build({ activation, depth, scale }, { seed }) {
    const setup = { activation, depth, scale, seed };
    const startNorms = startingNorms(setup);
    const { model, hidden } = buildDeepNet(setup);
    const set = makeData(seed);
    const { x, y } = data.toTensors(set);
    const opt = makeOptimizer(model);
    return {
      step: () => deepStep(model, hidden, opt, x, y),
      keep: () => [model, x, y],
      view: () => ({ accuracy: accuracyOf(model, x, set.y), startNorms }),
      dispose() {
        opt.dispose();
        model.dispose();
        x.dispose();
        y.dispose();
      },
    };
  },
};
