// The book deployed under a sub-path: `BASE_PATH=/deep/learning/ npm run build` must give a site
// whose every page, asset, link and WASM file lives under that path, served by a plain static
// server (no fallback to index.html). The test build is made again with the base set, into its own
// folder, and every page is visited with its widgets running.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newContext, waitForPageReady, watchPage } from '../support/e2e-browser.ts';
import { discoverPages, ROOT } from '../support/site.ts';
import { serveStatic, type StaticServer } from '../support/static-server.ts';

const BASE = '/deep/learning/';

describe(`the site under a sub-path (${BASE})`, () => {
  let dir: string;
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dll-subpath-'));
    const env: NodeJS.ProcessEnv = { ...process.env, BASE_PATH: BASE };
    for (const key of ['NODE_ENV', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'TEST']) delete env[key];
    const vite = join(ROOT, 'node_modules/.bin/vite');
    const result = spawnSync(vite, ['build', '--mode', 'test', '--outDir', dir, '--emptyOutDir'], { cwd: ROOT, env, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`the sub-path build failed:\n${result.stdout}\n${result.stderr}`);
    server = await serveStatic(dir, BASE);
    browser = await launchChromium('webgl');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('every page loads, with every request and every internal link under the base path', async () => {
    const pages = discoverPages(dir);
    expect(pages.length).toBeGreaterThan(1);
    const problems: string[] = [];
    const links = new Set<string>();
    for (const sitePage of pages) {
      const context = await newContext(browser);
      try {
        const page = await context.newPage();
        const watch = watchPage(page, server.origin);
        await page.goto(server.url + sitePage.path, { waitUntil: 'load' });
        await waitForPageReady(page);
        // Let every widget start its engine (WASM files are fetched from under the base).
        const badges = page.locator('[data-compute-badge]');
        for (let i = 0; i < (await badges.count()); i++) {
          await badges.nth(i).scrollIntoViewIfNeeded();
          await expect.poll(() => badges.nth(i).getAttribute('data-status'), { timeout: 30_000 }).toBe('ready');
        }
        await page.waitForLoadState('networkidle');
        for (const url of watch.requests) {
          if (/^(data|blob|about):/.test(url)) continue;
          if (!new URL(url).pathname.startsWith(BASE)) problems.push(`/${sitePage.path}: request outside the base: ${url}`);
        }
        problems.push(...watch.problems.map((p) => `/${sitePage.path}: ${p}`));
        const hrefs = await page.evaluate(() => [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href));
        for (const href of hrefs) if (new URL(href).origin === server.origin) links.add(href.split('#')[0]);
      } finally {
        await context.close();
      }
    }
    for (const link of links) {
      if (!new URL(link).pathname.startsWith(BASE)) {
        problems.push(`link outside the base: ${link}`);
        continue;
      }
      const res = await fetch(link);
      if (!res.ok) problems.push(`link ${link} answers HTTP ${res.status}`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });
});
