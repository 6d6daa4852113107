// The worked numbers (src/worked/): every one computes to a finite number on the engine, every key a
// chapter uses exists (the build fails otherwise; checked here with the chapter's name), every key
// defined is used by some chapter, and every chapter's values have their own independent test
// (tests/content/worked-<chapter>.test.ts) that recomputes them without the engine.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseAnswer } from '../../src/book/exercises.tsx';
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

  it('groups the digits of large numbers in threes, and of four-digit ones not at all', () => {
    expect(formatWorked(109386, 0)).toBe('109,386');
    expect(formatWorked(1048576, 0)).toBe('1,048,576');
    expect(formatWorked(-12345.678, 2)).toBe('\u221212,345.68');
    expect(formatWorked(1024, 0)).toBe('1024');
    expect(formatWorked(99999.5, 0)).toBe('100,000');
  });

  it('an exercise reads grouped thousands as thousands and a lone decimal comma as a decimal point', () => {
    expect(parseAnswer('203,530')).toBe(203530);
    expect(parseAnswer('1,048,576')).toBe(1048576);
    expect(parseAnswer('\u221212,345.5')).toBe(-12345.5);
    expect(parseAnswer('0,75')).toBe(0.75);
    expect(parseAnswer('1,5')).toBe(1.5);
    expect(parseAnswer('12,34,567')).toBeNull();
  });
});
