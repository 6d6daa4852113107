// Driving the built site in headless Chromium through playwright-core: launching with or without
// WebGL, recording everything that counts as a page problem, waiting for a page to be ready, and
// running axe-core.
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { ExpectStatic } from 'vitest';
import { NO_WEBGL_ARGS, WEBGL_ARGS, requireChromium } from './chromium.ts';

export type GlMode = 'webgl' | 'no-webgl';

/** Launches headless Chromium; throws the install message when there is none. */
export async function launchChromium(mode: GlMode = 'webgl'): Promise<Browser> {
  const executablePath = requireChromium();
  return chromium.launch({
    executablePath,
    headless: true,
    args: mode === 'webgl' ? WEBGL_ARGS : NO_WEBGL_ARGS,
  });
}

/** A fresh context per page keeps storage (theme choice) and caches from leaking between pages. */
export async function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    colorScheme: 'light',
    reducedMotion: 'reduce',
    viewport: { width: 1280, height: 900 },
  });
}

export interface PageWatch {
  /** Every problem seen since the last `clear()`, one readable line each. */
  problems: string[];
  /** Every request URL seen since the last `clear()`. */
  requests: string[];
  clear(): void;
}

/**
 * Records console errors, uncaught exceptions, failed requests (network failures and HTTP
 * statuses of 400 and above) and any request to another origin than `origin`.
 */
export function watchPage(page: Page, origin: string): PageWatch {
  const watch: PageWatch = {
    problems: [],
    requests: [],
    clear() {
      watch.problems.length = 0;
      watch.requests.length = 0;
    },
  };
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const loc = msg.location();
    watch.problems.push(`console error: ${msg.text()}${loc?.url ? ` (at ${loc.url}:${loc.lineNumber})` : ''}`);
  });
  page.on('pageerror', (err) => {
    watch.problems.push(`uncaught exception: ${err.message}${err.stack ? `\n${err.stack}` : ''}`);
  });
  page.on('request', (req) => {
    const url = req.url();
    watch.requests.push(url);
    if (/^(data|blob|about):/.test(url)) return;
    if (new URL(url).origin !== origin) watch.problems.push(`request to another origin: ${url}`);
  });
  page.on('requestfailed', (req) => {
    // ERR_ABORTED is a request cancelled on purpose (a navigation or reload while it was in flight,
    // an aborted fetch), not a broken one; a missing file shows up as its HTTP status below.
    if (req.failure()?.errorText === 'net::ERR_ABORTED') return;
    watch.problems.push(`failed request: ${req.url()} (${req.failure()?.errorText ?? 'unknown error'})`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) watch.problems.push(`failed request: ${res.url()} (HTTP ${res.status()})`);
  });
  return watch;
}

/** Waits until the page says its content and diagrams are done (`<html data-page-ready="true">`). */
export async function waitForPageReady(page: Page, timeout = 30_000): Promise<void> {
  try {
    await page.waitForFunction(() => document.documentElement.dataset.pageReady === 'true', undefined, { timeout });
  } catch (e) {
    throw new Error(`page never became ready (html[data-page-ready="true"]) at ${page.url()}: ${(e as Error).message}`);
  }
}

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');

interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

/** Serious and critical axe-core violations on the page as it is now, one readable block each. */
/**
 * The rules a change of theme can affect: colours, and the diagrams Mermaid draws again in the new
 * theme. Everything else (names, roles, structure) is the same in both themes, checked once.
 */
export const THEME_AXE_RULES = ['color-contrast', 'link-in-text-block', 'svg-img-alt', 'role-img-alt', 'image-alt'];

/** Serious and critical axe-core violations on the page, of every rule or of `rules` only. */
export async function seriousAxeViolations(page: Page, rules?: readonly string[]): Promise<string[]> {
  const hasAxe = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!hasAxe) await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async (only) => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'], ...(only ? { runOnly: { type: 'rule', values: only } } : {}) });
    return result.violations;
  }, rules ? [...rules] : null) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `    - ${n.target.join(' ')}\n      ${n.html.slice(0, 200)}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`)
        .join('\n');
      const more = v.nodes.length > 5 ? `\n    … and ${v.nodes.length - 5} more` : '';
      return `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}${more}`;
    });
}

/**
 * Every figure on the page, brought into view, loads, and its compute badge leaves "starting" for
 * "ready", on WebGL when `mode` has WebGL (pages are opened with `?backend=webgl`) and on a
 * fallback that says so when it has none. One readable line per badge that is wrong.
 */
export async function badgeProblems(page: Page, mode: GlMode, expect: ExpectStatic): Promise<string[]> {
  const problems: string[] = [];
  const badges = page.locator('[data-compute-badge]');
  for (let i = 0; i < (await badges.count()); i++) {
    const badge = badges.nth(i);
    // Figures load as they near the window: brought into view, this one loads its code and starts.
    await badge.scrollIntoViewIfNeeded();
    const loading = badge.locator('xpath=ancestor::*[@data-widget][1]').locator('[data-widget-loading]').first();
    if (!(await loading.waitFor({ state: 'detached', timeout: 30_000 }).then(() => true, () => false))) problems.push(`the figure of compute badge #${i + 1} never finished loading`);
    try {
      await expect.poll(() => badge.getAttribute('data-status'), { timeout: 30_000 }).not.toBe('starting');
    } catch {
      problems.push(`compute badge #${i + 1} never left "starting"`);
      continue;
    }
    const status = await badge.getAttribute('data-status');
    // The visible label only: the reason (which may mention WebGL failing) is the badge's description.
    const text = await badge.evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      const describedBy = el.getAttribute('aria-describedby');
      if (describedBy) copy.querySelector(`[id="${describedBy}"]`)?.remove();
      for (const sizer of copy.querySelectorAll('.compute-badge-sizer')) sizer.remove();
      return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
    });
    if (status !== 'ready') problems.push(`compute badge #${i + 1} is ${status}: ${text} (${await badge.getAttribute('title')})`);
    else if (mode === 'webgl' && !/WebGL/.test(text)) problems.push(`?backend=webgl with WebGL present, but badge #${i + 1} says "${text}"`);
    else if (mode === 'no-webgl' && /WebGL/.test(text)) problems.push(`WebGL is disabled, but badge #${i + 1} says "${text}"`);
  }
  return problems;
}

/** The requests seen that leave the path the site is served under. */
export function requestsOutsideBase(watch: PageWatch, base: string): string[] {
  return watch.requests
    .filter((url) => !/^(data|blob|about):/.test(url) && !new URL(url).pathname.startsWith(base))
    .map((url) => `request outside the base path ${base}: ${url}`);
}
