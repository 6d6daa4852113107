// Every built page, once with WebGL (SwiftShader) and once with WebGL disabled: no console error,
// uncaught exception, failed request or request to another origin; math typeset by KaTeX with no
// error; every diagram drawn; a reload at an anchor lands on the same page and section; and no
// serious or critical axe-core violation in the light and the dark theme. Pages are opened with
// `?backend=webgl`: with WebGL the widgets compute on it (SwiftShader here), without it the engine
// must fall back to another backend and say so in the compute badge. The site is served under a
// sub-path (see global-setup.ts): every request the page makes, the WebAssembly files its widgets
// fetch included, and every link to the site stay under it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, type ExpectStatic, inject, it } from 'vitest';
import { GL_MODES, type GlMode, launchChromium, newContext, seriousAxeViolations, waitForPageReady, watchPage } from '../support/e2e-browser.ts';
import { sourceFacts } from '../support/page-sources.ts';
import type { SitePage } from '../support/site.ts';

const siteUrl = inject('siteUrl');
const origin = inject('siteOrigin');
const base = inject('siteBase');
const pages = inject('sitePages');

it('the site has a landing page and at least one chapter', () => {
  expect(pages[0]?.name).toBe('landing');
  expect(pages.length).toBeGreaterThan(1);
});

// The build's own list of pages, for tools that visit every page, must agree with the files.
const manifest = (await fetch(`${siteUrl}pages.json`)
  .then((r) => (r.ok ? r.json() : null))
  .catch(() => null)) as { path: string; kind: string }[] | null;
it.skipIf(!manifest)(`pages.json lists exactly the pages built${manifest ? '' : ' (skipped: the build wrote no pages.json)'}`, () => {
  const listed = manifest!.filter((p) => p.kind === 'landing' || p.kind === 'chapter').map((p) => p.path);
  expect(listed.sort()).toEqual(pages.map((p) => p.path).sort());
});

for (const mode of GL_MODES) {
  describe(`every page (${mode})`, () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchChromium(mode);
    });
    afterAll(async () => {
      await browser?.close();
    });

    // Two pages at a time, each in its own context (the e2e project's maxConcurrency): a page spends
    // much of its visit waiting (engine start, diagrams, reload), so two share the two cores well.
    for (const sitePage of pages) {
      it.concurrent(`${sitePage.name} (/${sitePage.path})`, async ({ expect }) => {
        const context = await newContext(browser);
        try {
          const page = await context.newPage();
          const watch = watchPage(page, origin);
          const failures = await checkPage(page, sitePage, mode, expect);
          for (const url of watch.requests) {
            if (/^(data|blob|about):/.test(url)) continue;
            if (!new URL(url).pathname.startsWith(base)) failures.push(`request outside the base path ${base}: ${url}`);
          }
          const problems = [...new Set([...failures, ...watch.problems])];
          if (problems.length) {
            throw new Error(`${problems.length} problem(s) on /${sitePage.path} with ${mode}:\n\n${problems.join('\n\n')}`);
          }
        } finally {
          await context.close();
        }
      });
    }
  });
}

async function checkPage(page: Page, sitePage: SitePage, mode: GlMode, expect: ExpectStatic): Promise<string[]> {
  const failures: string[] = [];
  const url = `${siteUrl}${sitePage.path}?backend=webgl`;
  await page.goto(url, { waitUntil: 'load' });
  await waitForPageReady(page);

  // Each widget's compute badge settles on a backend: WebGL where there is WebGL, else a fallback.
  const badges = page.locator('[data-compute-badge]');
  for (let i = 0; i < (await badges.count()); i++) {
    const badge = badges.nth(i);
    await badge.scrollIntoViewIfNeeded();
    try {
      await expect.poll(() => badge.getAttribute('data-status'), { timeout: 30_000 }).not.toBe('starting');
    } catch {
      failures.push(`compute badge #${i + 1} never left "starting"`);
      continue;
    }
    const status = await badge.getAttribute('data-status');
    // The visible label only: the reason (which may mention WebGL failing) is the badge's description.
    const text = await badge.evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      const describedBy = el.getAttribute('aria-describedby');
      if (describedBy) copy.querySelector(`[id="${describedBy}"]`)?.remove();
      return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
    });
    if (status !== 'ready') failures.push(`compute badge #${i + 1} is ${status}: ${text} (${await badge.getAttribute('title')})`);
    else if (mode === 'webgl' && !/WebGL/.test(text)) failures.push(`?backend=webgl with WebGL present, but the badge says "${text}"`);
    else if (mode === 'no-webgl' && /WebGL/.test(text)) failures.push(`WebGL is disabled, but the badge says "${text}"`);
  }

  const facts = await sourceFacts(sitePage);
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
    })),
    headingIds: [...document.querySelectorAll('main h2[id], main h3[id], h2[id], h3[id]')].map((h) => h.id),
  }));

  if (!dom.title.trim()) failures.push('the page has no <title>');
  if (!dom.h1) failures.push('the page has no <h1>');

  // KaTeX: one `.katex` per formula in the source, and no formula rendered as an error.
  if (facts && facts.math.length > 0 && dom.katex < facts.math.length) {
    failures.push(`the source has ${facts.math.length} formulas but the page shows ${dom.katex} KaTeX formulas`);
  }
  for (const err of dom.katexErrors) failures.push(`KaTeX error shown on the page: ${err}`);

  // Mermaid: every container rendered to SVG, and as many containers as the source has diagrams.
  if (facts && dom.diagrams.length < facts.diagrams) {
    failures.push(`the source has ${facts.diagrams} diagrams but the page has ${dom.diagrams.length} [data-mermaid] containers`);
  }
  for (const d of dom.diagrams) {
    if (d.state !== 'true' || !d.svg) failures.push(`diagram #${d.i + 1} not rendered (data-rendered=${d.state}, svg=${d.svg}): ${d.text}`);
  }

  // Reload at a section anchor: the same page comes back, scrolled to that section.
  const anchor = dom.headingIds.at(-1);
  const target = anchor ? `${url}#${anchor}` : url;
  await page.goto(target, { waitUntil: 'load' });
  await page.reload({ waitUntil: 'load' });
  await waitForPageReady(page);
  const after = await page.evaluate((id) => {
    const el = id ? document.getElementById(id) : null;
    const top = el ? el.getBoundingClientRect().top : 0;
    return {
      pathname: location.pathname,
      hash: location.hash,
      title: document.title,
      found: !id || !!el,
      inView: !el || (top >= -2 && top < window.innerHeight),
      top,
    };
  }, anchor ?? null);
  const expectedPath = new URL(url).pathname;
  if (new URL(page.url()).search !== '?backend=webgl') failures.push(`reload at ${target} lost the query (${page.url()})`);
  if (after.pathname !== expectedPath) failures.push(`reload at ${target} landed on ${after.pathname}`);
  if (after.title !== dom.title) failures.push(`reload at ${target} shows the title "${after.title}", not "${dom.title}"`);
  if (anchor) {
    if (after.hash !== `#${anchor}`) failures.push(`reload at ${target} lost the anchor (hash is "${after.hash}")`);
    if (!after.found) failures.push(`reload at ${target}: no element with id "${anchor}"`);
    else if (!after.inView) failures.push(`reload at ${target}: section "${anchor}" is not in view (top ${Math.round(after.top)} px)`);
  }

  // Every link to this site leads to a page that exists, and to an element with the link's anchor
  // (the pages are pre-rendered, so the target's HTML already has its heading ids). Links do not
  // depend on WebGL: checked in one mode only.
  if (mode === 'webgl') failures.push(...(await brokenSiteLinks(page)));

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
    for (const v of await seriousAxeViolations(page)) failures.push(`axe (${themeAfter} theme): ${v}`);
  }
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
