// The browser's entry to the engine. The widget frame imports this file dynamically when a widget
// mounts, so a page without widgets fetches no TensorFlow.js code at all.
//
// The three WebAssembly binaries are served by the site itself (imported with `?url`): without
// that, tfjs asks for them at the site root and gets the HTML fallback page. `?backend=webgl|wasm|cpu`
// in the address forces a backend.
import simdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import plainWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
// setWasmPaths insists on every binary being named; with threads off this one is never fetched.
import threadedWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { initEngine, onBackendChange, type BackendName, type EngineInfo } from '../engine/backend';
import { liveTensorCount } from '../engine/tensor';
import { dataStrings } from './strings.ts';

export type { EngineInfo };
export { onBackendChange };
export { backendLabel, backendReason } from './computeWords.ts';

const BACKENDS: readonly BackendName[] = ['webgl', 'wasm', 'cpu'];

/** The backend forced by `?backend=` in the page address, if any and valid. */
export function forcedBackend(search: string = location.search): BackendName | undefined {
  const value = new URLSearchParams(search).get('backend');
  return BACKENDS.find((b) => b === value);
}

// Test builds let the browser tests read the engine's live tensor count (leaks after unmount).
if (import.meta.env.MODE === 'test') {
  (globalThis as { __bookTensorCount?: () => number }).__bookTensorCount = liveTensorCount;
}

/** The WebAssembly binaries as the site serves them, for the page's engine and for workers' own. */
export const WASM_PATHS: Record<string, string> = {
  'tfjs-backend-wasm-simd.wasm': simdWasm,
  'tfjs-backend-wasm.wasm': plainWasm,
  'tfjs-backend-wasm-threaded-simd.wasm': threadedWasm,
};

/** Starts the engine once (later calls share the first). */
export function bootEngine(): Promise<EngineInfo> {
  return initEngine({ prefer: forcedBackend(), wasmPaths: WASM_PATHS });
}

/** URL of a file in the book's data folder (public/data), honouring the site's base path. */
export function dataUrl(file: string): string {
  return `${import.meta.env.BASE_URL}data/${file}`;
}

/** Fetches a data file's bytes (what `loadMnist` takes). */
export async function fetchDataBytes(file: string): Promise<ArrayBuffer> {
  const response = await fetch(dataUrl(file));
  if (!response.ok) throw new Error(dataStrings.loadFailed(file, response.status));
  return response.arrayBuffer();
}

/** Fetches a data file's text (what `loadCorpus` takes). */
export async function fetchDataText(file: string): Promise<string> {
  const response = await fetch(dataUrl(file));
  if (!response.ok) throw new Error(dataStrings.loadFailed(file, response.status));
  return response.text();
}
