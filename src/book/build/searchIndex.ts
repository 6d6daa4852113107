// The book's search index, made after pre-rendering from the pages' HTML with Pagefind: one index
// per language (from each page's <html lang>), written to `pagefind/` in the site, which the search
// dialog reads in small pieces as the reader types (src/book/search/pagefind.ts). Only each page's
// <main> is read, less what is not text to search: the MathML copy of each formula (its KaTeX
// HTML is indexed), figures' controls and chrome, diagram sources, buttons, the page's pager.
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'vite';

/** Pages never listed as results (they hold no text of the book's own); every other page is. */
const LEFT_OUT = [/(^|\/)deck\/index\.html$/, /(^|\/)404\.html$/];

export const SEARCH_EXCLUDED = [
  '.katex-mathml',
  '[data-widget]',
  '.diagram',
  '.pager',
  '.code-copy',
  '.exercise-answer',
  '.heading-anchor',
  'nav',
];

export async function indexSearch(outDir: string, logger: Logger): Promise<void> {
  const started = Date.now();
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({ rootSelector: 'main', excludeSelectors: SEARCH_EXCLUDED });
  try {
    if (!index) throw new Error(`the search index could not be started: ${errors.join('; ')}`);
    const files = (await readdir(outDir, { recursive: true }))
      .map((f) => f.split(path.sep).join('/'))
      .filter((f) => f.endsWith('index.html') && !f.startsWith('assets/') && !LEFT_OUT.some((re) => re.test(f)));
    let pages = 0;
    for (const file of files) {
      const added = await index.addHTMLFile({ sourcePath: file, content: await readFile(path.join(outDir, file), 'utf8') });
      if (added.errors.length) throw new Error(`search index, ${file}: ${added.errors.join('; ')}`);
      pages += 1;
    }
    const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
    if (written.errors.length) throw new Error(`search index: ${written.errors.join('; ')}`);
    // Pagefind's own ready-made interfaces are not used (the book has its own dialog).
    for (const ui of ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-modular-ui.js', 'pagefind-modular-ui.css', 'pagefind-component-ui.js', 'pagefind-component-ui.css', 'pagefind-highlight.js']) {
      await rm(path.join(outDir, 'pagefind', ui), { force: true });
    }
    logger.info(`search index of ${pages} pages in ${Date.now() - started} ms`);
  } finally {
    await pagefind.close();
  }
}
