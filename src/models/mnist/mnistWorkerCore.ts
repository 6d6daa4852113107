// MNIST training as a message handler: what the dedicated worker
// (src/widgets/workers/training.worker.ts) runs, and what the page runs itself where no worker can
// start. It holds the data, one session of models trained on the same mini-batches (the trainer's
// CNN, or the CNN and the MLP side by side), their Adam optimisers, the evaluation on held-out
// digits and the look inside the first model. Everything it sends is plain data (numbers, arrays, a
// state dict), so the page never holds an engine object of the worker's, and Node tests drive it
// with the cpu backend.
import { data, engineInfo, initEngine, liveTensorCount, TrainingLoop, type BackendName, type EngineInfo, type nn, type TrainingSnapshot } from '../../engine/index.ts';
import type { MnistArrays } from '../../engine/data/mnistFormat.ts';
import { buildCnn, buildMlp, type CnnArchitecture } from './cnnModel.ts';
import { firstLayerFilters, inspect, type Inspection } from './inspect.ts';
import { ChunkedEvaluation, MnistRun, type Evaluation, type RunOptions } from './mnistTraining.ts';

export type ModelSpec = { name: string; kind: 'cnn'; architecture: CnnArchitecture } | { name: string; kind: 'mlp'; hidden: number };

export interface SessionSpec {
  /** Trained on the same batches; the first gives the loss curve (and, a CNN, its insides). */
  models: ModelSpec[];
  run: RunOptions;
  /** Training stops (pauses) after this many images. */
  maxSamples: number;
  /** Evaluate every this many training images, and whenever training stops. */
  evalEvery: number;
  /** Also measure accuracy on this many training images (0: no training accuracy). */
  trainEval: number;
  /** Send the first model's filters, feature maps and state dict (it must be a CNN). */
  lookInside: boolean;
}

export type ToWorker =
  | { type: 'init'; backend?: BackendName }
  | { type: 'data'; train: MnistArrays; test: MnistArrays }
  | { type: 'setup'; generation: number; spec: SessionSpec; digit: number }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step' }
  | { type: 'reset' }
  | { type: 'inspect'; digit: number }
  | { type: 'dispose' };

export interface ModelEvaluation {
  test: Evaluation;
  /** Accuracy on the first `trainEval` training images, or null when not measured. */
  trainAccuracy: number | null;
}

export type FromWorker =
  | { type: 'ready'; info: EngineInfo }
  | { type: 'initFailed'; message: string }
  /** A fresh model (after a setup or a reset): the page clears its curves and pictures. */
  | { type: 'built'; generation: number; parameters: number[] }
  | { type: 'snapshot'; generation: number; snapshot: TrainingSnapshot; losses: number[]; steps: number[]; samples: number; seconds: number; stepsPerTick: number; tensors: number }
  | { type: 'evaluating'; generation: number; samples: number }
  | { type: 'evaluation'; generation: number; samples: number; seconds: number; models: ModelEvaluation[]; filters: Float32Array[] | null; state: nn.StateDict | null }
  | { type: 'inspection'; generation: number; digit: number; inspection: Inspection }
  | { type: 'error'; message: string }
  | { type: 'disposed'; tensors: number };

export type Scheduler = (callback: () => void) => () => void;

/** A zero-delay timeout: each tick is its own task, so messages from the page get in between. */
export const workerScheduler: Scheduler = (cb) => {
  const id = setTimeout(cb, 0);
  return () => clearTimeout(id);
};

/** Most loss points kept for the curve; older ones are thinned (every other one dropped). */
export const HISTORY_LIMIT = 400;
/** Snapshots while running are sent at most this often (ms); a change of state is sent at once. */
export const SNAPSHOT_EVERY_MS = 100;
/** Test (and training) images evaluated per slice; each slice is its own task. */
export const EVAL_SLICE = 250;
export const MAX_STEPS_PER_TICK = 16;

export interface CoreOptions {
  wasmPaths?: Record<string, string>;
  scheduler?: Scheduler;
  now?: () => number;
  /**
   * Training time aimed at per tick (ms). In a worker a tick may be long (the page is not
   * waiting); on the page's main thread it must leave the frame room to answer input.
   */
  tickBudgetMs?: number;
}

interface EvaluationJob {
  samples: number;
  seconds: number;
  test: ChunkedEvaluation[];
  train: (ChunkedEvaluation | null)[];
  results: (ModelEvaluation | null)[];
  cancel: (() => void) | null;
  done: Promise<void>;
  finish: () => void;
}

interface Session {
  generation: number;
  spec: SessionSpec;
  models: nn.Sequential[];
  runs: MnistRun[];
  loop: TrainingLoop;
  losses: number[];
  steps: number[];
  stride: number;
  lastPost: number;
  lastEval: number;
  evaluation: EvaluationJob | null;
  /** Training seconds before the current stretch of running, and when that stretch began. */
  seconds: number;
  since: number | null;
  tickStart: number;
  msPerStep: number;
  stepsPerTick: number;
  digit: number;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

function thin(values: number[], steps: number[]): void {
  const keep = (_: number, i: number) => i % 2 === 0 || i === values.length - 1;
  const v = values.filter(keep);
  const s = steps.filter(keep);
  values.splice(0, values.length, ...v);
  steps.splice(0, steps.length, ...s);
}

function buildModel(spec: ModelSpec, seed: number): nn.Sequential {
  return spec.kind === 'cnn' ? buildCnn(spec.architecture, seed) : buildMlp(spec.hidden, seed);
}

export function createMnistWorkerCore(post: (m: FromWorker) => void, opts: CoreOptions = {}) {
  const scheduler = opts.scheduler ?? workerScheduler;
  const now = opts.now ?? (() => performance.now());
  const budget = opts.tickBudgetMs ?? 40;
  let engineReady = false;
  let mnist: data.Mnist | null = null;
  let session: Session | null = null;
  let disposed = false;
  let queue: Promise<void> = Promise.resolve();

  const seconds = (s: Session) => s.seconds + (s.since !== null ? (now() - s.since) / 1000 : 0);
  const samples = (s: Session) => s.runs[0]?.samplesSeen ?? 0;

  function postSnapshot(s: Session, snap: TrainingSnapshot): void {
    s.lastPost = now();
    post({
      type: 'snapshot',
      generation: s.generation,
      snapshot: { ...snap, frameLosses: snap.frameLosses.slice(), metrics: { ...snap.metrics } },
      losses: s.losses.slice(),
      steps: s.steps.slice(),
      samples: samples(s),
      seconds: seconds(s),
      stepsPerTick: s.stepsPerTick,
      tensors: liveTensorCount(),
    });
  }

  function postInspection(s: Session): void {
    if (!s.spec.lookInside || !mnist || s.spec.models[0]?.kind !== 'cnn') return;
    const arch = s.spec.models[0].architecture;
    const digit = Math.min(Math.max(0, Math.floor(s.digit)), mnist.test.count - 1);
    try {
      post({ type: 'inspection', generation: s.generation, digit, inspection: inspect(s.models[0], arch, mnist.test.image(digit)) });
    } catch (e) {
      post({ type: 'error', message: message(e) });
    }
  }

  /** The clock runs while the loop runs. */
  function clock(s: Session, running: boolean): void {
    if (running && s.since === null) s.since = now();
    if (!running && s.since !== null) {
      s.seconds += (now() - s.since) / 1000;
      s.since = null;
    }
  }

  function onFrame(s: Session, snap: TrainingSnapshot): void {
    if (session !== s) return;
    const running = snap.state === 'running';
    // Steps per tick from the measured time of the last tick (its steps and read-back).
    const n = snap.frameLosses.length;
    if (running && n > 0 && s.tickStart > 0) {
      const per = (now() - s.tickStart) / n;
      s.msPerStep = s.msPerStep === 0 ? per : 0.8 * s.msPerStep + 0.2 * per;
      s.stepsPerTick = Math.max(1, Math.min(MAX_STEPS_PER_TICK, Math.floor(budget / Math.max(s.msPerStep, 0.1))));
    }
    // A tick stops at the next multiple of evalEvery, so the accuracy is measured there.
    const toNext = Math.ceil(((Math.floor(samples(s) / s.spec.evalEvery) + 1) * s.spec.evalEvery - samples(s)) / s.spec.run.batchSize);
    s.loop.setStepsPerFrame(Math.max(1, Math.min(s.stepsPerTick, toNext)));
    s.tickStart = 0;
    const first = snap.step - n + 1;
    snap.frameLosses.forEach((loss, i) => {
      const at = first + i;
      const fresh = s.steps.length === 0 || at > s.steps[s.steps.length - 1];
      if (fresh && (at % s.stride === 0 || s.losses.length === 0)) {
        s.losses.push(loss);
        s.steps.push(at);
      }
    });
    if (s.losses.length > HISTORY_LIMIT) {
      thin(s.losses, s.steps);
      s.stride *= 2;
    }
    clock(s, running);
    if (!running || now() - s.lastPost >= SNAPSHOT_EVERY_MS) postSnapshot(s, snap);
    if (snap.state !== 'failed' && snap.state !== 'diverged') maybeEvaluate(s, running);
  }

  function maybeEvaluate(s: Session, running: boolean): void {
    const seen = samples(s);
    if (seen === 0 || s.evaluation || seen === s.lastEval) return;
    const every = s.spec.evalEvery;
    if (s.lastEval < 0 || Math.floor(seen / every) > Math.floor(s.lastEval / every) || !running) startEvaluation(s);
  }

  /** Evaluates every model in slices; training waits (see `gate`) so the weights hold still. */
  function startEvaluation(s: Session): void {
    if (!mnist) return;
    const test = mnist.test;
    const train = mnist.train;
    let finish = () => {};
    const done = new Promise<void>((r) => (finish = r));
    const job: EvaluationJob = {
      samples: samples(s),
      seconds: seconds(s),
      test: s.models.map((m) => new ChunkedEvaluation(m, test)),
      train: s.models.map((m) => (s.spec.trainEval > 0 ? new ChunkedEvaluation(m, train, s.spec.trainEval) : null)),
      results: s.models.map(() => null),
      cancel: null,
      done,
      finish,
    };
    s.lastEval = job.samples;
    s.evaluation = job;
    post({ type: 'evaluating', generation: s.generation, samples: job.samples });
    const end = () => {
      if (s.evaluation === job) s.evaluation = null;
      job.finish();
    };
    const slice = () => {
      job.cancel = null;
      if (session !== s || s.evaluation !== job) return end();
      try {
        const i = job.results.findIndex((r) => r === null);
        const t = job.test[i].advance(EVAL_SLICE);
        const tr = t ? (job.train[i]?.advance(EVAL_SLICE) ?? null) : null;
        if (t && (tr || !job.train[i])) job.results[i] = { test: t, trainAccuracy: tr ? tr.accuracy : null };
        if (job.results.some((r) => r === null)) {
          job.cancel = scheduler(slice);
          return;
        }
        const first = s.spec.lookInside && s.spec.models[0].kind === 'cnn' ? s.spec.models[0].architecture : null;
        post({
          type: 'evaluation',
          generation: s.generation,
          samples: job.samples,
          seconds: job.seconds,
          models: job.results as ModelEvaluation[],
          filters: first ? firstLayerFilters(s.models[0], first) : null,
          state: first ? s.models[0].stateDict() : null,
        });
        end();
        postInspection(s);
        // Training may have stopped while this one ran: measure where it stopped.
        maybeEvaluate(s, s.loop.snapshot().state === 'running');
      } catch (e) {
        end();
        post({ type: 'error', message: message(e) });
      }
    };
    job.cancel = scheduler(slice);
  }

  function cancelEvaluation(s: Session): void {
    const job = s.evaluation;
    if (!job) return;
    s.evaluation = null;
    job.cancel?.();
    job.finish();
  }

  function freeModels(s: Session): void {
    for (const r of s.runs) r.dispose();
    for (const m of s.models) m.dispose();
  }

  function makeModels(s: Session): void {
    s.models = s.spec.models.map((m) => buildModel(m, s.spec.run.seed));
    s.runs = s.models.map((m) => new MnistRun(m, mnist!.train, s.spec.run));
  }

  function announce(s: Session): void {
    post({ type: 'built', generation: s.generation, parameters: s.models.map((m) => m.numParameters()) });
    postSnapshot(s, s.loop.snapshot());
    postInspection(s);
  }

  async function teardown(): Promise<void> {
    const s = session;
    if (!s) return;
    session = null;
    cancelEvaluation(s);
    await s.loop.dispose();
    freeModels(s);
  }

  function build(generation: number, spec: SessionSpec, digit: number): void {
    if (!mnist) throw new Error('the MNIST digits have not arrived');
    if (spec.models.length === 0) throw new Error('no model to train');
    const s = { generation, spec, models: [], runs: [], losses: [], steps: [], stride: 1, lastPost: 0, lastEval: -1, evaluation: null, seconds: 0, since: null, tickStart: 0, msPerStep: 0, stepsPerTick: 1, digit } as unknown as Session;
    makeModels(s);
    // Training ticks wait while an evaluation is under way, and time themselves.
    const gate: Scheduler = (cb) => {
      let cancel = scheduler(function tick() {
        if (s.evaluation) {
          cancel = scheduler(tick);
          return;
        }
        s.tickStart = now();
        cb();
      });
      return () => cancel();
    };
    s.loop = new TrainingLoop({
      step: () => {
        const out = s.runs.map((r) => r.step().loss);
        const metrics: Record<string, (typeof out)[number]> = {};
        out.forEach((loss, i) => {
          if (i > 0) metrics[`${spec.models[i].name}Loss`] = loss;
        });
        return { loss: out[0], ...metrics };
      },
      keep: () => [...s.models, ...s.runs.map((r) => r.optimizer)],
      onReset: () => {
        cancelEvaluation(s);
        freeModels(s);
        makeModels(s);
        Object.assign(s, { losses: [], steps: [], stride: 1, lastEval: -1, seconds: 0, since: null });
      },
      stepsPerFrame: 1,
      maxSteps: Math.ceil(spec.maxSamples / spec.run.batchSize),
      scheduler: gate,
      onFrame: (snap) => onFrame(s, snap),
    });
    session = s;
    announce(s);
  }

  async function process(m: ToWorker): Promise<void> {
    if (disposed) return;
    switch (m.type) {
      case 'init': {
        try {
          const info = await initEngine({ prefer: m.backend, wasmPaths: opts.wasmPaths });
          engineReady = true;
          post({ type: 'ready', info: { ...info } });
        } catch (e) {
          post({ type: 'initFailed', message: message(e) });
        }
        return;
      }
      case 'data':
        mnist = { train: new data.MnistSplit(m.train), test: new data.MnistSplit(m.test) };
        return;
      case 'setup':
        await teardown();
        if (!engineReady) throw new Error('the engine is not ready');
        build(m.generation, m.spec, m.digit);
        return;
      case 'play':
        if (session && session.loop.snapshot().state === 'paused') session.since ??= now();
        session?.loop.play();
        return;
      case 'pause':
        session?.loop.pause();
        return;
      case 'step': {
        const s = session;
        if (!s) return;
        await s.evaluation?.done;
        await s.loop.stepOnce();
        return;
      }
      case 'reset': {
        const s = session;
        if (!s) return;
        await s.loop.reset();
        if (session === s) announce(s);
        return;
      }
      case 'inspect':
        if (session) {
          session.digit = m.digit;
          postInspection(session);
        }
        return;
      case 'dispose':
        await teardown();
        mnist = null;
        disposed = true;
        post({ type: 'disposed', tensors: liveTensorCount() });
        return;
    }
  }

  return {
    /** Handles one message; resolves once it (and every earlier one) is done. */
    handle(m: ToWorker): Promise<void> {
      queue = queue.then(() => process(m)).catch((e: unknown) => post({ type: 'error', message: message(e) }));
      return queue;
    },
    /** Live tensors in this core's engine. */
    tensorCount: () => liveTensorCount(),
    /** The backend this core's engine runs on. */
    backend: () => engineInfo()?.backend ?? null,
  };
}
