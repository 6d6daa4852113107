// What a reader of an online book expects besides the chapters, in real Chromium on the built site:
// - search: `/` opens it, a word found in one chapter only lists that chapter, its section link
//   leads there; the dialog passes axe; on a phone too;
// - offline: after a first visit (the service worker precaching), with the network gone, a chapter
//   never opened before opens from its shared link and a figure on it trains (without WebGL, so
//   on the WebAssembly build the worker precached);
// - progress: a solved exercise and a chapter read to its end are kept across a reload, shown in
//   the contents and on the landing page, and cleared from there;
// - code: choosing PyTorch in one "In code" block switches every block and is remembered; Copy
//   puts the code on the clipboard;
// - links: with the address bar kept in step, a figure's changes are in the address at once;
// - a chapter reached by a link renders the same fixed markup as a fresh load of its page, which
//   the chapter's script does not carry;
// - figures are islands: one below the window loads (with the engine) only as the reader nears it;
// - on a phone a figure's header is one row, its tools in a menu the keyboard and a tap can use;
// - the shell is live before the chapter's script arrives: the menu and the theme work on the
//   pre-rendered page, whose text stays, and the text and sections come alive when the script does;
//   when the script cannot be had at all, the text stays and a notice says why nothing in it starts.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { computeWorkedValues } from '../../src/worked/index.ts';
import { launchChromium, newContext, seriousAxeViolations, waitForPageReady, watchPage } from '../support/e2e-browser.ts';
import { auditFigure, headerOffRow } from '../support/figure-audit.ts';

const siteUrl = inject('siteUrl');
const origin = inject('siteOrigin');
const table = await computeWorkedValues();
const testWidgets = inject('sitePages').find((p) => p.name === 'test-widgets');

describe('reader features', () => {
  let webgl: Browser;
  let plain: Browser;
  beforeAll(async () => {
    [webgl, plain] = await Promise.all([launchChromium('webgl'), launchChromium('no-webgl')]);
  });
  afterAll(async () => {
    await Promise.all([webgl?.close(), plain?.close()]);
  });

  async function open(browser: Browser, path: string, size = { width: 1280, height: 900 }): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.setViewportSize(size);
    const watch = watchPage(page, origin);
    await page.goto(`${siteUrl}${path}`);
    await waitForPageReady(page);
    return { context, page, problems: watch.problems };
  }

  it.concurrent('search finds a word that only one chapter uses and leads to its section (phone, no WebGL)', async ({ expect }) => {
    const { context, page, problems } = await open(plain, 'chapters/neurons/', { width: 390, height: 844 });
    try {
      await page.keyboard.press('/');
      const field = page.locator('.search-dialog .search-field');
      await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
      await field.fill('Himmelblau');
      const status = page.locator('.search-status');
      await expect.poll(() => status.textContent(), { timeout: 20_000 }).toMatch(/^1 page mentions/);
      const links = page.locator('.search-results a');
      expect(await links.first().getAttribute('href')).toBe(new URL(`${siteUrl}chapters/optimisers/`).pathname);
      const section = page.locator('.search-sections a').first();
      const href = (await section.getAttribute('href')) ?? '';
      expect(href).toMatch(/\/chapters\/optimisers\/#[a-z0-9-]+$/);
      expect(await page.locator('.search-results mark').first().textContent()).toMatch(/himmelblau/i);
      expect(await seriousAxeViolations(page)).toEqual([]);
      // The keyboard path: ↓ reaches the results, Enter follows one, the dialog closes.
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname.endsWith('/chapters/optimisers/') && url.hash.length > 1);
      await waitForPageReady(page);
      expect(await page.locator('.search-dialog[open]').count()).toBe(0);
      expect(await page.locator('h1').first().textContent()).toMatch(/Optimisers/);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it.concurrent('a solved exercise and a chapter read are kept, shown and cleared (WebGL)', async ({ expect }) => {
    const { context, page, problems } = await open(webgl, 'chapters/neurons/');
    try {
      const exercise = page.locator('[data-exercise]:not([data-exercise=""])').first();
      const key = (await exercise.getAttribute('data-exercise'))!;
      await exercise.locator('input[type=text]').fill(String(table.get(key)!.value));
      await exercise.locator('button[type=submit]').click();
      await expect.poll(() => exercise.locator('[data-verdict]').getAttribute('data-verdict')).toBe('correct');
      await page.locator('.chapter-end').scrollIntoViewIfNeeded();
      await expect.poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('dll-progress') ?? '{}').read ?? [])).toEqual(['neurons']);
      await page.reload();
      await waitForPageReady(page);
      await expect.poll(() => exercise.locator('.exercise-solved').count()).toBe(1);
      const mark = page.locator('.sidebar .chapter-progress').first();
      expect(await mark.getAttribute('aria-label')).toMatch(/^read, 1 of \d+ exercises solved$/);
      await page.goto(siteUrl);
      await waitForPageReady(page);
      const summary = page.locator('.landing-progress');
      await expect.poll(() => summary.textContent()).toMatch(/read 1 of \d+ chapters .* solved 1 of \d+/);
      await summary.getByRole('button', { name: 'Clear my progress' }).click();
      await summary.getByRole('button', { name: 'Yes, clear it' }).click();
      await expect.poll(() => page.locator('.sidebar .chapter-progress').count()).toBe(0);
      expect(await page.evaluate(() => localStorage.getItem('dll-progress'))).toBe('{"read":[],"solved":[]}');
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it.concurrent('choosing a framework switches every "In code" block and is remembered; Copy copies (WebGL)', async ({ expect }) => {
    const { context, page, problems } = await open(webgl, 'chapters/optimisers/');
    try {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
      const blocks = page.locator('.code-tabs');
      expect(await blocks.count()).toBeGreaterThan(1);
      const selected = () => blocks.evaluateAll((all) => all.map((b) => b.querySelector('[role=tab][aria-selected=true]')?.textContent));
      await blocks.first().getByRole('tab', { name: 'PyTorch' }).click();
      expect(new Set(await selected())).toEqual(new Set(['PyTorch']));
      await page.reload();
      await waitForPageReady(page);
      expect(new Set(await selected())).toEqual(new Set(['PyTorch']));
      const panel = blocks.first().locator('[role=tabpanel]:not([hidden])');
      await panel.getByRole('button', { name: 'Copy the code' }).click();
      const code = await panel.locator('pre code').textContent();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(code);
      expect(code).toMatch(/torch/);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it.concurrent('a chapter reached by a link shows its text and formulas, which its script does not carry (WebGL)', async ({ expect }) => {
    const { context, page, problems } = await open(webgl, 'chapters/neurons/');
    try {
      const scripts: { url: string; text: string }[] = [];
      page.on('response', async (res) => {
        if (/\.js$/.test(res.url())) scripts.push({ url: res.url(), text: await res.text().catch(() => '') });
      });
      await page.locator('.pager-next').click();
      await page.waitForURL((url) => url.pathname.endsWith('/chapters/activations/'));
      await waitForPageReady(page);
      // The same page as a fresh load of that address: compare the text and the formulas.
      const fixedMarkup = () => [...document.querySelectorAll('.prose [data-s]')].map((el) => el.innerHTML);
      const shown = await page.evaluate(fixedMarkup);
      const fresh = await context.newPage();
      await fresh.goto(`${siteUrl}chapters/activations/`);
      await waitForPageReady(fresh);
      const loaded = await fresh.evaluate(fixedMarkup);
      expect(shown.length).toBeGreaterThan(100);
      expect(shown.filter((html) => html.includes('katex')).length).toBeGreaterThan(30);
      expect(shown).toEqual(loaded);
      // Formulas' markup is in the page, not in the chapter's script.
      const chapterScript = scripts.find((s) => /\/\d\d-activations-[^/]*\.js$/.test(s.url));
      expect(chapterScript, 'the chapter script was fetched').toBeDefined();
      expect(chapterScript!.text).not.toContain('katex-mathml');
      // A paragraph of fixed markup (no link or term in it): its words are not in the script.
      const sentence = await page.evaluate(() => [...document.querySelectorAll('.prose p[data-s]')].map((p) => p.innerHTML).find((html) => html.length > 120 && !html.includes('<'))!.slice(20, 90));
      expect(chapterScript!.text).not.toContain(sentence);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  (testWidgets ? it.concurrent : it.skip)('with the address bar in step, a figure’s changes are in the address at once, and a reload keeps them (WebGL)', async ({ expect }) => {
    const context = await newContext(webgl);
    try {
      await context.addInitScript(() => localStorage.setItem('dll-address-in-step', 'on'));
      const page = await context.newPage();
      const watch = watchPage(page, origin);
      await page.goto(`${siteUrl}${testWidgets!.path}`);
      await waitForPageReady(page);
      const widget = page.locator('[data-widget="ControlsLab"]').first();
      const weight = widget.getByLabel('Weight');
      await weight.waitFor();
      await weight.focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      const value = await weight.inputValue();
      expect(value).not.toBe('1');
      await expect.poll(() => new URL(page.url()).searchParams.get('w.ControlsLab.0') ?? '').toContain(`weight:${value}`);
      await page.reload();
      await waitForPageReady(page);
      await weight.waitFor();
      expect(await weight.inputValue()).toBe(value);
      // Back in the chapter's state, the figure leaves the address.
      await weight.focus();
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      await expect.poll(() => new URL(page.url()).searchParams.has('w.ControlsLab.0')).toBe(false);
      expect(watch.problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it.concurrent('figures are islands: one below the window fetches neither its code nor the engine until the reader nears it (no WebGL)', async ({ expect }) => {
    const context = await newContext(plain);
    try {
      const page = await context.newPage();
      await page.setViewportSize({ width: 1280, height: 900 });
      const watch = watchPage(page, origin);
      const engine: string[] = [];
      page.on('request', (request) => {
        if (/engineBoot|tfjs-backend-wasm/.test(request.url())) engine.push(request.url());
      });
      await page.goto(`${siteUrl}chapters/neurons/`);
      await waitForPageReady(page);
      await page.waitForLoadState('networkidle');
      const figures = page.locator('[data-widget]');
      const first = figures.first();
      // The chapter opens with text: its first figure is more than a screen below the window.
      expect(await first.evaluate((el) => el.getBoundingClientRect().top)).toBeGreaterThan(2 * 900);
      expect(await page.locator('[data-widget] [data-widget-loading]').count()).toBe(await figures.count());
      expect(await first.locator('[data-compute-badge]').getAttribute('data-status')).toBe('starting');
      expect(engine).toEqual([]);
      // Scrolled near, it loads, the engine starts, and it computes.
      await first.scrollIntoViewIfNeeded();
      await first.locator('[data-widget-loading]').first().waitFor({ state: 'detached', timeout: 30_000 });
      await expect.poll(() => first.locator('[data-compute-badge]').getAttribute('data-status'), { timeout: 30_000 }).toBe('ready');
      expect(engine.length).toBeGreaterThan(0);
      // A figure far below it still waits.
      const last = figures.last();
      expect(await last.evaluate((el) => el.getBoundingClientRect().top)).toBeGreaterThan(2 * 900);
      expect(await last.locator('[data-widget-loading]').count()).toBe(1);
      expect(watch.problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it.concurrent("the shell works while the chapter's script is still on its way; the text comes alive when it arrives (phone, no WebGL)", async ({ expect }) => {
    const context = await newContext(plain);
    try {
      const page = await context.newPage();
      await page.setViewportSize({ width: 390, height: 844 });
      const watch = watchPage(page, origin);
      // The chapter's own chunk (`assets/01-neurons-<hash>.js`) is held back until released.
      let release = () => {};
      const released = new Promise<void>((resolve) => (release = resolve));
      const held: string[] = [];
      await page.route(/\/assets\/\d\d-neurons-[\w-]+\.js$/, async (route) => {
        held.push(route.request().url());
        await released;
        await route.continue();
      });
      await page.goto(`${siteUrl}chapters/neurons/`);
      const menu = page.locator('.menu-button');
      const layout = page.locator('.layout');
      // A tap before the shell is live does nothing: tap until the menu opens.
      await expect
        .poll(async () => {
          if ((await layout.getAttribute('data-menu-open')) !== 'true') await menu.click();
          return layout.getAttribute('data-menu-open');
        }, { timeout: 30_000 })
        .toBe('true');
      await page.keyboard.press('Escape');
      await expect.poll(() => layout.getAttribute('data-menu-open')).toBe(null);
      const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
      const before = await theme();
      await page.locator('[data-action="toggle-theme"]').click();
      await expect.poll(theme).not.toBe(before);
      // Meanwhile the chapter's text is the page's own, and the page is not yet ready.
      expect(held.length).toBeGreaterThan(0);
      expect(await page.locator('.prose p').count()).toBeGreaterThan(10);
      expect(await page.locator('.chapter-loading').count()).toBe(0);
      expect(await page.evaluate(() => document.documentElement.dataset.pageReady)).toBeUndefined();
      release();
      await waitForPageReady(page);
      // Alive: the sections in the contents follow the reading, and a figure scrolled to starts.
      await page.locator('.prose h2').nth(2).scrollIntoViewIfNeeded();
      await expect.poll(() => page.locator('.section-list a[aria-current="location"]').count(), { timeout: 10_000 }).toBe(1);
      const figure = page.locator('[data-widget]').first();
      await figure.scrollIntoViewIfNeeded();
      await figure.locator('[data-widget-loading]').first().waitFor({ state: 'detached', timeout: 30_000 });
      expect(watch.problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it.concurrent("a chapter whose script cannot be loaded keeps its text, says why its figures do not start, and links to a reload (phone, no WebGL)", async ({ expect }) => {
    const context = await newContext(plain);
    try {
      const page = await context.newPage();
      await page.setViewportSize({ width: 390, height: 844 });
      const watch = watchPage(page, origin);
      const chunk = /\/assets\/\d\d-neurons-[\w-]+\.js$/;
      await page.route(chunk, (route) => route.abort('connectionfailed'));
      await page.goto(`${siteUrl}chapters/neurons/`);
      const notice = page.locator('.chapter > [role="alert"]');
      await notice.waitFor({ timeout: 30_000 });
      expect(await notice.textContent()).toMatch(/could not be loaded .*Its text is all here/);
      expect(await notice.locator('a').getAttribute('href')).toBe(new URL(`${siteUrl}chapters/neurons/`).pathname);
      // The text is the page's own, all of it, and nothing says it is loading.
      expect(await page.locator('.prose p').count()).toBeGreaterThan(10);
      expect(await page.locator('.prose h2[id]').count()).toBeGreaterThan(5);
      expect(await page.locator('.chapter-loading').count()).toBe(0);
      // The notice's long address wraps inside it: the page does not scroll sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      // The shell works.
      await page.locator('[data-action="toggle-theme"]').click();
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      // Only the chunk failed (the request, and the browser's line about it), and nothing else went
      // wrong: no hydration error.
      const chunkFailure = (p: string) => /^(failed request: |console error: Failed to load resource)/.test(p) && /\/assets\/\d\d-neurons-/.test(p);
      expect(watch.problems.filter((p) => !chunkFailure(p))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it.concurrent("on a phone a figure's header is one row, its tools a menu that the keyboard and a tap open and close (no WebGL)", async ({ expect }) => {
    const { context, page, problems } = await open(plain, 'chapters/neurons/', { width: 390, height: 844 });
    try {
      const figure = page.locator('[data-widget]').first();
      await figure.scrollIntoViewIfNeeded();
      await figure.locator('[data-widget-loading]').first().waitFor({ state: 'detached', timeout: 30_000 });
      const toggle = figure.locator('[data-action="tools"]');
      const tools = figure.locator('.widget-tools');
      const header = figure.locator('.widget-header');
      // One row: the title and the menu's button, side by side; the tools are folded away.
      expect(await headerOffRow(figure)).toEqual([]);
      expect(await tools.isVisible()).toBe(false);
      const title = (await figure.locator('.widget-title').boundingBox())!;
      const button = (await toggle.boundingBox())!;
      expect(button.width).toBeGreaterThanOrEqual(44);
      expect(button.height).toBeGreaterThanOrEqual(44);
      expect((await header.boundingBox())!.height).toBeLessThanOrEqual(Math.max(title.height, button.height) + 16);
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');

      // The keyboard: Enter opens it, Tab walks its tools, Escape closes it and gives the focus back.
      await toggle.focus();
      await page.keyboard.press('Enter');
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.action)).toBe('present');
      await page.keyboard.press('Escape');
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true);
      // The page stays as it was: Escape in the menu does not also present or leave anything.
      expect(await figure.getAttribute('data-presenting')).toBe(null);

      // Open: on the screen, every tool a 44-px target with its words, the badge's reason written out.
      await toggle.click();
      await tools.waitFor();
      const panel = (await tools.boundingBox())!;
      expect(panel.x).toBeGreaterThanOrEqual(0);
      expect(panel.x + panel.width).toBeLessThanOrEqual(390);
      for (const action of ['present', 'share', 'reset']) {
        const tool = tools.locator(`[data-action="${action}"]`);
        expect((await tool.boundingBox())!.height).toBeGreaterThanOrEqual(44);
        expect((await tool.innerText()).trim()).toMatch(/^(Present|Copy link|Reset)$/);
      }
      await expect.poll(() => tools.locator('.compute-badge-reason').innerText(), { timeout: 30_000 }).toMatch(/computing with|WebGL/);
      expect(await auditFigure(figure, 12)).toMatchObject({ overflow: 0, smallText: [] });
      expect(await seriousAxeViolations(page)).toEqual([]);
      // Tabbing past its last tool closes it.
      await tools.locator('[data-action="reset"]').focus();
      await page.keyboard.press('Tab');
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      // A tap elsewhere closes it.
      await toggle.click();
      await tools.waitFor();
      await page.locator('.prose p').first().click({ position: { x: 5, y: 5 } });
      expect(await tools.isVisible()).toBe(false);
      // A tool closes it and does its work: Copy link's notice shows under the header.
      await toggle.click();
      await tools.locator('[data-action="share"]').click();
      expect(await tools.isVisible()).toBe(false);
      await figure.locator('[data-widget-notices] [data-action="dismiss"]').waitFor();
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('offline after one visit: an unvisited chapter opens from a shared link and its figure trains (no WebGL)', async () => {
    const context = await newContext(plain);
    try {
      // The test build registers its service worker only where a test asks (src/book/offline/).
      await context.addInitScript(() => localStorage.setItem('dll-sw-test', '1'));
      const page = await context.newPage();
      const watch = watchPage(page, origin);
      await page.goto(siteUrl);
      await waitForPageReady(page);
      // Precaching done: the worker activates only once every file is in its cache.
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
      await context.setOffline(true);
      await page.goto(`${siteUrl}chapters/backpropagation/?w.xor-live=learningRate:2#widget-xor-live`);
      await waitForPageReady(page);
      expect(await page.title()).toMatch(/^Backpropagation/);
      const figure = page.locator('#widget-xor-live');
      await figure.scrollIntoViewIfNeeded();
      await figure.locator('.training-bar button', { hasText: 'Train' }).click();
      await expect.poll(() => figure.locator('.training-status').textContent(), { timeout: 30_000 }).toMatch(/Step [1-9]/);
      expect(watch.problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
