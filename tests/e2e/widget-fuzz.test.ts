// 200 seeded random actions on every widget of every page, then: no console error or uncaught
// exception, no NaN/Infinity/undefined shown, and the widget still renders. Widgets are found on the
// page by `[data-widget]`, so every widget written later is covered as soon as a chapter uses it.
// Replay a failure with the FUZZ_SEED it prints (FUZZ_LOG=1 prints every action):
//   FUZZ_SEED=<n> npx vitest run --project e2e tests/e2e/widget-fuzz.test.ts -t '<page>'
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, newContext, waitForPageReady, watchPage } from '../support/e2e-browser.ts';
import { deriveSeed, fuzzWidget, widgetHealth } from '../support/fuzz.ts';

const siteUrl = inject('siteUrl');
const origin = inject('siteOrigin');
const pages = inject('sitePages');

const BASE_SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20_261_125;
const ACTIONS = 200;
const PAGE_TIMEOUT_MS = 600_000;

describe('widget fuzz', () => {
  let browser: Browser;
  let widgetsFuzzed = 0;

  beforeAll(async () => {
    browser = await launchChromium('no-webgl');
  });
  afterAll(async () => {
    await browser?.close();
  });

  // Two pages at a time, each in its own browser context (the e2e project's maxConcurrency): much of
  // a fuzz action is waiting on the browser, so two pages share the two cores well.
  for (const sitePage of pages) {
    it.concurrent(`${sitePage.name}: every widget survives ${ACTIONS} random actions`, async () => {
      const context = await newContext(browser);
      try {
        const page = await context.newPage();
        const watch = watchPage(page, origin);
        await page.goto(siteUrl + sitePage.path, { waitUntil: 'load' });
        await waitForPageReady(page);
        const count = await page.locator('[data-widget]').count();
        const failures: string[] = [];
        for (let i = 0; i < count; i++) {
          const widget = page.locator('[data-widget]').nth(i);
          const name = (await widget.getAttribute('data-widget')) ?? `widget ${i}`;
          await widget.scrollIntoViewIfNeeded();
          try {
            await widget.locator('[data-widget-loading]').first().waitFor({ state: 'detached', timeout: 30_000 });
          } catch {
            failures.push(`${name} (widget ${i + 1} of ${count} on /${sitePage.path}) never finished loading:\n  - ${watch.problems.join('\n  - ')}`);
            continue;
          }
          watch.clear();
          const seed = deriveSeed(BASE_SEED, sitePage.name, name, i);
          const started = Date.now();
          const run = await fuzzWidget(page, widget, seed, ACTIONS);
          console.log(
            `[fuzz] ${sitePage.name} ${name} seed ${seed}: ${run.done} done, ${run.skipped} skipped, ${((Date.now() - started) / 1000).toFixed(1)} s`,
          );
          if (process.env.FUZZ_LOG === '1') console.log(run.log.join('\n'));
          // Let computations started by the last actions finish before judging.
          await page.waitForTimeout(300);
          const problems = [...run.sightings, ...(await widgetHealth(widget)), ...watch.problems];
          if (run.done === 0) problems.push(`none of the ${ACTIONS} actions could be performed (no usable control)`);
          if (problems.length) {
            failures.push(
              `${name} (widget ${i + 1} of ${count} on /${sitePage.path}), FUZZ_SEED=${BASE_SEED} (widget seed ${seed}):\n` +
                problems.map((p) => `  - ${p}`).join('\n') +
                `\n  last actions:\n${run.log.slice(-15).map((l) => `    ${l}`).join('\n')}`,
            );
          }
          widgetsFuzzed++;
          // The frame's Reset remounts the widget idle, so a training run the fuzz left playing does
          // not slow down the fuzzing of the widgets after it.
          await widget.locator('[data-action="reset"]').first().click({ timeout: 5_000 }).catch(() => undefined);
        }
        if (failures.length) throw new Error(failures.join('\n\n'));
      } finally {
        await context.close();
      }
      // A page with many widgets (live trainers among them) needs more than the default budget on
      // two cores; a widget that hangs still fails, through its own 30 s loading wait or this limit.
    }, PAGE_TIMEOUT_MS);
  }

  it('found widgets to fuzz', () => {
    expect(widgetsFuzzed).toBeGreaterThan(0);
  });
});
