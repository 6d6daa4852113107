// A figure's drawings are SVGs with a viewBox, so one drawing serves a phone, a laptop and a
// projector; but a drawing shrunk to a phone's width shrinks its labels too. The frame therefore
// tells each drawing how large it is drawn: `--svg-scale` on every `svg[viewBox]` in the figure is
// the scale it is drawn at, and the figures' CSS (widgets.css) sizes SVG text as
// `max(its own size, the minimum ÷ --svg-scale)`, so no label is drawn under the minimum (12 px,
// 20 px when presenting) however small the drawing, and labels grow with a drawing drawn larger.
// Only resizes and new drawings set the property: nothing runs while a figure animates.
import { useEffect, type RefObject } from 'react';

/** Keeps `--svg-scale` on every drawing inside `ref` equal to its drawn scale. */
export function useDrawnScale(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = ref.current;
    if (!root || typeof ResizeObserver === 'undefined') return;
    const fit = (svg: SVGSVGElement) => {
      const box = svg.viewBox.baseVal;
      const drawn = svg.getBoundingClientRect();
      if (!box || !box.width || !box.height || !drawn.width) return;
      // The drawing keeps its proportions inside its box (preserveAspectRatio's default, meet).
      const scale = Math.min(drawn.width / box.width, drawn.height / box.height).toFixed(3);
      if (svg.style.getPropertyValue('--svg-scale') !== scale) svg.style.setProperty('--svg-scale', scale);
    };
    const sizes = new ResizeObserver((entries) => {
      for (const entry of entries) fit(entry.target as SVGSVGElement);
    });
    const watched = new WeakSet<SVGSVGElement>();
    const scan = () => {
      for (const svg of root.querySelectorAll<SVGSVGElement>('svg[viewBox]')) {
        if (watched.has(svg)) continue;
        watched.add(svg);
        sizes.observe(svg);
      }
    };
    // Drawings arrive with the widget's code, and some only after a choice (another chart, a
    // second model): each is watched from the moment it is added.
    // A drawing whose viewBox changes (a plot given another width) is drawn at another scale.
    const added = new MutationObserver((records) => {
      for (const r of records) if (r.type === 'attributes' && r.target instanceof SVGSVGElement) fit(r.target);
      if (records.some((r) => [...r.addedNodes].some((n) => n instanceof Element && (n.tagName.toLowerCase() === 'svg' || n.querySelector('svg'))))) scan();
    });
    added.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['viewBox'] });
    scan();
    return () => {
      added.disconnect();
      sizes.disconnect();
    };
  }, [ref]);
}
