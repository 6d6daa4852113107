// The glossary and the questions page against the chapters as the build compiles them: every
// term's section is a real heading of its chapter, with the title the glossary shows; the build
// links terms in every chapter, each at most once, and a term a chapter teaches only after the
// section that teaches it; every link of the questions page leads to a heading or a figure that
// exists.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compile } from '@mdx-js/mdx';
import type { Root as HastRoot } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { mdxCompileOptions } from '../../src/book/build/mdxOptions.ts';
import { remarkComputed } from '../../src/book/build/remarkComputed.ts';
import { answerLinks } from '../../src/book/faq/answerParts.ts';
import { faqStrings } from '../../src/book/faq/strings.ts';
import { sectionStrings } from '../../src/book/glossary/strings.ts';
import { TERMS } from '../../src/book/glossary/terms.ts';
import { frameElementId, WIDGET_ID } from '../../src/book/urlState.ts';
import { CHAPTER_FILE, ROOT } from '../support/site.ts';
import { brokenLink, type ChapterFacts } from './checker.ts';

interface Compiled {
  slug: string;
  file: string;
  /** Every element id (rehype-slug's heading ids and the figures' frame ids). */
  ids: Set<string>;
  /** Heading text by heading id. */
  headings: Map<string, string>;
  /** Each heading's place in the chapter (0 for the first). */
  order: Map<string, number>;
  /** The terms linked, in order, each with the ids of the headings it sits under and how many headings came before it. */
  terms: { term: string; under: string[]; after: number }[];
}

/**
 * A chapter compiled with the build's own remark plugins, then rehype-slug: the ids the page will
 * have. (Shiki and KaTeX, which only style code and math, are left out: they give no ids.)
 */
async function compileChapter(file: string): Promise<Compiled> {
  const slug = CHAPTER_FILE.exec(file)![2];
  const out: Compiled = { slug, file, ids: new Set(), headings: new Map(), order: new Map(), terms: [] };
  const options = mdxCompileOptions();
  const rehypeSlug = options.rehypePlugins![0];
  // The figures' names: a figure's frame is an anchor links may point at (as the checker reads them).
  const collectFigures = () => (tree: MdastRoot) => {
    visit(tree, (node) => {
      if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name && /^[A-Z]/.test(node.name)) {
        const id = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'id');
        if (id && typeof id.value === 'string' && WIDGET_ID.test(id.value)) out.ids.add(frameElementId(id.value));
      }
    });
  };
  // Every id, every heading's text, and each linked term with the headings it sits under.
  const collectIds = () => (tree: HastRoot) => {
    const open: { depth: number; id: string }[] = [];
    visit(tree, (node) => {
      if (node.type === 'element') {
        const id = node.properties?.id;
        if (typeof id === 'string') out.ids.add(id);
        const depth = Number(/^h([2-6])$/.exec(node.tagName)?.[1]);
        if (depth && typeof id === 'string') {
          out.headings.set(id, toString(node).trim());
          out.order.set(id, out.order.size);
          while (open.length && open[open.length - 1].depth >= depth) open.pop();
          open.push({ depth, id });
        }
      }
      const jsx = node as unknown as { type: string; name?: string; attributes?: { name?: string; value?: unknown }[] };
      if (jsx.type === 'mdxJsxTextElement' && jsx.name === 'Term') {
        const term = jsx.attributes?.find((a) => a.name === 'term')?.value;
        out.terms.push({ term: String(term), under: open.map((h) => h.id), after: out.order.size });
      }
    });
  };
  // Worked numbers are left out too: they fill in values, never headings or prose terms, and
  // computing them would take most of this file's time.
  const remarkPlugins = (options.remarkPlugins ?? []).filter((p) => p !== remarkComputed);
  await compile(
    { value: readFileSync(join(ROOT, 'chapters', file), 'utf8'), path: file },
    { ...options, remarkPlugins: [...remarkPlugins, collectFigures], rehypePlugins: [rehypeSlug, collectIds] },
  );
  return out;
}

const files = readdirSync(join(ROOT, 'chapters'))
  .filter((f) => CHAPTER_FILE.test(f))
  .sort();
const compiled = await Promise.all(files.map(compileChapter));
const bySlug = new Map(compiled.map((c) => [c.slug, c]));

describe('glossary terms in the chapters', () => {
  it('teaches each term in a section that exists, under the title the glossary shows', () => {
    const titles = sectionStrings as unknown as Record<string, string>;
    for (const term of TERMS) {
      const chapter = bySlug.get(term.chapter);
      expect(chapter, `${term.id}: no chapter "${term.chapter}"`).toBeDefined();
      expect(chapter!.headings.has(term.section), `${term.id}: no heading #${term.section} in ${chapter!.file}`).toBe(true);
      expect(titles[`${term.chapter}#${term.section}`], term.id).toBe(chapter!.headings.get(term.section));
    }
  });

  for (const chapter of compiled) {
    it(`${chapter.file}: links terms, each once, and a term it teaches only after its section`, () => {
      expect(chapter.terms.length).toBeGreaterThan(chapter.slug === 'how-to-use' ? 5 : 20);
      const ids = chapter.terms.map((t) => t.term);
      expect(new Set(ids).size).toBe(ids.length);
      for (const { term, under, after } of chapter.terms) {
        const known = TERMS.find((t) => t.id === term);
        expect(known, term).toBeDefined();
        if (known!.chapter === chapter.slug) {
          expect(under, term).not.toContain(known!.section);
          expect(chapter.order.get(known!.section)!, `${term} is linked before its section`).toBeLessThan(after);
        }
        expect(known!.notIn ?? [], term).not.toContain(chapter.slug);
      }
    });
  }
});

describe('questions page links', () => {
  const facts = new Map(compiled.map((c) => [c.slug, { file: c.file, slug: c.slug, ids: c.ids } as ChapterFacts]));
  const from = facts.values().next().value!;
  for (const [id, { answer }] of Object.entries(faqStrings.questions)) {
    it(`#${id}: every link leads to a chapter's heading or figure`, () => {
      const links = answerLinks(answer);
      for (const url of links) {
        expect(url, `${id}: ${url}`).toMatch(/^\/chapters\/[a-z0-9-]+\/#[a-z0-9-]+$/);
        expect(brokenLink(url, from, facts), `${id}: ${url}`).toBeNull();
      }
    });
  }
});
