// A new version of the book, deployed while a reader has it open: the service worker fetches it
// and waits, the page offers "Reload", and Reload lets the new version take over. Run on a copy
// of the built site (the worker file is changed, as a deployment changes it), served on its own.
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { launchChromium, newContext, waitForPageReady, watchPage } from '../support/e2e-browser.ts';
import { builtBase, DIST_TEST } from '../support/site.ts';
import { serveStatic } from '../support/static-server.ts';

const SITE = process.env.E2E_DIST ?? DIST_TEST;

it('offers the new version once it has arrived, and Reload brings it in', async () => {
  const copy = mkdtempSync(join(tmpdir(), 'book-update-'));
  cpSync(SITE, copy, { recursive: true });
  const server = await serveStatic(copy, builtBase(copy) ?? '/');
  const browser = await launchChromium('no-webgl');
  try {
    const context = await newContext(browser);
    // The test build registers its worker only where a test asks (src/book/offline/).
    await context.addInitScript(() => localStorage.setItem('dll-sw-test', '1'));
    const page = await context.newPage();
    const watch = watchPage(page, server.origin);
    await page.goto(server.url);
    await waitForPageReady(page);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
    // A first visit is not an update.
    expect(await page.locator('.update-notice').count()).toBe(0);
    appendFileSync(join(copy, 'sw.js'), '\n// the next version\n');
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    const notice = page.locator('.update-notice');
    await notice.waitFor({ timeout: 30_000 });
    expect(await notice.getAttribute('role')).toBe('status');
    const reloaded = page.waitForEvent('load', { timeout: 30_000 });
    await notice.getByRole('button', { name: 'Reload' }).click();
    await reloaded;
    await waitForPageReady(page);
    // The new worker controls the page now, and nothing waits any more.
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBeNull();
    expect(await page.locator('.update-notice').count()).toBe(0);
    expect(watch.problems).toEqual([]);
  } finally {
    await browser.close();
    await server.close();
    rmSync(copy, { recursive: true, force: true });
  }
});
