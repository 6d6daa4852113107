// The page's side of MNIST training: a dedicated worker (../../workers/training.worker.ts) runs the
// models, started with the backend the page's engine chose; this hook sends it the digits, the
// session (models and run settings) and the reader's play/pause/step/reset, and turns its messages
// into plain state: the same `Training` that useTraining gives, the evaluations, the first model's
// insides. Where no worker can start (or one fails or dies), the same message handler runs on the
// page instead, one short slice of training per animation frame.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { defaultScheduler, engineInfo, type data, type EngineInfo, type TrainingSnapshot } from '../../../engine/index.ts';
import type { Training } from '../useTraining.ts';
import { workersAvailable, type WorkerCoreName } from '../workers.ts';
import type { Inspection } from '../../../models/mnist/inspect.ts';
import { createMnistWorkerCore, type FromWorker, type ModelEvaluation, type SessionSpec, type ToWorker } from '../../../models/mnist/mnistWorkerCore.ts';

/** A worker that has not said it is ready after this long is given up on (ms). */
const START_TIMEOUT_MS = 30_000;
/** Training per animation frame when the page trains on its own main thread (ms). */
const PAGE_TICK_BUDGET_MS = 12;

export type EvaluationMessage = Extract<FromWorker, { type: 'evaluation' }>;

/** One evaluation, as the accuracy curves need it. */
export interface EvaluationPoint {
  samples: number;
  seconds: number;
  test: number[];
  train: (number | null)[];
  testLoss: number[];
}

export interface MnistSession {
  training: Training;
  /** The engine the models train on (the worker's own, or the page's). */
  info: EngineInfo | null;
  inWorker: boolean;
  parameters: number[] | null;
  samples: number;
  seconds: number;
  stepsPerTick: number;
  evaluating: boolean;
  history: EvaluationPoint[];
  /** The latest evaluation in full (confusion matrices, predictions, filters, state dict). */
  latest: EvaluationMessage | null;
  inspection: Inspection | null;
}

interface Port {
  post: (m: ToWorker) => void;
  close: () => void;
}

/** The message handler on the page's own thread, behind the same kind of port as a worker. */
function pagePort(onMessage: (m: FromWorker) => void): Port {
  let open = true;
  const core = createMnistWorkerCore((m) => queueMicrotask(() => open && onMessage(m)), { scheduler: defaultScheduler(), tickBudgetMs: PAGE_TICK_BUDGET_MS });
  return {
    post: (m) => void core.handle(m),
    close: () => {
      void core.handle({ type: 'dispose' }).finally(() => (open = false));
    },
  };
}

const pointOf = (m: EvaluationMessage): EvaluationPoint => ({
  samples: m.samples,
  seconds: m.seconds,
  test: m.models.map((e: ModelEvaluation) => e.test.accuracy),
  train: m.models.map((e) => e.trainAccuracy),
  testLoss: m.models.map((e) => e.test.loss),
});

/**
 * `mnist`: the digits, once fetched (null until then: nothing starts). `spec`: the session; a new
 * value (by content) rebuilds the models. `digit`: the test digit whose feature maps are wanted.
 */
export function useMnistSession(mnist: data.Mnist | null, engineReady: boolean, spec: SessionSpec, digit: number): MnistSession {
  const [pageOnly, setPageOnly] = useState(() => !workersAvailable());
  const portRef = useRef<Port | null>(null);
  const [info, setInfo] = useState<EngineInfo | null>(null);
  const [snapshot, setSnapshot] = useState<TrainingSnapshot | null>(null);
  const [curve, setCurve] = useState<{ losses: number[]; steps: number[]; samples: number; seconds: number; stepsPerTick: number }>({ losses: [], steps: [], samples: 0, seconds: 0, stepsPerTick: 1 });
  const [parameters, setParameters] = useState<number[] | null>(null);
  const [evaluating, setEvaluating] = useState(false);
  const [history, setHistory] = useState<EvaluationPoint[]>([]);
  const [latest, setLatest] = useState<EvaluationMessage | null>(null);
  const [inspection, setInspection] = useState<Inspection | null>(null);
  const generation = useRef(0);
  const dataSent = useRef(false);
  const specKey = JSON.stringify(spec);
  const stableSpec = useMemo(() => spec, [specKey]); // eslint-disable-line react-hooks/exhaustive-deps
  const digitRef = useRef(digit);
  digitRef.current = digit;

  const clear = useCallback(() => {
    setSnapshot(null);
    setCurve({ losses: [], steps: [], samples: 0, seconds: 0, stepsPerTick: 1 });
    setParameters(null);
    setEvaluating(false);
    setHistory([]);
    setLatest(null);
    setInspection(null);
  }, []);

  const backend = engineReady ? engineInfo()?.backend : undefined;
  const start = engineReady && mnist !== null;
  useEffect(() => {
    if (!start) return;
    let closed = false;
    let started = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onMessage = (m: FromWorker) => {
      if (closed) return;
      switch (m.type) {
        case 'ready':
          started = true;
          clearTimeout(timer);
          setInfo(m.info);
          return;
        case 'initFailed':
          giveUp();
          return;
        case 'built':
          if (m.generation !== generation.current) return;
          setParameters(m.parameters);
          setHistory([]);
          setLatest(null);
          setEvaluating(false);
          return;
        case 'snapshot':
          if (m.generation !== generation.current) return;
          if (import.meta.env.MODE === 'test') (globalThis as { __mnistWorkerTensors?: number }).__mnistWorkerTensors = m.tensors;
          setSnapshot(m.snapshot);
          setCurve({ losses: m.losses, steps: m.steps, samples: m.samples, seconds: m.seconds, stepsPerTick: m.stepsPerTick });
          return;
        case 'evaluating':
          if (m.generation === generation.current) setEvaluating(true);
          return;
        case 'evaluation':
          if (m.generation !== generation.current) return;
          setEvaluating(false);
          setLatest(m);
          setHistory((h) => [...h.filter((p) => p.samples < m.samples), pointOf(m)]);
          return;
        case 'inspection':
          if (m.generation === generation.current) setInspection(m.inspection);
          return;
        case 'error':
          // A failure the loop did not catch (it reports its own as a 'failed' snapshot).
          setEvaluating(false);
          setSnapshot((s) => (s ? { ...s, state: 'failed', stepsPerSecond: 0, reason: m.message } : s));
          return;
        case 'disposed':
          return;
      }
    };

    let port: Port;
    let worker: Worker | null = null;
    function giveUp(): void {
      if (closed) return;
      closed = true;
      clearTimeout(timer);
      worker?.terminate();
      portRef.current = null;
      setInfo(null);
      clear();
      setPageOnly(true);
    }
    if (pageOnly) {
      port = pagePort(onMessage);
    } else {
      try {
        const w = new Worker(new URL('../../workers/training.worker.ts', import.meta.url), { type: 'module', name: 'mnist' satisfies WorkerCoreName });
        worker = w;
        w.onerror = (e) => {
          e.preventDefault();
          giveUp();
        };
        w.onmessageerror = giveUp;
        w.onmessage = (e: MessageEvent<FromWorker>) => onMessage(e.data);
        timer = setTimeout(() => started || giveUp(), START_TIMEOUT_MS);
        port = {
          post: (m) => w.postMessage(m),
          close: () => {
            // Let the worker free its tensors, then end it whatever happens.
            w.postMessage({ type: 'dispose' } satisfies ToWorker);
            w.addEventListener('message', (e: MessageEvent<FromWorker>) => e.data.type === 'disposed' && w.terminate());
            setTimeout(() => w.terminate(), 1000);
          },
        };
      } catch {
        setPageOnly(true);
        return;
      }
    }
    portRef.current = port;
    dataSent.current = false;
    // On the page, the core shares the page's engine as it is (no backend is forced).
    port.post({ type: 'init', backend: pageOnly ? undefined : backend });
    return () => {
      clearTimeout(timer);
      if (closed) return;
      closed = true;
      portRef.current = null;
      setInfo(null);
      clear();
      port.close();
    };
  }, [start, pageOnly, backend, clear]);

  const ready = info !== null;
  useEffect(() => {
    const port = portRef.current;
    if (!ready || !port || !mnist) return;
    if (!dataSent.current) {
      const arrays = (s: data.MnistSplit) => ({ rows: s.rows, cols: s.cols, classes: s.classes, seed: 0, count: s.count, labels: s.labels, pixels: s.pixels });
      port.post({ type: 'data', train: arrays(mnist.train), test: arrays(mnist.test) });
      dataSent.current = true;
    }
    generation.current++;
    clear();
    port.post({ type: 'setup', generation: generation.current, spec: stableSpec, digit: digitRef.current });
  }, [ready, mnist, stableSpec, clear]);

  useEffect(() => {
    if (ready) portRef.current?.post({ type: 'inspect', digit });
  }, [ready, digit]);

  const send = useCallback((m: ToWorker) => portRef.current?.post(m), []);
  const play = useCallback(() => send({ type: 'play' }), [send]);
  const pause = useCallback(() => send({ type: 'pause' }), [send]);
  const stepOnce = useCallback(() => send({ type: 'step' }), [send]);
  const reset = useCallback(() => send({ type: 'reset' }), [send]);

  return {
    training: { snapshot, losses: curve.losses, lossSteps: curve.steps, running: snapshot?.state === 'running', play, pause, stepOnce, reset },
    info,
    inWorker: !pageOnly,
    parameters,
    samples: curve.samples,
    seconds: curve.seconds,
    stepsPerTick: curve.stepsPerTick,
    evaluating,
    history,
    latest,
    inspection,
  };
}
