// The backends the engine suite runs on, and how each is set up, in Node and in Chromium.
// Node: cpu and wasm. Chromium (Vitest browser mode): webgl (SwiftShader here); the cpu and wasm
// kernels are the same code in Node and in the browser, so the browser runs them only in the files
// that ask for every backend present (the smoke file: the browser's own WASM loading and a training
// step on each).
// A backend that cannot start is reported through `describe.skip` with its reason in the name,
// so it shows up as skipped, never as passed.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe } from 'vitest';
import { DEFAULT_SMALL_ELEMENTS, DEFAULT_SMALL_PRODUCT, setSmallLimits, type SmallLimits } from '../../src/engine/small/limits';

export type BackendName = 'cpu' | 'wasm' | 'webgl';

export const inBrowser = typeof window !== 'undefined';

/** Every backend that can exist in this environment. */
export const backendsHere: BackendName[] = inBrowser ? ['webgl', 'wasm', 'cpu'] : ['cpu', 'wasm'];

/** Backends the suite runs each file on here: what Node does not already cover. */
export const candidateBackends: BackendName[] = inBrowser ? ['webgl'] : ['cpu', 'wasm'];

let wasmConfigured = false;

async function configureWasm(): Promise<void> {
  if (wasmConfigured) return;
  if (inBrowser) {
    const simd = (await import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url')).default;
    const plain = (await import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url')).default;
    // setWasmPaths wants every binary named; the threaded one is never fetched with threads off.
    const threaded = (await import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url')).default;
    // Single-threaded SIMD only: threads bring nothing on 2 cores (see the engine's backend notes).
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    setWasmPaths(
      { 'tfjs-backend-wasm-simd.wasm': simd, 'tfjs-backend-wasm.wasm': plain, 'tfjs-backend-wasm-threaded-simd.wasm': threaded },
      true,
    );
  }
  // In Node, tfjs-backend-wasm reads its .wasm files from its own dist folder: nothing to set.
  wasmConfigured = true;
}

const availability = new Map<BackendName, Promise<string | null>>();

/** Resolves to null when `name` is usable here, else to the reason it is not. */
export function backendUnavailable(name: BackendName): Promise<string | null> {
  let p = availability.get(name);
  if (!p) {
    p = (async () => {
      try {
        if (name === 'wasm') await configureWasm();
        const ok = await tf.setBackend(name);
        if (!ok || tf.getBackend() !== name) return `${name} backend failed to initialise`;
        await tf.ready();
        return null;
      } catch (e) {
        return `${name} backend unavailable: ${(e as Error).message}`;
      }
    })();
    availability.set(name, p);
  }
  return p;
}

/** Switches tfjs to `name` (which must be available). */
export async function useBackend(name: BackendName): Promise<void> {
  const reason = await backendUnavailable(name);
  if (reason) throw new Error(reason);
  const ok = await tf.setBackend(name);
  if (!ok) throw new Error(`could not switch to ${name}`);
  await tf.ready();
}

// Resolve availability of every candidate up front (top-level await), so `describe.skip` can be chosen
// while tests are being collected.
const unavailable = new Map<BackendName, string | null>();
for (const name of backendsHere) unavailable.set(name, await backendUnavailable(name));

/**
 * Runs `body` in a `describe` block per backend (`candidateBackends` unless given), switching tfjs
 * to that backend before its tests; a missing backend is a skipped block whose name says why.
 * Each backend's block sends every op to TensorFlow.js (the engine's small-path limits at 0); in
 * Node, a block "[small]" runs the same tests with the limits lifted, so every op that has a
 * small-path kernel is checked there, on the cpu backend for what has none (`small: false` leaves
 * it out, for tests of TensorFlow.js itself).
 */
export function describeEachBackend(
  title: string,
  body: (backend: BackendName, path: EnginePath) => void,
  backends: BackendName[] = candidateBackends,
  opts: { small?: boolean } = {},
): void {
  for (const name of backends) {
    const reason = unavailable.get(name);
    if (reason) {
      describe.skip(`${title} [${name}: skipped, ${reason}]`, () => body(name, 'tfjs'));
      continue;
    }
    describe(`${title} [${name}]`, () => {
      withLimits({ elements: 0, product: 0 });
      beforeAll(async () => {
        await useBackend(name);
      });
      body(name, 'tfjs');
    });
  }
  if (!inBrowser && (opts.small ?? backends === candidateBackends)) {
    describe(`${title} [small]`, () => {
      withLimits({ elements: Infinity, product: Infinity });
      beforeAll(async () => {
        await useBackend('cpu');
      });
      body('cpu', 'small');
    });
  }
}

/** Where a block's ops run: TensorFlow.js on its backend, or the engine's small path. */
export type EnginePath = 'tfjs' | 'small';

/** Sets the engine's small-path limits for a block's tests and puts the defaults back after them. */
function withLimits(limits: SmallLimits): void {
  beforeAll(() => setSmallLimits(limits));
  afterAll(() => setSmallLimits({ elements: DEFAULT_SMALL_ELEMENTS, product: DEFAULT_SMALL_PRODUCT }));
}

/** Float tolerance appropriate for a backend (WebGL on SwiftShader may run in lower precision). */
export function tolerance(name: BackendName): number {
  return name === 'webgl' ? 2e-3 : 1e-4;
}

