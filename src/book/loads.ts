// A part of a page whose code arrives on demand (a chapter's text, the glossary), read while
// rendering with React's `use`: the part waits inside its Suspense boundary, and everything else on
// the page is live meanwhile. On a pre-rendered page the boundary keeps the page's own HTML until the
// code is here, so the top bar and the sidebar work before a chapter's script has arrived.
//
// A load's promise never rejects: it settles to the value or to the error, which the part shows.
// It carries its status as React reads it (`status`, `value`), so a part whose code is already here
// renders at once, without suspending: hydration, and the server's render, find the same content.

/** A load's outcome: its value, or why it failed. */
export type Loaded<T> = { value: T; error: null } | { value: null; error: Error };

type Tracked<T> = Promise<T> & { status: 'pending' | 'fulfilled'; value?: T };

function settled<T>(outcome: T): Tracked<T> {
  return Object.assign(Promise.resolve(outcome), { status: 'fulfilled' as const, value: outcome });
}

function tracked<T>(promise: Promise<T>): Tracked<T> {
  const result: Tracked<T> = Object.assign(promise, { status: 'pending' as const });
  void promise.then((value) => Object.assign(result, { status: 'fulfilled', value }));
  return result;
}

/** One outcome per key, kept: `read` gives the same promise every render, as `use` needs. */
export class Loads<K, T> {
  private readonly outcomes = new Map<K, Tracked<Loaded<T>>>();
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly load: (key: K) => Promise<T>,
    private readonly already: (key: K) => T | undefined,
  ) {}

  /** The key's outcome; starts its load on the first call. */
  read(key: K): Promise<Loaded<T>> {
    let outcome = this.outcomes.get(key);
    if (!outcome) {
      const value = this.already(key);
      outcome =
        value !== undefined
          ? settled<Loaded<T>>({ value, error: null })
          : tracked(
              this.load(key).then(
                (loaded): Loaded<T> => ({ value: loaded, error: null }),
                (error: unknown): Loaded<T> => ({ value: null, error: error instanceof Error ? error : new Error(String(error)) }),
              ),
            );
      this.outcomes.set(key, outcome);
      void outcome.then(() => this.listeners.forEach((listener) => listener()));
    }
    return outcome;
  }

  /** The key's outcome once settled, without waiting: for `useSyncExternalStore` with `subscribe`. */
  settled(key: K): Loaded<T> | undefined {
    const outcome = this.outcomes.get(key);
    return outcome?.status === 'fulfilled' ? outcome.value : undefined;
  }

  /** Calls `listener` whenever a load settles; returns the way to stop. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Forgets a failed load (a network hiccup), so that the next visit tries again. */
  forgetFailure(key: K): void {
    if (this.outcomes.get(key)?.value?.error) this.outcomes.delete(key);
  }
}
