// SequencePrediction as a training job: the series, the GRU, its optimiser and the training
// windows, built from the series' settings and the seed (which also draws the mini-batches, so the
// same seed gives the same run). Its picture is the one-step-ahead prediction of the test part; on
// request it runs freely, a few predictions per tick, each sent as an event with the run so far.
import type { JobDefinition } from '../training/job.ts';
import { createSeriesTrainer, FreeRun, makeSeries, oneStepAhead, seriesStep, type SeriesSetup } from './sequence.ts';

/** A run stops here. */
export const MAX_STEPS = 2000;
/** Free-run predictions per tick (each one GRU pass over a window and one read-back). */
const PREDICTIONS_PER_TICK = 8;

export type SequenceConfig = Omit<SeriesSetup, 'seed'>;

export interface SequenceView {
  /** One-step-ahead predictions of the test part, or null before the first step. */
  oneStep: number[] | null;
}

/** The free run so far. */
export interface FreeRunEvent {
  values: number[];
  done: boolean;
}

export type SequenceRequest = { kind: 'runFree' };

export const sequenceJob: JobDefinition<SequenceConfig, undefined, SequenceView, FreeRunEvent, SequenceRequest> = {
  name: 'sequence-prediction',
  maxSteps: MAX_STEPS,
  maxStepsPerTick: 2,
  build(config, { seed, emit, schedule }) {
    const series = makeSeries({ ...config, seed });
    const trainer = createSeriesTrainer(series, seed);
    let stopFree: (() => void) | null = null;
    return {
      step: () => seriesStep(trainer),
      keep: () => [trainer.model, trainer.optimizer, trainer.x, trainer.y],
      view: (snapshot) => {
        if (snapshot.step === 0) return { oneStep: null };
        const values = oneStepAhead(trainer.model, series);
        return values.every(Number.isFinite) ? { oneStep: values } : null;
      },
      // A new request starts the free run again from the model as it is now.
      request: () => {
        stopFree?.();
        const run = new FreeRun(trainer.model, series);
        emit({ values: [], done: false });
        const tick = () => {
          run.next(PREDICTIONS_PER_TICK);
          emit({ values: run.predictions.slice(), done: run.done });
          stopFree = run.done ? null : schedule(tick);
        };
        stopFree = schedule(tick);
      },
      dispose() {
        stopFree?.();
        trainer.dispose();
      },
    };
  },
};
