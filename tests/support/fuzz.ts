// Seeded random actions on a widget's controls, as a restless reader would try them: sliders
// dragged to both ends and anywhere between, out-of-range and non-numeric text typed into fields,
// every option picked, checkboxes and buttons pressed, present mode toggled (and left with
// Escape), reset. The same seed replays the same actions on the same page.
import { execFileSync } from 'node:child_process';
import type { Locator, Page } from 'playwright-core';

/** mulberry32 (Tommy Ettinger, 2017): a tiny, well-mixed 32-bit generator, enough for fuzzing. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a of a string mixed with a number: one seed per widget from the run's seed. */
export function deriveSeed(base: number, ...parts: (string | number)[]): number {
  let h = (2166136261 ^ base) >>> 0;
  for (const ch of parts.join('\u0000')) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h;
}

export const CONTROL_SELECTOR = 'input, select, textarea, button';

type Kind = 'range' | 'number' | 'text' | 'checkbox' | 'select' | 'button' | 'other';

interface ControlInfo {
  kind: Kind;
  label: string;
  min: number;
  max: number;
  options: number;
  action: string | null;
  /** Enabled and laid out now: only such controls are picked, so no action waits in vain. */
  usable: boolean;
}

/** Text that must never be shown to a reader: a number that went wrong or a missing value. */
export const BAD_TEXT = /\bNaN\b|\bInfinity\b|\bundefined\b|\[object Object\]/;

// Typed into free-text fields. Nothing here is itself one of the BAD_TEXT words, so a widget that
// echoes what was typed is not blamed for it.
const TEXT_VALUES = ['', ' ', 'abc', '-1', '0', '1e309', '-1e309', '3.14', '<b>x</b>', 'ünïcödé ✓', '9'.repeat(40), '1,5', '0x1F'];
// Typed key by key into number fields: the browser drops or sanitises them, the widget must cope.
const NON_NUMERIC_KEYS = ['abc', '--', 'e', '.', '+-', '1e', '-.'];

async function describeControls(widget: Locator): Promise<ControlInfo[]> {
  return widget.locator(CONTROL_SELECTOR).evaluateAll((els) =>
    els.map((el) => {
      const input = el as HTMLInputElement;
      const tag = el.tagName.toLowerCase();
      const type = tag === 'input' ? (input.type || 'text').toLowerCase() : tag;
      const kind =
        type === 'range' ? 'range'
        : type === 'number' ? 'number'
        : type === 'checkbox' || type === 'radio' ? 'checkbox'
        : type === 'select' ? 'select'
        : type === 'button' || type === 'submit' || type === 'reset' ? 'button'
        : ['text', 'search', 'textarea', 'email', 'url', 'tel', 'password'].includes(type) ? 'text'
        : 'other';
      const label =
        el.getAttribute('aria-label') ||
        (input.labels && input.labels[0]?.textContent?.replace(tag === 'select' ? (el.textContent ?? '') : '', '').trim()) ||
        el.textContent?.trim() ||
        el.getAttribute('name') ||
        type;
      const num = (v: string | null, d: number) => (v !== null && v !== '' && Number.isFinite(Number(v)) ? Number(v) : d);
      return {
        kind,
        label: label.slice(0, 40),
        min: num(el.getAttribute('min'), 0),
        max: num(el.getAttribute('max'), 100),
        options: tag === 'select' ? (el as HTMLSelectElement).options.length : 0,
        action: el.getAttribute('data-action'),
        usable: !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden',
      } as const;
    }),
  ) as Promise<ControlInfo[]>;
}

/** Sets an input's value the way a native control does, so React's change tracking sees it. */
async function setNativeValue(control: Locator, value: string): Promise<void> {
  await control.evaluate((el, v) => {
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    setter.call(el, v);
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }, value, { timeout: ACTION_TIMEOUT });
}

export interface FuzzResult {
  /** One line per action, `#n label: what`, for the failure report. */
  log: string[];
  /** Bad text (NaN, Infinity, undefined) seen while the actions ran, with the action it followed. */
  sightings: string[];
  done: number;
  skipped: number;
}

const ACTION_TIMEOUT = 500;
// The planned first pass (each option, button and checkbox once) waits for the control to be
// actionable: a busy machine may take longer than one random action is given, and a planned step
// that is skipped would leave that control untried.
const PLAN_TIMEOUT = 5_000;

/**
 * A planned step's control, or an error at once where it is gone (an earlier step took it away),
 * disabled or hidden (a pause button while nothing runs).
 */
async function actionable(control: Locator): Promise<Locator> {
  if ((await control.count()) === 0) throw new Error('no longer there');
  if (!(await control.isEnabled({ timeout: PLAN_TIMEOUT })) || !(await control.isVisible())) throw new Error('disabled or hidden');
  return control;
}

/**
 * A planned pass over the controls inside `widget` (every option, button and checkbox once,
 * present mode and reset), then `count` seeded random actions. Actions on a control that is hidden
 * or disabled at that moment are skipped (and counted), never forced.
 */
export async function fuzzWidget(page: Page, widget: Locator, seed: number, count = 200): Promise<FuzzResult> {
  const random = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const between = (lo: number, hi: number) => lo + random() * (hi - lo);
  const result: FuzzResult = { log: [], sightings: [], done: 0, skipped: 0 };
  let controls = await describeControls(widget);

  // Every option of every select, every button and checkbox once, present mode in and out with
  // Escape, a reset; then random actions.
  const plan: (() => Promise<string>)[] = [];
  controls.forEach((c, i) => {
    if (c.kind !== 'select') return;
    for (let o = 0; o < c.options; o++) {
      plan.push(async () => {
        await (await actionable(widget.locator(CONTROL_SELECTOR).nth(i))).selectOption({ index: o }, { timeout: PLAN_TIMEOUT });
        return `${c.label}: option ${o}`;
      });
    }
  });

  // Every button and checkbox once (the frame's present and reset come next, on their own).
  controls.forEach((c, i) => {
    if ((c.kind !== 'button' && c.kind !== 'checkbox') || c.action === 'present' || c.action === 'reset') return;
    plan.push(async () => {
      await (await actionable(widget.locator(CONTROL_SELECTOR).nth(i))).click({ timeout: PLAN_TIMEOUT });
      return `${c.label}: ${c.kind === 'button' ? 'click' : 'toggle'}`;
    });
  });
  for (const [action, leaveWithEscape] of [['present', true], ['reset', false]] as const) {
    const button = widget.locator(`[data-action="${action}"]`).first();
    if ((await button.count()) === 0) continue;
    plan.push(async () => {
      await (await actionable(button)).click({ timeout: PLAN_TIMEOUT });
      if (leaveWithEscape) await page.keyboard.press('Escape');
      return `${action}${leaveWithEscape ? ', then Escape' : ''}`;
    });
  }

  const total = plan.length + count;
  for (let n = 0; n < total; n++) {
    if (n % 10 === 0 && n > 0) {
      // Controls come and go, or are disabled while something runs: look again now and then.
      controls = await describeControls(widget);
      await page.waitForTimeout(20);
      // A NaN shown for a moment is still shown to a reader: look for it along the way too.
      const seen = await widget.evaluate((root, bad) => new RegExp(bad).exec((root as HTMLElement).innerText)?.[0] ?? null, BAD_TEXT.source);
      if (seen && result.sightings.length < 5) result.sightings.push(`"${seen}" shown after action #${n - 1}`);
    }
    const usable = controls.flatMap((c, i) => (c.usable ? [i] : []));
    if (usable.length === 0) {
      result.skipped++;
      result.log.push(`#${n} skipped: no enabled control`);
      await page.waitForTimeout(50);
      controls = await describeControls(widget);
      continue;
    }
    let step: () => Promise<string>;
    // A select, button or checkbox may add or remove controls: look again after one.
    let mayReshape = true;
    if (plan.length) {
      step = plan.shift()!;
    } else {
      const i = usable[Math.floor(random() * usable.length)];
      const c = controls[i];
      mayReshape = c.kind === 'select' || c.kind === 'button' || c.kind === 'checkbox';
      const control = widget.locator(CONTROL_SELECTOR).nth(i);
      step = () => randomAction(page, control, c, random, pick, between);
    }
    try {
      result.log.push(`#${n} ${await step()}`);
      result.done++;
    } catch (e) {
      result.skipped++;
      result.log.push(`#${n} skipped: ${(e as Error).message.split('\n')[0]}`);
      mayReshape = true;
    }
    if (mayReshape) controls = await describeControls(widget);
  }
  // Leave present mode so the next widget on the page is reachable again.
  const present = widget.locator('[data-action="present"]').first();
  if ((await present.count()) && (await present.getAttribute('aria-pressed')) === 'true') {
    await present.click({ timeout: ACTION_TIMEOUT }).catch(() => page.keyboard.press('Escape'));
  }
  return result;
}

async function randomAction(
  page: Page,
  control: Locator,
  c: ControlInfo,
  random: () => number,
  pick: <T>(xs: readonly T[]) => T,
  between: (lo: number, hi: number) => number,
): Promise<string> {
  const t = { timeout: ACTION_TIMEOUT };
  // The control was enabled and laid out when picked, so clicks skip Playwright's wait for a
  // stable frame (about 100 ms each under software rendering), which would make the fuzz slow.
  const click = { timeout: ACTION_TIMEOUT, force: true };
  const press = async (key: string) => page.keyboard.press(key);
  switch (c.kind) {
    case 'range': {
      const how = pick(['home', 'end', 'arrows', 'page', 'drag', 'value', 'outside'] as const);
      if (how === 'home' || how === 'end' || how === 'arrows' || how === 'page') {
        await control.focus(t);
        const key = how === 'home' ? 'Home' : how === 'end' ? 'End' : how === 'page' ? pick(['PageUp', 'PageDown']) : pick(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown']);
        const times = how === 'arrows' ? 1 + Math.floor(random() * 5) : 1;
        for (let k = 0; k < times; k++) await press(key);
        return `${c.label}: ${key}×${times}`;
      }
      if (how === 'drag') {
        const box = await control.boundingBox(t);
        if (!box) throw new Error('slider not laid out');
        const y = box.y + box.height / 2;
        const x0 = box.x + random() * box.width;
        const x1 = box.x + between(-0.2, 1.2) * box.width;
        await page.mouse.move(x0, y);
        await page.mouse.down();
        await page.mouse.move(x1, y, { steps: 3 });
        await page.mouse.up();
        return `${c.label}: drag to ${(((x1 - box.x) / box.width) * 100).toFixed(0)}%`;
      }
      const v = how === 'value' ? between(c.min, c.max) : pick([c.min - 1e6, c.max + 1e6, c.min - 1, c.max + 1]);
      await setNativeValue(control, String(v));
      return `${c.label}: value ${v}`;
    }
    case 'number': {
      const how = pick(['inside', 'edge', 'outside', 'extreme', 'junk', 'empty', 'step'] as const);
      await control.focus(t);
      if (how === 'junk') {
        await press('ControlOrMeta+a');
        const keys = pick(NON_NUMERIC_KEYS);
        await page.keyboard.type(keys);
        await press(pick(['Enter', 'Tab']));
        return `${c.label}: typed "${keys}"`;
      }
      if (how === 'step') {
        const key = pick(['ArrowUp', 'ArrowDown']);
        await press(key);
        return `${c.label}: ${key}`;
      }
      const v =
        how === 'inside' ? String(Number(between(c.min, c.max).toPrecision(4)))
        : how === 'edge' ? String(pick([c.min, c.max]))
        : how === 'outside' ? String(pick([c.min - 1, c.max + 1, -c.max, c.max * 10]))
        : how === 'extreme' ? pick(['1e308', '-1e308', '1e-30', '-0', '1e309', '999999999999'])
        : '';
      await control.fill(v, t);
      await press(pick(['Enter', 'Tab']));
      return `${c.label}: "${v}"`;
    }
    case 'text': {
      const v = pick(TEXT_VALUES);
      await control.fill(v, t);
      await press(pick(['Enter', 'Tab']));
      return `${c.label}: "${v}"`;
    }
    case 'select': {
      const index = Math.floor(random() * c.options);
      await control.selectOption({ index }, t);
      return `${c.label}: option ${index}`;
    }
    case 'checkbox':
      await control.click(click);
      return `${c.label}: toggle`;
    case 'button':
      await control.click(click);
      if (c.action === 'present' && random() < 0.5) {
        await page.keyboard.press('Escape');
        return `${c.label}: click, then Escape`;
      }
      return `${c.label}: click`;
    default:
      await control.click(click);
      return `${c.label}: click`;
  }
}

/** What is wrong with a widget after fuzzing, as readable lines (empty when it is fine). */
export async function widgetHealth(widget: Locator): Promise<string[]> {
  return widget.evaluate((root, badSource) => {
    const bad = new RegExp(badSource);
    const problems: string[] = [];
    const error = root.querySelector('[data-widget-error]');
    if (error) problems.push(`the widget shows its error message: ${(error.textContent ?? '').trim().slice(0, 300)}`);
    if (root.querySelector('[data-widget-loading]')) problems.push('the widget is still loading');
    const box = root.getBoundingClientRect();
    if (box.height < 40 || box.width < 40) problems.push(`the widget collapsed to ${Math.round(box.width)}×${Math.round(box.height)} px`);
    const text = (root as HTMLElement).innerText;
    const drawn = root.querySelectorAll('canvas, svg, input, select, button, table, output').length;
    if (!text.trim() && drawn === 0) problems.push('the widget is empty');
    const m = bad.exec(text);
    if (m) {
      const at = Math.max(0, m.index - 60);
      problems.push(`the widget shows "${m[0]}": …${text.slice(at, m.index + 60).replace(/\s+/g, ' ')}…`);
    }
    for (const el of root.querySelectorAll<HTMLInputElement>('input[type=number], input[type=range]')) {
      if (bad.test(el.value)) problems.push(`a field shows "${el.value}"`);
    }
    for (const el of root.querySelectorAll('[aria-valuetext]')) {
      const v = el.getAttribute('aria-valuetext') ?? '';
      if (bad.test(v)) problems.push(`aria-valuetext shows "${v}"`);
    }
    return problems;
  }, BAD_TEXT.source);
}

/**
 * The run's fuzz seed: FUZZ_SEED when set (to replay a failure), else one taken from the commit
 * under test, so each commit explores new ground and the same commit replays the same actions.
 */
export function fuzzBaseSeed(): { seed: number; from: string } {
  if (process.env.FUZZ_SEED) return { seed: Number(process.env.FUZZ_SEED) >>> 0, from: 'FUZZ_SEED' };
  try {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return { seed: parseInt(head.slice(0, 8), 16) >>> 0, from: `commit ${head.slice(0, 12)}` };
  } catch {
    return { seed: 20_261_125, from: 'the fixed default (no git here)' };
  }
}

/**
 * Random actions per widget after the planned pass: FUZZ_ACTIONS, else 20. The seed changes with
 * every commit, so successive runs explore new ground; `npm run fuzz` runs 200 for a long look.
 */
export function fuzzActions(): number {
  const n = Number(process.env.FUZZ_ACTIONS ?? 20);
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : 20;
}
