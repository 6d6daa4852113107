// Pre-rendering: after the client build, a second (server-side) build of `src/book/ssr.tsx` renders
// every page to HTML, written as its own file so any static host serves a chapter URL, reload
// included, and the text reads before the JavaScript runs (the client then hydrates it):
//   index.html                   the landing page
//   chapters/<slug>/index.html   each chapter
//   404.html                     "not found" (static hosts serve it for unknown paths)
//   pages.json                   the list of pages, for tools that visit every page
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Logger } from 'vite';

/** What `src/book/ssr.tsx` exports (kept in step with it by the type check of that file). */
export interface SsrModule {
  listPages(): PrerenderPage[];
  renderPage(pagePath: string): Promise<RenderedPage>;
}

export interface PrerenderPage {
  /** Path below the base, '' for the landing page, 'chapters/<slug>/' for a chapter. */
  path: string;
  /** Output file below the out dir. */
  file: string;
  kind: 'landing' | 'chapter' | 'not-found';
  title: string;
  /** Test-only page (mode `test`). */
  testOnly: boolean;
}

export interface RenderedPage {
  html: string;
  title: string;
  description: string;
  /** The route the HTML shows, so the client hydrates only what matches. */
  routeKey: string;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function fillTemplate(template: string, page: RenderedPage): string {
  const withRoot = template.replace(
    /<div id="root"><\/div>/,
    `<div id="root" data-prerendered="${escapeHtml(page.routeKey)}">${page.html}</div>`,
  );
  if (withRoot === template) throw new Error('index.html has no <div id="root"></div> to render into');
  return withRoot
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(page.title)}</title>`)
    .replace(/<meta name="description" content="[^"]*"\s*\/?>/, `<meta name="description" content="${escapeHtml(page.description)}" />`);
}

export async function prerenderSite(opts: { root: string; mode: string; outDir: string; logger: Logger }): Promise<void> {
  const started = Date.now();
  const ssrDir = path.join(opts.outDir, '.ssr');
  try {
    await build({
      configFile: path.join(opts.root, 'vite.config.ts'),
      root: opts.root,
      mode: opts.mode,
      logLevel: 'warn',
      build: {
        ssr: path.join(opts.root, 'src', 'book', 'ssr.tsx'),
        outDir: ssrDir,
        emptyOutDir: true,
        copyPublicDir: false,
        minify: false,
        sourcemap: false,
        rollupOptions: {
          output: { entryFileNames: 'ssr.mjs' },
          // Only ever imported dynamically in the browser (diagrams, the engine): never run here.
          external: [/^mermaid(\/|$)/, /^@tensorflow\//],
        },
      },
      // Bundle every other dependency: the output then runs from anywhere, CommonJS packages included.
      ssr: { noExternal: true },
    });
    const ssr = (await import(`${pathToFileURL(path.join(ssrDir, 'ssr.mjs')).href}?t=${Date.now()}`)) as SsrModule;
    const template = await readFile(path.join(opts.outDir, 'index.html'), 'utf8');
    const pages = ssr.listPages();
    for (const page of pages) {
      const rendered = await ssr.renderPage(page.path);
      const target = path.join(opts.outDir, page.file);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, fillTemplate(template, rendered));
    }
    await writeFile(path.join(opts.outDir, 'pages.json'), `${JSON.stringify(pages, null, 2)}\n`);
    opts.logger.info(`pre-rendered ${pages.length} pages in ${Date.now() - started} ms`);
  } finally {
    await rm(ssrDir, { recursive: true, force: true });
  }
}
