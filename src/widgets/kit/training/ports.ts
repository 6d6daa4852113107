// The two places a training job runs, behind one kind of port: a dedicated worker (the one worker
// script, told the job's name) or the page's own thread (the same core, one short slice of training
// per animation frame). Starting a worker, giving up on one that fails or never answers, and ending
// it are written here once.
import { defaultScheduler } from '../../../engine/index.ts';
import { createTrainingCore } from '../../../models/training/core.ts';
import type { AnyJobDefinition } from '../../../models/training/job.ts';
import type { FromJob, ToJob } from '../../../models/training/protocol.ts';

/** A worker that has not said it is ready after this long is given up on (ms). */
export const START_TIMEOUT_MS = 30_000;
/** Training per animation frame when the page trains on its own thread (ms): room to answer input. */
export const PAGE_TICK_BUDGET_MS = 12;
/** A closing worker that has not answered `dispose` after this long is ended anyway (ms). */
const CLOSE_TIMEOUT_MS = 1000;

export interface JobPort {
  post(m: ToJob<unknown, unknown, unknown>): void;
  /** Lets the job free its tensors, then ends it; nothing it sends afterwards arrives. */
  close(): void;
}

type Listener = (m: FromJob<unknown, unknown>) => void;

/** The job on the page's own thread, sharing the page's engine. */
export function openPagePort(job: AnyJobDefinition, onMessage: Listener): JobPort {
  let open = true;
  // Each message arrives in its own microtask, as a worker's would arrive in its own task.
  const core = createTrainingCore(job, (m) => queueMicrotask(() => open && onMessage(m)), { scheduler: defaultScheduler(), tickBudgetMs: PAGE_TICK_BUDGET_MS });
  return {
    post: (m) => void core.handle(m),
    close: () => {
      open = false;
      void core.handle({ type: 'dispose' });
    },
  };
}

/**
 * The job in a dedicated worker, or null where none can be made. `onFail` is called once if the
 * worker fails to load, throws, cannot start its engine or stays silent past START_TIMEOUT_MS.
 */
export function openWorkerPort(name: string, onMessage: Listener, onFail: () => void): JobPort | null {
  let worker: Worker;
  try {
    worker = new Worker(new URL('../../workers/training.worker.ts', import.meta.url), { type: 'module', name });
  } catch {
    return null;
  }
  let started = false;
  let closed = false;
  const fail = () => {
    if (closed) return;
    closed = true;
    clearTimeout(timer);
    worker.terminate();
    onFail();
  };
  const timer = setTimeout(() => started || fail(), START_TIMEOUT_MS);
  worker.onerror = (e) => {
    e.preventDefault();
    fail();
  };
  worker.onmessageerror = fail;
  worker.onmessage = (e: MessageEvent<FromJob<unknown, unknown>>) => {
    if (closed) return;
    const m = e.data;
    if (m.type === 'initFailed') return fail();
    if (m.type === 'ready') {
      started = true;
      clearTimeout(timer);
    }
    onMessage(m);
  };
  return {
    post: (m) => {
      if (!closed) worker.postMessage(m);
    },
    close: () => {
      if (closed) return;
      closed = true;
      clearTimeout(timer);
      worker.onmessage = (e: MessageEvent<FromJob<unknown, unknown>>) => {
        if (e.data.type === 'disposed') worker.terminate();
      };
      worker.postMessage({ type: 'dispose' } satisfies ToJob<unknown, unknown, unknown>);
      setTimeout(() => worker.terminate(), CLOSE_TIMEOUT_MS);
    },
  };
}
