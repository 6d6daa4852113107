// `<html data-page-ready="true">` once a page has finished rendering: its content is in the DOM
// and every pending task (a Mermaid diagram being drawn) has finished or failed. Tests and
// screenshots wait for it. Navigation resets it before the next page renders.
// `<html data-shell-live="true">` once the shell (top bar, sidebar, shortcuts) works, which it does
// before the page's own code has arrived (loads.ts): `npm run bench:pages` reports when.

let generation = 0;
let pending = 0;
let contentRendered = false;
let waiters: (() => void)[] = [];

function update(): void {
  const ready = contentRendered && pending === 0;
  if (ready && waiters.length > 0) {
    const resolved = waiters;
    waiters = [];
    for (const resolve of resolved) resolve();
  }
  if (typeof document === 'undefined') return;
  if (ready) document.documentElement.dataset.pageReady = 'true';
  else delete document.documentElement.dataset.pageReady;
}

/** Called when navigation starts, before the next page renders. */
export function resetPageReady(): void {
  generation += 1;
  waiters = []; // the old page's waiters never resolve
  pending = 0;
  contentRendered = false;
  update();
}

/** Registers a task the page must wait for; call the returned function (once or more) when it is done. */
export function beginPageTask(): () => void {
  const owner = generation;
  let finished = false;
  pending += 1;
  update();
  return () => {
    if (finished || owner !== generation) return;
    finished = true;
    pending -= 1;
    update();
  };
}

/** Called by a page once its content is in the DOM. */
export function markContentRendered(): void {
  contentRendered = true;
  update();
}

/** Resolves once the current page is ready (never, if the reader navigates away first). */
export function whenPageReady(): Promise<void> {
  if (contentRendered && pending === 0) return Promise.resolve();
  return new Promise((resolve) => waiters.push(resolve));
}

/** Called once the shell has hydrated (App's first effect). */
export function markShellLive(): void {
  if (typeof document !== 'undefined') document.documentElement.dataset.shellLive = 'true';
}
