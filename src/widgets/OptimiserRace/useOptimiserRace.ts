// The race's data and session: the digits, fetched once the figure is on screen; the MNIST job in
// the worker (useMnistSession), rebuilt when a rate, the schedule, the hidden size or the seed
// changes; and each racer's curves and numbers as plain arrays.
import { useMemo } from 'react';
import type { RunSchedule } from '../../models/training/runSchedule.ts';
import { useBookMnist } from '../kit/mnist/useBookMnist.ts';
import { useMnistSession } from '../kit/mnist/useMnistSession.ts';
import { raceResults, raceSpec, type Racer } from './race.ts';

export function useOptimiserRace(visible: boolean, rates: Record<Racer, number>, schedule: RunSchedule, hidden: number, seed: number) {
  const digits = useBookMnist(visible);
  const { sgd, momentum, rmsprop, adam } = rates;
  const spec = useMemo(() => raceSpec({ rates: { sgd, momentum, rmsprop, adam }, schedule, hidden }), [sgd, momentum, rmsprop, adam, schedule, hidden]);
  const session = useMnistSession(digits.mnist, spec, 0, seed);
  const runs = session.job.view?.runs ?? null;
  // The loop stops on the last racer's divergence: every racer had diverged by that step.
  const snap = session.job.training.snapshot;
  const raceStop = snap?.state === 'diverged' && snap.stop && 'step' in snap.stop ? snap.stop.step : null;
  const results = useMemo(() => raceResults(runs, session.history, raceStop), [runs, session.history, raceStop]);
  return { digits, job: session.job, results, samples: session.samples };
}
