// A display formula wider than its column scrolls sideways in its own box (prose.css). While it
// does, the box is a named tab stop, so a keyboard can scroll it too; a formula that fits adds no
// tab stop (most do, on most screens). The formulas are the page's pre-rendered markup, which React
// does not manage, so their attributes are kept here, as the column's width changes.
import { useEffect, type RefObject } from 'react';
import { contentStrings as s } from './strings.ts';

/**
 * Makes each display formula under `root` focusable, and named, while it scrolls sideways; looked
 * for again when `content` changes (another chapter's text in the same place).
 */
export function useScrollingFormulas(root: RefObject<HTMLElement | null>, content: unknown): void {
  useEffect(() => {
    const el = root.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const formulas = [...el.querySelectorAll<HTMLElement>('.katex-display')];
    if (!formulas.length) return;
    const mark = (formula: HTMLElement) => {
      const scrolls = formula.scrollWidth > formula.clientWidth + 1;
      if (scrolls === formula.hasAttribute('tabindex')) return;
      if (scrolls) {
        formula.tabIndex = 0;
        formula.setAttribute('role', 'group');
        formula.setAttribute('aria-label', s.wideFormula);
      } else {
        formula.removeAttribute('tabindex');
        formula.removeAttribute('role');
        formula.removeAttribute('aria-label');
      }
    };
    const observer = new ResizeObserver((entries) => entries.forEach((entry) => mark(entry.target as HTMLElement)));
    formulas.forEach((formula) => observer.observe(formula));
    // KaTeX's own fonts arriving late widen a formula without changing its box.
    let live = true;
    void document.fonts?.ready.then(() => live && formulas.forEach(mark));
    return () => {
      live = false;
      observer.disconnect();
    };
  }, [root, content]);
}
