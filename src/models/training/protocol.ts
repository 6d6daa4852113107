// The messages between a page and a training job (core.ts), the same whether the job runs in a
// dedicated worker or on the page. Everything is plain data (numbers, arrays, strings), so it
// crosses to a worker by structured clone and the page never holds an engine object of the job's.
import type { BackendName, EngineInfo, TrainingSnapshot } from '../../engine/index.ts';
import type { Curve } from './history.ts';

export type ToJob<Config, Live, Request> =
  /** Start the job's engine (a worker's own; on the page, the page's engine as it is). */
  | { type: 'init'; backend?: BackendName }
  /**
   * Data too large to send with every setup (a data set), delivered once: kept for every later
   * build as its context's `data`, until another `load` replaces it.
   */
  | { type: 'load'; data: unknown }
  /**
   * Build a model for this configuration and seed; `generation` tags everything it sends. `play`
   * starts training it at once (a figure whose one button builds and runs).
   */
  | { type: 'setup'; generation: number; config: Config; seed: number; live: Live; play?: boolean }
  /** New live settings (a learning rate), applied from the next step. */
  | { type: 'set'; live: Live }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step' }
  /** Re-initialise from the same seed: the run starts again, step for step the same. */
  | { type: 'reset' }
  | { type: 'request'; payload: Request }
  /** Free everything; the job answers `disposed` and handles nothing after. */
  | { type: 'dispose' };

export type FromJob<View, Event> =
  | { type: 'ready'; info: EngineInfo }
  | { type: 'initFailed'; message: string }
  /** A fresh model (after a setup or a reset): the page clears its curves, picture and events. */
  | { type: 'built'; generation: number; maxSteps: number | null }
  | {
      type: 'snapshot';
      generation: number;
      snapshot: TrainingSnapshot;
      /** The loss of the run so far, thinned (history.ts). */
      losses: number[];
      steps: number[];
      /** The curves of the job's `curves` metrics, thinned the same way. */
      curves: Record<string, Curve>;
      /** The job's picture, or null to keep the last one. */
      view: View | null;
      /**
       * Why the job itself failed (its build, picture or request threw; developer-facing), or null.
       * The snapshot's state is then 'failed' with no `stop`: the loop did not stop on its own.
       */
      failure: string | null;
      stepsPerTick: number;
      /** Live tensors in the job's engine (a leak shows here). */
      tensors: number;
    }
  | { type: 'event'; generation: number; payload: Event }
  /** A failure outside any run (a message the job could not handle). */
  | { type: 'error'; generation: number | null; message: string }
  | { type: 'disposed'; tensors: number };

/** Schedules `callback` for the next tick and returns a function that cancels it. */
export type Scheduler = (callback: () => void) => () => void;

/** Whether this code runs in a browser's worker (not on a page, not in Node). */
const inBrowserWorker = typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined';

/**
 * A zero-delay task: in a worker each tick is its own task, so the page's messages get in between.
 * In a browser's worker, a message to itself rather than a zero timeout: browsers hold nested
 * timeouts to 4 ms at least, which a chain of short ticks would spend waiting. Elsewhere (Node) a
 * timeout, where a chain of messages could keep timers from ever running.
 */
export const taskScheduler: Scheduler = (cb) => {
  if (!inBrowserWorker || typeof MessageChannel === 'undefined') {
    const id = setTimeout(cb, 0);
    return () => clearTimeout(id);
  }
  const channel = new MessageChannel();
  let live = true;
  channel.port1.onmessage = () => {
    channel.port1.close();
    if (live) cb();
  };
  channel.port2.postMessage(null);
  return () => {
    live = false;
    channel.port1.close();
  };
};
