// The book's Vite plugins:
// - `virtual:book/chapters`: the chapter list (metadata + one lazy chunk per chapter);
// - `virtual:book/test-components`: the test-only component map in mode `test`, else empty, so a
//   normal build bundles nothing from tests/;
// - `virtual:book/figures`: every named figure of every chapter, for the lecture decks;
// - KaTeX's stylesheet trimmed to woff2 fonts (every current browser reads woff2);
// - after the client build, every page pre-rendered to its own HTML file (see prerender.ts), then
//   the search index made from those pages (searchIndex.ts) and the service worker that keeps
//   the book readable offline (serviceWorker.ts).
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { chaptersModuleSource, discoverChapters } from './chapters.ts';
import { pageHeadingIds, pageStrings, STATIC_HTML_MODULE } from './rehypeStaticHtml.ts';
import { bookFigures, figuresModuleSource } from '../deck/figureIndex.ts';
import { prerenderSite } from './prerender.ts';
import { indexSearch } from './searchIndex.ts';
import { writeServiceWorker } from './serviceWorker.ts';
import { DEFAULT_LOCALE, LOCALES } from '../../i18n/locale.ts';
import { localePrefix } from '../../i18n/paths.ts';

const CHAPTERS_ID = 'virtual:book/chapters';
const TEST_COMPONENTS_ID = 'virtual:book/test-components';
/** Every named figure of the book, for the lecture-deck builder (its chunk alone imports it). */
const FIGURES_ID = 'virtual:book/figures';

export interface BookPluginOptions {
  root: string;
  mode: string;
  /** True in the nested server-side build that pre-rendering runs. */
  isSsrBuild: boolean;
}

function virtualModules({ root, mode, isSsrBuild }: BookPluginOptions): Plugin {
  const testMode = mode === 'test';
  const resolved = (id: string) => `\0${id}`;
  return {
    name: 'book:virtual-modules',
    resolveId(id) {
      if (id === CHAPTERS_ID || id === TEST_COMPONENTS_ID || id === FIGURES_ID) return resolved(id);
      if (id.startsWith(STATIC_HTML_MODULE)) return resolved(id);
      return null;
    },
    load(id) {
      if (id.startsWith(resolved(STATIC_HTML_MODULE))) {
        // The pre-render gets each chapter's fixed markup; the browser reads it from the page.
        if (!isSsrBuild) return 'export default null;\nexport const headingIds = null;\n';
        const file = decodeURIComponent(id.slice(resolved(STATIC_HTML_MODULE).length));
        const strings = pageStrings.get(file);
        if (!strings) throw new Error(`no fixed markup was kept for ${file}`);
        return `export default ${JSON.stringify(strings)};\nexport const headingIds = ${JSON.stringify(pageHeadingIds.get(file) ?? {})};\n`;
      }
      if (id === resolved(CHAPTERS_ID)) {
        const chapters = discoverChapters(root, testMode);
        // Rebuild the list when a chapter's frontmatter changes (dev server).
        for (const chapter of chapters) this.addWatchFile(chapter.file);
        return chaptersModuleSource(chapters);
      }
      if (id === resolved(FIGURES_ID)) {
        const chapters = discoverChapters(root, testMode);
        for (const chapter of chapters) this.addWatchFile(chapter.file);
        return figuresModuleSource(bookFigures(chapters));
      }
      if (id === resolved(TEST_COMPONENTS_ID)) {
        const file = path.join(root, 'tests', 'widgets', 'index.tsx');
        if (testMode && existsSync(file)) {
          return `export { testComponents } from ${JSON.stringify(file.split(path.sep).join('/'))};\n`;
        }
        return 'export const testComponents = {};\n';
      }
      return null;
    },
    configureServer(server) {
      // A chapter added or removed changes the list: reload the page with a fresh one.
      const dirs = [path.join(root, 'chapters'), path.join(root, 'tests', 'pages')];
      const onAddOrRemove = (file: string) => {
        if (!file.endsWith('.mdx') || !dirs.some((dir) => file.startsWith(dir))) return;
        const mod = server.moduleGraph.getModuleById(resolved(CHAPTERS_ID));
        if (mod) server.moduleGraph.invalidateModule(mod);
        server.ws.send({ type: 'full-reload' });
      };
      server.watcher.add(dirs);
      server.watcher.on('add', onAddOrRemove);
      server.watcher.on('unlink', onAddOrRemove);
    },
  };
}

/** KaTeX's CSS lists woff2, woff and ttf for each of its fonts; keep woff2 only (~1/3 of the files). */
function katexWoff2Only(): Plugin {
  return {
    name: 'book:katex-woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]katex[\\/]dist[\\/]katex(\.min)?\.css$/.test(id.split('?')[0])) return null;
      return code.replace(/,\s*url\([^)]*\.woff\)\s*format\("woff"\)/g, '').replace(/,\s*url\([^)]*\.ttf\)\s*format\("truetype"\)/g, '');
    },
  };
}

function prerender(options: BookPluginOptions): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'book:prerender',
    apply: 'build',
    configResolved(resolvedConfig) {
      config = resolvedConfig;
    },
    async closeBundle() {
      if (options.isSsrBuild || config.build.ssr) return;
      await prerenderSite({
        root: options.root,
        mode: options.mode,
        outDir: path.resolve(options.root, config.build.outDir),
        base: config.base,
        logger: config.logger,
      });
      const outDir = path.resolve(options.root, config.build.outDir);
      try {
        await indexSearch(outDir, config.logger);
        await writeServiceWorker(outDir, LOCALES.filter((l) => l !== DEFAULT_LOCALE).map(localePrefix), config.logger);
      } finally {
        // The manifest served its purpose: it is not part of the site.
        await rm(path.join(outDir, '.vite'), { recursive: true, force: true });
      }
    },
  };
}

export function bookPlugins(options: BookPluginOptions): Plugin[] {
  return [virtualModules(options), katexWoff2Only(), prerender(options)];
}
