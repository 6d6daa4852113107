// Whether the figure has room for full-width violins (one above the other, sharing the layer axis,
// wider than tall): a phone's column gets taller, narrower ones. Measured on the figure itself, not
// the window, since a page's sidebar and Present mode change its width too.
import { useLayoutEffect, useState, type RefObject } from 'react';

/** At least this wide (CSS px), the figure draws its wide layout. */
export const WIDE_FIGURE = 520;

export function useWideFigure(ref: RefObject<HTMLElement | null>): boolean {
  const [wide, setWide] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const measure = () => setWide(el.getBoundingClientRect().width >= WIDE_FIGURE);
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    measure();
    return () => observer.disconnect();
  }, [ref]);
  return wide;
}
