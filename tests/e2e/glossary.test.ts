// Glossary terms in a chapter, the glossary page and the questions page, in Chromium:
// - a term's first use is a link whose card opens on keyboard focus and on hover, describes the
//   link, moves nothing on the page, stays on screen, and closes on Escape; on a phone it does not
//   cover the term; following the link lands on the term's entry;
// - /glossary/ and /faq/ have no serious axe violation in either theme and no console error; the
//   glossary's filter narrows the list; every link of both pages leads to a page and anchor that
//   exist (these pages are not in the list every-page checks visit).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { termStrings } from '../../src/book/glossary/definitions.ts';
import { launchChromium, newContext, seriousAxeViolations, THEME_AXE_RULES, waitForPageReady, watchPage } from '../support/e2e-browser.ts';

const siteUrl = inject('siteUrl');
const origin = inject('siteOrigin');
const base = inject('siteBase');

// A chapter without figures: quick to open, and its prose has term links.
const CHAPTER = 'chapters/how-to-use/';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium('no-webgl');
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string, viewport?: { width: number; height: number }): Promise<{ page: Page; problems: string[] }> {
  const context = await newContext(browser);
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const watch = watchPage(page, origin);
  await page.goto(`${siteUrl}${path}`, { waitUntil: 'load' });
  await waitForPageReady(page);
  // Diagrams are drawn as they come near the window, which changes the page's height: draw them
  // all first, so that a change measured later is the card's doing.
  for (const diagram of await page.locator('[data-mermaid]').all()) {
    await diagram.scrollIntoViewIfNeeded();
    await page.waitForFunction((el) => el?.getAttribute('data-rendered') !== 'false', await diagram.elementHandle(), { timeout: 30_000 });
  }
  await waitForPageReady(page);
  return { page, problems: watch.problems };
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The card of the first term link on the page, its link, and the term's id. */
async function firstTerm(page: Page) {
  const link = page.locator('.term-link').first();
  const term = (await page.locator('.term').first().getAttribute('data-term'))!;
  return { link, term, card: page.locator('.term').first().locator('.term-card') };
}

describe('a term in a chapter', () => {
  it('shows its card on keyboard focus, describes the link with it, moves nothing, and closes on Escape', async () => {
    const { page, problems } = await open(CHAPTER);
    try {
      const { link, term, card } = await firstTerm(page);
      const entry = (termStrings as unknown as Record<string, { name: string; definition: string }>)[term];
      expect(entry, `unknown term ${term}`).toBeDefined();
      // Focus scrolls a link into view: bring it there first, so a move would be the card's doing.
      await link.scrollIntoViewIfNeeded();
      const before = (await link.boundingBox())!;
      const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
      await link.focus();
      await expect.poll(() => card.isVisible(), { timeout: 10_000 }).toBe(true);
      expect(await card.textContent()).toContain(entry.definition);
      expect(await link.getAttribute('aria-describedby')).toBe(await card.getAttribute('id'));
      expect(await card.getAttribute('role')).toBe('tooltip');
      // Nothing moved, and the card is inside the window's width.
      expect(await link.boundingBox()).toEqual(before);
      expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBe(pageHeight);
      const box = (await card.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(1280);
      await page.keyboard.press('Escape');
      await expect.poll(() => card.isVisible()).toBe(false);
      expect(await page.evaluate(() => document.activeElement?.classList.contains('term-link'))).toBe(true);
      // With focus elsewhere, hovering opens it again and moving away closes it.
      await link.blur();
      await link.hover();
      await expect.poll(() => card.isVisible()).toBe(true);
      await page.mouse.move(5, 5);
      await expect.poll(() => card.isVisible()).toBe(false);
      expect(problems).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it('on a phone, shows the card away from the term and inside the screen', async () => {
    const { page, problems } = await open(CHAPTER, { width: 390, height: 844 });
    try {
      const { link, card } = await firstTerm(page);
      await link.scrollIntoViewIfNeeded();
      await link.focus();
      await expect.poll(() => card.isVisible(), { timeout: 10_000 }).toBe(true);
      const cardBox = (await card.boundingBox())!;
      const linkBox = (await link.boundingBox())!;
      expect(overlaps(cardBox, linkBox), `card ${JSON.stringify(cardBox)} covers the term ${JSON.stringify(linkBox)}`).toBe(false);
      expect(cardBox.x).toBeGreaterThanOrEqual(0);
      expect(cardBox.x + cardBox.width).toBeLessThanOrEqual(390);
      expect(problems).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it('leads to the term on the glossary page', async () => {
    const { page, problems } = await open(CHAPTER);
    try {
      const { link, term } = await firstTerm(page);
      await link.click();
      await page.waitForURL(`**/glossary/#term-${term}`);
      // The entry is scrolled to the top of the window, below the bar.
      const entry = page.locator(`#term-${term}`);
      await expect.poll(async () => (await entry.boundingBox())?.y ?? -1, { timeout: 10_000 }).toBeGreaterThanOrEqual(0);
      expect((await entry.boundingBox())!.y).toBeLessThan(200);
      expect(problems).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});

/** Every link to the site on the page leads to a page that answers and has the link's anchor. */
async function brokenLinks(page: Page): Promise<string[]> {
  const hrefs = await page.evaluate(() => [...new Set([...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href))]);
  const pages = new Map<string, Promise<{ status: number; html: string }>>();
  const broken: string[] = [];
  for (const href of hrefs) {
    const url = new URL(href);
    if (url.origin !== origin) continue;
    if (!url.pathname.startsWith(base)) {
      broken.push(`${href} is outside ${base}`);
      continue;
    }
    const key = url.origin + url.pathname;
    if (!pages.has(key)) pages.set(key, page.request.get(key, { maxRedirects: 0 }).then(async (r) => ({ status: r.status(), html: await r.text() })));
    const { status, html } = await pages.get(key)!;
    const anchor = decodeURIComponent(url.hash.slice(1));
    if (status !== 200) broken.push(`${href} answers HTTP ${status}`);
    else if (anchor && !html.includes(`id="${anchor}"`)) broken.push(`${href}: no element with id "${anchor}"`);
  }
  return broken;
}

describe.each(['glossary/', 'faq/'])('/%s', (path) => {
  it('passes axe in both themes, has working links and no console error', async () => {
    const { page, problems } = await open(path);
    try {
      expect(await page.locator('h1').textContent()).toBeTruthy();
      const failures = [...(await seriousAxeViolations(page)).map((v) => `light: ${v}`), ...(await brokenLinks(page))];
      await page.locator('[data-action="toggle-theme"]').first().click();
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      failures.push(...(await seriousAxeViolations(page, THEME_AXE_RULES)).map((v) => `dark: ${v}`));
      expect(failures).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});

describe.each(['glossary/', 'faq/'])('/%s on a phone', (path) => {
  it('fits 390 px', async () => {
    const { page, problems } = await open(path, { width: 390, height: 844 });
    try {
      const wide = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        return [...document.querySelectorAll('article *')].filter((el) => el.getBoundingClientRect().right > width + 0.5).map((el) => `${el.tagName}.${el.className}`);
      });
      expect(wide).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});

describe('the glossary page', () => {
  it('lists every term with its Chinese name, and filters as the reader types', async () => {
    const { page, problems } = await open('glossary/');
    try {
      const all = await page.locator('.glossary-entry').count();
      expect(all).toBe(Object.keys(termStrings).length);
      expect(await page.locator('#term-relu [lang="zh"]').textContent()).toMatch(/\p{Script=Han}/u);
      await page.getByLabel('Filter the terms').fill('softmax');
      await expect.poll(() => page.locator('.glossary-entry').count()).toBeLessThan(all);
      expect(await page.locator('#term-softmax').isVisible()).toBe(true);
      expect(await page.locator('.glossary-count').textContent()).toMatch(/of/);
      await page.getByLabel('Filter the terms').fill('qqqq');
      await expect.poll(() => page.locator('.glossary-entry').count()).toBe(0);
      expect(await page.locator('.glossary-count').textContent()).toContain('qqqq');
      expect(problems).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});
