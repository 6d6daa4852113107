// The book's chapters, compiled as the build compiles them: file names, frontmatter, MDX syntax,
// tags missing from the component map, KaTeX errors and internal links, each failure naming the
// chapter. The test-only pages are checked the same way against the map with the test widgets.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { components, widgetComponents } from '../../src/book/components.tsx';
import { testComponents } from '../widgets/index.tsx';
import { checkChapters, formatProblem, type ChapterInput, type Problem } from './checker.ts';
import { countSource } from '../support/page-sources.ts';
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
const { problems: bookProblems, facts: bookFacts } = await checkChapters(chapters, { components: Object.keys(components), widgets: Object.keys(widgetComponents) });
const { problems: testProblems, facts: testFacts } = await checkChapters(testPages, {
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

// The browser tests count a page's formulas and diagrams by parsing its source only (page-sources.ts):
// the counts must be the compile's.
describe('the quick count of formulas and diagrams', () => {
  const pairs = [...chapters.map((c, i) => [c, bookFacts[i]] as const), ...testPages.map((c, i) => [c, testFacts[i]] as const)];
  it('covers pages with formulas and pages with diagrams', () => {
    expect(pairs.some(([, f]) => f.math.length > 0)).toBe(true);
    expect(pairs.some(([, f]) => f.diagrams > 0)).toBe(true);
  });
  for (const [c, facts] of pairs) {
    it(c.file, () => {
      expect(countSource(c.source)).toEqual({ math: facts.math.length, diagrams: facts.diagrams });
    });
  }
});
