// The one way a figure trains a model live: a job definition (src/models/training/job.ts) run by
// the training core in a dedicated worker or on the page, and this hook turning the core's messages
// into plain React state. The configuration (by content) and the seed build the model; a new value
// builds it again. Live settings (a learning rate) go by one channel, a `set` message, to the job's
// `setLive`, without a rebuild. A figure that asks for a worker gets the page instead where no
// worker can start, or where one fails or stays silent; the reader sees the same run either way.
import { useCallback, useEffect, useRef, useState } from 'react';
import { engineInfo, type EngineInfo, type TrainingSnapshot } from '../../../engine/index.ts';
import type { Curve } from '../../../models/training/history.ts';
import type { JobDefinition } from '../../../models/training/job.ts';
import type { FromJob, ToJob } from '../../../models/training/protocol.ts';
import { useEngine } from '../useEngine.ts';
import { workersAvailable } from '../workers.ts';
import { openPagePort, openWorkerPort, type JobPort } from './ports.ts';

/** A run as React holds it: plain numbers, and the reader's four buttons. */
export interface Training {
  snapshot: TrainingSnapshot | null;
  /** The loss of the run so far, thinned (each point the loss of one step). */
  losses: number[];
  /** The step of each point in `losses`. */
  lossSteps: number[];
  running: boolean;
  play: () => void;
  pause: () => void;
  stepOnce: () => void;
  reset: () => void;
}

export type TrainingJobOptions<Config, Live, Event> = {
  /** What the model is built from; a new value (by content) builds it again. Null: not yet. */
  config: Config | null;
  seed?: number;
  /** 'page' for small models (faster than a round trip to a worker); 'worker' for heavier ones. */
  where?: 'page' | 'worker';
  /**
   * A data set the job builds from (its context's `data`), sent to the job once rather than with
   * every configuration; a new value (by identity) is sent again and builds the model again.
   */
  data?: unknown;
  /** Called with every event of the current model, in order (the `event` field keeps only the latest). */
  onEvent?: (event: Event) => void;
  /** Trains each model as soon as it is built (a figure whose one button builds and runs it). */
  autoplay?: boolean;
} & (undefined extends Live
  ? { live?: Live }
  : {
      /** Settings that apply to the running model (the job's `setLive`), never rebuilding it. */
      live: Live;
    });

export interface TrainingJob<View, Event, Request> {
  training: Training;
  /** The job's other curves (its `curves` metrics), thinned as the loss is. */
  curves: Record<string, Curve>;
  /** The job's latest picture (kept through a divergence), or null before the first. */
  view: View | null;
  /**
   * Why the job itself failed (its build, picture or request threw, or the core could not handle a
   * message), developer-facing; the snapshot's state is then 'failed'. Null otherwise.
   */
  failure: string | null;
  /** The job's latest event since the model was built, or null. */
  event: Event | null;
  /** The engine the job runs on (its worker's own, or the page's). */
  info: EngineInfo | null;
  inWorker: boolean;
  /** Whether the model is built and answering; why the engine could not start, if it could not. */
  engine: { ready: boolean; error: string | null };
  /** Where a run stops (the job's maxSteps), or null. */
  maxSteps: number | null;
  stepsPerTick: number;
  request: (payload: Request) => void;
}

interface RunState<View> {
  snapshot: TrainingSnapshot | null;
  losses: number[];
  steps: number[];
  curves: Record<string, Curve>;
  view: View | null;
  failure: string | null;
  stepsPerTick: number;
}

const EMPTY: RunState<never> = { snapshot: null, losses: [], steps: [], curves: {}, view: null, failure: null, stepsPerTick: 1 };

export function useTrainingJob<Config, Live = undefined, View = never, Event = never, Request = never>(
  job: JobDefinition<Config, Live, View, Event, Request>,
  options: TrainingJobOptions<Config, Live, Event>,
): TrainingJob<View, Event, Request> {
  const { config, seed = 1, where = 'page', data, autoplay = false } = options;
  const live = options.live as Live;
  const engine = useEngine();
  const [pageOnly, setPageOnly] = useState(() => where === 'page' || !workersAvailable());
  const portRef = useRef<JobPort | null>(null);
  const [info, setInfo] = useState<EngineInfo | null>(null);
  const [run, setRun] = useState<RunState<View>>(EMPTY);
  const [event, setEvent] = useState<Event | null>(null);
  const [maxSteps, setMaxSteps] = useState<number | null>(null);
  const [jobError, setJobError] = useState<string | null>(null);
  const generation = useRef(0);
  const sentLive = useRef<string | null>(null);
  const onEvent = useRef(options.onEvent);
  useEffect(() => {
    onEvent.current = options.onEvent;
  });
  // Each new data set is sent once per port, and counts as a new setup.
  const sentData = useRef<{ port: JobPort; data: unknown } | null>(null);
  const [dataSeen, setDataSeen] = useState({ data, version: 0 });
  if (dataSeen.data !== data) setDataSeen({ data, version: dataSeen.version + 1 });
  const setupKey = config === null ? null : JSON.stringify([config, seed, dataSeen.version]);
  const liveKey = JSON.stringify(live ?? null);
  // What the effects below send, as of this render (updated first, before they run).
  const latest = useRef({ config, live, seed, liveKey, data, autoplay });
  useEffect(() => {
    latest.current = { config, live, seed, liveKey, data, autoplay };
  });

  // The port: a worker started with the backend the page's engine chose, or the page itself.
  const backend = engine.ready ? engineInfo()?.backend : undefined;
  useEffect(() => {
    if (!engine.ready) return;
    let closed = false;
    const onMessage = (m: FromJob<unknown, unknown>) => {
      if (closed) return;
      switch (m.type) {
        case 'ready':
          setInfo(m.info);
          setJobError(null);
          return;
        case 'initFailed':
          setJobError(m.message);
          return;
        case 'built':
          if (m.generation !== generation.current) return;
          setMaxSteps(m.maxSteps);
          setRun(EMPTY);
          setEvent(null);
          return;
        case 'snapshot':
          if (m.generation !== generation.current) return;
          if (import.meta.env.MODE === 'test') {
            // Live tensors in the job's engine, for the end-to-end memory checks.
            const scope = globalThis as { __jobTensors?: Record<string, number> };
            (scope.__jobTensors ??= {})[job.name] = m.tensors;
          }
          setRun((r) => ({ snapshot: m.snapshot, losses: m.losses, steps: m.steps, curves: m.curves, view: (m.view as View | null) ?? r.view, failure: m.failure, stepsPerTick: m.stepsPerTick }));
          return;
        case 'event':
          if (m.generation !== generation.current) return;
          setEvent(m.payload as Event);
          onEvent.current?.(m.payload as Event);
          return;
        case 'error':
          // A message the core could not handle: shown as the run's failure until a reset or rebuild.
          if (m.generation === null || m.generation === generation.current) setRun((r) => ({ ...r, failure: m.message, snapshot: r.snapshot && { ...r.snapshot, state: 'failed', stepsPerSecond: 0 } }));
          return;
        case 'disposed':
          return;
      }
    };
    const fallBack = () => {
      if (closed) return;
      closed = true;
      portRef.current = null;
      setInfo(null);
      setRun(EMPTY);
      setPageOnly(true);
    };
    const port = pageOnly ? openPagePort(job, onMessage) : openWorkerPort(job.name, onMessage, fallBack);
    if (!port) {
      setPageOnly(true);
      return;
    }
    portRef.current = port;
    // On the page, the core shares the page's engine as it is (no backend is forced).
    port.post({ type: 'init', backend: pageOnly ? undefined : backend });
    return () => {
      if (portRef.current === port) portRef.current = null;
      if (closed) return;
      closed = true;
      setInfo(null);
      setRun(EMPTY);
      port.close();
    };
  }, [engine.ready, pageOnly, backend, job]);

  // A model for the configuration and seed, whenever either changes (or the port is new).
  const ready = info !== null;
  useEffect(() => {
    const port = portRef.current;
    const { config, live, seed, liveKey, data, autoplay } = latest.current;
    if (!ready || !port || config === null) return;
    generation.current++;
    setRun(EMPTY);
    setEvent(null);
    setMaxSteps(null);
    sentLive.current = liveKey;
    if (data !== undefined && (sentData.current?.port !== port || sentData.current.data !== data)) {
      port.post({ type: 'load', data });
      sentData.current = { port, data };
    }
    port.post({ type: 'setup', generation: generation.current, config, seed, live, play: autoplay } satisfies ToJob<Config, Live, Request>);
  }, [ready, setupKey]);

  // Live settings reach the model by this one message.
  useEffect(() => {
    const port = portRef.current;
    if (!ready || !port || sentLive.current === liveKey) return;
    sentLive.current = liveKey;
    port.post({ type: 'set', live: latest.current.live } satisfies ToJob<Config, Live, Request>);
  }, [ready, liveKey]);

  const send = useCallback((m: ToJob<Config, Live, Request>) => portRef.current?.post(m), []);
  const play = useCallback(() => send({ type: 'play' }), [send]);
  const pause = useCallback(() => send({ type: 'pause' }), [send]);
  const stepOnce = useCallback(() => send({ type: 'step' }), [send]);
  const reset = useCallback(() => send({ type: 'reset' }), [send]);
  const request = useCallback((payload: Request) => send({ type: 'request', payload }), [send]);

  const { snapshot } = run;
  return {
    training: { snapshot, losses: run.losses, lossSteps: run.steps, running: snapshot?.state === 'running', play, pause, stepOnce, reset },
    curves: run.curves,
    view: run.view,
    failure: run.failure,
    event,
    info,
    inWorker: !pageOnly,
    engine: { ready: snapshot !== null, error: engine.error ?? jobError },
    maxSteps,
    stepsPerTick: run.stepsPerTick,
    request,
  };
}
