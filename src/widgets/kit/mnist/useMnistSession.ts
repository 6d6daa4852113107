// The page's side of MNIST training: the MNIST job (src/models/mnist/mnistJob.ts) run through the
// one training hook, in a worker (or on the page where none starts). The digits go to the job once;
// the session (models and run settings) builds the models, and a new one (by content) rebuilds
// them; the inspected digit is a live setting. What the job measures arrives as events, each the
// whole picture so far.
import { useMemo } from 'react';
import type { data } from '../../../engine/index.ts';
import { mnistJob, type MnistDigits, type MnistEvent, type MnistSpec } from '../../../models/mnist/mnistJob.ts';
import { useTrainingJob } from '../training/useTrainingJob.ts';

const arrays = (s: data.MnistSplit) => ({ rows: s.rows, cols: s.cols, classes: s.classes, seed: 0, count: s.count, labels: s.labels, pixels: s.pixels });

const NOTHING: MnistEvent = { evaluating: null, history: [], latest: null, inspection: null };

/**
 * `mnist`: the digits, once fetched (null until then: nothing starts). `spec`: the session.
 * `digit`: the test digit whose feature maps are wanted. `seed`: the run's (the same seed, the same run).
 */
export function useMnistSession(mnist: data.Mnist | null, spec: MnistSpec, digit: number, seed = 1) {
  const digits = useMemo<MnistDigits | undefined>(() => (mnist ? { train: arrays(mnist.train), test: arrays(mnist.test) } : undefined), [mnist]);
  const job = useTrainingJob(mnistJob, { config: mnist ? spec : null, data: digits, live: { digit }, seed, where: 'worker' });
  const measured = job.event ?? NOTHING;
  const samples = (job.training.snapshot?.step ?? 0) * spec.run.batchSize;
  return { job, ...measured, samples, seconds: job.view?.seconds ?? 0 };
}

export type MnistSession = ReturnType<typeof useMnistSession>;
