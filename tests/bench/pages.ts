// `npm run bench:pages`: every page of the built book in headless Chromium at 1280×900 (WebGL from
// SwiftShader), one fresh context each, as a first visit:
//   - bytes before first paint: the page's HTML and style sheets (and any script it would fetch
//     before painting), gzipped (page-weight.ts), against the 120 KB budget, and the scripts it
//     requests after painting;
//   - largest contentful paint;
//   - when the shell (menu, search, theme, shortcuts) works: it does not wait for the page's code;
//   - the longest task on the main thread until the page is ready (what a tap meanwhile waits for);
//   - the largest single layout shift after first paint, and their sum (budget 0.02);
//   - time until the page is ready (its content rendered, its diagrams near the window drawn) and
//     until the figures in the window are drawn (their code loaded: a figure, and the engine, load
//     only as a figure nears the window);
//   - how many figures started, and the script the page fetched, once the network is quiet (raw KB);
//   - then, scrolled to the page's first figure, the time until it is drawn and computing (its code
//     loaded, its compute badge past "starting"): what a reader who scrolls to it waits.
// Times are milliseconds from navigation start on this machine: compare them run to run on the
// same machine, not across machines. Builds the site into a temporary folder unless --site DIR.
//   options: --site DIR (a built site), --only slug,slug (chapters by slug, `landing`, `lab`, …),
//            --slow (a slow mobile network: SLOW_NETWORK), --against DIR (another build, such as
//            the previous one: each page is visited on both in turn, and a second table gives this
//            build's times as ratios to that one's)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { requireChromium, WEBGL_ARGS } from '../support/chromium';
import { builtBase } from '../support/site';
import { serveStatic, type StaticServer } from '../support/static-server';
import { pageWeight } from './page-weight';
import type { Browser } from 'playwright-core';

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
  shellLive: number | null;
  longestTask: number;
  maxShift: number;
  sumShift: number;
  ready: number | null;
  inViewDrawn: number | null;
  /** From scrolling to the first figure until it is drawn and its badge ready; null without figures. */
  firstFigure: number | null;
  figures: number;
  started: number;
  scriptKb: number;
}

declare global {
  interface Window {
    __pageMetrics?: {
      lcp: number | null;
      shifts: number[];
      ready: number | null;
      inViewDrawn: number | null;
      firstPaint: number | null;
      shellLive: number | null;
      tasks: { start: number; duration: number }[];
    };
  }
}

/** Runs in the page before its scripts: records paint, shifts, and when the page and its figures become ready. */
function observe(): void {
  const m = (window.__pageMetrics = {
    lcp: null as number | null,
    shifts: [] as number[],
    ready: null as number | null,
    inViewDrawn: null as number | null,
    firstPaint: null as number | null,
    shellLive: null as number | null,
    tasks: [] as { start: number; duration: number }[],
  });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) m.tasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
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
    if (m.shellLive === null && html.dataset.shellLive === 'true') m.shellLive = performance.now();
    if (m.ready === null && html.dataset.pageReady === 'true') m.ready = performance.now();
    if (m.ready !== null && m.inViewDrawn === null) {
      const inView = [...document.querySelectorAll('[data-widget]')].filter((w) => {
        const r = w.getBoundingClientRect();
        return r.bottom > 0 && r.top < innerHeight;
      });
      if (inView.every((w) => !w.querySelector('[data-widget-loading]'))) m.inViewDrawn = performance.now();
    }
    if (m.inViewDrawn !== null) clearInterval(timer);
  }, 25);
}

interface SitePage {
  path: string;
  file: string;
  kind: string;
  testOnly: boolean;
  locale: string;
}

/** One first visit of a page of a served site: its row of measurements. */
async function measurePage(browser: Browser, server: StaticServer, site: string, base: string, p: SitePage, slow: boolean): Promise<PageRow> {
  // No service worker: its precaching would share the (throttled) network with the page.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light', serviceWorkers: 'block' });
  await context.addInitScript(observe);
  const page = await context.newPage();
  if (slow) await (await context.newCDPSession(page)).send('Network.emulateNetworkConditions', SLOW_NETWORK);
  await page.goto(`${server.url}${p.path}`, { waitUntil: 'load' });
  await page
    .waitForFunction(() => window.__pageMetrics?.inViewDrawn != null, undefined, { timeout: 60_000, polling: 100 })
    .catch(() => undefined);
  // Until the network is quiet: the figures near the window have fetched their code.
  await page.waitForLoadState('networkidle').catch(() => undefined);
  // A moment for late shifts (a figure growing after it is ready is a shift too).
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const m = await page.evaluate(() => window.__pageMetrics!);
  const started = await page.locator('[data-widget]:not(:has([data-widget-loading]))').count();
  const scriptKb = await page.evaluate(
    () =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((e) => /\.m?js$/.test(new URL(e.name).pathname))
        .reduce((sum, e) => sum + e.decodedBodySize, 0) / 1024,
  );
  let firstFigure: number | null = null;
  const first = page.locator('[data-widget]').first();
  if ((await first.count()) > 0) {
    const from = await first.evaluate((el) => {
      el.scrollIntoView({ block: 'start' });
      return performance.now();
    });
    const drawn = await page
      .waitForFunction(
        () => {
          const el = document.querySelector('[data-widget]')!;
          const ready = !el.querySelector('[data-widget-loading]') && el.querySelector('[data-compute-badge]')?.getAttribute('data-status') !== 'starting';
          return ready ? performance.now() : false;
        },
        undefined,
        { timeout: 60_000, polling: 'raf' },
      )
      .then((handle) => handle.jsonValue() as Promise<number>)
      .catch(() => null);
    firstFigure = drawn === null ? null : drawn - from;
  }
  const weight = pageWeight(site, p.file, base);
  const row: PageRow = {
    page: p.path || '(landing)',
    kb: weight.total / 1024,
    afterKb: weight.afterPaint / 1024,
    lcp: m.lcp,
    shellLive: m.shellLive,
    longestTask: Math.max(0, ...m.tasks.filter((t) => m.ready === null || t.start < m.ready).map((t) => t.duration)),
    maxShift: Math.max(0, ...m.shifts),
    sumShift: m.shifts.reduce((a, b) => a + b, 0),
    ready: m.ready,
    inViewDrawn: m.inViewDrawn,
    firstFigure,
    figures: await page.locator('[data-widget]').count(),
    started,
    scriptKb,
  };
  await context.close();
  return row;
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
  const pages = (JSON.parse(readFileSync(path.join(site, 'pages.json'), 'utf8')) as SitePage[])
    .filter((p) => p.kind !== 'not-found' && !p.testOnly && p.locale === 'en')
    .filter((p) => !only || only.some((name) => p.path === `chapters/${name}/` || p.kind === name));
  const server = await serveStatic(site, base);
  // `--against DIR`: another build (the previous one), each page visited on both in turn.
  const againstDir = option('--against');
  const against = againstDir
    ? await (async () => {
        const dir = path.resolve(againstDir);
        const againstBase = builtBase(dir) ?? '/';
        return { site: dir, base: againstBase, server: await serveStatic(dir, againstBase) };
      })()
    : null;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, headless: true, args: WEBGL_ARGS });
  const rows: PageRow[] = [];
  const againstRows: PageRow[] = [];
  try {
    for (const p of pages) {
      rows.push(await measurePage(browser, server, site, base, p, slow));
      if (against) againstRows.push(await measurePage(browser, against.server, against.site, against.base, p, slow));
    }
  } finally {
    await browser.close();
    await server.close();
    await against?.server.close();
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
  const ms = (v: number | null) => (v === null ? 'n/a' : String(Math.round(v)));
  console.log(`\nPages at 1280×900, first visit${slow ? ', slow mobile network' : ''} (budgets: 120 KB before first paint, layout shift after first paint ≤ 0.02)\n`);
  console.log('| page | KB before first paint | KB of script after it | LCP ms | shell live ms | largest shift | all shifts | ready ms | longest task until ready ms | figures in view drawn ms | figures started / on the page | script fetched KB (raw) | first figure, scroll to drawn ms |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(`| ${r.page} | ${r.kb.toFixed(1)}${r.kb > 120 ? ' ✗' : ''} | ${r.afterKb.toFixed(1)} | ${ms(r.lcp)} | ${ms(r.shellLive)} | ${r.maxShift.toFixed(3)}${r.maxShift > 0.02 ? ' ✗' : ''} | ${r.sumShift.toFixed(3)} | ${ms(r.ready)} | ${ms(r.longestTask)} | ${ms(r.inViewDrawn)} | ${r.started} / ${r.figures} | ${Math.round(r.scriptKb)} | ${ms(r.firstFigure)} |`);
  }
  if (against) {
    // Ratios this build / the other (under 1: faster here); bytes as a difference.
    const ratio = (a: number | null, b: number | null) => (a === null || b === null || b <= 0 ? 'n/a' : (a / b).toFixed(2));
    console.log(`\nThis build against ${path.relative(process.cwd(), against.site) || against.site}, same pages in turn: times as ratios (this / that; under 1 is faster), bytes as differences\n`);
    console.log('| page | KB before first paint | LCP | shell live | ready | longest task until ready | figures in view drawn | first figure, scroll to drawn |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
    rows.forEach((r, i) => {
      const o = againstRows[i];
      const kb = r.kb - o.kb;
      console.log(`| ${r.page} | ${kb >= 0 ? '+' : ''}${kb.toFixed(1)} | ${ratio(r.lcp, o.lcp)} | ${ratio(r.shellLive, o.shellLive)} | ${ratio(r.ready, o.ready)} | ${ratio(r.longestTask, o.longestTask)} | ${ratio(r.inViewDrawn, o.inViewDrawn)} | ${ratio(r.firstFigure, o.firstFigure)} |`);
    });
  }
}

await main();
