// Every chapter's worked numbers, computed once on the engine's CPU backend (at build time, in
// Node). Each `src/worked/<chapter>.ts` default-exports `workedValues(...)`; this module finds them.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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

const ROOT = path.resolve(import.meta.dirname, '../..');
const CACHE_DIR = path.join(ROOT, 'node_modules', '.cache', 'worked-values');

/** Every file under src/, in order, and the lock file: the values can change only when these do. */
function sourceKey(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(path.relative(ROOT, full)).update('\0').update(readFileSync(full)).update('\0');
    }
  };
  walk(path.join(ROOT, 'src'));
  const lock = path.join(ROOT, 'package-lock.json');
  if (existsSync(lock)) hash.update(readFileSync(lock));
  return hash.digest('hex').slice(0, 32);
}

/**
 * The whole table: computed once for a given state of the sources and kept on disk, so that the
 * build and the test files that compile chapters (each its own process) do not train every
 * chapter's models again. Each chapter's own test computes its values afresh (`only`).
 */
async function cachedTable(): Promise<Map<string, ComputedValue>> {
  const file = path.join(CACHE_DIR, `${sourceKey()}.json`);
  if (existsSync(file)) {
    try {
      return new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, ComputedValue>));
    } catch {
      // A torn or foreign file: compute again below and replace it.
    }
  }
  const table = await computeTable(undefined);
  mkdirSync(CACHE_DIR, { recursive: true });
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, JSON.stringify(Object.fromEntries(table)));
  renameSync(partial, file);
  return table;
}

/**
 * Every key (`<chapter>.<key>`), or only those of the chapter `only` (its slug), computed afresh.
 * A compute that throws or returns a non-finite number fails the whole call with the key's name: a
 * chapter must never print NaN. The whole table is read from the disk cache when the sources have
 * not changed since it was computed.
 */
export async function computeWorkedValues(only?: string): Promise<Map<string, ComputedValue>> {
  return only === undefined ? cachedTable() : computeTable(only);
}

async function computeTable(only: string | undefined): Promise<Map<string, ComputedValue>> {
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
