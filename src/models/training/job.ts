// What a training job is: a model, its optimiser and its data, built from a configuration and a
// seed, that the training core (core.ts) steps, pictures and answers for. A job imports the engine
// only, so the same definition runs in a dedicated worker and on the page, and Node tests drive it.
//
//   export const xorJob: JobDefinition<{ hidden: number }, undefined, XorPicture> = {
//     name: 'xor',
//     build({ hidden }, { seed }) {
//       const net = makeXorNet(hidden, seed);
//       …
//       return { step: () => xorStep(net, opt, x, y), keep: () => [net, x, y], view: () => xorPicture(net, grid), dispose };
//     },
//   };
import type { StepResult, TrainingLoopOptions, TrainingSnapshot } from '../../engine/index.ts';

/** What must survive a change of backend: models, optimisers, data tensors uploaded once. */
export type Kept = ReturnType<NonNullable<TrainingLoopOptions['keep']>>;

/** What the core hands a job when it builds it. */
export interface JobContext<Live, Event> {
  /** The run's seed: the same seed (and configuration) gives the same run, step for step. */
  seed: number;
  /** The live settings as they are now (a learning rate); later changes arrive by `setLive`. */
  live: Live;
  /** What the page delivered once by a `load` message (a data set), or undefined before any. */
  data: unknown;
  /** Sends a job-specific event to the page (a sample, a prediction run), tagged with the run. */
  emit(payload: Event): void;
  /**
   * Runs `callback` at the next tick (a task in a worker, an animation frame on the page), for work
   * spread over time; returns a function that cancels it. A reset or a new setup cancels it too.
   */
  schedule(callback: () => void): () => void;
}

/** A built job: the model the core trains, until it is disposed. */
export interface BuiltJob<Live, View, Request> {
  /** One training step (forward, backward, update), inside `tidy`: `{ loss, ...metrics }`. */
  step(stepIndex: number): StepResult;
  keep(): Kept;
  /** A live setting changed (the learning rate): applies from the next step, no rebuild. */
  setLive?(live: Live): void;
  /**
   * The job's picture as plain data (surfaces, accuracies), drawn when a snapshot is sent; null
   * keeps the page's previous picture. Not called once a run has diverged or failed.
   */
  view?(snapshot: TrainingSnapshot): View | null;
  /** Called after every frame and change of state (publish weights, start an evaluation). */
  onFrame?(snapshot: TrainingSnapshot): void;
  /**
   * A request from the page (run a sample, predict freely); answers by `emit`. 'repaint' when it
   * changed the model (a weight the reader typed): a paused run then sends a fresh picture.
   */
  request?(payload: Request): void | 'repaint';
  /**
   * The most steps the next tick may take, asked after every frame: a job that measures its model
   * at a given step (an evaluation every so many examples) stops the tick there.
   */
  stepLimit?(): number;
  /** While true, training ticks and single steps wait (an evaluation that needs still weights). */
  busy?(): boolean;
  /**
   * Asked before every step: true ends the run there, as maxSteps does (a fit that has settled);
   * Play and One step then do nothing until a reset or a new setup.
   */
  finished?(): boolean;
  /** Frees every tensor the build made. */
  dispose(): void;
}

export interface JobDefinition<Config, Live = undefined, View = never, Event = never, Request = never> {
  /** The job's name, by which the worker script finds it. */
  readonly name: string;
  /**
   * Builds the model from the configuration and the context's seed. A reset disposes the build
   * and calls this again with the same configuration and seed, so a reset run repeats the first.
   */
  build(config: Config, context: JobContext<Live, Event>): BuiltJob<Live, View, Request>;
  /** Training pauses for good after this many steps (until a reset). */
  readonly maxSteps?: number | ((config: Config) => number);
  /** The loop's divergence test: the loss above this many times its first value (default 1e4). */
  readonly divergenceFactor?: number;
  /** Most steps per tick, however fast they run (a figure meant to be watched). */
  readonly maxStepsPerTick?: number;
  /**
   * Snapshots (and pictures) while running at most this often (ms), where that is more often than
   * the core's own rate: 0 for a figure meant to be watched step by step (a race of optimisers).
   */
  readonly snapshotEveryMs?: number;
  /**
   * Time the steps of one tick may hold the thread (ms), where that is less than the core's own
   * budget: a snapshot waits for the end of a tick, so a figure drawn many times a second (the Lab)
   * asks for shorter ticks.
   */
  readonly tickBudgetMs?: number;
  /** Metrics the step returns whose curve is kept as well as the loss's (a second model's loss). */
  readonly curves?: readonly string[];
}

/** Any job, as the worker script's table of jobs holds them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the table holds jobs of every configuration, view and event type
export type AnyJobDefinition = JobDefinition<any, any, any, any, any>;
