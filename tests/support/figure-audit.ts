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
    const visible = (el: Element) => {
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
    let firstDrawingTop: number | null = null;
    for (const el of root.querySelectorAll('svg, canvas, img, table, [role="img"]')) {
      if (el.parentElement?.closest('svg')) continue;
      const r = el.getBoundingClientRect();
      if (r.width < 64 || r.height < 64 || !visible(el)) continue;
      firstDrawingTop = firstDrawingTop === null ? r.top : Math.min(firstDrawingTop, r.top);
    }
    if (firstDrawingTop !== null) firstDrawingTop = Math.round(firstDrawingTop);
    return { overflow, smallText, overlaps, firstDrawingTop };
  }, minPx);
}

/** The sizes readers use: a phone, a laptop, and a projector at 1× and at 200% zoom (presenting). */
export const READER_SIZES = [
  { width: 390, height: 844, present: false },
  { width: 1280, height: 900, present: false },
  { width: 1920, height: 1080, present: true },
  { width: 960, height: 540, present: true },
] as const;

/** Presenting at 1920 × 1080, a figure's first drawing begins within this share of the screen's height. */
export const FIRST_DRAWING_BY = 0.5;

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

/**
 * Every widget on the page at each of READER_SIZES (presenting it where the size says so): the
 * page never scrolls sideways, no text is under 12 px (20 px presenting), no labels of a drawing
 * overlap, (not presenting) the loaded widget fits the height reserved for it before it loaded, and
 * (presenting at 1920 × 1080) its first drawing begins in the upper half of the screen.
 * One line per problem; the viewport is left at 1280 × 900.
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
      const min = size.present ? 20 : 12;
      const a = await auditFigure(widget, min);
      if (a.overflow > 0) problems.push(`${name} at ${where} reaches ${a.overflow} px past the screen's edge`);
      if (a.smallText.length) problems.push(`${name} at ${where}: ${a.smallText.length} text(s) under ${min} px: ${a.smallText.slice(0, 6).map((t) => `"${t.text}" ${t.px} px`).join(', ')}`);
      if (a.overlaps.length) problems.push(`${name} at ${where}: labels overlap: ${a.overlaps.slice(0, 6).map((o) => `"${o.a}" / "${o.b}"`).join(', ')}`);
      // Presenting on a projector, the picture is on the first screen beside its controls.
      if (size.present && size.width >= 1920 && a.firstDrawingTop !== null && a.firstDrawingTop > size.height * FIRST_DRAWING_BY) {
        problems.push(`${name} at ${where}: its first drawing begins ${a.firstDrawingTop} px down a ${size.height}-px screen`);
      }
      if (size.present) {
        await page.keyboard.press('Escape');
        await widget.and(page.locator(':not([data-presenting])')).waitFor();
      }
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  return problems;
}
