// The one training core: a message handler (protocol.ts) that runs a job definition (job.ts) over
// the engine's TrainingLoop. It is what the dedicated worker runs for a job, and what the page
// runs itself behind the same kind of port (with animation frames for ticks and a smaller time
// budget per tick). Messages are handled one after another through one queue, so a setup waits for
// the old run to let go and a step waits for the one before.
//
// While training runs it sends a snapshot (the loop's, the thinned curves, the job's picture) at
// most every `snapshotEveryMs`, and always one on a change of state (pause, step, reset, the end
// of a run). Steps per tick follow the measured time of a step, so a tick stays within its budget:
// the time the steps hold the thread, not the wait for the read-back, during which the page (or
// the worker's messages) runs on, and which on a GPU is mostly latency rather than work.
import { engineInfo, initEngine, liveTensorCount, TrainingLoop, type TrainingSnapshot } from '../../engine/index.ts';
import { LossHistory } from './history.ts';
import type { AnyJobDefinition, BuiltJob, JobContext } from './job.ts';
import { taskScheduler, type FromJob, type Scheduler, type ToJob } from './protocol.ts';

/** Snapshots while running are sent at most this often (ms); a change of state is sent at once. */
export const SNAPSHOT_EVERY_MS = 100;
/** Most steps in one tick when a job sets no limit of its own. */
export const MAX_STEPS_PER_TICK = 16;

export interface CoreOptions {
  /** The WebAssembly binaries' URLs (a worker's engine fetches them from the site). */
  wasmPaths?: Record<string, string>;
  /** Ticks: zero-delay tasks by default (a worker); animation frames on the page. */
  scheduler?: Scheduler;
  now?: () => number;
  /** Time the steps of one tick may hold the thread (ms): long in a worker, short on the page. */
  tickBudgetMs?: number;
  snapshotEveryMs?: number;
}

interface Session {
  generation: number;
  config: unknown;
  seed: number;
  built: BuiltJob<unknown, unknown, unknown> | null;
  /** Ends the current build's scheduled work and silences its events. */
  retire: () => void;
  loop: TrainingLoop;
  maxSteps: number | null;
  losses: LossHistory;
  curves: Map<string, LossHistory>;
  /** Why the job itself failed (its build, picture or request threw); the loop cannot know. */
  failure: string | null;
  lastPost: number;
  /** The state of the last snapshot sent: a change of state is always sent. */
  lastState: TrainingSnapshot['state'] | null;
  /** Time spent inside the job's steps since the last frame (ms). */
  tickCompute: number;
  msPerStep: number;
  stepsPerTick: number;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function createTrainingCore<View = unknown, Event = unknown>(job: AnyJobDefinition, post: (m: FromJob<View, Event>) => void, opts: CoreOptions = {}) {
  const scheduler = opts.scheduler ?? taskScheduler;
  const now = opts.now ?? (() => performance.now());
  const budget = Math.min(opts.tickBudgetMs ?? 40, job.tickBudgetMs ?? Infinity);
  // A job meant to be watched step by step may ask for its pictures more often, never less often.
  const snapshotEvery = Math.min(opts.snapshotEveryMs ?? SNAPSHOT_EVERY_MS, job.snapshotEveryMs ?? Infinity);
  const maxPerTick = Math.max(1, job.maxStepsPerTick ?? MAX_STEPS_PER_TICK);
  let engineReady = false;
  let session: Session | null = null;
  let live: unknown = undefined;
  let loaded: unknown = undefined;
  let disposed = false;
  let queue: Promise<void> = Promise.resolve();

  function postSnapshot(s: Session, snap: TrainingSnapshot): void {
    if (session !== s) return;
    let view: unknown = null;
    if (s.failure === null && (snap.state === 'paused' || snap.state === 'running') && s.built?.view) {
      try {
        view = s.built.view(snap);
      } catch (e) {
        fail(s, e);
        return;
      }
    }
    const shown: TrainingSnapshot = s.failure === null ? snap : { ...snap, state: 'failed', stepsPerSecond: 0, stop: null, reason: s.failure };
    const curves: Record<string, ReturnType<LossHistory['curve']>> = {};
    for (const [name, history] of s.curves) curves[name] = history.curve();
    const { values, steps } = s.losses.curve();
    s.lastPost = now();
    s.lastState = shown.state;
    post({
      type: 'snapshot',
      generation: s.generation,
      snapshot: { ...shown, frameLosses: shown.frameLosses.slice(), metrics: { ...shown.metrics } },
      losses: values,
      steps,
      curves,
      view: view as View | null,
      failure: s.failure,
      stepsPerTick: s.stepsPerTick,
      tensors: liveTensorCount(),
    });
  }

  /** The job threw: the run stops as failed, with the job's reason, until a reset. */
  function fail(s: Session, e: unknown): void {
    if (session !== s || s.failure !== null) return;
    s.failure = message(e);
    if (s.loop.snapshot().state === 'running') s.loop.pause();
    else postSnapshot(s, s.loop.snapshot());
  }

  function onFrame(s: Session, snap: TrainingSnapshot): void {
    if (session !== s) return;
    const running = snap.state === 'running';
    // Steps per tick from the measured time of the last tick's steps.
    const n = snap.frameLosses.length;
    if (running && n > 0 && s.tickCompute > 0) {
      const per = s.tickCompute / n;
      s.msPerStep = s.msPerStep === 0 ? per : 0.8 * s.msPerStep + 0.2 * per;
      s.stepsPerTick = Math.max(1, Math.min(maxPerTick, Math.floor(budget / Math.max(s.msPerStep, 0.05))));
    }
    s.tickCompute = 0;
    s.losses.recordFrame(snap.step, snap.frameLosses);
    for (const [name, history] of s.curves) if (snap.metrics[name] !== undefined) history.record(snap.step, snap.metrics[name]);
    if (s.failure === null && s.built?.onFrame && snap.state !== 'failed') {
      try {
        s.built.onFrame(snap);
      } catch (e) {
        fail(s, e);
        return;
      }
    }
    // The job may stop the next tick short (at its next evaluation).
    let limit = s.stepsPerTick;
    if (s.failure === null && s.built?.stepLimit) {
      try {
        limit = Math.max(1, Math.min(limit, Math.floor(s.built.stepLimit())));
      } catch (e) {
        fail(s, e);
        return;
      }
    }
    s.loop.setStepsPerFrame(limit);
    if (!running || snap.state !== s.lastState || now() - s.lastPost >= snapshotEvery) postSnapshot(s, snap);
  }

  /** Builds the job for the session (again, on a reset); a build that throws fails the run. */
  function build(s: Session): void {
    let alive = true;
    const tasks = new Set<() => void>();
    s.retire = () => {
      alive = false;
      for (const cancel of tasks) cancel();
      tasks.clear();
    };
    const context: JobContext<unknown, unknown> = {
      seed: s.seed,
      live,
      data: loaded,
      emit: (payload) => {
        if (alive && session === s) post({ type: 'event', generation: s.generation, payload: payload as Event });
      },
      schedule: (callback) => {
        const cancel = scheduler(() => {
          tasks.delete(cancel);
          if (!alive || session !== s) return;
          try {
            callback();
          } catch (e) {
            fail(s, e);
          }
        });
        tasks.add(cancel);
        return () => {
          tasks.delete(cancel);
          cancel();
        };
      },
    };
    try {
      s.built = job.build(s.config, context);
    } catch (e) {
      s.built = null;
      s.failure = message(e);
    }
  }

  function unbuild(s: Session): void {
    s.retire();
    const built = s.built;
    s.built = null;
    built?.dispose();
  }

  function setup(generation: number, config: unknown, seed: number, play: boolean): void {
    const maxSteps = typeof job.maxSteps === 'function' ? job.maxSteps(config) : (job.maxSteps ?? null);
    const s = { generation, config, seed, built: null, retire: () => {}, maxSteps, failure: null, lastPost: 0, lastState: null, tickCompute: 0, msPerStep: 0, stepsPerTick: 1 } as unknown as Session;
    s.losses = new LossHistory();
    s.curves = new Map((job.curves ?? []).map((name) => [name, new LossHistory()]));
    // Training ticks wait while the job is busy.
    const gate: Scheduler = (cb) => {
      let cancel = scheduler(function tick() {
        if (s.built?.busy?.()) {
          cancel = scheduler(tick);
          return;
        }
        cb();
      });
      return () => cancel();
    };
    s.loop = new TrainingLoop({
      step: (i) => {
        if (!s.built) throw new Error('the model was not built');
        const start = now();
        try {
          return s.built.step(i);
        } finally {
          s.tickCompute += now() - start;
        }
      },
      keep: () => s.built?.keep() ?? [],
      onReset: () => {
        unbuild(s);
        s.failure = null;
        s.losses.clear();
        for (const history of s.curves.values()) history.clear();
        build(s);
        if (session === s) post({ type: 'built', generation: s.generation, maxSteps: s.maxSteps });
      },
      stepsPerFrame: 1,
      maxSteps: maxSteps ?? undefined,
      finished: () => {
        if (!s.built?.finished || s.failure !== null) return false;
        try {
          return s.built.finished();
        } catch (e) {
          // The run ends here; the next snapshot shows the job's failure.
          s.failure = message(e);
          return true;
        }
      },
      divergenceFactor: job.divergenceFactor,
      scheduler: gate,
      onFrame: (snap) => onFrame(s, snap),
    });
    session = s;
    build(s);
    post({ type: 'built', generation, maxSteps });
    postSnapshot(s, s.loop.snapshot());
    if (play && s.failure === null) s.loop.play();
  }

  async function teardown(): Promise<void> {
    const s = session;
    if (!s) return;
    session = null;
    s.retire();
    await s.loop.dispose();
    unbuild(s);
  }

  /** Resolves at the first tick the job is not busy. */
  function idle(s: Session): Promise<void> {
    return new Promise((resolve) => {
      const check = () => (s.built?.busy?.() && session === s ? scheduler(check) : resolve());
      check();
    });
  }

  async function process(m: ToJob<unknown, unknown, unknown>): Promise<void> {
    if (disposed) return;
    const s = session;
    switch (m.type) {
      case 'init':
        try {
          const info = await initEngine({ prefer: m.backend, wasmPaths: opts.wasmPaths });
          engineReady = true;
          post({ type: 'ready', info: { ...info } });
        } catch (e) {
          post({ type: 'initFailed', message: message(e) });
        }
        return;
      case 'load':
        loaded = m.data;
        return;
      case 'setup':
        await teardown();
        if (!engineReady) throw new Error('the engine is not ready');
        live = m.live;
        setup(m.generation, m.config, m.seed, m.play ?? false);
        return;
      case 'set':
        live = m.live;
        if (s?.built?.setLive && s.failure === null) {
          try {
            s.built.setLive(m.live);
          } catch (e) {
            fail(s, e);
          }
        }
        return;
      case 'play':
        if (s && s.failure === null) s.loop.play();
        return;
      case 'pause':
        s?.loop.pause();
        return;
      case 'step':
        if (!s || s.failure !== null) return;
        await idle(s);
        await s.loop.stepOnce();
        return;
      case 'reset':
        await s?.loop.reset();
        return;
      case 'request':
        if (!s?.built?.request || s.failure !== null) return;
        try {
          const repaint = s.built.request(m.payload) === 'repaint';
          const snap = s.loop.snapshot();
          if (repaint && snap.state !== 'running') postSnapshot(s, snap);
        } catch (e) {
          fail(s, e);
        }
        return;
      case 'dispose':
        await teardown();
        disposed = true;
        post({ type: 'disposed', tensors: liveTensorCount() });
        return;
    }
  }

  return {
    /** Handles one message; resolves once it (and every earlier one) is done. */
    handle(m: ToJob<unknown, unknown, unknown>): Promise<void> {
      queue = queue.then(() => process(m)).catch((e: unknown) => post({ type: 'error', generation: session?.generation ?? null, message: message(e) }));
      return queue;
    },
    /** Live tensors in this core's engine. */
    tensorCount: () => liveTensorCount(),
    /** The backend this core's engine runs on. */
    backend: () => engineInfo()?.backend ?? null,
  };
}

export type TrainingCore = ReturnType<typeof createTrainingCore>;
