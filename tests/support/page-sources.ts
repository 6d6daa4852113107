// What a built page should show, read from its MDX source: how many formulas and diagrams. Only
// parsed (MDX with the build's math, GFM and frontmatter syntax), never compiled: counting needs no
// highlighting, typesetting or worked numbers, and the content checks compile every chapter already.
import { readFileSync } from 'node:fs';
import { createProcessor } from '@mdx-js/mdx';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import type { SitePage } from './site.ts';

export interface PageSourceFacts {
  /** Formulas, inline and display, as KaTeX will render them. */
  math: number;
  /** Mermaid diagrams: ```mermaid fences and <Mermaid> tags. */
  diagrams: number;
}

interface Node {
  type: string;
  lang?: string | null;
  name?: string | null;
  children?: Node[];
}

const parser = createProcessor({ remarkPlugins: [remarkFrontmatter, remarkGfm, remarkMath] });

/** Counts the formulas and diagrams in an MDX source. */
export function countSource(source: string): PageSourceFacts {
  const facts: PageSourceFacts = { math: 0, diagrams: 0 };
  const walk = (node: Node) => {
    if (node.type === 'math' || node.type === 'inlineMath') facts.math++;
    if ((node.type === 'code' && node.lang === 'mermaid') || ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'Mermaid')) facts.diagrams++;
    node.children?.forEach(walk);
  };
  walk(parser.parse(source) as Node);
  return facts;
}

const cache = new Map<string, PageSourceFacts>();

/** Facts about the page's chapter source, or null for the landing page and pages without a source. */
export function sourceFacts(page: SitePage): PageSourceFacts | null {
  if (!page.source) return null;
  let facts = cache.get(page.source);
  if (!facts) cache.set(page.source, (facts = countSource(readFileSync(page.source, 'utf8'))));
  return facts;
}
