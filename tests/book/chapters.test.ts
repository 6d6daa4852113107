// Chapter discovery at build time: file names, frontmatter, order, test pages, duplicate slugs.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chaptersModuleSource, discoverChapters, parseChapter, readFrontmatter } from '../../src/book/build/chapters.ts';

const fm = (title: string, summary: string) => `---\ntitle: ${title}\nsummary: ${summary}\n---\n\nText.\n`;

let scratch: string | null = null;
function scratchBook(files: Record<string, string>): string {
  scratch = mkdtempSync(path.join(tmpdir(), 'book-chapters-'));
  for (const [name, source] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(scratch, name)), { recursive: true });
    writeFileSync(path.join(scratch, name), source);
  }
  return scratch;
}

afterEach(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = null;
});

describe('parseChapter', () => {
  it('reads order, slug, title and summary', () => {
    const chapter = parseChapter('/x/03-gradient-descent.mdx', fm('Gradient descent', 'Walking downhill.'), false);
    expect(chapter).toMatchObject({ order: 3, slug: 'gradient-descent', title: 'Gradient descent', summary: 'Walking downhill.' });
  });

  it('names the file when the name is not NN-slug.mdx', () => {
    expect(() => parseChapter('/x/3-intro.mdx', fm('a', 'b'), false)).toThrow(/3-intro\.mdx.*NN-slug/);
    expect(() => parseChapter('/x/03-Intro.mdx', fm('a', 'b'), false)).toThrow(/03-Intro\.mdx/);
  });

  it('names the file and the key when the frontmatter lacks one', () => {
    expect(() => parseChapter('/x/01-a.mdx', '---\ntitle: A\n---\n', false)).toThrow(/01-a\.mdx.*"summary"/);
    expect(() => parseChapter('/x/01-a.mdx', 'No frontmatter at all.', false)).toThrow(/"title"/);
  });

  it('parses quoted YAML values', () => {
    expect(readFrontmatter('---\ntitle: "Test page: widgets"\nsummary: x\n---\n')).toEqual({ title: 'Test page: widgets', summary: 'x' });
  });
});

describe('discoverChapters', () => {
  it('orders chapters by NN and puts test pages after them only when asked', () => {
    const root = scratchBook({
      'chapters/10-later.mdx': fm('Later', 'b'),
      'chapters/02-early.mdx': fm('Early', 'a'),
      'tests/pages/01-probe.mdx': fm('Probe', 'c'),
    });
    expect(discoverChapters(root, false).map((c) => c.slug)).toEqual(['early', 'later']);
    const withTests = discoverChapters(root, true);
    expect(withTests.map((c) => c.slug)).toEqual(['early', 'later', 'probe']);
    expect(withTests.map((c) => c.testOnly)).toEqual([false, false, true]);
  });

  it('refuses two chapters with one slug', () => {
    const root = scratchBook({ 'chapters/01-same.mdx': fm('A', 'a'), 'chapters/02-same.mdx': fm('B', 'b') });
    expect(() => discoverChapters(root, false)).toThrow(/slug "same"/);
  });

  it('finds the book\'s own first chapter', () => {
    const chapters = discoverChapters(path.resolve(import.meta.dirname, '../..'), false);
    expect(chapters[0]).toMatchObject({ order: 0, slug: 'how-to-use' });
    expect(chapters.every((c) => !c.testOnly)).toBe(true);
  });
});

describe('chaptersModuleSource', () => {
  it('writes one lazy import per chapter, and the metadata', () => {
    const root = scratchBook({ 'chapters/00-a.mdx': fm('A "quoted" title', 'a'), 'chapters/01-b.mdx': fm('B', 'b') });
    const source = chaptersModuleSource(discoverChapters(root, false));
    expect(source.match(/import\(/g)).toHaveLength(2);
    expect(source).toContain('title: "A \\"quoted\\" title"');
    expect(source).toContain(`import(${JSON.stringify(path.join(root, 'chapters', '01-b.mdx'))})`);
  });
});
