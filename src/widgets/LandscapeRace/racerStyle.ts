// How each racer looks: an Okabe–Ito colour (colour-blind safe), a dash and a marker shape, so
// that no two racers differ by colour alone. The two momentum methods share a family of blues, and
// the adaptive ones the warm colours and green. Lines are drawn on a halo of the page's colour,
// which keeps them visible on every band of the contour map, in both themes.
import { symbol } from 'd3-shape';
import { classColors } from '../kit/palette.ts';
import { classSymbols } from '../kit/plot/marks.tsx';
import type { RacerKind } from './racers.ts';

export interface RacerStyle {
  color: string;
  /** SVG stroke-dasharray, or undefined for a solid line. */
  dash: string | undefined;
  /** Index into the kit's marker shapes (classSymbols). */
  shape: number;
}

const [blue, vermilion, green, orange, purple, sky] = classColors;

export const RACER_STYLES: Record<RacerKind, RacerStyle> = {
  sgd: { color: vermilion, dash: undefined, shape: 0 },
  momentum: { color: blue, dash: '8 4', shape: 1 },
  nesterov: { color: sky, dash: '2 3', shape: 2 },
  rmsprop: { color: green, dash: '10 3 2 3', shape: 3 },
  adam: { color: orange, dash: '4 4', shape: 4 },
  adamw: { color: purple, dash: '12 3 2 3 2 3', shape: 5 },
};

/** The SVG path of a racer's marker, centred on the origin, of area `size` px². */
export function markerPath(kind: RacerKind, size: number): string {
  return symbol(classSymbols[RACER_STYLES[kind].shape], size)() ?? '';
}
