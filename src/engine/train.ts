// A training loop made for widgets: play, pause, single step and reset; several steps per
// animation frame, each inside `tidy`; one read-back per frame (reading after every op would stall
// the GPU pipeline); steps per second; divergence reported as a state, never as NaN on screen; and
// carried across a change of backend (WebGL context loss) from the last values read back.
//
// It runs in Node as well as in the browser: the scheduler is injectable.
import * as tf from '@tensorflow/tfjs-core';
import { backendLost, backendMove, backendSettled, CONTEXT_LOST, engineInfo, reportBackendLost, webglContextLost } from './backend';
import { watchBackend } from './backendWatch';
import { describeStop, judgeLosses, type LoopStop } from './loopStop';
import { CarriedState, registerResident, type StateDictHolder } from './residents';
import { defaultScheduler, type Scheduler } from './scheduler';
import { Tensor, tidy } from './tensor';

export { defaultScheduler, timeoutScheduler, type Scheduler } from './scheduler';

/** What one training step returns: the loss and any other scalar metrics, as engine Tensors. */
export type StepResult = { loss: Tensor } & Record<string, Tensor>;

export type LoopState = 'paused' | 'running' | 'diverged' | 'failed';

export interface TrainingSnapshot {
  state: LoopState;
  /** Steps completed since the last reset (and read back). */
  step: number;
  /** Loss of the last step read back; null before the first step. Always finite. */
  loss: number | null;
  /** Loss of every step of the last frame, in order: the points a loss curve appends. */
  frameLosses: number[];
  /** The other metrics of the frame's last step (finite values only). */
  metrics: Record<string, number>;
  /** Steps per wall-clock second over the last second or so of running; 0 when paused. */
  stepsPerSecond: number;
  /** Why the run stopped, when `state` is 'diverged' or 'failed': a code and its numbers. */
  stop: LoopStop | null;
  /**
   * `stop` in developer-facing English (`describeStop`). Widgets should phrase `stop` from their
   * strings catalogue instead; this stays until every widget does.
   */
  reason: string | null;
  /** The backend the last frame ran on. */
  backend: string;
}

export interface TrainingLoopOptions {
  /** One training step (forward, backward, optimiser update); runs inside `tidy`. */
  step: (stepIndex: number) => StepResult;
  /** Steps run between two read-backs. */
  stepsPerFrame?: number;
  onFrame?: (snapshot: TrainingSnapshot) => void;
  /** Defaults to requestAnimationFrame where it exists, else a zero-delay timeout. */
  scheduler?: Scheduler;
  /**
   * What must survive a change of backend: models and optimisers (anything with stateDict /
   * loadStateDict) and engine Tensors kept between steps (a data set uploaded once). Called at
   * each read-back, so a reset may swap the model.
   */
  keep?: () => (StateDictHolder | Tensor)[];
  /** Called by `reset()`, before the counters are cleared: re-initialise the model here. */
  onReset?: () => void;
  /**
   * Divergence: the loss is NaN or infinite, or above `factor` times the first loss read back
   * (default 1e4; Infinity turns the check off).
   */
  divergenceFactor?: number;
  /** Stop (pause) after this many steps. */
  maxSteps?: number;
  /**
   * Asked before every step: true ends the run there, as `maxSteps` does (a fit that has settled),
   * whatever the steps per frame, so the same run stops at the same step.
   */
  finished?: () => boolean;
}

export class TrainingLoop {
  private readonly opts: TrainingLoopOptions;
  private readonly scheduler: Scheduler;
  private state: LoopState = 'paused';
  private stepCount = 0;
  private lastLoss: number | null = null;
  private firstLoss: number | null = null;
  private frameLosses: number[] = [];
  private metrics: Record<string, number> = {};
  private stop: LoopStop | null = null;
  private stepsPerFrame: number;
  private cancelFrame: (() => void) | null = null;
  private frameRunning: Promise<void> | null = null;
  /** Bumped by reset/dispose: a frame started before it drops its results. */
  private generation = 0;
  private rate: { time: number; steps: number }[] = [];
  private readonly carrier: CarriedState;
  private readonly unregister: () => void;
  private disposed = false;

  constructor(opts: TrainingLoopOptions) {
    this.opts = opts;
    this.scheduler = opts.scheduler ?? defaultScheduler();
    this.stepsPerFrame = checkStepsPerFrame(opts.stepsPerFrame ?? 1);
    this.carrier = new CarriedState(opts.keep ?? (() => []));
    this.unregister = registerResident(this.carrier);
  }

  /** Starts (or resumes) training, one frame per scheduler tick. */
  play(): void {
    if (this.disposed || this.state === 'running' || this.state === 'diverged' || this.state === 'failed') return;
    this.state = 'running';
    this.rate = [];
    this.schedule();
    this.emit();
  }

  pause(): void {
    if (this.state !== 'running') return;
    this.state = 'paused';
    this.cancelFrame?.();
    this.cancelFrame = null;
    this.emit();
  }

  /** Runs one step and its read-back while paused; resolves when the snapshot has been sent. */
  async stepOnce(): Promise<void> {
    if (this.disposed || this.state !== 'paused') return;
    if (this.frameRunning) await this.frameRunning;
    await this.runFrame(1);
  }

  /** Clears a divergence or failure and the counters; `onReset` re-initialises the model. */
  async reset(): Promise<void> {
    this.cancelFrame?.();
    this.cancelFrame = null;
    this.generation++;
    if (this.frameRunning) await this.frameRunning;
    this.opts.onReset?.();
    this.state = 'paused';
    this.stepCount = 0;
    this.lastLoss = null;
    this.firstLoss = null;
    this.frameLosses = [];
    this.metrics = {};
    this.stop = null;
    this.rate = [];
    this.emit();
  }

  setStepsPerFrame(n: number): void {
    this.stepsPerFrame = checkStepsPerFrame(n);
  }

  snapshot(): TrainingSnapshot {
    return {
      state: this.state,
      step: this.stepCount,
      loss: this.lastLoss,
      frameLosses: this.frameLosses,
      metrics: this.metrics,
      stepsPerSecond: this.state === 'running' ? this.measuredRate() : 0,
      stop: this.stop,
      reason: this.stop && describeStop(this.stop),
      backend: engineInfo()?.backend ?? tf.getBackend(),
    };
  }

  /** Stops for good and forgets the loop's residents (the model belongs to its owner). */
  async dispose(): Promise<void> {
    this.disposed = true;
    this.cancelFrame?.();
    this.cancelFrame = null;
    this.generation++;
    if (this.frameRunning) await this.frameRunning;
    this.unregister();
  }

  private schedule(): void {
    this.cancelFrame = this.scheduler(() => {
      this.cancelFrame = null;
      if (this.state !== 'running') return;
      void this.runFrame(this.stepsPerFrame).then(() => {
        if (this.state === 'running' && !this.disposed) this.schedule();
      });
    });
  }

  private runFrame(steps: number): Promise<void> {
    const run = this.frame(steps).finally(() => {
      if (this.frameRunning === run) this.frameRunning = null;
    });
    this.frameRunning = run;
    return run;
  }

  private async frame(steps: number): Promise<void> {
    // A model on the small path reads nothing back from the GPU, so the watchdog below never runs
    // for it: look at the context once a frame, so that a lost one is still noticed and left.
    if (webglContextLost()) void reportBackendLost(CONTEXT_LOST);
    await backendSettled();
    const generation = this.generation;
    const lostSignal = backendLost();
    if (this.opts.maxSteps !== undefined) steps = Math.min(steps, this.opts.maxSteps - this.stepCount);
    if (steps <= 0) {
      this.finish();
      return;
    }
    // Run the frame's steps, keeping only each step's scalars.
    const losses: Tensor[] = [];
    let lastMetrics: Record<string, Tensor> = {};
    try {
      for (let i = 0; i < steps; i++) {
        if (this.opts.finished?.()) break;
        const result = tidy(() => this.opts.step(this.stepCount + i));
        if (!(result?.loss instanceof Tensor)) throw new Error('step() must return { loss: Tensor, ... }');
        if (result.loss.size !== 1) throw new Error(`step(): loss must have one element, got shape [${result.loss.shape}]`);
        losses.push(result.loss);
        for (const t of Object.values(lastMetrics)) t.dispose();
        lastMetrics = {};
        for (const [name, t] of Object.entries(result)) {
          if (name === 'loss') continue;
          if (!(t instanceof Tensor) || t.size !== 1) throw new Error(`step(): metric "${name}" must be a one-element Tensor`);
          lastMetrics[name] = t;
        }
      }
    } catch (e) {
      losses.forEach((t) => t.dispose());
      Object.values(lastMetrics).forEach((t) => t.dispose());
      this.fail({ code: 'stepFailed', message: (e as Error).message });
      return;
    }
    steps = losses.length;
    if (steps === 0) {
      this.finish();
      return;
    }
    // One read-back for everything: the losses, the metrics and the copies kept for a backend change.
    // Scalars on the small path are read where they are; the others packed into one tensor.
    const names = Object.keys(lastMetrics);
    const scalars = [...losses, ...names.map((n) => lastMetrics[n])];
    let packed: tf.Tensor | null = null;
    let values: Promise<Float32Array>;
    if (scalars.every((t) => t.small)) {
      values = Promise.resolve(Float32Array.from(scalars, (t) => t.small![0]));
    } else {
      packed = tf.tidy(() => tf.concat(scalars.map((t) => tf.reshape(t.asTf(), [1]))));
      values = packed.data() as Promise<Float32Array>;
    }
    losses.forEach((t) => t.dispose());
    Object.values(lastMetrics).forEach((t) => t.dispose());
    const readBack = Promise.all([values, this.carrier.capture()]).then(([v]) => v);
    const stopWatching = watchBackend();
    let outcome: { values: Float32Array } | null;
    try {
      outcome = await Promise.race([readBack.then((values) => ({ values })), lostSignal.then(() => null)]);
    } finally {
      stopWatching();
    }
    if (!outcome) {
      // The backend went away mid-frame: its steps are lost. The engine is already moving to the
      // next backend and restores the models from the previous frame's read-back, which the
      // counters still match.
      readBack.catch(() => undefined);
      void backendMove().catch((e: Error) => this.fail({ code: 'noBackend', message: e.message }));
      if (packed) disposeQuietly(packed);
      return;
    }
    packed?.dispose();
    if (generation !== this.generation) return;
    this.commitFrame(Array.from(outcome.values.subarray(0, steps)), names, outcome.values.subarray(steps));
  }

  private commitFrame(losses: number[], names: string[], metricValues: Float32Array): void {
    const judged = judgeLosses(losses, this.stepCount, this.firstLoss, this.opts.divergenceFactor ?? 1e4);
    const kept = judged.kept;
    this.firstLoss = judged.firstLoss;
    let divergence: LoopStop | null = judged.divergence;
    if (!divergence && !this.carrier.finite()) divergence = { code: 'weightsNotFinite', step: this.stepCount + kept.length };
    this.stepCount += kept.length;
    this.frameLosses = kept;
    if (kept.length) this.lastLoss = kept[kept.length - 1];
    if (!divergence) {
      const metrics: Record<string, number> = {};
      names.forEach((n, i) => {
        if (Number.isFinite(metricValues[i])) metrics[n] = metricValues[i];
      });
      this.metrics = metrics;
    }
    this.rate.push({ time: now(), steps: this.stepCount });
    while (this.rate.length > 2 && this.rate[this.rate.length - 1].time - this.rate[1].time > 1000) this.rate.shift();
    if (divergence) {
      this.cancelFrame?.();
      this.cancelFrame = null;
      this.state = 'diverged';
      this.stop = divergence;
    } else if ((this.opts.maxSteps !== undefined && this.stepCount >= this.opts.maxSteps) || this.opts.finished?.()) {
      this.finish();
      return;
    }
    this.emit();
  }

  private finish(): void {
    this.cancelFrame?.();
    this.cancelFrame = null;
    if (this.state === 'running') this.state = 'paused';
    this.emit();
  }

  private fail(stop: LoopStop): void {
    this.cancelFrame?.();
    this.cancelFrame = null;
    this.state = 'failed';
    this.stop = stop;
    this.emit();
  }

  private measuredRate(): number {
    if (this.rate.length < 2) return 0;
    const a = this.rate[0];
    const b = this.rate[this.rate.length - 1];
    return b.time > a.time ? ((b.steps - a.steps) * 1000) / (b.time - a.time) : 0;
  }

  private emit(): void {
    this.opts.onFrame?.(this.snapshot());
  }
}

function disposeQuietly(t: tf.Tensor): void {
  try {
    t.dispose();
  } catch {
    // Memory of a lost WebGL context is already gone.
  }
}

function checkStepsPerFrame(n: number): number {
  if (!Number.isInteger(n) || n < 1) throw new Error(`stepsPerFrame must be a positive integer, got ${n}`);
  return n;
}

function now(): number {
  return globalThis.performance?.now() ?? Date.now();
}
