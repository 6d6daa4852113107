// `npm run bench:pages`: every page of the built book in headless Chromium at 1280×900 (WebGL from
// SwiftShader), one fresh context each, as a first visit:
//   - bytes before first paint: the page's HTML and style sheets (and any script it would fetch
//     before painting), gzipped (page-weight.ts), against the 120 KB budget, and the scripts it
//     requests after painting;
//   - largest contentful paint;
//   - the largest single layout shift after first paint, and their sum (budget 0.02);
//   - time until the page is ready (its content rendered, its diagrams near the window drawn) and
//     until every figure on it is ready (every compute badge has left "starting").
// Times are milliseconds from navigation start on this machine: compare them run to run on the
// same machine, not across machines. Builds the site into a temporary folder unless --site DIR.
//   options: --site DIR (a built site), --only slug,slug (chapters by slug, `landing`, `lab`, …),
//            --slow (a slow mobile network: SLOW_NETWORK)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { requireChromium, WEBGL_ARGS } from '../support/chromium';
import { builtBase } from '../support/site';
import { serveStatic } from '../support/static-server';
import { pageWeight } from './page-weight';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

/** `--slow`: a phone on a slow mobile network (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up). */
const SLOW_NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

interface PageRow {
  page: string;
  kb: number;
  /** Scripts the page requests after its first paint, gzipped. */
  afterKb: number;
  lcp: number | null;
  maxShift: number;
  sumShift: number;
  ready: number | null;
  figuresReady: number | null;
  figures: number;
}

declare global {
  interface Window {
    __pageMetrics?: { lcp: number | null; shifts: number[]; ready: number | null; figuresReady: number | null; firstPaint: number | null };
  }
}

/** Runs in the page before its scripts: records paint, shifts, and when the page and its figures become ready. */
function observe(): void {
  const m = (window.__pageMetrics = { lcp: null as number | null, shifts: [] as number[], ready: null as number | null, figuresReady: null as number | null, firstPaint: null as number | null });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) m.lcp = e.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
      if (!e.hadRecentInput && m.firstPaint !== null && e.startTime >= m.firstPaint) m.shifts.push(e.value);
    }
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') m.firstPaint = e.startTime;
  }).observe({ type: 'paint', buffered: true });
  const timer = setInterval(() => {
    const html = document.documentElement;
    if (m.ready === null && html.dataset.pageReady === 'true') m.ready = performance.now();
    if (m.ready !== null && m.figuresReady === null) {
      const badges = [...document.querySelectorAll('[data-compute-badge]')];
      if (badges.every((b) => b.getAttribute('data-status') !== 'starting')) {
        m.figuresReady = performance.now();
        clearInterval(timer);
      }
    }
  }, 25);
}

async function main(): Promise<void> {
  const executablePath = requireChromium();
  const given = option('--site');
  let site = given ? path.resolve(given) : '';
  let temp: string | null = null;
  if (!site) {
    const { build } = await import('vite');
    temp = mkdtempSync(path.join(tmpdir(), 'book-pages-'));
    site = temp;
    console.log('building the site…');
    await build({ configFile: path.resolve('vite.config.ts'), logLevel: 'warn', build: { outDir: site, emptyOutDir: true } });
  }
  const base = builtBase(site) ?? '/';
  const only = option('--only')?.split(',');
  const slow = args.includes('--slow');
  const pages = (JSON.parse(readFileSync(path.join(site, 'pages.json'), 'utf8')) as { path: string; file: string; kind: string; testOnly: boolean; locale: string }[])
    .filter((p) => p.kind !== 'not-found' && !p.testOnly && p.locale === 'en')
    .filter((p) => !only || only.some((name) => p.path === `chapters/${name}/` || p.kind === name));
  const server = await serveStatic(site, base);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, headless: true, args: WEBGL_ARGS });
  const rows: PageRow[] = [];
  try {
    for (const p of pages) {
      // No service worker: its precaching would share the (throttled) network with the page.
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light', serviceWorkers: 'block' });
      await context.addInitScript(observe);
      const page = await context.newPage();
      if (slow) await (await context.newCDPSession(page)).send('Network.emulateNetworkConditions', SLOW_NETWORK);
      await page.goto(`${server.url}${p.path}`, { waitUntil: 'load' });
      await page
        .waitForFunction(() => window.__pageMetrics?.figuresReady !== null, undefined, { timeout: 60_000, polling: 100 })
        .catch(() => undefined);
      // A moment for late shifts (a figure growing after it is ready is a shift too).
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const m = await page.evaluate(() => window.__pageMetrics!);
      const weight = pageWeight(site, p.file, base);
      rows.push({
        page: p.path || '(landing)',
        kb: weight.total / 1024,
        afterKb: weight.afterPaint / 1024,
        lcp: m.lcp,
        maxShift: Math.max(0, ...m.shifts),
        sumShift: m.shifts.reduce((a, b) => a + b, 0),
        ready: m.ready,
        figuresReady: m.figuresReady,
        figures: await page.locator('[data-compute-badge]').count(),
      });
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
  const ms = (v: number | null) => (v === null ? 'n/a' : String(Math.round(v)));
  console.log(`\nPages at 1280×900, first visit${slow ? ', slow mobile network' : ''} (budgets: 120 KB before first paint, layout shift after first paint ≤ 0.02)\n`);
  console.log('| page | KB before first paint | KB of script after it | LCP ms | largest shift | all shifts | ready ms | figures | all figures ready ms |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(`| ${r.page} | ${r.kb.toFixed(1)}${r.kb > 120 ? ' ✗' : ''} | ${r.afterKb.toFixed(1)} | ${ms(r.lcp)} | ${r.maxShift.toFixed(3)}${r.maxShift > 0.02 ? ' ✗' : ''} | ${r.sumShift.toFixed(3)} | ${ms(r.ready)} | ${r.figures} | ${ms(r.figuresReady)} |`);
  }
}

await main();
