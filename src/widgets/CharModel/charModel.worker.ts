// The dedicated worker that trains and samples the character model off the page's main thread: a
// thin shell around createCharWorkerCore. The WebAssembly binaries are imported with `?url` here
// too, so the worker fetches them from the site (under its base path), not from the site root.
import simdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import plainWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
// setWasmPaths insists on every binary being named; with threads off this one is never fetched.
import threadedWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { createCharWorkerCore, type FromWorker, type ToWorker } from './charWorkerCore.ts';

const scope = self as unknown as { postMessage: (m: FromWorker) => void; onmessage: ((e: MessageEvent<ToWorker>) => void) | null; close: () => void };

const core = createCharWorkerCore((m) => scope.postMessage(m), {
  wasmPaths: {
    'tfjs-backend-wasm-simd.wasm': simdWasm,
    'tfjs-backend-wasm.wasm': plainWasm,
    'tfjs-backend-wasm-threaded-simd.wasm': threadedWasm,
  },
});

scope.onmessage = (e) => {
  void core.handle(e.data);
};
