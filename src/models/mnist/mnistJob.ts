// MNIST training as a job on the training core (../training/core.ts): one or more models trained on
// the same mini-batches (the trainer's CNN, or the CNN and the MLP side by side), each with its own
// Adam, measured on held-out digits every so many training images and whenever training stops,
// and, for the trainer, a look inside the first model at any test digit. The digits arrive once,
// by the core's `load` message; the measurements go to the page as events, each carrying the whole
// picture so far, so a page that only keeps the latest event misses nothing.
import { data, type nn, type TrainingSnapshot } from '../../engine/index.ts';
import type { MnistArrays } from '../../engine/data/mnistFormat.ts';
import type { JobDefinition } from '../training/job.ts';
import { buildCnn, buildMlp, type CnnArchitecture } from './cnnModel.ts';
import { firstLayerFilters, inspect, type Inspection } from './inspect.ts';
import { ChunkedEvaluation, MnistRun, type Evaluation, type RunOptions } from './mnistTraining.ts';

export type ModelSpec = { name: string; kind: 'cnn'; architecture: CnnArchitecture } | { name: string; kind: 'mlp'; hidden: number };

export interface MnistSpec {
  /** Trained on the same batches; the first gives the loss curve (and, a CNN, its insides). */
  models: ModelSpec[];
  /** Batch size and learning rate; the run's seed is the job's. */
  run: Omit<RunOptions, 'seed'>;
  /** Training stops (pauses) after this many images. */
  maxSamples: number;
  /** Evaluate every this many training images, and whenever training stops. */
  evalEvery: number;
  /** Also measure accuracy on this many training images (0: no training accuracy). */
  trainEval: number;
  /** Send the first model's filters, feature maps and state dict (it must be a CNN). */
  lookInside: boolean;
}

/** The test digit whose feature maps the page shows (0-based); changing it rebuilds nothing. */
export interface MnistLive {
  digit: number;
}

/** Both splits as plain arrays, as the page delivers them once. */
export interface MnistDigits {
  train: MnistArrays;
  test: MnistArrays;
}

export interface ModelEvaluation {
  test: Evaluation;
  /** Accuracy on the first `trainEval` training images, or null when not measured. */
  trainAccuracy: number | null;
}

/** One evaluation, as the accuracy curves need it. */
export interface EvaluationPoint {
  samples: number;
  seconds: number;
  test: number[];
  train: (number | null)[];
  testLoss: number[];
}

/** The latest evaluation in full. */
export interface LatestEvaluation {
  samples: number;
  seconds: number;
  models: ModelEvaluation[];
  /** The first model's first-layer filters and state dict, when `lookInside`. */
  filters: Float32Array[] | null;
  state: nn.StateDict | null;
}

/** What the job has measured so far, sent whole whenever any of it changes. */
export interface MnistEvent {
  /** The images of an evaluation under way (training waits for it), or null. */
  evaluating: number | null;
  history: EvaluationPoint[];
  latest: LatestEvaluation | null;
  inspection: { digit: number; inspection: Inspection } | null;
}

/** The page's training clock: seconds spent running. */
export interface MnistView {
  seconds: number;
}

/** Test (and training) images evaluated per slice; each slice is its own tick. */
export const EVAL_SLICE = 250;

/** The built splits of a delivered data set, made once however often the model is rebuilt. */
const splits = new WeakMap<MnistDigits, data.Mnist>();
function mnistOf(digits: unknown): data.Mnist {
  const d = digits as MnistDigits | undefined;
  if (!d?.train || !d.test) throw new Error('the MNIST digits have not arrived');
  let m = splits.get(d);
  if (!m) splits.set(d, (m = { train: new data.MnistSplit(d.train), test: new data.MnistSplit(d.test) }));
  return m;
}

export const mnistJob: JobDefinition<MnistSpec, MnistLive, MnistView, MnistEvent, never> = {
  name: 'mnist',
  maxSteps: (spec) => Math.ceil(spec.maxSamples / spec.run.batchSize),
  build(spec, { seed, live, data: digits, emit, schedule }) {
    if (spec.models.length === 0) throw new Error('no model to train');
    const mnist = mnistOf(digits);
    const run: RunOptions = { ...spec.run, seed };
    const models = spec.models.map((m) => (m.kind === 'cnn' ? buildCnn(m.architecture, seed) : buildMlp(m.hidden, seed)));
    const runs = models.map((m) => new MnistRun(m, mnist.train, run));
    const first = spec.lookInside && spec.models[0].kind === 'cnn' ? spec.models[0].architecture : null;
    const state: MnistEvent = { evaluating: null, history: [], latest: null, inspection: null };
    let digit = live.digit;
    let seconds = 0;
    let since: number | null = null;
    let lastState: TrainingSnapshot['state'] = 'paused';
    let lastEval = -1;
    let cancelEval: (() => void) | null = null;
    let cancelInspect: (() => void) | null = null;
    const samples = () => runs[0].samplesSeen;
    const clock = () => seconds + (since !== null ? (performance.now() - since) / 1000 : 0);
    const send = () => emit({ ...state, history: state.history.slice() });

    function inspectDigit(): void {
      cancelInspect?.();
      cancelInspect = null;
      if (!first) return;
      const d = Math.min(Math.max(0, Math.floor(digit)), mnist.test.count - 1);
      state.inspection = { digit: d, inspection: inspect(models[0], first, mnist.test.image(d)) };
      send();
    }

    function maybeEvaluate(): void {
      const seen = samples();
      if (seen === 0 || state.evaluating !== null || seen === lastEval) return;
      if (lastEval < 0 || Math.floor(seen / spec.evalEvery) > Math.floor(lastEval / spec.evalEvery) || lastState !== 'running') evaluate();
    }

    /** Evaluates every model in slices, one per tick; training waits (`busy`) so the weights hold still. */
    function evaluate(): void {
      const at = samples();
      const took = clock();
      const test = models.map((m) => new ChunkedEvaluation(m, mnist.test));
      const train = models.map((m) => (spec.trainEval > 0 ? new ChunkedEvaluation(m, mnist.train, spec.trainEval) : null));
      const results: (ModelEvaluation | null)[] = models.map(() => null);
      lastEval = at;
      state.evaluating = at;
      send();
      const slice = () => {
        const i = results.findIndex((r) => r === null);
        const t = test[i].advance(EVAL_SLICE);
        const tr = t ? (train[i]?.advance(EVAL_SLICE) ?? null) : null;
        if (t && (tr || !train[i])) results[i] = { test: t, trainAccuracy: tr ? tr.accuracy : null };
        if (results.some((r) => r === null)) {
          cancelEval = schedule(slice);
          return;
        }
        cancelEval = null;
        const done = results as ModelEvaluation[];
        state.evaluating = null;
        state.latest = { samples: at, seconds: took, models: done, filters: first ? firstLayerFilters(models[0], first) : null, state: first ? models[0].stateDict() : null };
        state.history = [...state.history.filter((p) => p.samples < at), { samples: at, seconds: took, test: done.map((e) => e.test.accuracy), train: done.map((e) => e.trainAccuracy), testLoss: done.map((e) => e.test.loss) }];
        if (first) inspectDigit();
        else send();
        // Training may have stopped while this one ran: measure where it stopped.
        maybeEvaluate();
      };
      cancelEval = schedule(slice);
    }

    // The first look inside, once the page has heard that the model is built.
    cancelInspect = schedule(inspectDigit);
    return {
      step() {
        const out = runs.map((r) => r.step().loss);
        const metrics: Record<string, (typeof out)[number]> = {};
        out.forEach((loss, i) => {
          if (i > 0) metrics[`${spec.models[i].name}Loss`] = loss;
        });
        return { loss: out[0], ...metrics };
      },
      keep: () => [...models, ...runs.map((r) => r.optimizer)],
      setLive(next) {
        digit = next.digit;
        // Between two ticks, never inside an evaluation's slices.
        if (first && !cancelInspect) cancelInspect = schedule(inspectDigit);
      },
      onFrame(snap) {
        const running = snap.state === 'running';
        if (running && since === null) since = performance.now();
        if (!running && since !== null) {
          seconds += (performance.now() - since) / 1000;
          since = null;
        }
        lastState = snap.state;
        if (snap.state !== 'failed' && snap.state !== 'diverged') maybeEvaluate();
      },
      view: () => ({ seconds: clock() }),
      // A tick stops at the next multiple of evalEvery, so the accuracy is measured there.
      stepLimit: () => Math.ceil(((Math.floor(samples() / spec.evalEvery) + 1) * spec.evalEvery - samples()) / spec.run.batchSize),
      busy: () => state.evaluating !== null,
      dispose() {
        cancelEval?.();
        cancelInspect?.();
        for (const r of runs) r.dispose();
        for (const m of models) m.dispose();
      },
    };
  },
};
