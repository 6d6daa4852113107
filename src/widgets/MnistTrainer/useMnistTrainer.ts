// The trainer's engine side. Data are fetched once the widget is on screen; the model, Adam and the
// batch order are rebuilt when the architecture or the run settings change, and disposed on
// unmount. Training runs through useTraining (a few steps per animation frame, one read-back per
// frame); the number of steps per frame follows the measured speed so that a frame stays near
// FRAME_BUDGET_MS and the page keeps answering input. Evaluation on the test digits runs every
// EVAL_EVERY training images, in slices between frames, and the result (with the model's state
// dict, plain numbers) is published for the drawing widget.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { data } from '../../engine/index.ts';
import { useTraining, type TrainingSetup } from '../kit/useTraining.ts';
import { buildCnn, type CnnArchitecture, type Model } from './cnnModel.ts';
import { firstLayerFilters, inspect, type Inspection } from './inspect.ts';
import { ChunkedEvaluation, MnistRun, type Evaluation, type RunOptions } from './mnistTraining.ts';
import { loadBookMnist, publishTrained } from './mnistStore.ts';

export const FRAME_BUDGET_MS = 25;
/** Evaluate every this many training images (and when paused). */
export const EVAL_EVERY = 4000;
/** Training accuracy is measured on this many training images. */
export const TRAIN_EVAL = 1000;
export const MAX_SAMPLES = 2_000_000;

export interface AccuracyPoint {
  samples: number;
  seconds: number;
  test: number;
  train: number;
  testLoss: number;
}

export interface TrainerView {
  test: Evaluation;
  trainAccuracy: number;
  filters: Float32Array[];
  inspection: Inspection | null;
  samples: number;
}

type DataState = { status: 'waiting' } | { status: 'loading' } | { status: 'ready'; mnist: data.Mnist } | { status: 'error'; message: string };

export function useMnistTrainer(visible: boolean, engineReady: boolean, arch: CnnArchitecture, run: RunOptions, digit: number) {
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

  const live = useRef<{ model: Model; run: MnistRun; arch: CnnArchitecture } | null>(null);
  const stepMs = useRef(0);
  const clock = useRef({ seconds: 0, since: null as number | null });
  const [history, setHistory] = useState<AccuracyPoint[]>([]);
  const [view, setView] = useState<TrainerView | null>(null);
  const [evaluating, setEvaluating] = useState(false);
  const lastEval = useRef(-1);
  const evalToken = useRef(0);

  const build = useCallback(() => {
    const model = buildCnn(arch, run.seed);
    return { model, run: new MnistRun(model, mnist!.train, run), arch };
  }, [arch, run, mnist]);

  const setup =
    engineReady && mnist
      ? (): TrainingSetup => {
          const objects = build();
          live.current = objects;
          clock.current = { seconds: 0, since: null };
          lastEval.current = -1;
          setHistory([]);
          return {
            step: () => {
              const t0 = performance.now();
              const result = objects.run.step();
              // Time of the step alone (WASM and CPU compute synchronously; on WebGL this is only
              // the dispatch, and the frame's read-back waits for the rest).
              const ms = performance.now() - t0;
              stepMs.current = stepMs.current === 0 ? ms : 0.9 * stepMs.current + 0.1 * ms;
              return result;
            },
            keep: () => [objects.model, objects.run.optimizer],
            onReset: () => {
              objects.run.dispose();
              objects.model.dispose();
              const next = build();
              objects.model = next.model;
              objects.run = next.run;
              clock.current = { seconds: 0, since: null };
              lastEval.current = -1;
              evalToken.current++;
              setHistory([]);
              setView(null);
            },
            dispose: () => {
              evalToken.current++;
              if (live.current === objects) live.current = null;
              objects.run.dispose();
              objects.model.dispose();
            },
          };
        }
      : null;

  const [stepsPerFrame, setStepsPerFrame] = useState(1);
  const training = useTraining(setup, [mnist, arch.filters1, arch.filters2, arch.kernel, run.batchSize, run.learningRate, run.seed], {
    stepsPerFrame,
    maxSteps: Math.ceil(MAX_SAMPLES / run.batchSize),
    historyLimit: 400,
  });
  const { snapshot } = training;
  const running = snapshot?.state === 'running';

  // Wall-clock training time (only while running).
  useEffect(() => {
    const c = clock.current;
    if (running && c.since === null) c.since = performance.now();
    if (!running && c.since !== null) {
      c.seconds += (performance.now() - c.since) / 1000;
      c.since = null;
    }
  }, [running]);
  const seconds = () => clock.current.seconds + (clock.current.since !== null ? (performance.now() - clock.current.since) / 1000 : 0);

  // Keep a frame's training near the budget: steps per frame from the measured time of one step
  // (or, where steps run asynchronously, from the steps per second).
  const rate = snapshot?.stepsPerSecond ?? 0;
  useEffect(() => {
    const perStep = stepMs.current > 1 ? stepMs.current : rate > 0 ? 1000 / rate : 0;
    if (perStep > 0) setStepsPerFrame(Math.max(1, Math.min(16, Math.floor(FRAME_BUDGET_MS / perStep))));
  }, [rate, snapshot]);

  // Evaluate in slices (each its own task) on the test set, then on a training subset.
  const evaluateNow = useCallback(() => {
    const objects = live.current;
    if (!objects || !mnist) return;
    const token = ++evalToken.current;
    const samples = objects.run.samplesSeen;
    const at = seconds();
    const model = objects.model;
    const test = new ChunkedEvaluation(model, mnist.test);
    const train = new ChunkedEvaluation(model, mnist.train, TRAIN_EVAL);
    setEvaluating(true);
    const slice = () => {
      if (token !== evalToken.current || live.current !== objects || objects.model !== model) return;
      let t: Evaluation | null = null;
      let tr: Evaluation | null = null;
      try {
        t = test.advance(250);
        tr = t ? train.advance(250) : null;
      } catch {
        setEvaluating(false);
        return;
      }
      if (!t || !tr) {
        setTimeout(slice, 0);
        return;
      }
      const testEval = t;
      const trainAcc = tr.accuracy;
      setEvaluating(false);
      setHistory((h) => [...h.filter((p) => p.samples < samples), { samples, seconds: at, test: testEval.accuracy, train: trainAcc, testLoss: testEval.loss }]);
      setView({ test: testEval, trainAccuracy: trainAcc, filters: firstLayerFilters(model, objects.arch), inspection: null, samples });
      publishTrained({ architecture: objects.arch, state: model.stateDict(), testAccuracy: testEval.accuracy, samples });
    };
    setTimeout(slice, 0);
  }, [mnist]);

  const samples = live.current?.run.samplesSeen ?? 0;
  useEffect(() => {
    if (!live.current || !snapshot) return;
    const due = lastEval.current < 0 ? samples > 0 : samples - lastEval.current >= EVAL_EVERY;
    if ((due || (!running && samples !== lastEval.current && samples > 0)) && !evaluating) {
      lastEval.current = samples;
      evaluateNow();
    }
  }, [snapshot, samples, running, evaluating, evaluateNow]);

  // Feature maps of the chosen test digit (after each evaluation, or when the digit changes).
  const [inspection, setInspection] = useState<Inspection | null>(null);
  useEffect(() => {
    const objects = live.current;
    if (!objects || !mnist || !engineReady) return;
    try {
      setInspection(inspect(objects.model, objects.arch, mnist.test.image(Math.min(digit, mnist.test.count - 1))));
    } catch {
      setInspection(null);
    }
  }, [view, digit, mnist, engineReady, snapshot === null]);

  // A rebuild (new architecture) clears the old model's pictures.
  useEffect(() => {
    setView(null);
    setInspection(null);
  }, [arch.filters1, arch.filters2, arch.kernel, run.batchSize, run.learningRate, run.seed]);

  const parameters = live.current?.model.numParameters() ?? null;
  const retry = useCallback(() => setDataState({ status: 'waiting' }), []);
  return { dataState, retry, training, history, view, inspection, evaluating, samples, seconds: seconds(), stepsPerFrame, mnist, parameters };
}
