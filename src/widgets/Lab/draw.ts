// Pure drawing for the Lab: grids of numbers to pixels. A surface is painted into RGBA bytes, one
// pixel per cell, top row first, for a canvas the browser then scales smoothly. Colours are the
// kit's colour-blind-safe ones: the blue–vermilion diverging scale for values and for two classes,
// the Okabe–Ito class colours, paled towards grey where the network is unsure, for several classes.
import { classColors, divergingRgb } from '../kit/index.ts';
import type { LabSurface } from '../../models/lab/picture.ts';

type Rgb = [number, number, number];

const GREY: Rgb = [247, 247, 247];

function hexRgb(hex: string): Rgb {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}
const CLASS_RGB = classColors.map(hexRgb);

/** The colour of class `cls` at confidence `p` among `k` classes: grey at 1/k, the full colour at 1. */
export function classShade(cls: number, p: number, k: number): Rgb {
  const t = Math.max(0, Math.min(1, (p - 1 / k) / (1 - 1 / k)));
  const c = CLASS_RGB[cls % CLASS_RGB.length];
  // The full colour is kept a little paler than the markers, so markers stand out on it.
  const s = 0.75 * t;
  return [GREY[0] + (c[0] - GREY[0]) * s, GREY[1] + (c[1] - GREY[1]) * s, GREY[2] + (c[2] - GREY[2]) * s];
}

/**
 * Paints a size×size grid (index j·size + i, j from the bottom) into `out` (RGBA, top row first).
 * `colour(index)` gives each cell's colour.
 */
export function paintGrid(out: Uint8ClampedArray, size: number, colour: (index: number) => Rgb): void {
  if (out.length !== size * size * 4) throw new Error(`paintGrid: ${out.length} bytes for a ${size}×${size} grid`);
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      const [r, g, b] = colour(j * size + i);
      const o = ((size - 1 - j) * size + i) * 4;
      out[o] = r;
      out[o + 1] = g;
      out[o + 2] = b;
      out[o + 3] = 255;
    }
  }
}

/** Values on the diverging scale, `range` at either end (values past it take the end colour). */
export const divergingCell = (values: ArrayLike<number>, range: number) => (index: number) => divergingRgb(values[index] / range);

/**
 * The colour function of an output surface over the plane (a curve is drawn as a line instead).
 * `range`: the value surface's colour range; `discrete`: classes only, no shades of confidence.
 */
export function surfaceCell(surface: LabSurface, { range = 1, classes = 2, discrete = false }: { range?: number; classes?: number; discrete?: boolean } = {}): ((index: number) => Rgb) | null {
  switch (surface.kind) {
    case 'probability':
      return discrete ? (i) => divergingRgb(surface.values[i] > 0.5 ? 0.75 : -0.75) : (i) => divergingRgb(2 * surface.values[i] - 1);
    case 'classes':
      return (i) => classShade(surface.classes[i], discrete ? 1 : surface.confidence[i], Math.max(2, classes));
    case 'value':
      return divergingCell(surface.values, range);
    case 'curve':
      return null;
  }
}

/** The largest |target| of a regression's points (at least 1e-6): the value surface's colour range. */
export function targetRange(targets: readonly number[]): number {
  return Math.max(1e-6, ...targets.map(Math.abs));
}

/** A weight's line: width grows with |w| (from 0.5 px, at most 6 px), colour by sign. */
export function linkWidth(w: number): number {
  return Number.isFinite(w) ? Math.min(6, 0.5 + 1.6 * Math.abs(w)) : 0.5;
}
