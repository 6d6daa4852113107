// The service worker that keeps the book readable offline, generated with Workbox after
// pre-rendering and the search index (so it can list their files):
// - precached at the first visit: every page of the default locale (so a chapter never opened
//   before still opens offline), the style sheets, fonts and every script of the book (chapters,
//   figures, the engine and its WebAssembly builds, the training worker), the search index;
// - cached on first use: the pages of other locales, Mermaid's chunks (only pages with a diagram
//   near the window fetch them), the MNIST digits in data/ and the trained weights in models/.
// A page matched ignores its query, so a figure's shared link opens offline too. A new version
// waits until the reader accepts the update notice (src/book/offline/), which sends SKIP_WAITING.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'vite';
import type { Manifest } from './prerender.ts';

/** The files only Mermaid needs: what its chunk imports, statically or not, and the book does not. */
export function mermaidOnlyFiles(manifest: Manifest): string[] {
  const isMermaid = (key: string) => /node_modules\/mermaid\//.test(key);
  const reach = (starts: string[], enter: (key: string) => boolean) => {
    const seen = new Set<string>();
    const stack = [...starts];
    while (stack.length) {
      const key = stack.pop()!;
      if (seen.has(key) || !manifest[key] || !enter(key)) continue;
      seen.add(key);
      const chunk = manifest[key];
      stack.push(...(chunk.imports ?? []), ...(chunk.dynamicImports ?? []));
    }
    return new Set([...seen].map((key) => manifest[key].file));
  };
  const entries = Object.keys(manifest).filter((key) => manifest[key].isEntry);
  const book = reach(entries, (key) => !isMermaid(key));
  const mermaid = reach(Object.keys(manifest).filter(isMermaid), () => true);
  return [...mermaid].filter((file) => !book.has(file));
}

export async function writeServiceWorker(outDir: string, otherLocalePrefixes: string[], logger: Logger): Promise<void> {
  const started = Date.now();
  const manifest = JSON.parse(await readFile(path.join(outDir, '.vite', 'manifest.json'), 'utf8').catch(() => '{}')) as Manifest;
  const { generateSW } = await import('workbox-build');
  const { count, size, warnings } = await generateSW({
    globDirectory: outDir,
    swDest: path.join(outDir, 'sw.js'),
    globPatterns: ['**/*.{html,js,css,woff2,svg,json,webmanifest,pagefind,pf_meta,pf_index,pf_fragment,wasm}'],
    // The engine's single-threaded WebAssembly builds are precached (a figure on a machine without
    // WebGL needs one even on a chapter never opened online); the threaded one is never used.
    globIgnores: ['sw.js', '**/*threaded*.wasm', '404.html', 'data/**', 'models/**', '**/*.map', ...otherLocalePrefixes.map((prefix) => `${prefix}**/*.html`), ...mermaidOnlyFiles(manifest)],
    // The largest scripts (a chapter with its figures, the training worker) are over a megabyte.
    maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
    directoryIndex: 'index.html',
    ignoreURLParametersMatching: [/.*/],
    inlineWorkboxRuntime: true,
    sourcemap: false,
    mode: 'production',
    skipWaiting: false,
    clientsClaim: true,
    cleanupOutdatedCaches: true,
    runtimeCaching: [
      { urlPattern: ({ request }) => request.mode === 'navigate', handler: 'NetworkFirst', options: { cacheName: 'pages', networkTimeoutSeconds: 4 } },
      { urlPattern: /\/assets\/.*\.(js|wasm)$/, handler: 'CacheFirst', options: { cacheName: 'code' } },
      { urlPattern: /\/(data|models)\//, handler: 'CacheFirst', options: { cacheName: 'data' } },
    ],
  });
  for (const warning of warnings) logger.warn(`service worker: ${warning}`);
  logger.info(`service worker: ${count} files precached (${(size / 1024 / 1024).toFixed(1)} MB) in ${Date.now() - started} ms`);
}
