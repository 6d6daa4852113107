// The book's chapters, compiled as the build compiles them: file names, frontmatter, MDX syntax,
// tags missing from the component map, KaTeX errors and internal links, each failure naming the
// chapter. The test-only pages are checked the same way against the map with the test widgets.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { components } from '../../src/book/components.tsx';
import { testComponents } from '../widgets/index.tsx';
import { analyseChapter, checkChapters, formatProblem, type ChapterInput, type Problem } from './checker.ts';
import { ROOT } from '../support/site.ts';

function readMdx(dir: string): ChapterInput[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((file) => ({ file, source: readFileSync(join(dir, file), 'utf8') }));
}

const chapters = readMdx(join(ROOT, 'chapters'));
const testPages = readMdx(join(ROOT, 'tests/pages'));
const bookProblems = await checkChapters(chapters, { components: Object.keys(components) });
const bookFacts = await Promise.all(chapters.map(async (c) => (await analyseChapter(c)).facts));
const testProblems = await checkChapters(testPages, {
  components: [...Object.keys(components), ...Object.keys(testComponents)],
  linkable: bookFacts,
});

function report(problems: Problem[], file: string): string[] {
  return problems.filter((p) => p.chapter === file).map(formatProblem);
}

describe('chapters', () => {
  it('the book has chapters', () => {
    expect(chapters.length).toBeGreaterThan(0);
  });
  for (const c of chapters) {
    it(c.file, () => {
      expect(report(bookProblems, c.file)).toEqual([]);
    });
  }
});

describe('test pages', () => {
  for (const c of testPages) {
    it(c.file, () => {
      expect(report(testProblems, c.file)).toEqual([]);
    });
  }
});
