// Registers the service worker the build writes (sw.js, see build/serviceWorker.ts), which keeps
// the book readable offline, and reports when a new version of the book has been fetched and waits
// to take over: the shell then offers to reload (UpdateNotice). Not in `vite dev`, which writes no
// worker; in a test build only where a test asks for it (`dll-sw-test` in localStorage), so the
// other tests do not fetch the whole book in the background.
import { BASE } from '../router.ts';

type Listener = (waiting: ServiceWorker) => void;
const listeners = new Set<Listener>();
let waiting: ServiceWorker | null = null;

function announce(worker: ServiceWorker): void {
  waiting = worker;
  for (const listener of listeners) listener(worker);
}

/** Calls `listener` when a new version waits (at once if one already does); returns the unsubscribe. */
export function onUpdateWaiting(listener: Listener): () => void {
  listeners.add(listener);
  if (waiting) listener(waiting);
  return () => listeners.delete(listener);
}

/** Lets the waiting version take over; the page reloads once it has. */
export function applyUpdate(worker: ServiceWorker): void {
  navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
  worker.postMessage({ type: 'SKIP_WAITING' });
}

function wanted(): boolean {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return false;
  if (import.meta.env.MODE !== 'test') return true;
  try {
    return localStorage.getItem('dll-sw-test') === '1';
  } catch {
    return false;
  }
}

export function registerServiceWorker(): void {
  if (!wanted()) return;
  const register = () => {
    navigator.serviceWorker.register(`${BASE}sw.js`, { scope: BASE }).then(
      (registration) => {
        // Only an update is news: the first worker of a first visit just starts caching.
        const watch = (worker: ServiceWorker | null) => {
          if (!worker) return;
          const check = () => {
            if (worker.state === 'installed' && navigator.serviceWorker.controller) announce(worker);
          };
          worker.addEventListener('statechange', check);
          check();
        };
        watch(registration.waiting);
        registration.addEventListener('updatefound', () => watch(registration.installing));
      },
      (error: unknown) => console.warn('The offline copy of the book could not be set up:', error),
    );
  };
  // After the page has loaded: caching the book must not compete with the page's own first fetches.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
