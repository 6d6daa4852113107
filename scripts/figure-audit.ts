// Every widget of the given chapters at the sizes readers use, audited for what they would see
// wrong (tests/support/figure-audit.ts): the page scrolling sideways, text under the minimum size,
// labels drawn over each other or past their picture's edge, words laid over a picture and,
// presenting, a picture that begins too far down the screen; on a phone, a picture out of view while
// a control is worked. Prints one line per widget and size; exits 1 when any is found.
// usage: npx tsx scripts/figure-audit.ts <distDir> [slug…]   (all chapters when none is given)
// Environment: SIZES (default 390x844,1280x900,1920x1080p,960x540p; a trailing p means present
// mode), SCHEME (light or dark), ONLY (widget names, comma-separated), VERBOSE=1 (list each text).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { auditFigure, firstDrawingBy, pageOverflow, pictureOutOfView } from '../tests/support/figure-audit.ts';
import { NO_WEBGL_ARGS } from '../tests/support/chromium.ts';
import { builtBase } from '../tests/support/site.ts';
import { serveStatic } from '../tests/support/static-server.ts';

const [dist, ...given] = process.argv.slice(2);
const slugs = given.length ? given : readdirSync(join(dist, 'chapters')).filter((s) => !s.startsWith('test-'));
const sizes = (process.env.SIZES ?? '390x844,1280x900,1920x1080p,960x540p').split(',').map((s) => {
  const m = /^(\d+)x(\d+)(p?)$/.exec(s);
  if (!m) throw new Error(`size "${s}" is not WIDTHxHEIGHT or WIDTHxHEIGHTp`);
  return { width: Number(m[1]), height: Number(m[2]), present: m[3] === 'p', label: s };
});
const only = process.env.ONLY?.split(',');
const server = await serveStatic(dist, builtBase(dist) ?? '/');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: NO_WEBGL_ARGS });
let found = 0;
for (const slug of slugs) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: process.env.SCHEME === 'dark' ? 'dark' : 'light' });
  const page = await ctx.newPage();
  await page.goto(`${server.url}chapters/${slug}/`, { waitUntil: 'load' });
  const n = await page.locator('[data-widget]').count();
  // The whole page first, once its figures are loaded, at each size without presenting.
  for (let i = 0; i < n; i++) {
    await page.locator('[data-widget]').nth(i).scrollIntoViewIfNeeded();
    await page.locator('[data-widget]').nth(i).locator('[data-widget-loading]').first().waitFor({ state: 'detached', timeout: 60_000 });
  }
  for (const size of sizes.filter((z) => !z.present)) {
    await page.setViewportSize({ width: size.width, height: size.height });
    await page.waitForTimeout(400);
    const o = await pageOverflow(page);
    if (o.px > 0) found++;
    console.log(`${o.px > 0 ? '✗' : '✓'} ${slug.padEnd(24)} ${'(the page)'.padEnd(20)} ${size.label.padEnd(11)} overflow ${String(o.px).padStart(4)} px${o.culprits.length ? ` · ${o.culprits.join(', ')}` : ''}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  for (let i = 0; i < n; i++) {
    const w = page.locator('[data-widget]').nth(i);
    const name = (await w.getAttribute('data-widget')) ?? '?';
    if (only && !only.includes(name)) continue;
    await w.scrollIntoViewIfNeeded();
    await w.locator('[data-widget-loading]').first().waitFor({ state: 'detached', timeout: 60_000 });
    for (const size of sizes) {
      await page.setViewportSize({ width: size.width, height: size.height });
      if (size.present) {
        await w.locator('[data-action="present"]').click();
        await page.waitForFunction((el) => el.hasAttribute('data-presenting'), await w.elementHandle());
      } else {
        await w.scrollIntoViewIfNeeded();
      }
      await page.waitForTimeout(400);
      const min = size.present ? 20 : 12;
      const a = await auditFigure(w, min);
      const by = firstDrawingBy(size);
      const late = by !== null && a.firstDrawingTop !== null && a.firstDrawingTop > by;
      // On a phone, the picture stays in view while each control is worked.
      const unseen = !size.present && size.width < 600 ? await pictureOutOfView(w) : [];
      const bad = a.overflow > 0 || a.smallText.length > 0 || a.overlaps.length > 0 || a.outside.length > 0 || a.overDrawing.length > 0 || late || unseen.length > 0;
      if (bad) found++;
      const sizesSeen = [...new Set(a.smallText.map((t) => t.px))].sort((x, y) => x - y);
      console.log(
        `${bad ? '✗' : '✓'} ${slug.padEnd(24)} ${name.padEnd(20)} ${size.label.padEnd(11)} overflow ${String(a.overflow).padStart(4)} px · ` +
          `${String(a.smallText.length).padStart(3)} texts < ${min} px${sizesSeen.length ? ` (${sizesSeen.join(', ')})` : ''} · ${a.overlaps.length} overlaps` +
          ` · ${a.outside.length} past the edge · ${a.overDrawing.length} over a picture` +
          (size.present ? ` · first drawing at ${a.firstDrawingTop ?? '–'} px` : '') +
          (unseen.length ? ` · picture out of view: ${unseen.join('; ')}` : ''),
      );
      if (process.env.VERBOSE) {
        for (const t of a.smallText) console.log(`    small ${t.px} px: ${t.text}`);
        for (const o of a.overlaps) console.log(`    overlap: "${o.a}" / "${o.b}"`);
        for (const t of a.outside) console.log(`    past the edge by ${t.px} px: ${t.text}`);
        for (const t of a.overDrawing) console.log(`    over a picture: "${t.text}" over "${t.drawing}"`);
      }
      if (size.present) {
        await page.keyboard.press('Escape');
        await page.waitForFunction((el) => !el.hasAttribute('data-presenting'), await w.elementHandle());
      }
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }
  await ctx.close();
}
await browser.close();
await server.close();
console.log(found ? `${found} widget views with problems` : 'no problems found');
process.exit(found ? 1 : 0);
