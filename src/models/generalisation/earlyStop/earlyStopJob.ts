// Early stopping as a training job on the training core (../../training/core.ts): the run of
// earlyStopRun.ts built from the rule's settings and the seed; every setting builds it again, so
// each run starts from the same weights and the reader compares like with like. One loop step is
// one epoch; the run ends at the epoch budget, or where patience runs out when stopping is on.
import type { JobDefinition } from '../../training/job.ts';
import { EarlyStopRun, MAX_EPOCHS, type EarlyStopConfig, type EarlyStopPicture } from './earlyStopRun.ts';

export const earlyStopJob: JobDefinition<EarlyStopConfig, undefined, EarlyStopPicture> = {
  name: 'early-stopping',
  maxSteps: (config) => config.maxEpochs ?? MAX_EPOCHS,
  build(config, { seed }) {
    const run = new EarlyStopRun(config, seed);
    return {
      step: () => run.step(),
      keep: () => run.keep(),
      view: () => run.picture(),
      finished: () => run.finished(),
      dispose: () => run.dispose(),
    };
  },
};
