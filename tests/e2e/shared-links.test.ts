// Links that open a widget in a chosen state, on the test widget page (tests/widgets/ControlsLab):
// a valid link sets every control and scrolls to the figure; malformed and hostile links fall back
// to the chapter's state with a notice, log no console error and run no script; "Copy link" copies
// a URL that opens the figure as it was, with the clipboard or, where it is refused, a text field;
// and reset takes the figure's state out of the address bar again.
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, newContext, waitForPageReady, watchPage, type PageWatch } from '../support/e2e-browser.ts';

const siteUrl = inject('siteUrl');
const origin = inject('siteOrigin');
const pages = inject('sitePages');
const testPage = pages.find((p) => p.name === 'test-widgets');
const pageUrl = `${siteUrl}${testPage?.path ?? ''}`;

const PARAM = 'w.ControlsLab.0';

interface Opened {
  page: Page;
  watch: PageWatch;
  widget: Locator;
}

async function open(context: BrowserContext, url: string): Promise<Opened> {
  const page = await context.newPage();
  const watch = watchPage(page, origin);
  await page.goto(url, { waitUntil: 'load' });
  await waitForPageReady(page);
  const widget = page.locator('[data-widget="ControlsLab"]').first();
  await widget.locator('[data-widget-loading]').first().waitFor({ state: 'detached', timeout: 30_000 });
  await widget.getByLabel('Weight').waitFor();
  return { page, watch, widget };
}

/** What the controls show, read from the native elements. */
async function controls(widget: Locator) {
  return {
    weight: await widget.getByLabel('Weight').inputValue(),
    weightText: (await widget.locator('.control-slider output').textContent())?.trim(),
    bias: await widget.getByLabel('Bias').inputValue(),
    activation: await widget.getByLabel('Activation').inputValue(),
    squared: await widget.getByLabel('Square the output').isChecked(),
    caption: await widget.getByLabel('Caption').inputValue(),
  };
}

const DEFAULTS = { weight: '1', weightText: '1.0', bias: '0', activation: 'tanh', squared: false, caption: '' };

describe.skipIf(!testPage)('shared links', () => {
  let browser: Browser;
  let context: BrowserContext;
  beforeAll(async () => {
    browser = await launchChromium('webgl');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("a chapter's props start the second copy elsewhere, and a link addresses each copy alone", async () => {
    context = await newContext(browser);
    try {
      const second = (page: Page) => page.locator('[data-widget="ControlsLab"]').nth(1);
      const plain = await open(context, pageUrl);
      await second(plain.page).getByLabel('Weight').waitFor();
      expect(await controls(second(plain.page))).toMatchObject({ weight: '2', activation: 'relu' });
      const linked = await open(context, `${pageUrl}?w.second-lab=weight:-1#widget-second-lab`);
      await second(linked.page).getByLabel('Weight').waitFor();
      // The link's weight wins; the chapter's activation stays; the first copy is untouched.
      expect(await controls(second(linked.page))).toMatchObject({ weight: '-1', activation: 'relu' });
      expect(await controls(linked.widget)).toEqual(DEFAULTS);
      expect(await second(linked.page).getAttribute('id')).toBe('widget-second-lab');
      // A link from before the figure had a name, by its position, opens it all the same, and the
      // address bar is rewritten to the name (the other parameters kept).
      const old = await open(context, `${pageUrl}?backend=webgl&w.ControlsLab.1=weight:-2#widget-ControlsLab-1`);
      await second(old.page).getByLabel('Weight').waitFor();
      expect(await controls(second(old.page))).toMatchObject({ weight: '-2', activation: 'relu' });
      expect(await controls(old.widget)).toEqual(DEFAULTS);
      const rewritten = new URL(old.page.url());
      expect([rewritten.search, rewritten.hash]).toEqual(['?backend=webgl&w.second-lab=weight:-2', '#widget-second-lab']);
      await expect.poll(() => second(old.page).evaluate((el) => Math.round(el.getBoundingClientRect().top))).toBeLessThan(200);
      expect([...plain.watch.problems, ...linked.watch.problems, ...old.watch.problems]).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a valid link sets every control, scrolls to the figure and keeps the other parameters', async () => {
    context = await newContext(browser);
    try {
      const link = `${pageUrl}?backend=webgl&${PARAM}=weight:-2.5,bias:1.5,activation:relu,squared:true,caption:Shared%20state#widget-ControlsLab-0`;
      const { page, watch, widget } = await open(context, link);
      expect(await controls(widget)).toEqual({ weight: '-2.5', weightText: '-2.5', bias: '1.5', activation: 'relu', squared: true, caption: 'Shared state' });
      expect(await widget.locator('.widget-notice').count()).toBe(0);
      await expect.poll(() => widget.locator('output[aria-live]').textContent()).toMatch(/^[\d., ]+$/);
      expect(await widget.textContent()).toContain('Shared state:');
      // The frame carries the id the link's #anchor names, and the page is scrolled to it.
      const top = await widget.evaluate((el) => ({ id: el.id, top: el.getBoundingClientRect().top, h: window.innerHeight }));
      expect(top.id).toBe('widget-ControlsLab-0');
      expect(top.top).toBeGreaterThanOrEqual(-2);
      expect(top.top).toBeLessThan(top.h);
      expect(new URL(page.url()).searchParams.get('backend')).toBe('webgl');
      expect(watch.problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  // [parameter value as written in the address bar, a piece of each notice expected]. Each problem
  // of a link is its own notice, so several share one link (up to NOTICE_LIMIT, five, before they
  // are summed up); those that spoil the whole parameter (its length, the query around it) have
  // their own.
  const badLinks: [string, RegExp[]][] = [
    [
      ['weight:50', 'bias:abc', 'activation:gelu', 'squared:maybe', 'caption:' + 'x'.repeat(80)].join(','),
      [/set weight to 50, above its maximum 3: using 3\./, /set bias to “abc”, which is not a number: using 0\./, /not one of tanh, relu, sigmoid: using tanh/, /neither on nor off: using off/, /longer than its limit of 60 characters/],
    ],
    [
      ['bogus:1', '%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E:1', 'activation:%3Cimg%20src%3Dx%20onerror%3D%22window.__pwned%3D1%22%3E', 'caption:%E0%A4%A'].join(','),
      [/setting “bogus” that this figure does not have/, /setting “<script>.*does not have: ignored/, /not one of/, /caption .* is not properly encoded/],
    ],
    ['z'.repeat(5000), [/characters long.*ignored/]],
    ['caption:%ZZ&other=%E0%A4%A', [/not properly encoded/]],
  ];

  it('malformed and hostile links fall back with a notice, no console error and no script run', async () => {
    context = await newContext(browser);
    try {
      for (const [value, expectedNotices] of badLinks) {
        const { page, watch, widget } = await open(context, `${pageUrl}?${PARAM}=${value}`);
        const expected = value.startsWith('weight') ? { ...DEFAULTS, weight: '3', weightText: '3.0' } : DEFAULTS;
        expect(await controls(widget), value.slice(0, 60)).toEqual(expected);
        const notices = widget.locator('.widget-notice');
        await expect.poll(() => notices.count(), { message: value.slice(0, 60) }).toBeGreaterThan(0);
        const shown = await notices.allTextContents();
        for (const notice of expectedNotices) expect(shown.join(' '), value.slice(0, 60)).toMatch(notice);
        // One notice per problem, echoed pieces of the link cut short.
        for (const text of shown) expect(text.length).toBeLessThan(400);
        // The engine still starts (TensorFlow.js reads the whole query string for its own flags).
        await expect.poll(() => widget.locator('output[aria-live]').textContent(), { message: value.slice(0, 60) }).toMatch(/^[\d., -]+$/);
        const injected = await page.evaluate(() => ({
          pwned: (window as unknown as { __pwned?: unknown }).__pwned,
          images: document.querySelectorAll('[data-widget] img').length,
          scripts: [...document.querySelectorAll('[data-widget] script')].length,
        }));
        expect(injected).toEqual({ pwned: undefined, images: 0, scripts: 0 });
        expect(watch.problems, value.slice(0, 60)).toEqual([]);
        // Dismissed, the notices go.
        await widget.locator('[data-action="dismiss"]').click();
        expect(await notices.count()).toBe(0);
        await page.close();
      }
    } finally {
      await context.close();
    }
  });

  it('Copy link round-trips the state; reset removes it from the address bar', async () => {
    context = await newContext(browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    try {
      const { page, watch, widget } = await open(context, `${pageUrl}?backend=webgl#one-neuron`);
      expect(await controls(widget)).toEqual(DEFAULTS);
      // Keyboard only: the slider by arrow keys, the number field clamps on Enter and says so.
      await widget.getByLabel('Weight').focus();
      for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
      const bias = widget.getByLabel('Bias');
      // Until Enter, a value it cannot take is not used, and the field says so.
      await bias.fill('9');
      expect(await widget.locator('.control-note').first().textContent()).toBe('9 is outside -5 to 5; it stays 0 (Enter takes 5).');
      await bias.fill('');
      expect(await widget.locator('.control-note').first().textContent()).toBe('Enter a number from -5 to 5; it stays 0.');
      await bias.fill('9');
      await bias.press('Enter');
      expect(await bias.inputValue()).toBe('5');
      expect(await widget.locator('.control-note').first().textContent()).toBe('Clamped to 5.');
      await bias.fill('-1.5');
      await bias.press('Tab');
      await widget.getByLabel('Activation').selectOption('sigmoid');
      await widget.getByLabel('Square the output').press('Space');
      await widget.getByLabel('Caption').fill('Round trip, 100% & more');
      const set = { weight: '1.5', weightText: '1.5', bias: '-1.5', activation: 'sigmoid', squared: true, caption: 'Round trip, 100% & more' };
      expect(await controls(widget)).toEqual(set);

      await widget.locator('[data-action="share"]').click();
      await expect.poll(() => widget.locator('.widget-notice').allTextContents()).toContain('Link copied: it opens this figure as it is now.');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(page.url());
      const url = new URL(copied);
      expect(url.searchParams.get('backend')).toBe('webgl');
      expect(url.searchParams.get(PARAM)).toBe('weight:1.5,bias:-1.5,activation:sigmoid,squared:true,caption:Round trip, 100% & more');
      expect(url.hash).toBe('#widget-ControlsLab-0');

      const second = await open(context, copied);
      expect(await controls(second.widget)).toEqual(set);
      expect(second.watch.problems).toEqual([]);

      await second.widget.locator('[data-action="reset"]').click();
      await expect.poll(() => controls(second.widget)).toEqual(DEFAULTS);
      const after = new URL(second.page.url());
      expect(after.searchParams.has(PARAM)).toBe(false);
      expect(after.searchParams.get('backend')).toBe('webgl');
      expect(after.hash).toBe('#widget-ControlsLab-0');
      expect(watch.problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('where the clipboard is refused, the link is shown in a selected text field', async () => {
    context = await newContext(browser);
    await context.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', {
        configurable: true,
        value: { writeText: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')) },
      });
    });
    try {
      const { page, watch, widget } = await open(context, pageUrl);
      await widget.getByLabel('Activation').selectOption('relu');
      await widget.locator('[data-action="share"]').click();
      const field = widget.getByLabel('Copy this link to open the figure as it is now:');
      await field.waitFor();
      const value = await field.inputValue();
      expect(value).toBe(page.url());
      expect(new URL(value).searchParams.get(PARAM)).toContain('activation:relu');
      const selected = await field.evaluate((el: HTMLInputElement) => el.selectionEnd! - el.selectionStart!);
      expect(selected).toBe(value.length);
      expect(watch.problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
