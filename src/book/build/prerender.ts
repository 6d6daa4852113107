// Pre-rendering: after the client build, a second (server-side) build of `src/book/ssr.tsx` renders
// every page to HTML, written as its own file so any static host serves a chapter URL, reload
// included, and the text reads before the JavaScript runs (the client then hydrates it):
//   index.html                   the landing page
//   chapters/<slug>/index.html   each chapter
//   lab/index.html               the Lab
//   glossary/, faq/, deck/       the book's other pages (routes.ts's BOOK_PAGES)
//   404.html                     "not found" (static hosts serve it for unknown paths)
//   <locale>/…                   the same pages in each locale but the default, with its `lang`
//   pages.json                   the list of pages, for tools that visit every page
// Each chapter's page also preloads its chapter's code (`<link rel="modulepreload">`, from Vite's
// manifest), so the browser fetches it beside the entry script instead of after it has run; all of
// them are requested after the first paint (scriptsAfterFirstPaint).
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
  /** Path below the base, '' for the landing page, 'chapters/<slug>/' for a chapter, 'lab/' for the Lab. */
  path: string;
  /** Output file below the out dir. */
  file: string;
  kind: 'landing' | 'chapter' | 'lab' | 'glossary' | 'faq' | 'deck' | 'not-found';
  title: string;
  /** Test-only page (mode `test`). */
  testOnly: boolean;
  /** The locale the page is written in. */
  locale: string;
}

export interface RenderedPage {
  html: string;
  title: string;
  description: string;
  /** The route the HTML shows, so the client hydrates only what matches. */
  routeKey: string;
  /** The page's locale, for `<html lang>`. */
  lang: string;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function fillTemplate(template: string, page: RenderedPage): string {
  const withRoot = template.replace(
    /<div id="root"><\/div>/,
    `<div id="root" data-prerendered="${escapeHtml(page.routeKey)}">${page.html}</div>`,
  );
  if (withRoot === template) throw new Error('index.html has no <div id="root"></div> to render into');
  // The page's own locale, whatever the template says.
  const withLang = withRoot.replace(/<html\b([^>]*)>/, (_, attributes: string) => `<html lang="${escapeHtml(page.lang)}"${attributes.replace(/\s+lang="[^"]*"/, '')}>`);
  return withLang
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(page.title)}</title>`)
    .replace(/<meta name="description" content="[^"]*"\s*\/?>/, `<meta name="description" content="${escapeHtml(page.description)}" />`);
}

/** The parts of Vite's build manifest (`.vite/manifest.json`) read here. */
export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

/** A chunk's file and the files of the chunks it imports statically, transitively. */
function staticClosure(manifest: Manifest, key: string, into = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk || into.has(chunk.file)) return into;
  into.add(chunk.file);
  for (const imported of chunk.imports ?? []) staticClosure(manifest, imported, into);
  return into;
}

/**
 * The script files a chapter's page should preload: its chapter chunk and what that imports,
 * less what the entry script already brings. Empty when the chapter has no chunk in the manifest.
 */
export function chapterPreloads(manifest: Manifest, slug: string): string[] {
  const pattern = new RegExp(`(^|/)\\d\\d-${slug.replace(/[^a-z0-9-]/g, '')}\\.mdx$`);
  const key = Object.keys(manifest).find((k) => pattern.test(k));
  if (!key) return [];
  const entries = Object.keys(manifest).filter((k) => manifest[k].isEntry);
  const loaded = new Set<string>();
  for (const entry of entries) staticClosure(manifest, entry, loaded);
  return [...staticClosure(manifest, key)].filter((file) => !loaded.has(file));
}

/**
 * What the page of one of the book's other pages (a lazy chunk, `src`) needs before it paints: its
 * scripts, less what the entry brings, to preload, and the style sheets its chunks carry (the
 * glossary's and the decks' styles live with their pages, not in every page's sheet).
 */
export function pageChunkAssets(manifest: Manifest, src: string): { scripts: string[]; styles: string[] } {
  if (!manifest[src]) return { scripts: [], styles: [] };
  const loaded = new Set<string>();
  for (const entry of Object.keys(manifest).filter((k) => manifest[k].isEntry)) staticClosure(manifest, entry, loaded);
  const keys: string[] = [];
  const visit = (key: string) => {
    if (keys.includes(key) || !manifest[key]) return;
    keys.push(key);
    for (const imported of manifest[key].imports ?? []) visit(imported);
  };
  visit(src);
  // The entry's own chunks (and their style sheet) are on every page already.
  const entryCss = new Set(Object.keys(manifest).filter((k) => loaded.has(manifest[k].file)).flatMap((k) => manifest[k].css ?? []));
  return {
    scripts: keys.map((k) => manifest[k].file).filter((file) => !loaded.has(file)),
    styles: [...new Set(keys.flatMap((k) => manifest[k].css ?? []))].filter((file) => !entryCss.has(file)),
  };
}

/** `<link rel="modulepreload">` tags for `files` and style sheets for `styles`, placed before `</head>`. */
export function withPreloads(html: string, files: string[], base: string, styles: string[] = []): string {
  if (files.length === 0 && styles.length === 0) return html;
  const links = [
    ...styles.map((file) => `<link rel="stylesheet" crossorigin href="${escapeHtml(base + file)}">`),
    ...files.map((file) => `<link rel="modulepreload" crossorigin href="${escapeHtml(base + file)}">`),
  ].join('\n    ');
  return html.replace('</head>', `  ${links}\n  </head>`);
}

// A page paints from its HTML and style sheets alone: the pre-rendered text is complete without
// script. Its scripts (Vite's entry, what the entry imports, the page's own chunks) are therefore
// requested only once the first frame is painted, so on a slow connection they do not share the
// bandwidth the text and styles need; the page then hydrates as before. A hidden tab (where no frame
// is painted) requests them at once. The list travels as JSON in an attribute of the loader, for
// tools that weigh a page (tests/bench/page-weight.ts).
const AFTER_PAINT_LOADER = [
  '(function (d) {',
  "  var files = JSON.parse(d.currentScript.getAttribute('data-after-paint'));",
  '  var started = false;',
  '  function load() {',
  '    if (started) return;',
  '    started = true;',
  '    files.forEach(function (file, i) {',
  "      var tag = d.createElement(i ? 'link' : 'script');",
  "      if (i) { tag.rel = 'modulepreload'; tag.href = file; } else { tag.type = 'module'; tag.src = file; }",
  "      tag.crossOrigin = '';",
  '      d.head.appendChild(tag);',
  '    });',
  '  }',
  '  if (d.hidden) load();',
  '  else requestAnimationFrame(function () { setTimeout(load, 0); });',
  "  d.addEventListener('visibilitychange', load);",
  '})(document);',
].join('\n');

/** The entry script and module preloads of `html`, moved into a loader that requests them after the first paint. */
export function scriptsAfterFirstPaint(html: string): string {
  const entries: string[] = [];
  const preloads: string[] = [];
  const rest = html
    .replace(/[ \t]*<script type="module"[^>]*\bsrc="([^"]+)"[^>]*><\/script>\n?/g, (_, src: string) => (entries.push(src), ''))
    .replace(/[ \t]*<link rel="modulepreload"[^>]*\bhref="([^"]+)"[^>]*>\n?/g, (_, href: string) => (preloads.push(href), ''));
  if (entries.length !== 1) throw new Error(`a page should have one entry script, found ${entries.length}`);
  // The file names are the build's own (hashed asset names): no quote or tag can be in them.
  const files = escapeHtml(JSON.stringify([...entries, ...preloads.filter((file) => file !== entries[0])]));
  return rest.replace('</body>', `<script data-after-paint="${files}">\n${AFTER_PAINT_LOADER}\n</script>\n</body>`);
}

/** The source of each of the book's other pages, as Vite's manifest names its chunk. */
const BOOK_PAGE_SOURCES: Record<string, string> = {
  glossary: 'src/book/glossary/GlossaryPage.tsx',
  faq: 'src/book/faq/FaqPage.tsx',
  deck: 'src/book/deck/DeckPage.tsx',
};

export async function prerenderSite(opts: { root: string; mode: string; outDir: string; base: string; logger: Logger }): Promise<void> {
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
    const manifestFile = path.join(opts.outDir, '.vite', 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8').catch(() => '{}')) as Manifest;
    const pages = ssr.listPages();
    for (const page of pages) {
      const rendered = await ssr.renderPage(page.path);
      const target = path.join(opts.outDir, page.file);
      const slug = /(?:^|\/)chapters\/([a-z0-9-]+)\/$/.exec(page.path)?.[1];
      const source = BOOK_PAGE_SOURCES[page.kind];
      const { scripts, styles } = source ? pageChunkAssets(manifest, source) : { scripts: page.kind === 'chapter' && slug ? chapterPreloads(manifest, slug) : [], styles: [] };
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, scriptsAfterFirstPaint(withPreloads(fillTemplate(template, rendered), scripts, opts.base, styles)));
    }
    await writeFile(path.join(opts.outDir, 'pages.json'), `${JSON.stringify(pages, null, 2)}\n`);
    opts.logger.info(`pre-rendered ${pages.length} pages in ${Date.now() - started} ms`);
  } finally {
    // (Vite's manifest stays for the service worker's list: the plugin deletes it after that.)
    await rm(ssrDir, { recursive: true, force: true });
  }
}
