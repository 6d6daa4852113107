// Every page with widgets, on the CPU backend (the last fallback; the other tests cover WebGL and
// WebAssembly): the engine's live tensor count after the widgets unmount (the reader goes to
// another chapter) is the same after a second visit in which every control was used once
// (training started, sliders moved, buttons pressed) as after the first, so no widget leaves
// tensors behind; and nothing on the way logs an error.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, newContext, waitForPageReady, watchPage } from '../support/e2e-browser.ts';

const siteUrl = inject('siteUrl');
const origin = inject('siteOrigin');
const pages = inject('sitePages');

const tensorCount = (page: Page) => page.evaluate(() => (globalThis as { __bookTensorCount?: () => number }).__bookTensorCount?.() ?? -1);

async function widgetsLoaded(page: Page): Promise<number> {
  const count = await page.locator('[data-widget]').count();
  for (let i = 0; i < count; i++) {
    const widget = page.locator('[data-widget]').nth(i);
    await widget.scrollIntoViewIfNeeded();
    await widget.locator('[data-widget-loading]').first().waitFor({ state: 'detached', timeout: 30_000 });
  }
  return count;
}

/**
 * Uses each control of a widget once, in order: every button pressed (which starts live training
 * where there is any), every slider moved a step, every select set to another option. Controls
 * that come and go on the way are taken as found.
 */
async function useEveryControl(widget: Locator): Promise<void> {
  const quick = { timeout: 1000 };
  const controls = widget.locator('.widget-body :is(button, input[type=range], select)');
  const n = await controls.count();
  for (let i = 0; i < n; i++) {
    const control = controls.nth(i);
    if (!(await control.isVisible().catch(() => false)) || !(await control.isEnabled().catch(() => false))) continue;
    const tag = await control.evaluate((el) => el.tagName.toLowerCase()).catch(() => '');
    if (tag === 'button') await control.click(quick).catch(() => undefined);
    else if (tag === 'select') await control.selectOption({ index: 1 }, quick).catch(() => undefined);
    else await control.press('ArrowRight', quick).catch(() => undefined);
  }
}

/** Leaves for the widget-free how-to-use chapter by the sidebar (client-side: widgets unmount). */
async function leave(page: Page): Promise<void> {
  await page.locator('a[href$="chapters/how-to-use/"]').first().click();
  await page.waitForFunction(() => location.pathname.endsWith('/chapters/how-to-use/'));
  await page.waitForFunction(() => document.querySelectorAll('[data-widget]').length === 0);
  // Training loops finish the frame under way before they let go of their tensors.
  await page.waitForTimeout(800);
}

describe('widgets free their tensors on unmount', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium('webgl');
  });
  afterAll(async () => {
    await browser?.close();
  });

  const withWidgets = pages.filter((p) => p.name !== 'landing' && p.name !== 'how-to-use');
  for (const sitePage of withWidgets) {
    // Two pages at a time (the e2e project's maxConcurrency), each in its own context.
    it.concurrent(`${sitePage.name}: tensor count after unmount does not grow`, async ({ expect }) => {
      const context = await newContext(browser);
      try {
        const page = await context.newPage();
        const watch = watchPage(page, origin);
        await page.goto(`${siteUrl}${sitePage.path}?backend=cpu`, { waitUntil: 'load' });
        await waitForPageReady(page);
        const widgets = await widgetsLoaded(page);
        if (widgets === 0) return;
        await leave(page);
        const first = await tensorCount(page);
        expect(first, 'the test build exposes the tensor count').toBeGreaterThanOrEqual(0);

        await page.goBack();
        await waitForPageReady(page);
        await widgetsLoaded(page);
        for (let i = 0; i < widgets; i++) await useEveryControl(page.locator('[data-widget]').nth(i));
        // Let live training run a few frames before the widgets go.
        await page.waitForTimeout(1000);
        await leave(page);
        // A training step under way when the widgets went lets go of its tensors when it ends: on a
        // busy machine that can be later than the pause in leave(), so the count is given until it
        // settles. A widget that leaks never gets back to the first count.
        let second = await tensorCount(page);
        for (let waited = 0; second !== first && waited < 10_000; waited += 250) {
          await page.waitForTimeout(250);
          second = await tensorCount(page);
        }
        console.log(`[memory] ${sitePage.name}: ${widgets} widgets, ${first} tensors after the first visit, ${second} after the second`);
        expect(second, `${sitePage.name}: tensors left by its widgets`).toBe(first);
        expect(watch.problems).toEqual([]);
      } finally {
        await context.close();
      }
      // Pages with many widgets visit each twice: more than the default budget on two cores.
    }, 600_000);
  }
});
