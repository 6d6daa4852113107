// Every page once with WebGL disabled, asking for it (`?backend=webgl`), as a reader whose browser
// has none:
// - opened at its last section's anchor (as a reload there, or a link to it, opens it), the page
//   keeps its address and title and shows that section;
// - every widget loads and its compute badge settles on a fallback backend, saying so;
// - figures where readers are: at 390×844, 1280×900, and presenting at 1920×1080 and 960×540 (a
//   projector at 200% zoom), the page never scrolls sideways, no figure text is under 12 px (20 px
//   presenting) as drawn, and no two labels of a drawing overlap (support/figure-audit.ts; the
//   layout is the same in both themes, whose contrast pages.test.ts checks with axe);
// - fuzz: a planned pass over each widget's controls (every option, button and checkbox once,
//   present mode, reset), then seeded random actions, as a restless reader would try them; after
//   it no console error or uncaught exception, no NaN/Infinity/undefined shown, the widget still
//   renders;
// - memory: the engine's live tensor count after the widgets unmount (the reader goes to another
//   chapter) is the same after the fuzzed visit, left with training running, as after a quiet
//   first visit, so no widget leaves tensors behind (each widget is also reset, so unmounted,
//   mid-run along the way);
// - every request stays under the base path, none fails.
// Widgets are found by `[data-widget]`, so every widget written later is covered as soon as a
// chapter uses it. The fuzz seed comes from the commit (see fuzzBaseSeed); a failure prints it.
// Replay with `FUZZ_SEED=<n> npx vitest run --project e2e tests/e2e/widgets.test.ts -t '<page>'`
// (FUZZ_LOG=1 prints every action); `npm run fuzz -- --actions 200 --seed <n>` for a long run.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { badgeProblems, launchChromium, newContext, requestsOutsideBase, waitForPageReady, watchPage, type PageWatch } from '../support/e2e-browser.ts';
import { figureProblems } from '../support/figure-audit.ts';
import { deriveSeed, fuzzActions, fuzzBaseSeed, fuzzWidget, widgetHealth } from '../support/fuzz.ts';
import { heaviestFirst, type SitePage } from '../support/site.ts';

const siteUrl = inject('siteUrl');
const origin = inject('siteOrigin');
const base = inject('siteBase');
const pages = inject('sitePages');

const { seed: BASE_SEED, from: SEED_FROM } = fuzzBaseSeed();
const ACTIONS = fuzzActions();
console.log(`[fuzz] seed ${BASE_SEED} (from ${SEED_FROM}), a planned pass and ${ACTIONS} random actions per widget`);

const tensorCount = (page: Page) => page.evaluate(() => (globalThis as { __bookTensorCount?: () => number }).__bookTensorCount?.() ?? -1);

/**
 * Opens the page at its last section's anchor, as a reload there or a link to it would: the page
 * keeps its address (query and anchor) and title, and shows that section.
 */
async function openAtSection(page: Page, sitePage: SitePage): Promise<string[]> {
  const url = `${siteUrl}${sitePage.path}?backend=webgl`;
  const anchor = sitePage.lastSection;
  const target = anchor ? `${url}#${anchor}` : url;
  await page.goto(target, { waitUntil: 'load' });
  await waitForPageReady(page);
  const at = await page.evaluate((id) => {
    const el = id ? document.getElementById(id) : null;
    const top = el ? el.getBoundingClientRect().top : 0;
    return { href: location.href, title: document.title, found: !id || !!el, inView: !el || (top >= -2 && top < window.innerHeight), top };
  }, anchor);
  const problems: string[] = [];
  if (at.href !== target) problems.push(`opened at ${target}, the address became ${at.href}`);
  if (at.title !== sitePage.title) problems.push(`opened at ${target}, the page shows the title "${at.title}", not "${sitePage.title}"`);
  if (!at.found) problems.push(`opened at ${target}: no element with id "${anchor}"`);
  else if (!at.inView) problems.push(`opened at ${target}: section "${anchor}" is not in view (top ${Math.round(at.top)} px)`);
  return problems;
}

/** Scrolls to each widget in turn and waits for its code; the names of those that never load. */
async function loadWidgets(page: Page): Promise<{ count: number; stuck: string[] }> {
  const count = await page.locator('[data-widget]').count();
  const stuck: string[] = [];
  for (let i = 0; i < count; i++) {
    const widget = page.locator('[data-widget]').nth(i);
    await widget.scrollIntoViewIfNeeded();
    try {
      await widget.locator('[data-widget-loading]').first().waitFor({ state: 'detached', timeout: 30_000 });
    } catch {
      stuck.push(`${(await widget.getAttribute('data-widget')) ?? `widget ${i + 1}`} never finished loading`);
    }
  }
  return { count, stuck };
}

/**
 * Uses each control of a widget once, in order: every button pressed (which starts live training
 * where there is any), every slider moved a step, every select set to another option.
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
  // The fuzzer's random actions may end on a widget's Present: its overlay then covers the sidebar.
  // A reader leaves the presentation first (Escape), and so does this.
  for (let tries = 0; tries < 3 && (await page.locator('[data-presenting]').count()) > 0; tries++) {
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('[data-presenting]'), undefined, { timeout: 5000 }).catch(() => undefined);
  }
  await page.locator('a[href$="chapters/how-to-use/"]').first().click();
  await page.waitForFunction(() => location.pathname.endsWith('/chapters/how-to-use/'));
  await page.waitForFunction(() => document.querySelectorAll('[data-widget]').length === 0);
}

/** Fuzzes every widget on the page; one readable block per widget that went wrong. */
async function fuzzEveryWidget(page: Page, sitePage: { name: string; path: string }, watch: PageWatch): Promise<string[]> {
  const failures: string[] = [];
  const count = await page.locator('[data-widget]').count();
  for (let i = 0; i < count; i++) {
    const widget = page.locator('[data-widget]').nth(i);
    const name = (await widget.getAttribute('data-widget')) ?? `widget ${i}`;
    await widget.scrollIntoViewIfNeeded();
    await widget.locator('[data-widget-loading]').first().waitFor({ state: 'detached', timeout: 30_000 });
    watch.clear();
    const seed = deriveSeed(BASE_SEED, sitePage.name, name, i);
    const started = Date.now();
    const run = await fuzzWidget(page, widget, seed, ACTIONS);
    console.log(`[fuzz] ${sitePage.name} ${name} seed ${seed}: ${run.done} done, ${run.skipped} skipped, ${((Date.now() - started) / 1000).toFixed(1)} s`);
    if (process.env.FUZZ_LOG === '1') console.log(run.log.join('\n'));
    // Let computations started by the last actions finish before judging.
    await page.waitForTimeout(300);
    const problems = [...run.sightings, ...(await widgetHealth(widget)), ...watch.problems];
    if (run.done === 0) problems.push('none of the actions could be performed (no usable control)');
    if (problems.length) {
      failures.push(
        `${name} (widget ${i + 1} of ${count} on /${sitePage.path}), FUZZ_SEED=${BASE_SEED} (widget seed ${seed}):\n` +
          problems.map((p) => `  - ${p}`).join('\n') +
          `\n  last actions:\n${run.log.slice(-15).map((l) => `    ${l}`).join('\n')}`,
      );
    }
    // The frame's Reset remounts the widget idle (unmounting it, perhaps mid-run), so a training
    // run the fuzz left playing does not slow down the widgets after it.
    await widget.locator('[data-action="reset"]').first().click({ timeout: 5_000 }).catch(() => undefined);
  }
  watch.clear();
  return failures;
}

describe('every page without WebGL: fallback, widget fuzz, memory', () => {
  let browser: Browser;
  let widgetsFuzzed = 0;

  beforeAll(async () => {
    browser = await launchChromium('no-webgl');
  });
  afterAll(async () => {
    await browser?.close();
  });

  // Two pages at a time (the e2e project's maxConcurrency), each in its own context: much of a
  // visit is waiting on the browser, so two pages share the two cores well.
  for (const sitePage of heaviestFirst(pages)) {
    it.concurrent(`${sitePage.name} (/${sitePage.path})`, async ({ expect }) => {
      const context = await newContext(browser);
      try {
        const page = await context.newPage();
        const watch = watchPage(page, origin);
        const opened = await openAtSection(page, sitePage);
        const loaded = await loadWidgets(page);
        const failures = [...opened, ...loaded.stuck, ...(await badgeProblems(page, 'no-webgl', expect)), ...requestsOutsideBase(watch, base), ...watch.problems];
        if (failures.length || loaded.count === 0 || sitePage.name === 'how-to-use') {
          if (failures.length) throw new Error(`${failures.length} problem(s) on /${sitePage.path} without WebGL:\n\n${failures.join('\n\n')}`);
          return;
        }

        const figures = await figureProblems(page);

        // The quiet visit's count, once its widgets have unmounted.
        await leave(page);
        let first = await tensorCount(page);
        expect(first, 'the test build exposes the tensor count').toBeGreaterThanOrEqual(0);
        // Loops finish the frame under way before they let go of their tensors.
        for (let waited = 0, again = -1; again !== first && waited < 5_000; waited += 250) {
          await page.waitForTimeout(250);
          again = first;
          first = await tensorCount(page);
        }

        await page.goBack();
        await waitForPageReady(page);
        await loadWidgets(page);
        const fuzzFailures = await fuzzEveryWidget(page, sitePage, watch);
        widgetsFuzzed += loaded.count;
        // Leave with training running: every control used once, a few frames let run.
        for (let i = 0; i < loaded.count; i++) await useEveryControl(page.locator('[data-widget]').nth(i));
        await page.waitForTimeout(1000);
        await leave(page);
        // A training step under way when the widgets went lets go of its tensors when it ends: on a
        // busy machine that can be late, so the count is given until it settles. A widget that
        // leaks never gets back to the first count.
        let second = await tensorCount(page);
        for (let waited = 0; second !== first && waited < 10_000; waited += 250) {
          await page.waitForTimeout(250);
          second = await tensorCount(page);
        }
        console.log(`[memory] ${sitePage.name}: ${loaded.count} widgets, ${first} tensors after the first visit, ${second} after the fuzzed one`);
        const problems = [...figures, ...fuzzFailures];
        if (second !== first) problems.push(`tensors left by the widgets: ${second} live after the fuzzed visit, ${first} after the first`);
        problems.push(...watch.problems);
        if (problems.length) throw new Error(`${problems.length} problem(s) on /${sitePage.path} without WebGL:\n\n${problems.join('\n\n')}`);
      } finally {
        await context.close();
      }
      // A page with many widgets (live trainers among them) needs more than the default budget on
      // two cores; a widget that hangs still fails, through its own 30 s loading wait or this limit.
    }, 600_000);
  }

  it('found widgets to fuzz', () => {
    expect(widgetsFuzzed).toBeGreaterThan(0);
  });
});
