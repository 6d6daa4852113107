// A widget that throws while rendering must not take the page down: the frame shows the error's
// message in place of the widget, the rest of the page keeps working, and reset brings the widget
// back in its initial state. Driven through the test widget ErrorProbe (tests/widgets).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, newContext, waitForPageReady, watchPage } from '../support/e2e-browser.ts';

const siteUrl = inject('siteUrl');
const origin = inject('siteOrigin');
const pages = inject('sitePages');

describe('widget error boundary', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium('webgl');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the error of a failing widget and recovers on reset', async () => {
    const testPage = pages.find((p) => p.name === 'test-widgets');
    expect(testPage, 'the test build has no page test-widgets (tests/pages/90-test-widgets.mdx)').toBeDefined();
    const context = await newContext(browser);
    try {
      const page = await context.newPage();
      const watch = watchPage(page, origin);
      await page.goto(siteUrl + testPage!.path, { waitUntil: 'load' });
      await waitForPageReady(page);

      const probe = page.locator('[data-widget="ErrorProbe"]');
      const neighbour = page.locator('[data-widget="ControlsLab"]').first();
      const command = probe.getByLabel('Command');
      await command.fill('hello');
      await probe.getByRole('button', { name: 'Run' }).click();
      await expect.poll(() => probe.locator('output').textContent()).toBe('1');

      await command.fill('explode');
      await probe.getByRole('button', { name: 'Run' }).click();
      const error = probe.locator('[data-widget-error]');
      await error.waitFor({ state: 'visible', timeout: 5_000 });
      expect(await error.textContent()).toContain('the probe was asked to explode');
      expect(await probe.getByLabel('Command').count(), 'the failed widget is still drawn').toBe(0);

      // The rest of the page still works.
      await neighbour.locator('[data-widget-loading]').first().waitFor({ state: 'detached', timeout: 30_000 });
      await neighbour.getByRole('button', { name: 'Compute' }).click();
      await expect.poll(() => neighbour.locator('output').first().textContent()).toMatch(/^-?\d/);
      expect(await page.locator('[data-widget-error]').count()).toBe(1);

      await probe.locator('[data-action="reset"]').click();
      await error.waitFor({ state: 'detached', timeout: 5_000 });
      await expect.poll(() => probe.getByLabel('Command').inputValue()).toBe('');
      expect(await probe.locator('output').textContent()).toBe('0');

      // React reports the caught error to the console; anything else is a problem.
      const unexpected = watch.problems.filter((p) => !p.includes('the probe was asked to explode'));
      expect(unexpected).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
