// What the reader has done, kept in this browser only (localStorage, `dll-progress`): the chapters
// read to their end and the checked exercises answered correctly. Nothing leaves the machine; the
// landing page offers to clear it.
import { storedValue } from './stored.ts';

export interface Progress {
  /** Slugs of the chapters read to the end. */
  read: readonly string[];
  /** Worked-value keys of the exercises answered correctly (`neurons.ex1`). */
  solved: readonly string[];
}

const EMPTY: Progress = { read: [], solved: [] };
const NAME = /^[a-z0-9][a-z0-9.-]{0,80}$/;

/** The stored text as progress: unknown fields dropped, anything malformed read as nothing. */
export function parseProgress(text: string): Progress | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (data === null || typeof data !== 'object') return undefined;
  const names = (value: unknown) => (Array.isArray(value) ? [...new Set(value.filter((v): v is string => typeof v === 'string' && NAME.test(v)))].slice(0, 2000) : []);
  const { read, solved } = data as Record<string, unknown>;
  return { read: names(read), solved: names(solved) };
}

export const progress = storedValue<Progress>('dll-progress', EMPTY, parseProgress, JSON.stringify);

function add(field: keyof Progress, name: string): void {
  const now = progress.get();
  if (!NAME.test(name) || now[field].includes(name)) return;
  progress.set({ ...now, [field]: [...now[field], name] });
}

export const markChapterRead = (slug: string) => add('read', slug);
export const markExerciseSolved = (key: string) => add('solved', key);
export const clearProgress = () => progress.set(EMPTY);

/** A chapter's count of solved exercises among `keys`. */
export function solvedAmong(state: Progress, keys: readonly string[]): number {
  return keys.filter((key) => state.solved.includes(key)).length;
}
