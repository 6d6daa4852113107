// Plain against residual as a training job on the training core (../training/core.ts): the four
// networks of residualRace.ts built from the depth, width, normalisation, optimiser and rate, and
// the seed, stepped together, one step of each per step of the loop. Every setting rebuilds the
// four, so their curves always compare. Its picture is each network's curve and latest numbers.
import type { JobDefinition } from '../training/job.ts';
import { ResidualRace, type NetView, type RaceConfig } from './residualRace.ts';

/** A run pauses for good here: by then the four have long parted. */
export const MAX_STEPS = 400;

export interface ResidualView {
  nets: NetView[];
}

export const residualJob: JobDefinition<RaceConfig, undefined, ResidualView> = {
  name: 'plain-vs-residual',
  maxSteps: MAX_STEPS,
  // A step of four deep networks is long already: a picture after every one.
  maxStepsPerTick: 4,
  build(config, { seed }) {
    const race = new ResidualRace(config, seed);
    return {
      step: (i) => ({ loss: race.step(i + 1) }),
      keep: () => race.keep(),
      view: () => ({ nets: race.view() }),
      finished: () => race.finished(),
      dispose: () => race.dispose(),
    };
  },
};
