// MNIST training as a job on the training core (../training/core.ts): one or more models trained on
// the same mini-batches (the trainer's CNN, the CNN and the MLP side by side, or one network under
// several optimisers), each with its own optimiser (Adam unless told otherwise) and an optional
// learning-rate schedule, measured on held-out digits every so many training images and whenever
// training stops, and, for the trainer, a look inside the first model at any test digit. The
// digits arrive once, by the core's `load` message; the measurements go to the page as events,
// each carrying the whole picture so far, so a page that only keeps the latest event misses nothing.
import { data, mean, stack, type nn, type Tensor, type TrainingSnapshot } from '../../engine/index.ts';
import type { MnistArrays } from '../../engine/data/mnistFormat.ts';
import type { JobDefinition } from '../training/job.ts';
import type { OptimizerSpec } from '../training/optimizerChoice.ts';
import { RunWatch, type WatchedRun } from '../training/runWatch.ts';
import { scheduleFactor, type RunSchedule } from '../training/runSchedule.ts';
import { buildCnn, buildMlp, type CnnArchitecture } from './cnnModel.ts';
import { firstLayerFilters, inspect, type Inspection } from './inspect.ts';
import { ChunkedEvaluation, MnistRun, type Evaluation, type RunOptions } from './mnistTraining.ts';

/** A model and, optionally, its optimiser (default: Adam at the run's learning rate). */
export type ModelSpec = ({ name: string; kind: 'cnn'; architecture: CnnArchitecture } | { name: string; kind: 'mlp'; hidden: number }) & { optimizer?: OptimizerSpec };

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
  /** Each model's rate is its base rate times this schedule's factor at each step (default constant). */
  lrSchedule?: RunSchedule;
  /** Measure accuracy on the first this many test digits (default: all of them). */
  evalDigits?: number;
  /**
   * Early points for the curves: also measure at these image counts (below `evalEvery`), on the
   * first `digits` test digits only, so a curve has points in the first seconds of training. They
   * add to the history (the curves) and leave `latest` (the full measurement) as it was.
   */
  early?: { at: readonly number[]; digits: number };
  /**
   * A race: every model's loss is read back after each of its steps, so the page gets each one's
   * smoothed curve and time per step, and a model whose loss diverges stops while the others go
   * on; all are measured before the first step too.
   */
  race?: boolean;
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
  /** The test digits measured (fewer for an early point). */
  digits: number;
  /** One entry per model (so in train and testLoss); a model that diverged keeps its last measurement. */
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
  /** In a race, each model as watched step by step; null otherwise. */
  runs: WatchedRun[] | null;
}

/** Test (and training) images evaluated per slice; each slice is its own tick. */
export const EVAL_SLICE = 250;

/** How many measuring points lie at or below `samples`: the early ones, then every `every` images. */
export function checkpointsUpTo(samples: number, every: number, early: readonly number[] = []): number {
  return early.filter((at) => at < every && at <= samples).length + Math.floor(samples / every);
}

/** The next measuring point after `samples`. */
export function nextCheckpoint(samples: number, every: number, early: readonly number[] = []): number {
  const regular = (Math.floor(samples / every) + 1) * every;
  return Math.min(regular, ...early.filter((at) => at < every && at > samples));
}

/** The built splits of a delivered data set, made once however often the model is rebuilt. */
const splits = new WeakMap<MnistDigits, data.Mnist>();
export function mnistOf(digits: unknown): data.Mnist {
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
    const models = spec.models.map((m) => (m.kind === 'cnn' ? buildCnn(m.architecture, seed) : buildMlp(m.hidden, seed)));
    const runs = models.map((m, k) => new MnistRun(m, mnist.train, { ...spec.run, seed, optimizer: spec.models[k].optimizer }));
    const totalSteps = Math.ceil(spec.maxSamples / spec.run.batchSize);
    const watches = spec.race ? models.map(() => new RunWatch()) : null;
    /** Whether model k still trains: every model does, except one that diverged in a race. */
    const training = (k: number) => !watches?.[k].stop;
    const first = spec.lookInside && spec.models[0].kind === 'cnn' ? spec.models[0].architecture : null;
    const state: MnistEvent = { evaluating: null, history: [], latest: null, inspection: null };
    let digit = live.digit;
    let seen = 0;
    let seconds = 0;
    let since: number | null = null;
    let lastState: TrainingSnapshot['state'] = 'paused';
    let lastEval = -1;
    let cancelEval: (() => void) | null = null;
    let cancelInspect: (() => void) | null = null;
    const samples = () => seen;
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
      const due = checkpointsUpTo(seen, spec.evalEvery, spec.early?.at) > checkpointsUpTo(lastEval, spec.evalEvery, spec.early?.at);
      if (lastEval < 0 || due || lastState !== 'running') evaluate();
    }

    /**
     * Evaluates every model in slices, one per tick; training waits (`busy`) so the weights hold
     * still. A model that has stopped keeps its last measurement.
     */
    function evaluate(): void {
      const at = samples();
      const took = clock();
      // Before the first regular point, while training runs: an early point, on a few digits.
      const early = spec.early && at < spec.evalEvery && lastState === 'running' && !watches ? spec.early : null;
      const digits = early ? early.digits : spec.evalDigits;
      const test = models.map((m, k) => (training(k) ? new ChunkedEvaluation(m, mnist.test, digits) : null));
      const train = models.map((m, k) => (training(k) && spec.trainEval > 0 ? new ChunkedEvaluation(m, mnist.train, early ? Math.min(spec.trainEval, early.digits) : spec.trainEval) : null));
      const results: (ModelEvaluation | null)[] = models.map((_, k) => (test[k] ? null : state.latest!.models[k]));
      lastEval = at;
      state.evaluating = at;
      send();
      const slice = () => {
        const i = results.findIndex((r) => r === null);
        const t = test[i]!.advance(EVAL_SLICE);
        const tr = t ? (train[i]?.advance(EVAL_SLICE) ?? null) : null;
        if (t && (tr || !train[i])) results[i] = { test: t, trainAccuracy: tr ? tr.accuracy : null };
        if (results.some((r) => r === null)) {
          cancelEval = schedule(slice);
          return;
        }
        cancelEval = null;
        const done = results as ModelEvaluation[];
        state.evaluating = null;
        if (!early) state.latest = { samples: at, seconds: took, models: done, filters: first ? firstLayerFilters(models[0], first) : null, state: first ? models[0].stateDict() : null };
        const point = { samples: at, seconds: took, digits: done[0].test.count, test: done.map((e) => e.test.accuracy), train: done.map((e) => e.trainAccuracy), testLoss: done.map((e) => e.test.loss) };
        state.history = [...state.history.filter((p) => p.samples < at), point];
        if (first && !early) inspectDigit();
        else send();
        // Training may have stopped while this one ran: measure where it stopped.
        maybeEvaluate();
      };
      cancelEval = schedule(slice);
    }

    /** A race's step: each model in turn, its loss read back and its time taken; one that diverges stops here. */
    function raceStep(step: number, watches: RunWatch[]): Tensor {
      const going: Tensor[] = [];
      let last: Tensor | null = null;
      for (let k = 0; k < runs.length; k++) {
        if (!training(k)) continue;
        const start = performance.now();
        last = runs[k].step().loss;
        if (watches[k].record(step, last.item(), performance.now() - start)) going.push(last);
        else {
          // Its weights are of no more use (and may not be finite): freed now, and not carried.
          runs[k].dispose();
          models[k].dispose();
        }
      }
      // The loop judges the mean of the models still training; once none is, the last one's loss,
      // on which the loop stops as the watch did (or, failing that, `finished` ends the run).
      if (going.length > 0) return mean(stack(going));
      if (last) return last;
      throw new Error('every model has diverged');
    }

    // The first look inside, once the page has heard that the model is built.
    cancelInspect = schedule(inspectDigit);
    if (watches) {
      // A race is measured before its first step: training waits for it from now.
      state.evaluating = 0;
      cancelEval = schedule(evaluate);
    }
    return {
      step(i) {
        const factor = scheduleFactor(spec.lrSchedule ?? 'constant', i, totalSteps);
        runs.forEach((r) => (r.optimizer.lr = r.baseLr * factor));
        seen += spec.run.batchSize;
        if (watches) return { loss: raceStep(i + 1, watches) };
        const out = runs.map((r) => r.step().loss);
        const metrics: Record<string, Tensor> = {};
        out.forEach((loss, k) => {
          if (k > 0) metrics[`${spec.models[k].name}Loss`] = loss;
        });
        return { loss: out[0], ...metrics };
      },
      keep: () => runs.flatMap((r, k) => (training(k) ? [models[k], r.optimizer] : [])),
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
      view: () => ({ seconds: clock(), runs: watches?.map((w) => w.view()) ?? null }),
      // A tick stops at the next measuring point, so the accuracy is measured there.
      stepLimit: () => Math.ceil((nextCheckpoint(samples(), spec.evalEvery, watches ? [] : spec.early?.at) - samples()) / spec.run.batchSize),
      busy: () => state.evaluating !== null,
      // A race ends when every model has diverged.
      finished: () => watches !== null && watches.every((w) => w.stop !== null),
      dispose() {
        cancelEval?.();
        cancelInspect?.();
        runs.forEach((r, k) => {
          if (!training(k)) return;
          r.dispose();
          models[k].dispose();
        });
      },
    };
  },
};
