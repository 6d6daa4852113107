// Every chapter's worked numbers, computed once on the engine's CPU backend (at build time, in
// Node). Each `src/worked/<chapter>.ts` default-exports `workedValues(...)`; this module finds them.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { initEngine } from '../engine/index.ts';
import type { WorkedChapter } from './define.ts';

export interface ComputedValue {
  value: number;
  digits: number;
}

/** The chapter files of this folder (not define.ts or this index). */
export function workedFiles(dir: string = import.meta.dirname): string[] {
  return readdirSync(dir)
    .filter((f) => /^[a-z][a-z0-9-]*\.ts$/.test(f) && f !== 'define.ts' && f !== 'index.ts')
    .sort()
    .map((f) => path.join(dir, f));
}

/**
 * Computes every key (`<chapter>.<key>`), or only those of the chapter `only` (its slug). A
 * compute that throws or returns a non-finite number fails the whole call with the key's name: a
 * chapter must never print NaN.
 */
export async function computeWorkedValues(only?: string): Promise<Map<string, ComputedValue>> {
  await initEngine({ prefer: 'cpu' });
  const out = new Map<string, ComputedValue>();
  // One chapter's file alone, for its own test: the others' training runs are not paid again.
  const files = workedFiles().filter((f) => only === undefined || path.basename(f, '.ts') === only);
  if (only !== undefined && files.length === 0) throw new Error(`computeWorkedValues: no worked values for the chapter "${only}"`);
  for (const file of files) {
    const mod = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as { default?: WorkedChapter };
    const chapter = mod.default;
    if (!chapter || typeof chapter.chapter !== 'string') throw new Error(`${file}: default export must be workedValues(...)`);
    for (const [key, spec] of Object.entries(chapter.values)) {
      const name = `${chapter.chapter}.${key}`;
      let value: number;
      try {
        value = spec.compute();
      } catch (e) {
        throw new Error(`worked value ${name} failed: ${(e as Error).message}`);
      }
      if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`worked value ${name} is not a finite number: ${value}`);
      out.set(name, { value, digits: spec.digits ?? 3 });
    }
  }
  return out;
}
