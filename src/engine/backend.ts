// Where the engine computes: the one place that chooses a TensorFlow.js backend, and moves live
// models to another backend when the WebGL context is lost.
//
// Choice, awaited one step at a time (tfjs's own auto-selection through tf.ready() must not run
// first, since switching afterwards can leave a backend half-initialised, and tf.getBackend() can
// name a backend whose setBackend() failed):
//   1. WebGL, when it runs on a real GPU. A software renderer (SwiftShader, llvmpipe) is slower
//      than WebAssembly on the same CPU, so it counts as no GPU.
//   2. WebAssembly with SIMD, single-threaded (threads bring little to a textbook's small models and
//      hang in minified builds).
//   3. The plain-JavaScript CPU backend.
//
// Context loss: after `webglcontextlost` nothing throws, but every read-back on that backend waits
// forever. Live models therefore register "residents" that can copy their state to plain memory
// while the backend works, and re-create it on the next backend from the last copy (residents.ts).
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { captureResidents, restoreResidents } from './residents';
import { limitsFor, setSmallLimits } from './small/limits';
import { isSoftwareRenderer, onWebglContextLost, shortRenderer, webglContext, webglRenderer } from './webgl';

export type BackendName = 'webgl' | 'wasm' | 'cpu';

/**
 * Why the engine computes where it does, as a code a strings catalogue puts into the reader's words
 * (the renderer and SIMD support are fields of EngineInfo):
 * - 'forced': `?backend=` asked for it;
 * - 'gpu': WebGL on a real GPU;
 * - 'fallback': WebGL ran on a software renderer or not at all (and, on 'cpu', WebAssembly did not
 *   start either); `forcedFailed` names a backend `?backend=` asked for that failed first;
 * - 'moved': the backend `from` was lost (the WebGL context) and the engine moved on.
 */
export type BackendChoice =
  | { code: 'forced' }
  | { code: 'gpu' }
  | { code: 'fallback'; webgl: 'software' | 'unavailable'; forcedFailed?: BackendName }
  | { code: 'moved'; from: BackendName };

export interface EngineInfo {
  backend: BackendName;
  choice: BackendChoice;
  /** `choice` in developer-facing English, with the details (the error of a backend that failed). */
  reason: string;
  /** The WebGL renderer string, when WebGL was tried and answered. */
  renderer?: string;
  /** Whether the WebAssembly backend runs with SIMD (only set on wasm). */
  simd?: boolean;
}

export interface InitOptions {
  /** Force a backend (the book passes `?backend=` from the URL; tests use it). */
  prefer?: BackendName;
  /** URLs of the three tfjs-backend-wasm binaries, by file name (browser builds serve them). */
  wasmPaths?: Record<string, string>;
}

let current: EngineInfo | null = null;
let choosing: Promise<EngineInfo> | null = null;
let choosingKey: string | null = null;
let wasmPaths: Record<string, string> | undefined;
const listeners = new Set<(info: EngineInfo) => void>();

/**
 * Chooses the backend (see the file comment) and resolves to what was chosen and why. Calls with
 * the same preference share one promise; a call that forces a different backend switches after the
 * running choice has finished, carrying registered residents across.
 */
export function initEngine(opts: InitOptions = {}): Promise<EngineInfo> {
  if (opts.wasmPaths) wasmPaths = opts.wasmPaths;
  const key = opts.prefer ?? 'auto';
  if (choosing && (key === choosingKey || !opts.prefer)) return choosing;
  const previous = choosing;
  choosingKey = key;
  choosing = (async () => {
    if (previous) {
      await previous.catch(() => undefined);
      // A second, forced choice: the first backend still works, so read every live model now and
      // re-create it on the new backend.
      await captureResidents();
    }
    const info = await choose(opts.prefer);
    if (previous) restoreResidents();
    commit(info);
    return info;
  })();
  // Training loops start no frame while a switch is under way.
  if (previous) migrating = choosing.then(noop, noop);
  return choosing;
}

function noop(): void {}

/** The backend in use, or null before `initEngine` has finished. */
export function engineInfo(): EngineInfo | null {
  return current;
}

/** Calls `listener` whenever the engine changes backend; returns the unsubscribe function. */
export function onBackendChange(listener: (info: EngineInfo) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

async function choose(prefer: BackendName | undefined): Promise<EngineInfo> {
  let forcedFailure = '';
  if (prefer) {
    const attempt = await tryBackend(prefer);
    if (attempt.ok) {
      return { backend: prefer, choice: { code: 'forced' }, reason: `forced by ?backend=${prefer}`, renderer: attempt.renderer, simd: attempt.simd };
    }
    forcedFailure = `?backend=${prefer} failed (${attempt.why}); `;
  }
  const forcedFailed = forcedFailure ? { forcedFailed: prefer } : {};
  let webglNote = '';
  let webglState: 'software' | 'unavailable' = 'unavailable';
  let renderer: string | undefined;
  if (prefer !== 'webgl') {
    const webgl = await tryBackend('webgl');
    renderer = webgl.renderer;
    if (webgl.ok && !webgl.software) {
      const reason = `${forcedFailure}WebGL on a GPU (${webgl.renderer ?? 'renderer unknown'})`;
      return { backend: 'webgl', choice: { code: 'gpu' }, reason, renderer };
    }
    if (webgl.ok) webglState = 'software';
    webglNote = webgl.ok ? `software WebGL (${shortRenderer(webgl.renderer)})` : `WebGL unavailable: ${webgl.why}`;
  } else {
    webglNote = 'WebGL unavailable';
  }
  const choice: BackendChoice = { code: 'fallback', webgl: webglState, ...forcedFailed };
  if (prefer !== 'wasm') {
    const wasm = await tryBackend('wasm');
    if (wasm.ok) {
      const kind = wasm.simd ? 'WebAssembly' : 'WebAssembly without SIMD';
      return { backend: 'wasm', choice, reason: `${forcedFailure}${webglNote}: using ${kind}`, renderer, simd: wasm.simd };
    }
    webglNote += `; WebAssembly unavailable: ${wasm.why}`;
  }
  const cpu = await tryBackend('cpu');
  if (!cpu.ok) throw new Error(`No TensorFlow.js backend could start: ${webglNote}; cpu: ${cpu.why}`);
  return { backend: 'cpu', choice, reason: `${forcedFailure}${webglNote}: using plain JavaScript`, renderer };
}

interface Attempt {
  ok: boolean;
  why?: string;
  renderer?: string;
  software?: boolean;
  simd?: boolean;
}

async function tryBackend(name: BackendName): Promise<Attempt> {
  try {
    if (name === 'webgl') {
      if (typeof (globalThis as { WebGL2RenderingContext?: unknown }).WebGL2RenderingContext === 'undefined') {
        return { ok: false, why: 'this environment has no WebGL' };
      }
      if (!tf.findBackendFactory('webgl')) return { ok: false, why: 'the WebGL backend is not registered' };
    }
    if (name === 'wasm') configureWasm();
    const ok = await tf.setBackend(name);
    if (!ok) return { ok: false, why: `${name} backend failed to initialise` };
    await tf.ready();
    if (name === 'webgl') {
      const renderer = webglRenderer();
      watchContextLoss();
      return { ok: true, renderer, software: isSoftwareRenderer(renderer) };
    }
    if (name === 'wasm') return { ok: true, simd: Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) };
    return { ok: true };
  } catch (e) {
    return { ok: false, why: (e as Error).message };
  }
}

function configureWasm(): void {
  // The flag is registered when tfjs-backend-wasm loads (imported above).
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  // setWasmPaths insists on every binary being named, the threaded one included, though with
  // threads off it is never fetched. In Node the backend reads its binaries from its own folder.
  if (wasmPaths) setWasmPaths(wasmPaths, true);
}

function watchContextLoss(): void {
  onWebglContextLost(() => {
    // A software WebGL context that was tried and passed over may go too: only a loss of the
    // backend in use matters.
    if (current?.backend === 'webgl') void reportBackendLost(CONTEXT_LOST);
  });
}

/** What a lost WebGL context is reported as (developer-facing: EngineInfo.reason). */
export const CONTEXT_LOST = 'the WebGL context was lost';

/**
 * Whether the engine computes on WebGL and that context is lost: a backstop for a
 * `webglcontextlost` event that never arrives, polled while a read-back is pending.
 */
export function webglContextLost(): boolean {
  return current?.backend === 'webgl' && (webglContext()?.isContextLost() ?? false);
}

function commit(info: EngineInfo): void {
  current = info;
  setSmallLimits(limitsFor(info.backend));
  lost = makeLostSignal();
  for (const listen of listeners) listen(info);
}

// ---------------------------------------------------------------------------------------------
// Losing a backend

let lost = makeLostSignal();
let migrating: Promise<void> | null = null;

interface LostSignal {
  promise: Promise<void>;
  fire: () => void;
  fired: boolean;
}

function makeLostSignal(): LostSignal {
  let fire!: () => void;
  const promise = new Promise<void>((resolve) => (fire = resolve));
  const signal: LostSignal = { promise, fired: false, fire: () => {} };
  signal.fire = () => {
    signal.fired = true;
    fire();
  };
  return signal;
}

/**
 * Resolves when the current backend is lost: a read-back raced against it cannot hang forever.
 * Each backend has its own signal, so take it before starting the read-back.
 */
export function backendLost(): Promise<void> {
  return lost.promise;
}

/** Resolves when no change of backend is under way (training loops wait on it between frames). */
export function backendSettled(): Promise<void> {
  return migrating ?? Promise.resolve();
}

let pendingLoss: Promise<EngineInfo> | null = null;

/**
 * Moves the engine off the current backend, which can no longer be read (context loss, device
 * error), to the next one in the order WebGL, WebAssembly, CPU. Residents come back from their last
 * capture. Resolves with the new backend.
 */
export function reportBackendLost(why: string): Promise<EngineInfo> {
  // The event and a stuck read-back may both report the same loss: move only once.
  if (pendingLoss && lost.fired) return pendingLoss;
  const from = current?.backend ?? 'webgl';
  lost.fire();
  const next: Promise<EngineInfo> = (async () => {
    if (migrating) await migrating;
    const order: BackendName[] = from === 'webgl' ? ['wasm', 'cpu'] : ['cpu'];
    for (const name of order) {
      const attempt = await tryBackend(name);
      if (!attempt.ok) continue;
      const info: EngineInfo = { backend: name, choice: { code: 'moved', from }, reason: `${why}: moved from ${from} to ${name}`, simd: attempt.simd };
      restoreResidents();
      commit(info);
      return info;
    }
    throw new Error(`${why}, and no other backend could start`);
  })();
  pendingLoss = next;
  migrating = next.then(noop, noop);
  return next;
}

/**
 * The move that the current backend's loss started (what a training loop whose read-back was cut
 * short waits on); reports a context loss first if nothing has been reported yet.
 */
export function backendMove(): Promise<EngineInfo> {
  return pendingLoss && lost.fired ? pendingLoss : reportBackendLost(CONTEXT_LOST);
}
