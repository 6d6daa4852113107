// SequencePrediction's engine side: the series, the GRU and its optimiser (rebuilt when the series
// changes, freed on unmount), the training loop, one-step-ahead predictions after frames, and the
// free run, spread over animation frames a few predictions at a time.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { boolean, integer, number, type StateOf } from '../../book/urlState.ts';
import { useWidgetState } from '../../book/useWidgetState.ts';
import { useEngine } from '../kit/useEngine.ts';
import { useTraining, type TrainingSetup } from '../kit/useTraining.ts';
import { createSeriesTrainer, FreeRun, FREQUENCY_RANGE, makeSeries, NOISE_RANGE, oneStepAhead, seriesStep, type SeriesTrainer } from './sequence.ts';

export const sequenceSchema = {
  frequency: number({ min: FREQUENCY_RANGE[0], max: FREQUENCY_RANGE[1], default: 0.25, label: 'frequency' }),
  noise: number({ min: NOISE_RANGE[0], max: NOISE_RANGE[1], default: 0, label: 'noise' }),
  twoSines: boolean(false, 'second sine'),
  seed: integer({ min: 1, max: 9999, default: 1 }),
};

export type SequencePredictionProps = Partial<StateOf<typeof sequenceSchema>>;

const STEPS_PER_FRAME = 2;
const MAX_STEPS = 2000;
const PREDICTIONS_PER_FRAME = 8;

export function useSequencePrediction(initial: SequencePredictionProps) {
  const engine = useEngine();
  const [state, setState] = useWidgetState(sequenceSchema, initial);
  const { frequency, noise, twoSines, seed } = state;
  const series = useMemo(() => makeSeries({ frequency, noise, twoSines, seed }), [frequency, noise, twoSines, seed]);
  const trainerRef = useRef<SeriesTrainer | null>(null);
  const version = useRef(0);

  const setup = engine.ready
    ? (): TrainingSetup => {
        const holder = { t: createSeriesTrainer(series, seed) };
        trainerRef.current = holder.t;
        version.current++;
        return {
          step: () => seriesStep(holder.t),
          keep: () => [holder.t.model, holder.t.optimizer, holder.t.x, holder.t.y],
          onReset: () => {
            holder.t.dispose();
            holder.t = createSeriesTrainer(series, seed + 1);
            trainerRef.current = holder.t;
            version.current++;
          },
          dispose: () => {
            version.current++;
            if (trainerRef.current === holder.t) trainerRef.current = null;
            holder.t.dispose();
          },
        };
      }
    : null;

  const training = useTraining(setup, [series], { stepsPerFrame: STEPS_PER_FRAME, maxSteps: MAX_STEPS });
  const { snapshot } = training;

  const [oneStep, setOneStep] = useState<number[] | null>(null);
  const [free, setFree] = useState<{ values: number[]; done: boolean } | null>(null);
  const cancelFree = useRef<(() => void) | null>(null);

  // After every few frames: the one-step-ahead predictions of the test part.
  useEffect(() => {
    const t = trainerRef.current;
    const step = snapshot?.step ?? 0;
    if (!t || step === 0 || snapshot?.state === 'diverged') {
      if (step === 0) setOneStep(null);
      return;
    }
    if (!training.running || step % (STEPS_PER_FRAME * 3) === 0) {
      const values = oneStepAhead(t.model, series);
      if (values.every(Number.isFinite)) setOneStep(values);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [snapshot]);

  const runFree = useCallback(() => {
    const t = trainerRef.current;
    if (!t) return;
    cancelFree.current?.();
    const run = new FreeRun(t.model, series);
    const v = version.current;
    let frame = 0;
    const stop = () => {
      cancelAnimationFrame(frame);
      if (cancelFree.current === stop) cancelFree.current = null;
    };
    const tick = () => {
      if (v !== version.current) return stop();
      try {
        run.next(PREDICTIONS_PER_FRAME);
      } catch {
        return stop();
      }
      setFree({ values: run.predictions.slice(), done: run.done });
      if (run.done) return stop();
      frame = requestAnimationFrame(tick);
    };
    cancelFree.current = stop;
    setFree({ values: [], done: false });
    frame = requestAnimationFrame(tick);
  }, [series]);

  // A new series or a reset clears the predictions.
  useEffect(() => {
    cancelFree.current?.();
    setFree(null);
    setOneStep(null);
  }, [series]);
  useEffect(() => {
    if ((snapshot?.step ?? 0) === 0) {
      cancelFree.current?.();
      setFree(null);
    }
  }, [snapshot?.step]);
  useEffect(() => () => cancelFree.current?.(), []);

  return { engine, state, setState, series, training, oneStep, free, runFree, maxSteps: MAX_STEPS };
}
