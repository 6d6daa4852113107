// Whether a figure is at least so wide: a figure that draws a different layout when it has room
// (charts side by side, wider than tall) asks this of its own element, not of the window, since a
// page's sidebar and Present mode change its width too.
import { useLayoutEffect, useState, type RefObject } from 'react';

export function useWideFigure(ref: RefObject<HTMLElement | null>, minWidth: number): boolean {
  const [wide, setWide] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const measure = () => setWide(el.getBoundingClientRect().width >= minWidth);
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    measure();
    return () => observer.disconnect();
  }, [ref, minWidth]);
  return wide;
}
