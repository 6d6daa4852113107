// The glossary's definitions for the cards on chapter pages. They are not part of the chapter: the
// module that holds them is fetched once, when the page is idle after its first paint or at once
// when a reader points at or tabs to a term, and shared by every term on every page after that.
import type { termStrings } from './definitions.ts';

export type Definitions = typeof termStrings;

let definitions: Definitions | null = null;
let loading: Promise<Definitions> | null = null;

/** Fetches the definitions (once; a failed fetch may be tried again). */
export function loadDefinitions(): Promise<Definitions> {
  loading ??= import('./definitions.ts').then(
    (module) => {
      definitions = module.termStrings;
      return module.termStrings;
    },
    (error: unknown) => {
      loading = null;
      throw error;
    },
  );
  return loading;
}

let scheduled = false;

/** Fetches the definitions when the browser is next idle, so the first card opens at once. */
export function loadDefinitionsWhenIdle(): void {
  if (scheduled || definitions) return;
  scheduled = true;
  const load = () => void loadDefinitions().catch(() => (scheduled = false));
  if (typeof requestIdleCallback === 'function') requestIdleCallback(load, { timeout: 5000 });
  else setTimeout(load, 2000);
}

/** The definitions once fetched; null before. */
export function currentDefinitions(): Definitions | null {
  return definitions;
}
