// Two models, one stream of batches: each step trains the MLP and the CNN on the same mini-batch
// (two MnistRuns with the same seed draw the same order), and both are evaluated on the test
// digits every EVAL_EVERY images, in slices between frames.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { data } from '../../engine/index.ts';
import { useTraining, type TrainingSetup } from '../kit/useTraining.ts';
import { buildCnn, buildMlp, DEFAULT_ARCHITECTURE, type Model } from '../MnistTrainer/cnnModel.ts';
import { ChunkedEvaluation, DEFAULT_RUN, MnistRun } from '../MnistTrainer/mnistTraining.ts';
import { loadBookMnist } from '../MnistTrainer/mnistStore.ts';

export const EVAL_EVERY = 4000;
export const MAX_SAMPLES = 40_000;

export interface VersusPoint {
  samples: number;
  mlp: number;
  cnn: number;
}

type Pair = { mlp: Model; cnn: Model; mlpRun: MnistRun; cnnRun: MnistRun };

function makePair(hidden: number, train: data.MnistSplit): Pair {
  const mlp = buildMlp(hidden, DEFAULT_RUN.seed);
  const cnn = buildCnn(DEFAULT_ARCHITECTURE, DEFAULT_RUN.seed);
  return { mlp, cnn, mlpRun: new MnistRun(mlp, train, DEFAULT_RUN), cnnRun: new MnistRun(cnn, train, DEFAULT_RUN) };
}

function disposePair(p: Pair) {
  p.mlpRun.dispose();
  p.cnnRun.dispose();
  p.mlp.dispose();
  p.cnn.dispose();
}

export function useMlpVsCnn(visible: boolean, engineReady: boolean, hidden: number) {
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

  const live = useRef<Pair | null>(null);
  const [points, setPoints] = useState<VersusPoint[]>([]);
  const [params, setParams] = useState<{ mlp: number; cnn: number } | null>(null);
  const token = useRef(0);
  const lastEval = useRef(0);

  const setup =
    engineReady && mnist
      ? (): TrainingSetup => {
          const holder = { pair: makePair(hidden, mnist.train) };
          live.current = holder.pair;
          lastEval.current = 0;
          setPoints([]);
          setParams({ mlp: holder.pair.mlp.numParameters(), cnn: holder.pair.cnn.numParameters() });
          return {
            step: () => {
              const a = holder.pair.mlpRun.step();
              const b = holder.pair.cnnRun.step();
              return { loss: b.loss, mlpLoss: a.loss };
            },
            keep: () => [holder.pair.mlp, holder.pair.cnn, holder.pair.mlpRun.optimizer, holder.pair.cnnRun.optimizer],
            onReset: () => {
              token.current++;
              disposePair(holder.pair);
              holder.pair = makePair(hidden, mnist.train);
              live.current = holder.pair;
              lastEval.current = 0;
              setPoints([]);
            },
            dispose: () => {
              token.current++;
              if (live.current === holder.pair) live.current = null;
              disposePair(holder.pair);
            },
          };
        }
      : null;

  const training = useTraining(setup, [mnist, hidden], { stepsPerFrame: 1, maxSteps: Math.ceil(MAX_SAMPLES / DEFAULT_RUN.batchSize) });
  const samples = live.current?.cnnRun.samplesSeen ?? 0;

  const evaluateNow = useCallback(() => {
    const pair = live.current;
    if (!pair || !mnist) return;
    const my = ++token.current;
    const at = pair.cnnRun.samplesSeen;
    const a = new ChunkedEvaluation(pair.mlp, mnist.test);
    const b = new ChunkedEvaluation(pair.cnn, mnist.test);
    const slice = () => {
      if (my !== token.current || live.current !== pair) return;
      try {
        const ra = a.advance(250);
        const rb = ra ? b.advance(250) : null;
        if (!ra || !rb) {
          setTimeout(slice, 0);
          return;
        }
        setPoints((p) => [...p.filter((q) => q.samples < at), { samples: at, mlp: ra.accuracy, cnn: rb.accuracy }]);
      } catch {
        // A model disposed mid-evaluation: the next evaluation starts afresh.
      }
    };
    setTimeout(slice, 0);
  }, [mnist]);

  const running = training.snapshot?.state === 'running';
  useEffect(() => {
    if (!live.current || samples === 0) return;
    if (samples - lastEval.current >= EVAL_EVERY || (!running && samples !== lastEval.current)) {
      lastEval.current = samples;
      evaluateNow();
    }
  }, [training.snapshot, samples, running, evaluateNow]);

  const retry = () => setLoadState('waiting');
  return { loadState, mnist, training, points, params, samples, retry };
}
