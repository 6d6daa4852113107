// The page's side of the training worker: starts it with the backend the page's engine chose,
// sends it the text and width, and turns its messages into the same plain state `useTraining`
// gives (snapshot, loss history, play/pause/step/reset). When no worker can be made, or it fails
// to start or dies, `failed` turns true and the widget trains on the main thread instead.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BackendName, EngineInfo, TrainingSnapshot } from '../../engine/index.ts';
import type { Training } from '../kit/useTraining.ts';
import type { FromWorker, ToWorker } from '../../models/charLstm/charWorkerCore.ts';
import { workersAvailable, type WorkerCoreName } from '../kit/workers.ts';

/** A worker that has not said it is ready after this long is given up on (ms). */
const START_TIMEOUT_MS = 30_000;

export type SampleMessage = Extract<FromWorker, { type: 'sample' }>;
export type WeightsMessage = Extract<FromWorker, { type: 'weights' }>;

export interface CharWorkerOptions {
  /** False: no worker (the main-thread path is in use, or the engine is not ready yet). */
  enabled: boolean;
  backend: BackendName | undefined;
  /** The prepared training text, or null while there is none. */
  text: string | null;
  hidden: number;
  onSample: (m: SampleMessage) => void;
  onWeights: (m: WeightsMessage) => void;
}

export interface CharWorker {
  training: Training;
  failed: boolean;
  info: EngineInfo | null;
  batch: number | null;
  sample: (id: number, temperature: number) => void;
}

export function useCharWorker(opts: CharWorkerOptions): CharWorker {
  const { enabled, backend, text, hidden } = opts;
  const workerRef = useRef<Worker | null>(null);
  const [info, setInfo] = useState<EngineInfo | null>(null);
  const [failed, setFailed] = useState(() => !workersAvailable());
  const [snapshot, setSnapshot] = useState<TrainingSnapshot | null>(null);
  const [history, setHistory] = useState<{ losses: number[]; steps: number[] }>({ losses: [], steps: [] });
  const [batch, setBatch] = useState<number | null>(null);
  const generation = useRef(0);
  const callbacks = useRef(opts);
  callbacks.current = opts;

  useEffect(() => {
    if (!enabled || failed) return;
    let worker: Worker;
    try {
      worker = new Worker(new URL('../workers/training.worker.ts', import.meta.url), { type: 'module', name: 'char-model' satisfies WorkerCoreName });
    } catch {
      setFailed(true);
      return;
    }
    let started = false;
    let closed = false;
    const giveUp = () => {
      if (closed) return;
      closed = true;
      clearTimeout(timer);
      worker.terminate();
      workerRef.current = null;
      setInfo(null);
      setSnapshot(null);
      setFailed(true);
    };
    const timer = setTimeout(() => started || giveUp(), START_TIMEOUT_MS);
    worker.onerror = (e) => {
      e.preventDefault();
      giveUp();
    };
    worker.onmessageerror = giveUp;
    worker.onmessage = (e: MessageEvent<FromWorker>) => {
      const m = e.data;
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
          if (m.generation === generation.current) setBatch(m.batch);
          return;
        case 'snapshot':
          if (m.generation !== generation.current) return;
          if (import.meta.env.MODE === 'test') (globalThis as { __charWorkerTensors?: number }).__charWorkerTensors = m.tensors;
          setSnapshot(m.snapshot);
          setHistory({ losses: m.losses, steps: m.steps });
          return;
        case 'sample':
          if (m.generation === generation.current) callbacks.current.onSample(m);
          return;
        case 'weights':
          if (m.generation === generation.current) callbacks.current.onWeights(m);
          return;
        case 'error':
          // A failure the loop did not catch (it reports its own as a 'failed' snapshot).
          setSnapshot((s) => (s ? { ...s, state: 'failed', stepsPerSecond: 0, reason: m.message } : s));
          return;
        case 'disposed':
          worker.terminate();
          return;
      }
    };
    workerRef.current = worker;
    worker.postMessage({ type: 'init', backend } satisfies ToWorker);
    return () => {
      clearTimeout(timer);
      if (closed) return;
      closed = true;
      workerRef.current = null;
      setInfo(null);
      setSnapshot(null);
      // Let the worker free its tensors, then end it whatever happens.
      worker.postMessage({ type: 'dispose' } satisfies ToWorker);
      setTimeout(() => worker.terminate(), 1000);
    };
  }, [enabled, failed, backend]);

  const ready = info !== null;
  useEffect(() => {
    if (!ready || text === null) return;
    generation.current++;
    setSnapshot(null);
    setHistory({ losses: [], steps: [] });
    workerRef.current?.postMessage({ type: 'setup', generation: generation.current, text, hidden } satisfies ToWorker);
  }, [ready, text, hidden]);

  const send = useCallback((m: ToWorker) => workerRef.current?.postMessage(m), []);
  const play = useCallback(() => send({ type: 'play' }), [send]);
  const pause = useCallback(() => send({ type: 'pause' }), [send]);
  const stepOnce = useCallback(() => send({ type: 'step' }), [send]);
  const reset = useCallback(() => send({ type: 'reset' }), [send]);
  const sample = useCallback((id: number, temperature: number) => send({ type: 'sample', id, temperature }), [send]);

  return {
    training: { snapshot, losses: history.losses, lossSteps: history.steps, running: snapshot?.state === 'running', play, pause, stepOnce, reset },
    failed,
    info,
    batch,
    sample,
  };
}
