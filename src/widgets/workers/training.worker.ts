// The one dedicated worker script that trains the book's heavier models off the page's main
// thread: the page names the job when it starts the worker (`new Worker(url, { name })`), and the
// worker runs that job's message handler. One script for every job, so the engine it carries is
// built and fetched once. The WebAssembly binaries' URLs come from the page's engine boot, so they
// are fetched from the site, under its base path.
import { WASM_PATHS } from '../../book/engineBoot.ts';
import { createTrainingCore } from '../../models/training/core.ts';
import { workerJob } from './jobs.ts';

const scope = self as unknown as { name: string; postMessage: (m: unknown) => void; onmessage: ((e: MessageEvent) => void) | null };
const post = (m: unknown) => scope.postMessage(m);

const job = workerJob(scope.name);
const core = job ? createTrainingCore(job, post, { wasmPaths: WASM_PATHS }) : null;

scope.onmessage = (e) => {
  if (core) void core.handle(e.data);
  else post({ type: 'initFailed', message: `no training job called "${scope.name}"` });
};
