// What a reader sees wrong in a figure's layout, measured in the page: the figure wider than the
// screen (the page scrolls sideways), text smaller than the minimum, and labels drawn over each
// other. Used by the e2e figure check and by scripts/figure-audit.ts, which prints a table.
import type { Locator, Page } from 'playwright-core';

/**
 * Run through tsx (scripts/figure-audit.ts), the functions evaluated in the page come with
 * esbuild's name-keeping helper, which the page lacks: this defines it there.
 */
const NAME_HELPER = 'window.__name = window.__name || ((f) => f)';

export interface FigureAudit {
  /** Pixels the figure reaches past the right edge of the viewport (0 when none). */
  overflow: number;
  /** Visible text under the minimum size: the text, and its size in CSS pixels as drawn. */
  smallText: { text: string; px: number }[];
  /** Pairs of labels of one picture whose boxes overlap. */
  overlaps: { a: string; b: string }[];
  /** Labels of a picture (SVG text) that reach past its edge, where they are cut off or run into what is beside it. */
  outside: { text: string; px: number }[];
  /** Words of the page (not of a picture) laid over a picture they do not belong to. */
  overDrawing: { text: string; drawing: string }[];
  /**
   * Where the figure's first drawing (a chart, a grid, a picture, a table of numbers: an SVG,
   * canvas, image, table or other element with role img, at least 64 × 64 px) begins, in CSS pixels from the top of the window; null for a figure without one.
   */
  firstDrawingTop: number | null;
}

/** What on the page reaches past the viewport's right edge (the page then scrolls sideways). */
export async function pageOverflow(page: Page): Promise<{ px: number; culprits: string[] }> {
  await page.evaluate(NAME_HELPER);
  return page.evaluate(() => {
    const px = document.documentElement.scrollWidth - window.innerWidth;
    if (px <= 0) return { px: 0, culprits: [] };
    // The outermost elements past the edge, named by tag, class and id.
    const culprits: string[] = [];
    const clips = (el: Element) => {
      const style = getComputedStyle(el);
      return style.overflowX !== 'visible' || (style.clip !== 'auto' && style.clip !== '');
    };
    for (const el of document.body.querySelectorAll('*')) {
      if (el.getBoundingClientRect().right <= window.innerWidth + 0.5) continue;
      let hidden = false;
      for (let p = el.parentElement; p && !hidden; p = p.parentElement) hidden = clips(p);
      if (hidden) continue;
      const parent = el.parentElement;
      if (parent && parent.getBoundingClientRect().right > window.innerWidth + 0.5) continue;
      culprits.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`);
    }
    return { px, culprits: culprits.slice(0, 8) };
  });
}

/**
 * Audits one widget frame as it is drawn now. `minPx` is the smallest text size allowed, measured
 * as drawn (an SVG scaled down to fit draws its 12-px labels smaller). Text a screen reader alone
 * reads (clipped to a pixel, hidden) is not counted.
 */
export async function auditFigure(widget: Locator, minPx: number): Promise<FigureAudit> {
  await widget.page().evaluate(NAME_HELPER);
  return widget.evaluate((root, min) => {
    // What a closed <details> holds (past its summary) is not drawn, though it keeps its boxes.
    const folded = (el: Element) => {
      const d = el.closest('details:not([open])');
      return !!d && el.closest('summary')?.parentElement !== d;
    };
    const visible = (el: Element) => {
      if (folded(el)) return false;
      const r = el.getBoundingClientRect();
      if (r.width < 2 || r.height < 2) return false;
      const style = getComputedStyle(el);
      return style.visibility !== 'hidden' && style.display !== 'none' && Number(style.opacity) > 0.05 && !el.closest('[aria-hidden="true"] .sr-only, .sr-only, .visually-hidden');
    };
    // Overflow: any part of the figure past the viewport's right edge, unless a scroll container
    // inside the figure clips it (a table that scrolls inside its frame is fine).
    let overflow = 0;
    const clipped = (el: Element) => {
      for (let p = el.parentElement; p && p !== root.parentElement; p = p.parentElement) {
        const ox = getComputedStyle(p).overflowX;
        if (ox === 'auto' || ox === 'scroll' || ox === 'hidden' || ox === 'clip') return true;
      }
      return false;
    };
    for (const el of root.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= window.innerWidth + 0.5) continue;
      if (clipped(el)) continue;
      overflow = Math.max(overflow, Math.round(r.right - window.innerWidth));
    }

    // Text size as drawn: an element's computed font size, times the SVG's scale for SVG text.
    const smallText: { text: string; px: number }[] = [];
    const seen = new Set<Element>();
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      // Zero-width characters (KaTeX's struts, U+200B) are not text a reader sees.
      if (!el || seen.has(el) || !(n.textContent ?? '').replace(/[\u200b-\u200d\u2060\ufeff]/g, '').trim()) continue;
      seen.add(el);
      if (!visible(el) || el.closest('script, style, title, desc, option')) continue;
      let px = parseFloat(getComputedStyle(el).fontSize);
      if (el instanceof SVGElement) {
        const ctm = (el as unknown as SVGGraphicsElement).getScreenCTM?.();
        if (ctm) px *= Math.hypot(ctm.a, ctm.b);
      }
      if (px < min - 0.05) smallText.push({ text: (n.textContent ?? '').trim().slice(0, 24), px: Math.round(px * 10) / 10 });
    }

    // Labels of one picture drawn over each other: SVG text boxes that intersect by more than a
    // sliver (a fifth of the smaller box's height and width).
    const overlaps: { a: string; b: string }[] = [];
    for (const svg of root.querySelectorAll('svg')) {
      const labels = [...svg.querySelectorAll('text')].filter((t) => visible(t) && (t.textContent ?? '').trim());
      const boxes = labels.map((t) => ({ t: (t.textContent ?? '').trim().slice(0, 24), r: t.getBoundingClientRect() }));
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i].r;
          const b = boxes[j].r;
          const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (w > Math.min(a.width, b.width) / 5 && h > Math.min(a.height, b.height) / 5) overlaps.push({ a: boxes[i].t, b: boxes[j].t });
        }
      }
    }
    // A picture's labels stay inside it: an axis title longer than its axis, a value at the edge.
    const outside: { text: string; px: number }[] = [];
    for (const t of root.querySelectorAll('svg text')) {
      if (!visible(t) || !(t.textContent ?? '').trim()) continue;
      let svg = t.closest('svg');
      while (svg?.parentElement?.closest('svg')) svg = svg.parentElement.closest('svg');
      if (!svg) continue;
      const r = t.getBoundingClientRect();
      const box = svg.getBoundingClientRect();
      const past = Math.max(box.left - r.left, r.right - box.right, box.top - r.top, r.bottom - box.bottom);
      if (past > 2) outside.push({ text: (t.textContent ?? '').trim().slice(0, 24), px: Math.round(past) });
    }

    // Words of the figure (a value, a note, a control's label) laid over a picture beside them,
    // as a column squeezed too narrow draws its numbers into the map next to it. Words placed over
    // a picture on purpose (absolutely positioned: a marker's label, a tooltip) are not counted,
    // nor what passes under or over a part kept in view (sticky).
    const overDrawing: { text: string; drawing: string }[] = [];
    // A picture kept in view while its controls scroll (sticky, on a phone) passes over them by design.
    const positioned = (el: Element, kinds: string[]) => {
      for (let p: Element | null = el; p && p !== root; p = p.parentElement) if (kinds.includes(getComputedStyle(p).position)) return true;
      return false;
    };
    const placed = (el: Element) => positioned(el, ['absolute', 'fixed', 'sticky']);
    const drawings = [...root.querySelectorAll('svg, canvas, img')].filter((d) => !d.parentElement?.closest('svg') && visible(d) && !positioned(d, ['absolute', 'fixed', 'sticky']));
    const words = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = words.nextNode(); n; n = words.nextNode()) {
      const el = n.parentElement;
      const text = (n.textContent ?? '').replace(/[\u200b-\u200d\u2060\ufeff]/g, '').trim();
      if (!el || !text || el.closest('svg, script, style, option, .sr-only, .visually-hidden') || !visible(el) || placed(el)) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      for (const r of range.getClientRects()) {
        const d = drawings.find((g) => {
          if (g.contains(el)) return false;
          const b = g.getBoundingClientRect();
          return Math.min(r.right, b.right) - Math.max(r.left, b.left) > 4 && Math.min(r.bottom, b.bottom) - Math.max(r.top, b.top) > 4;
        });
        if (d) {
          overDrawing.push({ text: text.slice(0, 24), drawing: d.getAttribute('aria-label') ?? d.querySelector('title')?.textContent?.slice(0, 24) ?? d.tagName.toLowerCase() });
          break;
        }
      }
    }

    let firstDrawingTop: number | null = null;
    for (const el of root.querySelectorAll('svg, canvas, img, table, [role="img"]')) {
      if (el.parentElement?.closest('svg')) continue;
      const r = el.getBoundingClientRect();
      if (r.width < 64 || r.height < 64 || !visible(el)) continue;
      firstDrawingTop = firstDrawingTop === null ? r.top : Math.min(firstDrawingTop, r.top);
    }
    if (firstDrawingTop !== null) firstDrawingTop = Math.round(firstDrawingTop);
    return { overflow, smallText, overlaps, outside, overDrawing, firstDrawingTop };
  }, minPx);
}

/**
 * The frame's header as laid out: the words of its title, and those of its controls (buttons, the
 * compute badge) that are shown but not on the title's row, which the header's one row must hold.
 */
export async function headerOffRow(widget: Locator): Promise<string[]> {
  return widget.locator('.widget-header').first().evaluate((header) => {
    const title = header.querySelector('.widget-title')?.getBoundingClientRect();
    if (!title) return ['(no title)'];
    const off: string[] = [];
    for (const el of header.querySelectorAll('button, [data-compute-badge]')) {
      const r = el.getBoundingClientRect();
      // Not shown: a phone's closed menu.
      if (r.width === 0 || r.height === 0) continue;
      // On the title's row: the control's height and the title's overlap.
      if (Math.min(r.bottom, title.bottom) - Math.max(r.top, title.top) < Math.min(r.height, title.height) / 2) off.push(el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 24) ?? el.tagName);
    }
    return off;
  });
}

/** The smallest drawing that counts as a widget's picture (an icon or a swatch does not), in CSS px. */
const PICTURE_MIN_PX = 48;

/**
 * On a phone, a widget's picture stays in view while the reader works its controls: with its first,
 * middle and last control in turn in the middle of the screen, a pinned picture (`figure-pin`,
 * widgets.css) must be wholly on the screen, under the top bar, and a widget that pins none must
 * still show at least half of one of its drawings there. What is wrong, one line each; nothing for
 * a widget without a control or without a drawing.
 */
export async function pictureOutOfView(widget: Locator): Promise<string[]> {
  await widget.page().evaluate(NAME_HELPER);
  const controls = widget.locator('.widget-body :is(input, select, button, textarea)');
  const n = await controls.count();
  const problems: string[] = [];
  for (const i of [...new Set([0, Math.floor(n / 2), n - 1])].filter((k) => k >= 0)) {
    const control = controls.nth(i);
    if (!(await control.isVisible())) continue;
    await control.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const seen = await control.evaluate(
      (el, min) =>
        new Promise<{ pin: { top: number; bottom: number } | null; inPin: boolean; best: number; drawings: number; bar: number; screen: number; label: string }>((resolve) =>
          requestAnimationFrame(() => {
            const root = el.closest('[data-widget]')!;
            const bar = document.querySelector('.topbar')?.getBoundingClientRect().bottom ?? 0;
            const screen = window.innerHeight;
            const pinEl = root.querySelector('.figure-pin');
            const pinBox = pinEl && pinEl.getClientRects().length ? pinEl.getBoundingClientRect() : null;
            // The share of its height each drawing shows between the top bar and the screen's foot.
            const drawings = [...root.querySelectorAll('.widget-body :is(svg[viewBox], canvas, [role="img"])')]
              .map((d) => d.getBoundingClientRect())
              .filter((r) => r.width >= min && r.height >= min);
            const best = Math.max(0, ...drawings.map((r) => (Math.min(r.bottom, screen) - Math.max(r.top, bar)) / r.height));
            const label = (el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? el.textContent ?? '').trim().slice(0, 24);
            resolve({ pin: pinBox ? { top: pinBox.top, bottom: pinBox.bottom } : null, inPin: !!el.closest('.figure-pin'), best, drawings: drawings.length, bar, screen, label });
          }),
        ),
      PICTURE_MIN_PX,
    );
    if (seen.pin) {
      if (!seen.inPin && (seen.pin.top < seen.bar - 1 || seen.pin.bottom > seen.screen + 1)) {
        problems.push(`with control ${i + 1} of ${n} ("${seen.label}") mid-screen its pinned picture spans ${Math.round(seen.pin.top)}–${Math.round(seen.pin.bottom)} px, not all between the top bar (${Math.round(seen.bar)}) and the screen's foot (${seen.screen})`);
      }
    } else if (seen.drawings > 0 && seen.best < 0.5) {
      problems.push(`with control ${i + 1} of ${n} ("${seen.label}") mid-screen no drawing has half its height on the screen (at most ${Math.round(seen.best * 100)}%)`);
    }
  }
  return problems;
}

/** The sizes readers use: a phone, a laptop, and a projector at 1× and at 200% zoom (presenting). */
export const READER_SIZES = [
  { width: 390, height: 844, present: false },
  { width: 1280, height: 900, present: false },
  { width: 1920, height: 1080, present: true },
  { width: 960, height: 540, present: true },
] as const;

/**
 * Presenting, where a figure's first drawing must begin, in CSS pixels from the top of the screen:
 * in its upper half on a projector (1920 × 1080), in its upper two thirds on a short screen (the
 * same projector at 200% zoom, 960 × 540), where the frame's header and a row of buttons take a
 * larger share. Null when not presenting.
 */
export function firstDrawingBy(size: { height: number; present: boolean }): number | null {
  if (!size.present) return null;
  return Math.round(size.height * (size.height >= 1000 ? 1 / 2 : 2 / 3));
}

/** How far a loaded widget may outgrow its reserved height (a line of text). */
const RESERVE_SLACK = 24;

/** Resolves once the widget's drawings and box have kept their layout for a few frames. */
async function settled(widget: Locator): Promise<void> {
  await widget.evaluate(
    (root) =>
      new Promise<void>((resolve) => {
        const signature = () => {
          const r = root.getBoundingClientRect();
          const svgs = [...root.querySelectorAll('svg')].map((s) => `${s.getAttribute('viewBox')}/${s.style.getPropertyValue('--svg-scale')}`);
          return `${Math.round(r.width)}x${Math.round(r.height)} ${svgs.join(' ')}`;
        };
        let last = '';
        let same = 0;
        const tick = () => {
          const now = signature();
          same = now === last ? same + 1 : 0;
          last = now;
          if (same >= 3) resolve();
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
  );
}

/** One box of a widget's layout: an element with words of its own, or a drawing; its words and place. */
interface LayoutBox {
  text: string;
  box: string;
}

/**
 * The boxes of every widget on the page, in document order, from the widget's own top left corner
 * (whole pixels), the widget's own size first: what comes above it in the page (a diagram drawn in
 * the meantime) does not count.
 */
function layoutOf(page: Page): Promise<LayoutBox[][]> {
  return page.locator('[data-widget]').evaluateAll((widgets) =>
    widgets.map((root) => {
      const origin = root.getBoundingClientRect();
      const boxes: { text: string; box: string }[] = [{ text: '(the figure)', box: `${Math.round(origin.width)}x${Math.round(origin.height)}` }];
      for (const el of root.querySelectorAll('*')) {
        const drawing = el instanceof SVGSVGElement || el instanceof HTMLCanvasElement;
        const words = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
        if (!drawing && !words) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        boxes.push({ text: drawing ? el.tagName : (el.textContent ?? '').trim().slice(0, 40), box: [r.left - origin.left, r.top - origin.top, r.width, r.height].map(Math.round).join(',') });
      }
      return boxes;
    }),
  );
}

/** Waits until the page's theme is `theme` and its widgets have settled. */
async function switchTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  const current = () => page.evaluate(() => document.documentElement.dataset.theme);
  if ((await current()) !== theme) await page.locator('[data-action="toggle-theme"]').first().click();
  await page.waitForFunction((t) => document.documentElement.dataset.theme === t, theme);
  const widgets = page.locator('[data-widget]');
  for (let i = 0, n = await widgets.count(); i < n; i++) await settled(widgets.nth(i));
}

/**
 * What the dark theme moves in the page's widgets: none of their words or drawings may change place
 * or size (a theme changes colours only, tests/book/theme-styles.test.ts), so the checks made in the
 * light theme hold in the dark one. Each widget's layout is taken in light, in dark, then in light
 * again: a widget whose layout changed between the two light ones is changing by itself (training,
 * counting) and is left out, since what moved it cannot be told apart from the theme.
 */
async function themeMoves(page: Page, where: string): Promise<string[]> {
  const light = await layoutOf(page);
  await switchTheme(page, 'dark');
  const dark = await layoutOf(page);
  await switchTheme(page, 'light');
  const lightAgain = await layoutOf(page);
  const names = await page.locator('[data-widget]').evaluateAll((ws) => ws.map((w) => w.getAttribute('data-widget') ?? 'widget'));
  const same = (a: LayoutBox[], b: LayoutBox[]) => a.length === b.length && a.every((box, j) => box.text === b[j].text && box.box === b[j].box);
  const problems: string[] = [];
  light.forEach((boxes, i) => {
    const other = dark[i] ?? [];
    if (!same(boxes, lightAgain[i] ?? []) || same(boxes, other)) return;
    const moved: string[] = [];
    if (other.length !== boxes.length) moved.push(`${boxes.length} boxes in light, ${other.length} in dark`);
    boxes.forEach((b, j) => {
      const d = other[j];
      if (d && d.text === b.text && d.box !== b.box) moved.push(`"${b.text}" ${b.box} → ${d.box}`);
    });
    problems.push(`${names[i]} (widget ${i + 1}) at ${where}: the dark theme moves its layout: ${moved.slice(0, 4).join(', ') || 'its words differ'}`);
  });
  return problems;
}

/**
 * Every widget on the page at each of READER_SIZES (presenting it where the size says so): the
 * page never scrolls sideways, no text is under 12 px (20 px presenting), no labels of a drawing
 * overlap or reach past their picture's edge, no words lie over a picture, (not presenting) the
 * loaded widget fits the height reserved for it before it loaded, and (presenting) its first
 * drawing begins high enough on the screen (`firstDrawingBy`), and (on a phone, presenting) the frame's
 * header is one row (`headerOffRow`); on a phone a pinned picture stays on the screen while the
 * reader works the controls below it, and any other widget keeps half of a drawing in view (`pictureOutOfView`). At the sizes not presenting, the
 * dark theme must leave every widget's layout as it is (`themeMoves`), so all of this holds in both.
 * One line per problem; the viewport is left at 1280 × 900, in the light theme.
 */
export async function figureProblems(page: Page): Promise<string[]> {
  await page.evaluate(NAME_HELPER);
  const problems: string[] = [];
  const widgets = page.locator('[data-widget]');
  const n = await widgets.count();
  for (const size of READER_SIZES) {
    await page.setViewportSize({ width: size.width, height: size.height });
    const where = `${size.width}×${size.height}${size.present ? ', presenting' : ''}`;
    if (!size.present) {
      for (let i = 0; i < n; i++) await settled(widgets.nth(i));
      const overflow = await pageOverflow(page);
      if (overflow.px > 0) problems.push(`at ${where} the page scrolls sideways by ${overflow.px} px (${overflow.culprits.join(', ')})`);
    }
    for (let i = 0; i < n; i++) {
      const widget = widgets.nth(i);
      const name = `${(await widget.getAttribute('data-widget')) ?? 'widget'} (widget ${i + 1})`;
      if (size.present) {
        await widget.locator('[data-action="present"]').click();
        await widget.and(page.locator('[data-presenting]')).waitFor();
        await settled(widget);
      }
      if (!size.present) {
        // The height reserved before the widget loaded holds it once loaded: nothing below moves.
        const body = await widget.locator('.widget-body').first().evaluate((el) => ({ height: el.getBoundingClientRect().height, reserve: parseFloat(getComputedStyle(el).minHeight) || 0 }));
        if (body.height > body.reserve + RESERVE_SLACK) problems.push(`${name} at ${where} is ${Math.round(body.height)} px tall, past the ${Math.round(body.reserve)} px reserved for it before it loaded`);
      }
      // On a phone and presenting, the header is one row (at a laptop's width its tools keep their
      // words, under a long title).
      const offRow = size.present || size.width < 600 ? await headerOffRow(widget) : [];
      // On a phone, the picture stays on the screen while the reader works its controls.
      if (!size.present && size.width < 600) for (const p of await pictureOutOfView(widget)) problems.push(`${name} at ${where}: ${p}`);
      if (offRow.length) problems.push(`${name} at ${where}: its header takes more than one row: ${offRow.map((t) => `"${t}"`).join(', ')} below the title`);
      const min = size.present ? 20 : 12;
      const a = await auditFigure(widget, min);
      if (a.overflow > 0) problems.push(`${name} at ${where} reaches ${a.overflow} px past the screen's edge`);
      if (a.smallText.length) problems.push(`${name} at ${where}: ${a.smallText.length} text(s) under ${min} px: ${a.smallText.slice(0, 6).map((t) => `"${t.text}" ${t.px} px`).join(', ')}`);
      if (a.overlaps.length) problems.push(`${name} at ${where}: labels overlap: ${a.overlaps.slice(0, 6).map((o) => `"${o.a}" / "${o.b}"`).join(', ')}`);
      if (a.outside.length) problems.push(`${name} at ${where}: labels past their picture's edge: ${a.outside.slice(0, 6).map((t) => `"${t.text}" by ${t.px} px`).join(', ')}`);
      if (a.overDrawing.length) problems.push(`${name} at ${where}: words over a picture: ${a.overDrawing.slice(0, 6).map((t) => `"${t.text}" over "${t.drawing}"`).join(', ')}`);
      // Presenting on a projector, the picture is on the first screen beside its controls.
      const by = firstDrawingBy(size);
      if (by !== null && a.firstDrawingTop !== null && a.firstDrawingTop > by) {
        problems.push(`${name} at ${where}: its first drawing begins ${a.firstDrawingTop} px down a ${size.height}-px screen (at most ${by})`);
      }
      if (size.present) {
        await page.keyboard.press('Escape');
        await widget.and(page.locator(':not([data-presenting])')).waitFor();
      }
    }
    if (!size.present) problems.push(...(await themeMoves(page, where)));
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  return problems;
}
