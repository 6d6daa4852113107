// What a built page should show, read from its MDX source: how many formulas and diagrams.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { analyseChapter, type ChapterFacts } from '../content/checker.ts';
import type { SitePage } from './site.ts';

const cache = new Map<string, Promise<ChapterFacts>>();

/** Facts about the page's chapter source, or null for the landing page and pages without a source. */
export function sourceFacts(page: SitePage): Promise<ChapterFacts | null> {
  if (!page.source) return Promise.resolve(null);
  let facts = cache.get(page.source);
  if (!facts) {
    const file = page.source;
    facts = analyseChapter({ file: basename(file), source: readFileSync(file, 'utf8') }).then((r) => r.facts);
    cache.set(file, facts);
  }
  return facts;
}
