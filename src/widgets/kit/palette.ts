// Colours for figures. Classes use the Okabe–Ito palette (Okabe & Ito, 2008), which stays distinct
// for the common colour-vision deficiencies, and every class also has its own marker shape, so no
// figure relies on colour alone. Surfaces use a blue–orange diverging scale (the two hues that
// colour-blind readers tell apart best) and cividis for sequential values (loss surfaces).
import { interpolateCividis } from 'd3-scale-chromatic';

/** Okabe–Ito: blue, vermilion, bluish green, orange, reddish purple, sky blue, yellow. */
export const classColors = ['#0072B2', '#D55E00', '#009E73', '#E69F00', '#CC79A7', '#56B4E9', '#F0E442'] as const;

/** Names of the class colours, for text alternatives ("blue circles"). */
export const classColorNames = ['blue', 'vermilion', 'green', 'orange', 'purple', 'sky blue', 'yellow'] as const;

export const classColor = (cls: number) => classColors[((cls % classColors.length) + classColors.length) % classColors.length];

/** Colours for lines that are not classes (series in a chart), same palette. */
export const seriesColors = classColors;

type Rgb = [number, number, number];
const BLUE: Rgb = [0, 114, 178];
const MID: Rgb = [247, 247, 247];
const ORANGE: Rgb = [213, 94, 0];

const mix = (a: Rgb, b: Rgb, t: number): Rgb => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];

/** t in [-1, 1]: −1 blue (class 0), 0 light grey, +1 vermilion (class 1); clamped; NaN gives grey. */
export function divergingRgb(t: number): Rgb {
  const c = Number.isFinite(t) ? Math.max(-1, Math.min(1, t)) : 0;
  return c < 0 ? mix(MID, BLUE, -c) : mix(MID, ORANGE, c);
}

export function divergingColor(t: number): string {
  const [r, g, b] = divergingRgb(t);
  return `rgb(${Math.round(r)} ${Math.round(g)} ${Math.round(b)})`;
}

/** t in [0, 1] → cividis (dark blue to yellow), for sequential values such as a loss surface. */
export function sequentialColor(t: number): string {
  return interpolateCividis(Number.isFinite(t) ? Math.max(0, Math.min(1, t)) : 0);
}

/**
 * Grey-level pictures (digits, images, feature maps) are ink on paper in the page's own colours:
 * dark ink on white in the light theme, light ink on the dark page in the dark theme, so a picture
 * is never a white panel on a dark page. Kept equal to tokens.css's --text and --bg.
 */
const INK: Record<'light' | 'dark', { paper: Rgb; ink: Rgb }> = {
  light: { paper: [255, 255, 255], ink: [20, 20, 20] },
  dark: { paper: [21, 24, 29], ink: [228, 231, 236] },
};

/** t in [0, 1]: 0 the paper, 1 the ink, in the given theme; clamped; NaN gives the paper. */
export function inkRgb(t: number, theme: 'light' | 'dark'): Rgb {
  const c = Number.isFinite(t) ? Math.max(0, Math.min(1, t)) : 0;
  return mix(INK[theme].paper, INK[theme].ink, c);
}

/** WCAG relative luminance of an sRGB colour. */
function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/**
 * Text to write on a cell of that ink level: black or white, whichever stands out more (at least
 * 4.5:1 on every grey, which neither the ink nor the paper colour manages on mid greys).
 */
export function textOnInk(t: number, theme: 'light' | 'dark'): string {
  const l = luminance(inkRgb(t, theme));
  return 1.05 / (l + 0.05) >= (l + 0.05) / 0.05 ? 'rgb(255 255 255)' : 'rgb(0 0 0)';
}

/** Signed weights: positive vermilion, negative blue (the figure also dashes negative edges). */
export const weightColor = (w: number) => (w >= 0 ? classColors[1] : classColors[0]);
