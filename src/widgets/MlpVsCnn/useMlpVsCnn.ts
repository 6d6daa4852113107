// Two models, one stream of batches: the MNIST job (useMnistSession) trains the chapter's CNN and an
// MLP on the same mini-batches (two runs with the same seed draw the same order), and evaluates
// both on the test digits every EVAL_EVERY images and whenever training stops.
import { useEffect, useMemo, useState } from 'react';
import type { data } from '../../engine/index.ts';
import { cnnParameters, DEFAULT_ARCHITECTURE, IMAGE_SIDE, CLASSES } from '../../models/mnist/cnnModel.ts';
import { DEFAULT_RUN } from '../../models/mnist/mnistTraining.ts';
import { loadBookMnist } from '../kit/mnist/mnistData.ts';
import type { MnistSpec } from '../../models/mnist/mnistJob.ts';
import { useMnistSession } from '../kit/mnist/useMnistSession.ts';

export const EVAL_EVERY = 4000;
/** Points in the first seconds, before the first full measurement: on the first 500 test digits. */
export const EARLY_POINTS = { at: [500, 1000, 2000], digits: 500 } as const;
export const MAX_SAMPLES = 40_000;
/** Both models see one batch of this many images a step. */
export const EXAMPLES_PER_STEP = DEFAULT_RUN.batchSize;

export interface VersusPoint {
  samples: number;
  /** An early point, on EARLY_POINTS.digits test digits only. */
  early: boolean;
  mlp: number;
  cnn: number;
}

/** Weights and biases of the 784-hidden-10 perceptron. */
export const mlpParameters = (hidden: number) => IMAGE_SIDE * IMAGE_SIDE * hidden + hidden + hidden * CLASSES + CLASSES;

export function useMlpVsCnn(visible: boolean, hidden: number) {
  const [mnist, setMnist] = useState<data.Mnist | null>(null);
  const [loadState, setLoadState] = useState<'waiting' | 'loading' | 'ready' | string>('waiting');
  useEffect(() => {
    if (!visible || loadState !== 'waiting') return;
    setLoadState('loading');
    loadBookMnist().then(
      (m) => {
        setMnist(m);
        setLoadState('ready');
      },
      (e: unknown) => setLoadState(e instanceof Error ? e.message : String(e)),
    );
  }, [visible, loadState]);

  const spec = useMemo<MnistSpec>(
    () => ({
      models: [
        { name: 'cnn', kind: 'cnn', architecture: DEFAULT_ARCHITECTURE },
        { name: 'mlp', kind: 'mlp', hidden },
      ],
      run: { batchSize: DEFAULT_RUN.batchSize, learningRate: DEFAULT_RUN.learningRate },
      maxSamples: MAX_SAMPLES,
      evalEvery: EVAL_EVERY,
      early: EARLY_POINTS,
      trainEval: 0,
      lookInside: false,
    }),
    [hidden],
  );
  const session = useMnistSession(mnist, spec, 0);
  const points = useMemo<VersusPoint[]>(() => session.history.map((p) => ({ samples: p.samples, early: p.digits <= EARLY_POINTS.digits, cnn: p.test[0], mlp: p.test[1] })), [session.history]);
  const params = useMemo(() => ({ mlp: mlpParameters(hidden), cnn: cnnParameters(DEFAULT_ARCHITECTURE) }), [hidden]);
  const retry = () => setLoadState('waiting');
  return { loadState, mnist, job: session.job, points, params, samples: session.samples, retry };
}
