// The trainer's data and session. The digits are fetched once the widget is on screen; the model,
// Adam and the batch order live in the MNIST job (useMnistSession), rebuilt when the architecture or the
// run settings change and freed on unmount. Evaluation on the test digits runs every EVAL_EVERY
// training images and whenever training stops, and each result (with the model's state dict, plain
// numbers) is published for the drawing widget.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { data } from '../../engine/index.ts';
import { cnnParameters, type CnnArchitecture } from '../../models/mnist/cnnModel.ts';
import type { Evaluation, RunOptions } from '../../models/mnist/mnistTraining.ts';
import { publishTrained } from '../../models/mnist/mnistStore.ts';
import { loadBookMnist } from '../kit/mnist/mnistData.ts';
import type { MnistSpec } from '../../models/mnist/mnistJob.ts';
import { useMnistSession } from '../kit/mnist/useMnistSession.ts';

/** Evaluate every this many training images (and when paused). */
export const EVAL_EVERY = 4000;
/** Points in the first seconds, before the first full measurement: on the first 500 digits of each set. */
export const EARLY_POINTS = { at: [500, 1000, 2000], digits: 500 } as const;
/** Training accuracy is measured on this many training images. */
export const TRAIN_EVAL = 1000;
export const MAX_SAMPLES = 2_000_000;

export interface AccuracyPoint {
  samples: number;
  seconds: number;
  /** Whether it is an early point, measured on EARLY_POINTS.digits digits only. */
  early: boolean;
  test: number;
  train: number;
  testLoss: number;
}

export interface TrainerView {
  test: Evaluation;
  trainAccuracy: number;
  filters: Float32Array[];
  samples: number;
}

type DataState = { status: 'waiting' } | { status: 'loading' } | { status: 'ready'; mnist: data.Mnist } | { status: 'error'; message: string };

export function useMnistTrainer(visible: boolean, arch: CnnArchitecture, run: Omit<RunOptions, 'seed'>, digit: number) {
  const [dataState, setDataState] = useState<DataState>({ status: 'waiting' });
  useEffect(() => {
    if (!visible || dataState.status !== 'waiting') return;
    setDataState({ status: 'loading' });
    loadBookMnist().then(
      (mnist) => setDataState({ status: 'ready', mnist }),
      (e: unknown) => setDataState({ status: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
  }, [visible, dataState.status]);
  const mnist = dataState.status === 'ready' ? dataState.mnist : null;

  const spec = useMemo<MnistSpec>(
    () => ({ models: [{ name: 'cnn', kind: 'cnn', architecture: arch }], run, maxSamples: MAX_SAMPLES, evalEvery: EVAL_EVERY, early: EARLY_POINTS, trainEval: TRAIN_EVAL, lookInside: true }),
    [arch, run],
  );
  const session = useMnistSession(mnist, spec, digit);
  const { latest } = session;

  const history = useMemo<AccuracyPoint[]>(() => session.history.map((p) => ({ samples: p.samples, seconds: p.seconds, early: p.digits <= EARLY_POINTS.digits, test: p.test[0], train: p.train[0] ?? 0, testLoss: p.testLoss[0] })), [session.history]);
  const view = useMemo<TrainerView | null>(
    () => (latest && latest.filters ? { test: latest.models[0].test, trainAccuracy: latest.models[0].trainAccuracy ?? 0, filters: latest.filters, samples: latest.samples } : null),
    [latest],
  );
  useEffect(() => {
    if (latest?.state) publishTrained({ architecture: arch, state: latest.state, testAccuracy: latest.models[0].test.accuracy, samples: latest.samples });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the state dict belongs to the architecture the run was built with
  }, [latest]);

  const retry = useCallback(() => setDataState({ status: 'waiting' }), []);
  return {
    dataState,
    retry,
    job: session.job,
    history,
    view,
    inspection: session.inspection?.inspection ?? null,
    evaluating: session.evaluating !== null,
    samples: session.samples,
    seconds: session.seconds,
    mnist,
    parameters: cnnParameters(arch),
  };
}
