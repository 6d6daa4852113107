// The dedicated worker that trains and samples the character model off the page's main thread: a
// thin shell around createCharWorkerCore. It takes the WebAssembly binaries' URLs from the page's
// engine boot, so the worker fetches them from the site (under its base path), not from the site root.
import { WASM_PATHS } from '../../book/engineBoot.ts';
import { createCharWorkerCore, type FromWorker, type ToWorker } from './charWorkerCore.ts';

const scope = self as unknown as { postMessage: (m: FromWorker) => void; onmessage: ((e: MessageEvent<ToWorker>) => void) | null; close: () => void };

const core = createCharWorkerCore((m) => scope.postMessage(m), { wasmPaths: WASM_PATHS });

scope.onmessage = (e) => {
  void core.handle(e.data);
};
