// The fuzz must be able to fail: on a small hand-made widget that shows NaN for a negative input
// and throws when a box is ticked, it has to find both, and a given seed must replay the same actions.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/e2e-browser.ts';
import { fuzzWidget, widgetHealth } from '../support/fuzz.ts';

const BROKEN_WIDGET = `<!doctype html><html lang="en"><body>
<section data-widget="Broken" style="min-height: 200px">
  <h3>Broken</h3>
  <label>Value <input id="v" type="number" min="0" max="10" value="4"></label>
  <label>Level <input id="r" type="range" min="0" max="10" value="5"></label>
  <label>Mode <select id="m"><option>a</option><option>b</option><option>c</option></select></label>
  <label><input id="c" type="checkbox"> Explode</label>
  <button type="button" id="b">Compute</button>
  <p>Root: <output id="o">2</output></p>
</section>
<script>
  const show = () => { document.getElementById('o').textContent = String(Math.sqrt(Number(document.getElementById('v').value || 0) - 1)); };
  document.getElementById('v').addEventListener('change', show);
  document.getElementById('b').addEventListener('click', show);
  document.getElementById('c').addEventListener('change', (e) => { if (e.target.checked) throw new Error('ticked'); });
</script></body></html>`;

async function freshPage(browser: Browser): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setContent(BROKEN_WIDGET);
  return { page, errors };
}

describe('widget fuzz self-test', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium('webgl');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('finds NaN shown by a widget and an exception it throws', async () => {
    const { page, errors } = await freshPage(browser);
    const widget = page.locator('[data-widget]');
    expect(await widgetHealth(widget)).toEqual([]);
    const run = await fuzzWidget(page, widget, 7, 80);
    expect(run.done).toBeGreaterThan(60);
    // Every option, checkbox and button first.
    expect(run.log.slice(0, 5).map((l) => l.replace(/^#\d+ /, ''))).toEqual([
      'Mode: option 0',
      'Mode: option 1',
      'Mode: option 2',
      'Explode: toggle',
      'Compute: click',
    ]);
    // It tried the edges and beyond: slider ends, out-of-range and non-numeric entries.
    const log = run.log.join('\n');
    expect(log).toMatch(/Level: (Home|End)/);
    expect(log).toMatch(/Value: "(-\d|1e30|11|100)/);
    expect(log).toMatch(/Value: typed/);
    // The exception came from the fuzz's own checkbox toggles; the health check sees NaN once shown.
    expect(errors).toContain('ticked');
    expect(run.sightings.join('\n'), 'the NaN shown along the way').toMatch(/"NaN" shown after action #\d+/);
    await page.locator('#v').fill('-5');
    await page.locator('#b').click();
    expect((await widgetHealth(widget)).join('\n')).toMatch(/shows "NaN"/);
    await page.close();
  });

  it('replays the same actions from the same seed', async () => {
    const logs: string[][] = [];
    for (let k = 0; k < 2; k++) {
      const { page } = await freshPage(browser);
      logs.push((await fuzzWidget(page, page.locator('[data-widget]'), 12345, 40)).log);
      await page.close();
    }
    expect(logs[1]).toEqual(logs[0]);
    const { page } = await freshPage(browser);
    const other = (await fuzzWidget(page, page.locator('[data-widget]'), 54321, 40)).log;
    expect(other).not.toEqual(logs[0]);
    await page.close();
  });
});
