// Every built page, visited once with WebGL (SwiftShader), checked for:
// - no console error, uncaught exception, failed request or request to another origin, and every
//   request (the WebAssembly files its widgets fetch included) and every link under the base path
//   the site is served at (see global-setup.ts); every link to the site leads to a page and anchor
//   that exist;
// - math typeset by KaTeX with no error, every diagram drawn with its words at 12 px or more, every
//   compute badge ready on WebGL;
// - no serious or critical axe-core violation in the light theme, nor of the colour and diagram
//   rules in the dark theme (THEME_AXE_RULES: what a change of theme can affect), and on a phone
//   nothing that scrolls sideways out of the keyboard's reach;
// - the engine's numbers: every `<Computed>` shows the value computed in src/worked/ (formatted as
//   the build formats it), and every numeric exercise accepts that value and rejects one far off;
// - heavy code only where it is used: a page without diagrams fetches no Mermaid code and a page
//   without widgets no TensorFlow.js code, scripts recognised by their content (strings each
//   library's own code contains, which minification keeps), not by chunk names.
// What changes without WebGL (the fallback badge, the widgets reaching ready) is checked by
// widgets.test.ts, on its visit of each page without WebGL, which opens the page at a section
// anchor, as a reload or a shared link there would.
import type { Browser, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, type ExpectStatic, inject, it } from 'vitest';
import { computeWorkedValues } from '../../src/worked/index.ts';
import { formatWorked } from '../../src/worked/define.ts';
import { badgeProblems, launchChromium, newContext, requestsOutsideBase, seriousAxeViolations, THEME_AXE_RULES, waitForPageReady, watchPage } from '../support/e2e-browser.ts';
import { sourceFacts } from '../support/page-sources.ts';
import { heaviestFirst, type SitePage } from '../support/site.ts';
import { pageWeight } from '../bench/page-weight.ts';

const siteUrl = inject('siteUrl');
const origin = inject('siteOrigin');
const base = inject('siteBase');
const pages = inject('sitePages');
const table = await computeWorkedValues();

/** A flag tfjs-core registers at import time (`TENSORLIKE_CHECK_SHAPE_CONSISTENCY`, flags.ts). */
export const TFJS_MARKER = 'TENSORLIKE_CHECK_SHAPE_CONSISTENCY';
/** Mermaid's core exports its `mermaidAPI` object by that name. */
export const MERMAID_MARKER = 'mermaidAPI';

interface PageLoad {
  name: string;
  widgets: number;
  diagrams: number;
  tfjsScripts: string[];
  mermaidScripts: string[];
  scripts: number;
}

it('the site has a landing page and at least one chapter', () => {
  expect(pages[0]?.name).toBe('landing');
  expect(pages.length).toBeGreaterThan(1);
});

// The build's own list of pages, for tools that visit every page, must agree with the files.
const manifest = (await fetch(`${siteUrl}pages.json`)
  .then((r) => (r.ok ? r.json() : null))
  .catch(() => null)) as { path: string; kind: string }[] | null;
// Issue budget: a page paints from at most 120 KB (gzipped) of HTML, style sheets and script; its
// scripts are requested after the first paint (prerender.ts), so they are weighed apart.
const PAINT_BUDGET_KB = 120;
it.skipIf(!manifest)('every page paints from at most 120 KB, its scripts requested after the first paint', () => {
  const files = (manifest as unknown as { file: string; testOnly: boolean }[]).filter((p) => !p.testOnly);
  expect(files.length).toBeGreaterThan(5);
  for (const { file } of files) {
    const weight = pageWeight(inject('siteDir'), file, base);
    expect(weight.script, `${file} fetches script before its first paint`).toBe(0);
    expect(weight.afterPaint, `${file} requests no script after its first paint`).toBeGreaterThan(0);
    expect(weight.total / 1024, `${file}: KB before first paint`).toBeLessThanOrEqual(PAINT_BUDGET_KB);
  }
});

it.skipIf(!manifest)(`pages.json lists exactly the pages built${manifest ? '' : ' (skipped: the build wrote no pages.json)'}`, () => {
  const listed = manifest!.filter((p) => p.kind === 'landing' || p.kind === 'chapter' || p.kind === 'lab').map((p) => p.path);
  expect(listed.sort()).toEqual(pages.map((p) => p.path).sort());
});

describe('every page (webgl)', () => {
  let browser: Browser;
  const loads: PageLoad[] = [];
  beforeAll(async () => {
    browser = await launchChromium('webgl');
  });
  afterAll(async () => {
    await browser?.close();
  });

  // Two pages at a time, each in its own context (the e2e project's maxConcurrency): a page spends
  // much of its visit waiting (engine start, diagrams, reload), so two share the two cores well.
  for (const sitePage of heaviestFirst(pages)) {
    it.concurrent(`${sitePage.name} (/${sitePage.path})`, async ({ expect }) => {
      const context = await newContext(browser);
      try {
        const page = await context.newPage();
        const watch = watchPage(page, origin);
        const scripts = collectScripts(page);
        const failures = await checkPage(page, sitePage, expect);
        await checkWorkedNumbers(page, sitePage, expect);
        const load = { name: sitePage.name, ...(await scanScripts(page, scripts)) };
        loads.push(load);
        if (load.scripts === 0) failures.push('no script was fetched at all');
        if (load.diagrams === 0 && load.mermaidScripts.length) failures.push(`Mermaid code fetched by a page without diagrams: ${load.mermaidScripts.join(', ')}`);
        if (load.widgets === 0 && load.tfjsScripts.length) failures.push(`TensorFlow.js code fetched by a page without widgets: ${load.tfjsScripts.join(', ')}`);
        failures.push(...requestsOutsideBase(watch, base));
        const problems = [...new Set([...failures, ...watch.problems])];
        if (problems.length) {
          throw new Error(`${problems.length} problem(s) on /${sitePage.path} with webgl:\n\n${problems.join('\n\n')}`);
        }
      } finally {
        await context.close();
      }
    });
  }

  // The request checks only mean something if the markers are found where the libraries are used,
  // and if there are pages of each kind.
  it('the markers find Mermaid and TensorFlow.js where they are used, and both kinds of page exist', () => {
    expect(loads.length).toBe(pages.length);
    const withDiagrams = loads.filter((l) => l.diagrams > 0);
    const withWidgets = loads.filter((l) => l.widgets > 0);
    expect(withDiagrams.length, 'no page with a diagram').toBeGreaterThan(0);
    expect(withWidgets.length, 'no page with a widget').toBeGreaterThan(0);
    expect(loads.filter((l) => l.diagrams === 0).length, 'no page without diagrams').toBeGreaterThan(0);
    expect(loads.filter((l) => l.widgets === 0).length, 'no page without widgets').toBeGreaterThan(0);
    for (const l of withDiagrams) expect(l.mermaidScripts.length, `${l.name} shows diagrams but no Mermaid code was seen`).toBeGreaterThan(0);
    // Not every widget computes with the engine, but some must: the test widgets do.
    expect(withWidgets.some((l) => l.tfjsScripts.length > 0), 'no page with widgets fetched TensorFlow.js code').toBe(true);
  });
});

/** The body of every script the page fetches from now on, with its address. */
function collectScripts(page: Page): Promise<{ url: string; text: string }>[] {
  const bodies: Promise<{ url: string; text: string }>[] = [];
  page.on('response', (res: Response) => {
    const type = res.request().resourceType();
    if (type === 'script' || /\.m?js(\?|$)/.test(res.url())) {
      bodies.push(res.text().then((text) => ({ url: res.url(), text }), () => ({ url: res.url(), text: '' })));
    }
  });
  return bodies;
}

/** Scrolls through the page so everything loaded lazily comes in, then sorts the scripts fetched. */
async function scanScripts(page: Page, bodies: Promise<{ url: string; text: string }>[]): Promise<Omit<PageLoad, 'name'>> {
  await page.evaluate(async () => {
    for (let y = 0; y <= document.body.scrollHeight; y += window.innerHeight / 2) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 30));
    }
  });
  await page.waitForLoadState('networkidle');
  await waitForPageReady(page);
  const counts = await page.evaluate(() => ({
    widgets: document.querySelectorAll('[data-widget]').length,
    diagrams: document.querySelectorAll('[data-mermaid]').length,
  }));
  const scripts = await Promise.all(bodies);
  return {
    ...counts,
    scripts: scripts.length,
    tfjsScripts: [...new Set(scripts.filter((s) => s.text.includes(TFJS_MARKER)).map((s) => s.url))],
    mermaidScripts: [...new Set(scripts.filter((s) => s.text.includes(MERMAID_MARKER)).map((s) => s.url))],
  };
}

/** Every computed number shows the engine's value; every numeric exercise accepts it and rejects one far off. */
async function checkWorkedNumbers(page: Page, sitePage: SitePage, expect: ExpectStatic): Promise<void> {
  const shown = await page.$$eval('[data-computed]', (spans) => spans.map((s) => ({ key: s.getAttribute('data-computed') ?? '', text: s.textContent ?? '' })));
  for (const { key, text } of shown) {
    const v = table.get(key);
    expect(v, `${sitePage.name}: ${key} is a worked value`).toBeDefined();
    expect(text.length, key).toBeGreaterThan(0);
    // The chapter may ask for other digits than the registry's: compare the number itself.
    const digits = text.split('.')[1]?.length ?? 0;
    expect(text, key).toBe(formatWorked(v!.value, digits));
  }
  const exercises = page.locator('[data-exercise]:not([data-exercise=""])');
  const n = await exercises.count();
  for (let i = 0; i < n; i++) {
    const exercise = exercises.nth(i);
    const key = (await exercise.getAttribute('data-exercise'))!;
    const v = table.get(key);
    expect(v, `${sitePage.name}: exercise answer ${key}`).toBeDefined();
    const input = exercise.locator('input[type=text]').first();
    await input.fill(String(v!.value));
    await exercise.locator('button[type=submit]').click();
    await expect.poll(() => exercise.locator('[data-verdict]').getAttribute('data-verdict'), { timeout: 5000 }).toBe('correct');
    await input.fill(String(v!.value + 1000));
    await exercise.locator('button[type=submit]').click();
    await expect.poll(() => exercise.locator('[data-verdict]').getAttribute('data-verdict'), { timeout: 5000 }).toBe('high');
  }
  console.log(`[worked] ${sitePage.name}: ${shown.length} computed numbers, ${n} numeric exercises checked`);
}

async function checkPage(page: Page, sitePage: SitePage, expect: ExpectStatic): Promise<string[]> {
  const failures: string[] = [];
  const url = `${siteUrl}${sitePage.path}?backend=webgl`;
  await page.goto(url, { waitUntil: 'load' });
  await waitForPageReady(page);

  // Mermaid is fetched only as a diagram nears the window: a page whose diagrams all start more
  // than two screens down has fetched none of it yet. Then every diagram is brought into view, so
  // that all are drawn for the checks below.
  const early = await page.evaluate(() => ({
    near: [...document.querySelectorAll('[data-mermaid]')].some((el) => el.getBoundingClientRect().top < 2 * window.innerHeight),
    fetched: performance.getEntriesByType('resource').map((e) => e.name).filter((name) => /\/mermaid\.core-[^/]*\.js$/.test(name)),
  }));
  if (!early.near && early.fetched.length) failures.push(`Mermaid fetched before any diagram came near the window: ${early.fetched.join(', ')}`);
  for (const diagram of await page.locator('[data-mermaid]').all()) {
    await diagram.scrollIntoViewIfNeeded();
    await page.waitForFunction((el) => el?.getAttribute('data-rendered') !== 'false', await diagram.elementHandle(), { timeout: 30_000 });
  }
  await waitForPageReady(page);

  // Each widget's compute badge settles on WebGL.
  failures.push(...(await badgeProblems(page, 'webgl', expect)));

  const facts = sourceFacts(sitePage);
  const dom = await page.evaluate(() => ({
    title: document.title,
    h1: document.querySelector('h1')?.textContent?.trim() ?? '',
    katex: document.querySelectorAll('.katex').length,
    katexErrors: [...document.querySelectorAll('.katex-error')].map((e) => e.getAttribute('title') || e.textContent || ''),
    diagrams: [...document.querySelectorAll<HTMLElement>('[data-mermaid]')].map((el, i) => ({
      i,
      state: el.dataset.rendered ?? '(none)',
      svg: !!el.querySelector('svg'),
      text: (el.textContent ?? '').slice(0, 160),
      // Its smallest words as drawn: their font size times the drawing's scale (Mermaid.tsx).
      smallestPx: (() => {
        const svg = el.querySelector('svg');
        if (!svg || !svg.viewBox.baseVal.width) return null;
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        const sizes = [...svg.querySelectorAll('span, text, tspan')]
          .filter((t) => (t.textContent ?? '').trim() !== '')
          .map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
        return sizes.length ? Math.min(...sizes) : null;
      })(),
    })),
  }));

  if (!dom.title.trim()) failures.push('the page has no <title>');
  if (!dom.h1) failures.push('the page has no <h1>');

  // KaTeX: one `.katex` per formula in the source, and no formula rendered as an error.
  if (facts && facts.math > 0 && dom.katex < facts.math) {
    failures.push(`the source has ${facts.math} formulas but the page shows ${dom.katex} KaTeX formulas`);
  }
  for (const err of dom.katexErrors) failures.push(`KaTeX error shown on the page: ${err}`);

  // Mermaid: every container rendered to SVG, and as many containers as the source has diagrams.
  if (facts && dom.diagrams.length < facts.diagrams) {
    failures.push(`the source has ${facts.diagrams} diagrams but the page has ${dom.diagrams.length} [data-mermaid] containers`);
  }
  for (const d of dom.diagrams) {
    if (d.state !== 'true' || !d.svg) failures.push(`diagram #${d.i + 1} not rendered (data-rendered=${d.state}, svg=${d.svg}): ${d.text}`);
    // Scaled to its column, a diagram's words stay at 12 px or more (it scrolls sideways instead).
    if (d.smallestPx !== null && d.smallestPx < 11.95) failures.push(`diagram #${d.i + 1} draws words at ${d.smallestPx.toFixed(1)} px (at least 12): ${d.text}`);
  }

  // Every link to this site leads to a page that exists, and to an element with the link's anchor
  // (the pages are pre-rendered, so the target's HTML already has its heading ids).
  failures.push(...(await brokenSiteLinks(page)));

  // Accessibility in both themes, switched with the page's own toggle.
  const themeBefore = await page.evaluate(() => document.documentElement.dataset.theme ?? '');
  for (const v of await seriousAxeViolations(page)) failures.push(`axe (${themeBefore || 'initial'} theme): ${v}`);
  const toggle = page.locator('[data-action="toggle-theme"]').first();
  if ((await toggle.count()) === 0) {
    failures.push('no theme toggle ([data-action="toggle-theme"]) on the page');
  } else {
    await toggle.click();
    const themeAfter = await page.evaluate(() => document.documentElement.dataset.theme ?? '');
    const stored = await page.evaluate(() => localStorage.getItem('dll-theme'));
    if (themeAfter === themeBefore) failures.push(`the theme toggle left data-theme at "${themeBefore}"`);
    if (stored !== themeAfter) failures.push(`the theme toggle stored "${stored}" under dll-theme, not "${themeAfter}"`);
    // Diagrams may be redrawn for the new theme: wait for the page to settle again.
    await waitForPageReady(page);
    for (const v of await seriousAxeViolations(page, THEME_AXE_RULES)) failures.push(`axe (${themeAfter} theme): ${v}`);
  }
  // On a phone, what scrolls sideways (a wide formula, a table, a diagram) can be scrolled from the
  // keyboard: it is a tab stop, or holds one.
  const size = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  for (const v of await seriousAxeViolations(page, ['scrollable-region-focusable'])) failures.push(`axe (390 × 844): ${v}`);
  if (size) await page.setViewportSize(size);
  return failures;
}

const fetched = new Map<string, Promise<{ status: number; html: string }>>();

async function brokenSiteLinks(page: Page): Promise<string[]> {
  const hrefs = await page.evaluate(() => [...new Set([...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href))]);
  const broken: string[] = [];
  for (const href of hrefs) {
    const url = new URL(href);
    if (url.origin !== origin) continue;
    if (!url.pathname.startsWith(base)) {
      broken.push(`link to ${href} is outside the base path ${base}`);
      continue;
    }
    const key = url.origin + url.pathname + url.search;
    let target = fetched.get(key);
    if (!target) {
      target = page.request.get(key, { maxRedirects: 0 }).then(async (res) => ({ status: res.status(), html: await res.text() }));
      fetched.set(key, target);
    }
    const { status, html } = await target;
    if (status !== 200) {
      broken.push(`link to ${href} answers HTTP ${status}`);
      continue;
    }
    const anchor = decodeURIComponent(url.hash.slice(1));
    if (anchor && !html.includes(`id="${anchor}"`)) broken.push(`link to ${href}: the page has no element with id "${anchor}"`);
  }
  return broken;
}
