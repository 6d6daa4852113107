// The character model's training and sampling as a message handler: what the dedicated worker
// (src/widgets/workers/training.worker.ts) runs, written as a plain object around a `post` function
// so that Node tests drive it with the cpu backend. Everything it sends is plain data (numbers,
// strings, arrays): the page never holds an engine object of the worker's. One model at a time; a
// `setup` message replaces it, `dispose` frees it.
import { data, engineInfo, initEngine, liveTensorCount, nn, Random, TrainingLoop, type BackendName, type EngineInfo, type TrainingSnapshot } from '../../engine/index.ts';
import { configForBackend, createTrainer, MAX_TEMPERATURE, Sampler, trainStep, type CharTrainer } from './charModel.ts';

/** Weights go to the "Inside the LSTM" figure every this many steps, and whenever training stops. */
export const PUBLISH_EVERY = 20;
/** Snapshots while running are sent at most this often (ms); a change of state is sent at once. */
export const SNAPSHOT_EVERY_MS = 200;
/** Most loss points kept for the curve; older ones are thinned (every other one dropped). */
export const HISTORY_LIMIT = 400;
/** Characters generated per scheduler tick of a sample (each one LSTM step and one read-back). */
export const SAMPLE_CHUNK = 20;
export const SAMPLE_LENGTH = 200;

export type ToWorker =
  | { type: 'init'; backend?: BackendName }
  | { type: 'setup'; generation: number; text: string; hidden: number }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step' }
  | { type: 'reset' }
  | { type: 'sample'; id: number; temperature: number }
  | { type: 'dispose' };

export type FromWorker =
  | { type: 'ready'; info: EngineInfo }
  | { type: 'initFailed'; message: string }
  | { type: 'built'; generation: number; batch: number; vocab: number }
  | { type: 'snapshot'; generation: number; snapshot: TrainingSnapshot; losses: number[]; steps: number[]; tensors: number }
  | { type: 'sample'; generation: number; id: number; step: number; temperature: number; text: string; done: boolean }
  | { type: 'weights'; generation: number; chars: readonly string[]; hidden: number; weights: nn.StateDict; step: number; loss: number | null }
  | { type: 'error'; message: string }
  | { type: 'disposed'; tensors: number };

export type Scheduler = (callback: () => void) => () => void;

/** A zero-delay timeout: each tick is its own task, so messages from the page get in between. */
export const workerScheduler: Scheduler = (cb) => {
  const id = setTimeout(cb, 0);
  return () => clearTimeout(id);
};

export interface CoreOptions {
  wasmPaths?: Record<string, string>;
  scheduler?: Scheduler;
  now?: () => number;
}

interface Session {
  generation: number;
  vocab: data.CharVocab;
  ids: number[];
  holder: { trainer: CharTrainer };
  loop: TrainingLoop;
  losses: number[];
  steps: number[];
  stride: number;
  lastPost: number;
  lastPublished: number;
}

interface SampleJob {
  generation: number;
  id: number;
  step: number;
  temperature: number;
  produced: number;
  sampler: Sampler;
  cancel: (() => void) | null;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Halves the history (every other point, the last kept) once it is over the limit. */
function thin(values: number[], steps: number[]): void {
  const keep = (_: number, i: number) => i % 2 === 0 || i === values.length - 1;
  const v = values.filter(keep);
  const s = steps.filter(keep);
  values.splice(0, values.length, ...v);
  steps.splice(0, steps.length, ...s);
}

export function createCharWorkerCore(post: (m: FromWorker) => void, opts: CoreOptions = {}) {
  const scheduler = opts.scheduler ?? workerScheduler;
  const now = opts.now ?? (() => performance.now());
  let engineReady = false;
  let session: Session | null = null;
  let job: SampleJob | null = null;
  let disposed = false;
  // Messages are handled one after another (a setup waits for the old loop to let go).
  let queue: Promise<void> = Promise.resolve();

  function postSnapshot(s: Session, snap: TrainingSnapshot): void {
    s.lastPost = now();
    post({ type: 'snapshot', generation: s.generation, snapshot: { ...snap, frameLosses: snap.frameLosses.slice(), metrics: { ...snap.metrics } }, losses: s.losses.slice(), steps: s.steps.slice(), tensors: liveTensorCount() });
  }

  function publish(s: Session, snap: TrainingSnapshot): void {
    s.lastPublished = snap.step;
    const model = s.holder.trainer.model;
    post({ type: 'weights', generation: s.generation, chars: s.vocab.chars, hidden: model.hiddenSize, weights: model.stateDict(), step: snap.step, loss: snap.loss });
  }

  function onFrame(s: Session, snap: TrainingSnapshot): void {
    if (session !== s) return;
    const first = snap.step - snap.frameLosses.length + 1;
    snap.frameLosses.forEach((loss, i) => {
      const at = first + i;
      // A pause re-sends the last frame's losses: only steps past the curve's end are new.
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
    const running = snap.state === 'running';
    if (!running || now() - s.lastPost >= SNAPSHOT_EVERY_MS) postSnapshot(s, snap);
    if (snap.step > 0 && snap.state !== 'failed' && (!running || snap.step - s.lastPublished >= PUBLISH_EVERY)) {
      try {
        publish(s, snap);
      } catch (e) {
        post({ type: 'error', message: message(e) });
      }
    }
  }

  function stopSample(): void {
    const j = job;
    if (!j) return;
    job = null;
    j.cancel?.();
    j.sampler.dispose();
    post({ type: 'sample', generation: j.generation, id: j.id, step: j.step, temperature: j.temperature, text: '', done: true });
  }

  function startSample(id: number, temperature: number): void {
    stopSample();
    const s = session;
    if (!s) return;
    const t = Number.isFinite(temperature) ? Math.min(Math.max(temperature, 0), MAX_TEMPERATURE) : 1;
    let sampler: Sampler;
    try {
      sampler = new Sampler(s.holder.trainer.model, s.vocab, '\n', t, new Random(id));
    } catch (e) {
      post({ type: 'error', message: message(e) });
      return;
    }
    const j: SampleJob = { generation: s.generation, id, step: s.loop.snapshot().step, temperature: t, produced: 0, sampler, cancel: null };
    job = j;
    post({ type: 'sample', generation: j.generation, id, step: j.step, temperature: t, text: '', done: false });
    const tick = () => {
      j.cancel = null;
      if (job !== j) return;
      let chunk: string;
      try {
        chunk = sampler.next(Math.min(SAMPLE_CHUNK, SAMPLE_LENGTH - j.produced));
      } catch {
        stopSample();
        return;
      }
      j.produced += Array.from(chunk).length;
      const done = j.produced >= SAMPLE_LENGTH;
      post({ type: 'sample', generation: j.generation, id, step: j.step, temperature: t, text: chunk, done });
      if (done) {
        job = null;
        sampler.dispose();
      } else {
        j.cancel = scheduler(tick);
      }
    };
    j.cancel = scheduler(tick);
  }

  async function teardown(): Promise<void> {
    stopSample();
    const s = session;
    if (!s) return;
    session = null;
    await s.loop.dispose();
    s.holder.trainer.dispose();
  }

  function build(generation: number, text: string, hidden: number): void {
    const vocab = new data.CharVocab(text);
    const ids = vocab.encode(text);
    const config = { ...configForBackend(engineInfo()?.backend), hidden };
    const holder = { trainer: createTrainer(vocab.size, config) };
    const s = { generation, vocab, ids, holder, losses: [], steps: [], stride: 1, lastPost: 0, lastPublished: 0 } as unknown as Session;
    s.loop = new TrainingLoop({
      step: () => trainStep(holder.trainer, ids),
      keep: () => [holder.trainer.model, holder.trainer.optimizer],
      onReset: () => {
        stopSample();
        holder.trainer.dispose();
        // The same seed again: a reset replays the run from its first step, the same weights and windows.
        holder.trainer = createTrainer(vocab.size, config);
        s.losses = [];
        s.steps = [];
        s.stride = 1;
        s.lastPublished = 0;
      },
      stepsPerFrame: 1,
      scheduler,
      onFrame: (snap) => onFrame(s, snap),
    });
    session = s;
    post({ type: 'built', generation, batch: config.batch, vocab: vocab.size });
    postSnapshot(s, s.loop.snapshot());
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
      case 'setup':
        await teardown();
        if (!engineReady) throw new Error('the engine is not ready');
        build(m.generation, m.text, m.hidden);
        return;
      case 'play':
        session?.loop.play();
        return;
      case 'pause':
        session?.loop.pause();
        return;
      case 'step':
        await session?.loop.stepOnce();
        return;
      case 'reset':
        await session?.loop.reset();
        return;
      case 'sample':
        startSample(m.id, m.temperature);
        return;
      case 'dispose':
        await teardown();
        disposed = true;
        post({ type: 'disposed', tensors: liveTensorCount() });
        return;
    }
  }

  return {
    /** Handles one message from the page; resolves once it (and every earlier one) is done. */
    handle(m: ToWorker): Promise<void> {
      queue = queue.then(() => process(m)).catch((e: unknown) => post({ type: 'error', message: message(e) }));
      return queue;
    },
    /** Live tensors in this engine (the worker's own count). */
    tensorCount: () => liveTensorCount(),
  };
}
