// The numbers in the built pages are the engine's: every `<Computed>` on every page shows the value
// computed in src/worked/ (formatted as the build formats it), and every numeric exercise accepts
// that value and rejects one far off.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { computeWorkedValues } from '../../src/worked/index.ts';
import { formatWorked } from '../../src/worked/define.ts';
import { launchChromium, newContext, waitForPageReady } from '../support/e2e-browser.ts';

const siteUrl = inject('siteUrl');
const pages = inject('sitePages');
const table = await computeWorkedValues();

describe('worked numbers in the built pages', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium('no-webgl');
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const sitePage of pages) {
    // Two pages at a time (the e2e project's maxConcurrency), each in its own context.
    it.concurrent(`${sitePage.name}: computed numbers and exercise answers`, async ({ expect }) => {
      const context = await newContext(browser);
      try {
        const page = await context.newPage();
        await page.goto(siteUrl + sitePage.path, { waitUntil: 'load' });
        await waitForPageReady(page);
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
      } finally {
        await context.close();
      }
    });
  }
});
