// The race's session: the job in the worker, built once the figure has come into view and again
// whenever a setting or the seed changes; and each network's curves and numbers as plain arrays.
import { useMemo } from 'react';
import type { RaceConfig } from '../../models/residual/residualRace.ts';
import { residualJob } from '../../models/residual/residualJob.ts';
import { useTrainingJob } from '../kit/index.ts';
import { netResults } from './results.ts';

export function usePlainVsResidual(visible: boolean, settings: RaceConfig, seed: number) {
  const { blocks, width, norm, optimizer, learningRate } = settings;
  const config = useMemo(() => ({ blocks, width, norm, optimizer, learningRate }), [blocks, width, norm, optimizer, learningRate]);
  const job = useTrainingJob(residualJob, { config: visible ? config : null, seed, where: 'worker' });
  const nets = job.view?.nets ?? null;
  // The loop stops on the last network's divergence: every network had diverged by that step.
  const snap = job.training.snapshot;
  const runStop = snap?.state === 'diverged' && snap.stop && 'step' in snap.stop ? snap.stop.step : null;
  const results = useMemo(() => netResults(nets, runStop), [nets, runStop]);
  return { job, results, step: snap?.step ?? 0 };
}
