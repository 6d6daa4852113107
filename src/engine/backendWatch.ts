// A backstop for a lost WebGL context whose `webglcontextlost` event never arrives: while a
// read-back is pending (and would wait forever on a lost context), poll the context and report the
// loss, which moves the engine to the next backend and resolves `backendLost()`.
import { CONTEXT_LOST, reportBackendLost, webglContextLost } from './backend';

/** How often a pending read-back looks at the context: a lost frame is noticed within this. */
const POLL_MS = 500;

/** Starts watching the backend in use; returns the function that stops watching. */
export function watchBackend(): () => void {
  const id = setInterval(() => {
    if (webglContextLost()) void reportBackendLost(CONTEXT_LOST);
  }, POLL_MS);
  return () => clearInterval(id);
}
