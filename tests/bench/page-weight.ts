// What each pre-rendered page of a built site makes the browser fetch before it can show the page:
// the HTML itself, its style sheets, and any entry script or preload the HTML names, each gzipped
// (as a server sends them), summed per page. The scripts a page requests only after its first paint
// (prerender.ts's loader, `data-after-paint`) are weighed beside them, not in the total. Fonts,
// images and lazy chunks come later and are left out.
//   npx tsx tests/bench/page-weight.ts [site folder, default dist] [--json]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageWeight {
  page: string;
  html: number;
  css: number;
  script: number;
  /** Scripts requested once the first frame is painted. */
  afterPaint: number;
  total: number;
}

const gz = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;

/** The gzipped bytes a page of `site` fetches before first paint, by kind. */
export function pageWeight(site: string, page: string, base = '/'): PageWeight {
  const html = readFileSync(path.join(site, page));
  const text = html.toString('utf8');
  const files = (pattern: RegExp) => [...new Set([...text.matchAll(pattern)].map((m) => m[1]))].map((href) => readFileSync(path.join(site, href.slice(base.length))));
  const css = files(/<link rel="stylesheet"[^>]*href="([^"]+)"/g).reduce((sum, b) => sum + gz(b), 0);
  const script = [...files(/<script type="module"[^>]*src="([^"]+)"/g), ...files(/<link rel="modulepreload"[^>]*href="([^"]+)"/g)].reduce((sum, b) => sum + gz(b), 0);
  const afterPaintList = /<script data-after-paint="([^"]+)"/.exec(text)?.[1];
  const afterPaintFiles = afterPaintList ? (JSON.parse(afterPaintList.replace(/&quot;/g, '"').replace(/&amp;/g, '&')) as string[]) : [];
  const afterPaint = afterPaintFiles.reduce((sum, href) => sum + gz(readFileSync(path.join(site, href.slice(base.length)))), 0);
  const htmlBytes = gz(html);
  return { page, html: htmlBytes, css, script, afterPaint, total: htmlBytes + css + script };
}

function main(): void {
  const site = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'dist';
  const pages = (JSON.parse(readFileSync(path.join(site, 'pages.json'), 'utf8')) as { file: string; locale: string }[]).filter((p) => p.locale === 'en');
  const rows = pages.map((p) => pageWeight(site, p.file));
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(rows, null, 2));
    return;
  }
  const kb = (n: number) => (n / 1024).toFixed(1);
  console.log('| page | HTML | CSS | script | total before first paint | scripts after it (KB gzipped) |\n|---|---:|---:|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.page} | ${kb(r.html)} | ${kb(r.css)} | ${kb(r.script)} | ${kb(r.total)} | ${kb(r.afterPaint)} |`);
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) main();
