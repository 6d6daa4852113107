// When a training loop's frames run: on the browser's animation frames, so a widget trains at most
// once per repaint and not at all in a hidden tab, or on zero-delay timeouts where there are none
// (Node, workers).

/** Schedules `callback` for the next frame and returns a function that cancels it. */
export type Scheduler = (callback: () => void) => () => void;

/** requestAnimationFrame when the host has one (a browser), else a zero-delay timeout (Node). */
export function defaultScheduler(): Scheduler {
  const host = globalThis as {
    requestAnimationFrame?: (cb: () => void) => number;
    cancelAnimationFrame?: (id: number) => void;
  };
  if (typeof host.requestAnimationFrame === 'function' && typeof host.cancelAnimationFrame === 'function') {
    const raf = host.requestAnimationFrame.bind(host);
    const caf = host.cancelAnimationFrame.bind(host);
    return (cb) => {
      const id = raf(cb);
      return () => caf(id);
    };
  }
  return timeoutScheduler;
}

export const timeoutScheduler: Scheduler = (cb) => {
  const id = setTimeout(cb, 0);
  return () => clearTimeout(id);
};
