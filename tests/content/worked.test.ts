// The worked numbers (src/worked/): every one computes to a finite number on the engine, every key a
// chapter uses exists (the build fails otherwise; checked here with the chapter's name), every key
// defined is used by some chapter, and every chapter's values have their own independent test
// (tests/content/worked-<chapter>.test.ts) that recomputes them without the engine.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeWorkedValues, workedFiles } from '../../src/worked/index.ts';
import { formatWorked } from '../../src/worked/define.ts';
import { analyseChapter } from './checker.ts';
import { ROOT } from '../support/site.ts';

const table = await computeWorkedValues();
const chapters = readdirSync(join(ROOT, 'chapters')).filter((f) => f.endsWith('.mdx'));
const used = new Map<string, string[]>();
for (const file of chapters) {
  const { facts } = await analyseChapter({ file, source: readFileSync(join(ROOT, 'chapters', file), 'utf8') });
  for (const { value } of facts.computed) used.set(value, [...(used.get(value) ?? []), file]);
}

describe('worked numbers', () => {
  it('every value is finite', () => {
    for (const [key, v] of table) expect(Number.isFinite(v.value), key).toBe(true);
  });

  it('every key a chapter uses is defined', () => {
    const missing = [...used.keys()].filter((k) => !table.has(k)).map((k) => `${k} (used in ${used.get(k)!.join(', ')})`);
    expect(missing).toEqual([]);
  });

  it('every key defined is used by a chapter', () => {
    expect([...table.keys()].filter((k) => !used.has(k))).toEqual([]);
  });

  it('every chapter of values has an independent test', () => {
    const missing = workedFiles()
      .map((f) => `tests/content/worked-${basename(f, '.ts')}.test.ts`)
      .filter((t) => !existsSync(join(ROOT, t)));
    expect(missing).toEqual([]);
  });

  it('prints with a true minus sign and never "-0"', () => {
    expect(formatWorked(-0.00001, 3)).toBe('0.000');
    expect(formatWorked(-1.25, 2)).toBe('\u22121.25');
    expect(formatWorked(0.7310585, 3)).toBe('0.731');
  });
});
