// Heavy code is fetched only where it is used: a page without diagrams fetches no Mermaid code and
// a page without widgets no TensorFlow.js code. Fetched scripts are recognised by their content
// (strings each library's own code contains, which minification keeps), not by chunk names, so
// renaming a chunk or bundling a library into another chunk cannot hide it.
import type { Browser, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, newContext, waitForPageReady, watchPage } from '../support/e2e-browser.ts';

const siteUrl = inject('siteUrl');
const origin = inject('siteOrigin');
const pages = inject('sitePages');

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

async function loadAndScan(page: Page, path: string): Promise<Omit<PageLoad, 'name'>> {
  const bodies: Promise<{ url: string; text: string }>[] = [];
  page.on('response', (res: Response) => {
    const type = res.request().resourceType();
    if (type === 'script' || /\.m?js(\?|$)/.test(res.url())) {
      bodies.push(res.text().then((text) => ({ url: res.url(), text }), () => ({ url: res.url(), text: '' })));
    }
  });
  await page.goto(siteUrl + path, { waitUntil: 'load' });
  await waitForPageReady(page);
  // Anything loaded lazily further down (widgets, diagrams) comes in when it is scrolled to.
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
    tfjsScripts: scripts.filter((s) => s.text.includes(TFJS_MARKER)).map((s) => s.url),
    mermaidScripts: scripts.filter((s) => s.text.includes(MERMAID_MARKER)).map((s) => s.url),
  };
}

describe('request budget', () => {
  let browser: Browser;
  const loads: PageLoad[] = [];

  beforeAll(async () => {
    browser = await launchChromium('webgl');
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const sitePage of pages) {
    // Two pages at a time (the e2e project's maxConcurrency), each in its own context.
    it.concurrent(`${sitePage.name}: no Mermaid without diagrams, no TensorFlow.js without widgets`, async ({ expect }) => {
      const context = await newContext(browser);
      try {
        const page = await context.newPage();
        const watch = watchPage(page, origin);
        const load = { name: sitePage.name, ...(await loadAndScan(page, sitePage.path)) };
        loads.push(load);
        expect(watch.problems).toEqual([]);
        expect(load.scripts, 'no script was fetched at all').toBeGreaterThan(0);
        if (load.diagrams === 0) expect(load.mermaidScripts, 'Mermaid code fetched by a page without diagrams').toEqual([]);
        if (load.widgets === 0) expect(load.tfjsScripts, 'TensorFlow.js code fetched by a page without widgets').toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  // The checks above only mean something if the markers are found where the libraries are used,
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
