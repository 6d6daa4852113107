// The dedicated worker that trains and evaluates the MNIST models off the page's main thread: a
// thin shell around createMnistWorkerCore, with the WebAssembly binaries' URLs from the page's
// engine boot (so they are fetched from the site, under its base path).
import { WASM_PATHS } from '../../book/engineBoot.ts';
import { createMnistWorkerCore, type FromWorker, type ToWorker } from './mnistWorkerCore.ts';

const scope = self as unknown as { postMessage: (m: FromWorker) => void; onmessage: ((e: MessageEvent<ToWorker>) => void) | null };

const core = createMnistWorkerCore((m) => scope.postMessage(m), { wasmPaths: WASM_PATHS });

scope.onmessage = (e) => {
  void core.handle(e.data);
};
