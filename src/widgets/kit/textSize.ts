// The size a figure gives one SVG label. The page's CSS (widgets.css) draws it at that size, or
// larger where the drawing is shrunk to fit a small screen, so no label falls under the minimum.
import type { CSSProperties } from 'react';

/** The style that gives an SVG `<text>` (or a group of them) its own size, in SVG units. */
export const textSize = (px: number): CSSProperties => ({ '--text-size': `${px}px` }) as CSSProperties;
