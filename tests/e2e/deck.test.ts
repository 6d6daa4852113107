// Lecture decks in Chromium: a deck link with four figures from four chapters, each in a state
// of its own, opens presented with every scene in that state; the keys move it, B blanks it, Esc
// leaves it; the figures' tensors are all given back after the deck (memory flat over a second
// run); the builder makes such a link from the figure list, a live figure set up by hand and a
// pasted figure link; a hostile link is refused with a way back; axe finds nothing serious, and no
// console error is logged. With WebGL at 1920×1080, without at 390×844.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { decodeDeck, encodeDeck, type Scene } from '../../src/book/deck/deckLink.ts';
import { launchChromium, seriousAxeViolations, watchPage, waitForPageReady, type GlMode, type PageWatch } from '../support/e2e-browser.ts';

const siteUrl = inject('siteUrl');
const origin = inject('siteOrigin');
const deckUrl = `${siteUrl}deck/`;

const SCENES: Scene[] = [
  { chapter: 'neurons', figure: 'and-gate', state: 'gate:OR,w1:1.5', title: 'An OR gate <b>by hand</b>', notes: 'Ask: which weight matters?' },
  { chapter: 'activations', figure: 'activation-explorer', state: 'fn:tanh,x:-2', title: '', notes: '' },
  { chapter: 'convolutional-networks', figure: 'pooling-explorer', state: 'kind:average,size:3,stride:1', title: 'Average pooling', notes: '' },
  // Holds its network's tensors while shown: the memory check has something to give back.
  { chapter: 'training-deep-networks', figure: 'initialisation-lab', state: 'activation:relu,init:he', title: '', notes: '' },
];

/** What each scene must show, read from its controls' native elements. */
const EXPECTED: [label: string, value: string][][] = [
  [
    ['Gate', 'OR'],
    ['Weight w₁', '1.5'],
  ],
  [
    ['Function', 'tanh'],
    ['Input x', '-2'],
  ],
  [
    ['Pooling', 'average'],
    ['Window size', '3'],
    ['Stride', '1'],
  ],
  [
    ['Activation', 'relu'],
    ['Initial weights', 'he'],
  ],
];

const tensorCount = (page: Page) => page.evaluate(() => (globalThis as { __bookTensorCount?: () => number }).__bookTensorCount?.() ?? -1);

async function sceneShows(player: Locator, n: number): Promise<void> {
  await expect.poll(() => player.getAttribute('data-scene'), { timeout: 10_000 }).toBe(String(n));
  const figure = player.locator('[data-widget]');
  await figure.locator('[data-widget-loading]').first().waitFor({ state: 'detached', timeout: 30_000 });
  for (const [label, value] of EXPECTED[n]) {
    await expect.poll(() => figure.getByLabel(label, { exact: true }).inputValue(), { timeout: 30_000 }).toBe(value);
  }
  expect(await figure.getAttribute('data-presenting')).toBe('deck');
  expect(await figure.locator('.widget-notice').count()).toBe(0);
  expect((await player.locator('[data-deck-counter]').textContent())?.replace(/\s+/g, ' ')).toContain(`${n + 1} / ${SCENES.length}`);
}

/**
 * Plays the whole deck with the keys, blanks and comes back, leaves with Esc; resolves with the
 * tensors the last scene's figure held while it was shown.
 */
async function playThrough(page: Page): Promise<number> {
  const player = page.locator('[data-deck-player]');
  await player.waitFor();
  await sceneShows(player, 0);
  // The scene's title is text, never markup.
  expect(await player.locator('h2').textContent()).toBe('An OR gate <b>by hand</b>');
  await page.keyboard.press('PageDown');
  await sceneShows(player, 1);
  expect(await player.locator('h2').textContent()).toBe('An activation function and its slope');
  await page.keyboard.press('ArrowRight');
  await sceneShows(player, 2);
  await page.keyboard.press('ArrowDown');
  await sceneShows(player, 3);
  let held = 0;
  await expect.poll(async () => (held = await tensorCount(page)), { timeout: 10_000 }).toBeGreaterThan(0);
  await page.keyboard.press('ArrowRight');
  expect(await player.getAttribute('data-scene')).toBe('3');
  await page.keyboard.press('b');
  await page.locator('[data-deck-blank]').waitFor();
  await page.keyboard.press('.');
  await page.locator('[data-deck-blank]').waitFor({ state: 'detached' });
  await page.keyboard.press('Home');
  await sceneShows(player, 0);
  await page.keyboard.press('End');
  await sceneShows(player, 3);
  await page.keyboard.press('PageUp');
  await sceneShows(player, 2);
  await page.keyboard.press('Escape');
  await player.waitFor({ state: 'detached' });
  return held;
}

/** The live tensor count once it has settled (a figure's last frame lets go when it ends). */
async function settledTensors(page: Page): Promise<number> {
  let count = await tensorCount(page);
  for (let waited = 0, before = -2; before !== count && waited < 5_000; waited += 250) {
    await page.waitForTimeout(250);
    before = count;
    count = await tensorCount(page);
  }
  return count;
}

function checkDeck(mode: GlMode, viewport: { width: number; height: number }) {
  describe(`decks ${mode === 'webgl' ? 'with' : 'without'} WebGL at ${viewport.width}×${viewport.height}`, () => {
    let browser: Browser;
    let page: Page;
    let watch: PageWatch;
    beforeAll(async () => {
      browser = await launchChromium(mode);
      const context = await browser.newContext({ viewport, reducedMotion: 'reduce', colorScheme: 'light' });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
      page = await context.newPage();
      watch = watchPage(page, origin);
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('a deck link reproduces every scene, moves with the keys, blanks, leaves, and gives its memory back', async () => {
      const link = `${deckUrl}?${mode === 'webgl' ? 'backend=webgl&' : ''}deck=${encodeDeck(SCENES)}&play`;
      await page.goto(link, { waitUntil: 'load' });
      await waitForPageReady(page);
      const player = page.locator('[data-deck-player]');
      await player.waitFor();
      await sceneShows(player, 0);
      expect(await seriousAxeViolations(page)).toEqual([]);
      // Over the whole window; the page behind cannot be reached.
      const box = await player.boundingBox();
      expect(box).toMatchObject({ x: 0, y: 0, width: viewport.width, height: viewport.height });
      expect(await page.locator('.sidebar, .topbar').evaluateAll((els) => els.every((el) => el.closest('[inert]') !== null))).toBe(true);
      // Nothing of the player is wider than the window (a wide figure scrolls inside the stage).
      expect(await player.evaluate((el) => [el, ...el.querySelectorAll('.deck-scene-header, .deck-controls, .deck-stage')].filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.className))).toEqual([]);
      // The arrows belong to a figure's slider while it has the focus; a clicker's Page Down
      // still moves the deck, and coming back shows the scene as prepared.
      await player.getByLabel('Weight w₁', { exact: true }).focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => player.getByLabel('Weight w₁', { exact: true }).inputValue()).toBe('1.6');
      expect(await player.getAttribute('data-scene')).toBe('0');
      await page.keyboard.press('PageDown');
      await sceneShows(player, 1);
      await page.keyboard.press('PageUp');
      await sceneShows(player, 0);
      await page.keyboard.press('End');
      await sceneShows(player, 3);
      await page.keyboard.press('Home');
      const held = await playThrough(page);
      // Back in the builder, with the deck to edit.
      await expect.poll(() => page.locator('[data-deck-scene]').count()).toBe(SCENES.length);
      expect(new URL(page.url()).searchParams.has('play')).toBe(false);
      const first = await settledTensors(page);
      expect(first).toBeGreaterThanOrEqual(0);
      expect(first, 'the last figure gives its tensors back when the deck is left').toBeLessThan(held);
      await page.locator('[data-deck-start]').click();
      await playThrough(page);
      const second = await settledTensors(page);
      console.log(`[deck ${mode}] ${held} tensors while the last scene showed; ${first} after the first run, ${second} after the second`);
      expect(second).toBe(first);
      expect(watch.problems).toEqual([]);
    });

    it('a hostile or broken link is refused with a way back, or keeps the scenes it can show', async () => {
      const hostile = `1.${Buffer.from('[["<img src=x onerror=alert(1)>"]]').toString('base64url')}`;
      await page.goto(`${deckUrl}?deck=${encodeURIComponent('<script>window.__pwned=1</script>')}`, { waitUntil: 'load' });
      await page.locator('[data-deck-refused]').waitFor();
      expect(await page.locator('[data-deck-refused] a').getAttribute('href')).toMatch(/\/deck\/$/);
      await page.goto(`${deckUrl}?deck=${hostile}`, { waitUntil: 'load' });
      await page.locator('[data-deck-problems]').waitFor();
      expect(await page.locator('[data-deck-problems]').textContent()).toContain('Scene 1 is malformed');
      const mixed = encodeDeck([SCENES[0], { ...SCENES[1], chapter: 'optics' }]);
      await page.goto(`${deckUrl}?deck=${mixed}`, { waitUntil: 'load' });
      await page.locator('[data-deck-problems]').waitFor();
      expect(await page.locator('[data-deck-scene]').count()).toBe(1);
      // The builder fits the window, and axe finds nothing serious in it.
      expect(await page.locator('.page-deck').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.locator('img[src="x"]').count()).toBe(0);
      expect(watch.problems).toEqual([]);
    });

    // The builder and the notes window once, with WebGL.
    if (mode !== 'webgl') return;
    it('the builder makes a deck from the list, a live figure and a pasted link; the notes window keeps in step', async () => {
      await page.goto(`${deckUrl}?backend=webgl`, { waitUntil: 'load' });
      await waitForPageReady(page);
      await page.getByLabel('Find a figure').fill('logic gates');
      await page.locator('[data-deck-figure="neurons/and-gate"] button').click();
      // Set up by hand: the scene keeps the state the figure is left in.
      await page.locator('[data-deck-scene="1"] [data-deck-setup]').click();
      const live = page.locator('[data-deck-scene="1"] [data-widget]');
      await live.getByLabel('Gate', { exact: true }).selectOption('NAND');
      await page.locator('[data-deck-scene="1"]').getByLabel('Title', { exact: true }).fill('NAND');
      await page.locator('[data-deck-scene="1"]').getByLabel('Notes', { exact: true }).fill('Why is NAND universal?');
      await page.locator('[data-deck-scene="1"] [data-deck-setup]').click();
      await live.waitFor({ state: 'detached' });
      await page.getByLabel(/paste a figure/i).fill(`${siteUrl}chapters/activations/?w.activation-explorer=fn:relu,x:0.5#widget-activation-explorer`);
      await page.getByRole('button', { name: 'Add from link' }).click();
      await expect.poll(() => page.locator('[data-deck-scene]').count()).toBe(2);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Copy deck link' }).click();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      const reading = decodeDeck(new URL(copied).searchParams.get('deck') ?? '', () => 'known');
      expect(reading.ok && reading.scenes.map((s) => [s.chapter, s.figure, s.title, s.notes])).toEqual([
        ['neurons', 'and-gate', 'NAND', 'Why is NAND universal?'],
        ['activations', 'activation-explorer', '', ''],
      ]);
      expect(reading.ok && reading.scenes[0].state).toMatch(/(^|,)gate:NAND(,|$)/);
      expect(reading.ok && reading.scenes[1].state).toBe('fn:relu,x:0.5');
      // Started from the builder: the first scene shows the state set by hand.
      await page.locator('[data-deck-start]').click();
      const player = page.locator('[data-deck-player]');
      await expect.poll(() => player.locator('[data-widget]').getByLabel('Gate', { exact: true }).inputValue(), { timeout: 30_000 }).toBe('NAND');
      expect(await seriousAxeViolations(page)).toEqual([]);
      // The notes window: this scene's notes and the next one's title; either window moves both.
      const [notes] = await Promise.all([page.context().waitForEvent('page'), player.getByRole('button', { name: 'Notes window' }).click()]);
      const notesView = notes.locator('[data-deck-notes]');
      await expect.poll(() => notesView.locator('[data-deck-notes-text]').textContent(), { timeout: 10_000 }).toBe('Why is NAND universal?');
      expect(await notesView.textContent()).toContain('An activation function and its slope');
      expect(await seriousAxeViolations(notes)).toEqual([]);
      await notes.keyboard.press('PageDown');
      await expect.poll(() => player.getAttribute('data-scene')).toBe('1');
      await page.keyboard.press('PageUp');
      await expect.poll(() => notesView.getAttribute('data-scene')).toBe('0');
      await notes.close();
      await page.keyboard.press('Escape');
      await player.waitFor({ state: 'detached' });
      expect(watch.problems).toEqual([]);
    });
  });
}

checkDeck('webgl', { width: 1920, height: 1080 });
checkDeck('no-webgl', { width: 390, height: 844 });
