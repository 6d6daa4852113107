// Screenshots of every widget of the given pages, normally and in Present mode, with and without WebGL.
// usage: npx tsx scripts/widget-screenshots.ts <distDir> <outDir> <slug> [slug…]   (slug `lab`: the Lab page)
// Environment: MODES (webgl,no-webgl), SCHEME (light or dark), VIEWPORTS (default 390x844,1280x900;
// Present mode is taken at 1920x1080 from the widest), WAIT (ms after a widget loads), NOPRESENT,
// TRAIN_MS (press each live-training figure's Train or Fit button and let it train this long first),
// ONLY (widget names, comma-separated: the others are skipped), PRESENT_SIZES (default 1920x1080;
// e.g. 1920x1080,960x540), PRESENT_ONLY (only the Present-mode screenshots).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { builtBase } from '../tests/support/site.ts';
import { serveStatic } from '../tests/support/static-server.ts';
import { NO_WEBGL_ARGS, WEBGL_ARGS } from '../tests/support/chromium.ts';

const [dist, out, ...slugs] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const server = await serveStatic(dist, builtBase(dist) ?? '/');
const modes = (process.env.MODES ?? 'webgl,no-webgl').split(',');
const viewports = (process.env.VIEWPORTS ?? '390x844,1280x900').split(',').map((v) => v.split('x').map(Number) as [number, number]).sort((a, b) => a[0] - b[0]);
const scheme = process.env.SCHEME ?? 'light';
const only = process.env.ONLY?.split(',');
const presentSizes = (process.env.PRESENT_SIZES ?? '1920x1080').split(',').map((v) => v.split('x').map(Number) as [number, number]);
for (const mode of modes) {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: mode === 'webgl' ? WEBGL_ARGS : NO_WEBGL_ARGS });
  for (const slug of slugs) for (const [width, height] of viewports) {
    const wide = width === viewports[viewports.length - 1][0];
    const size = `${width}x${height}`;
    const ctx = await browser.newContext({ viewport: { width, height }, colorScheme: (process.env.SCHEME as 'dark') ?? 'light' });
    const page = await ctx.newPage();
    page.on('console', (m) => { if (m.type() === 'error') console.log(`[${mode} ${slug}] console error: ${m.text()}`); });
    page.on('pageerror', (e) => console.log(`[${mode} ${slug}] pageerror: ${e.message}`));
    // `lab` is the Lab's own page; every other slug a chapter's.
    await page.goto(`${server.url}${slug === 'lab' ? 'lab/' : `chapters/${slug}/`}`, { waitUntil: 'load' });
    const n = await page.locator('[data-widget]').count();
    for (let i = 0; i < n; i++) {
      const w = page.locator('[data-widget]').nth(i);
      const name = await w.getAttribute('data-widget');
      if (only && !only.includes(name ?? '')) continue;
      await w.scrollIntoViewIfNeeded();
      await w.locator('[data-widget-loading]').first().waitFor({ state: 'detached', timeout: 60_000 }).catch(() => console.log(`${name} never loaded`));
      await page.waitForTimeout(Number(process.env.WAIT ?? 1500));
      // A training bar's Train, or a figure's one run button (RegressionLoss's fit).
      const train = w
        .getByRole('group', { name: 'Training' })
        .getByRole('button', { name: 'Train', exact: true })
        .or(w.getByRole('button', { name: 'Fit by gradient descent', exact: true }));
      if (process.env.TRAIN_MS && (await train.count()) && (await train.isEnabled())) {
        await train.click();
        await page.waitForTimeout(Number(process.env.TRAIN_MS));
      }
      const badge = await w.locator('[data-compute-badge] .compute-badge-text').first().textContent().catch(() => '');
      if (!process.env.PRESENT_ONLY) await w.screenshot({ path: join(out, `${slug}-${i}-${name}-${mode}-${size}-${scheme}.png`) });
      if (mode === 'webgl' && wide && !process.env.NOPRESENT) {
        for (const [pw, ph] of presentSizes) {
          await page.setViewportSize({ width: pw, height: ph });
          await w.getByRole('button', { name: 'Present' }).click();
          await page.waitForTimeout(1200);
          await page.screenshot({ path: join(out, `${slug}-${i}-${name}-present-${pw}x${ph}-${scheme}.png`) });
          await page.keyboard.press('Escape');
          await page.waitForTimeout(300);
          const still = await w.getByRole('button', { name: 'Leave presentation' }).count();
          if (still) await w.getByRole('button', { name: 'Leave presentation' }).click();
        }
        await page.setViewportSize({ width, height });
      }
      console.log(`${mode} ${size} ${slug} ${i} ${name} badge=${badge}`);
    }
    await ctx.close();
  }
  await browser.close();
}
await server.close();
