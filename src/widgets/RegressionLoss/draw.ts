// How each residual is drawn, in pixels: a square for a squared penalty (its area grows as r²),
// a bar for an absolute one (its length grows as |r|). Huber is both: a square while |r| ≤ δ,
// a bar beyond. Pure: scales in, rectangles out.
import type { Line, Point, RegressionLossName } from './regression.ts';

export interface ResidualShape {
  kind: 'square' | 'bar';
  /** Top-left corner and size, in pixels. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** The residual y − ŷ, in data units. */
  residual: number;
}

type Scale = (v: number) => number;

/** Width in pixels of a bar: thin, so it reads as a length rather than an area. */
export const BAR_WIDTH = 5;

export function residualKind(loss: RegressionLossName, residual: number, delta: number): 'square' | 'bar' {
  if (loss === 'mse') return 'square';
  if (loss === 'mae') return 'bar';
  return Math.abs(residual) <= delta ? 'square' : 'bar';
}

/**
 * One shape per point, between the point and the line. A square is as wide as it is tall on
 * screen (so its area shows r² even though the axes have different units) and sits on the side
 * of the point with more room, so that it stays inside the plot.
 */
export function residualShapes(
  points: Point[],
  line: Line,
  loss: RegressionLossName,
  delta: number,
  sx: Scale,
  sy: Scale,
  bounds: { left: number; right: number },
): ResidualShape[] {
  return points.map((p) => {
    const fitted = line.slope * p.x + line.intercept;
    const residual = p.y - fitted;
    const yTop = Math.min(sy(p.y), sy(fitted));
    const side = Math.abs(sy(p.y) - sy(fitted));
    const px = sx(p.x);
    if (residualKind(loss, residual, delta) === 'bar') {
      return { kind: 'bar', x: px - BAR_WIDTH / 2, y: yTop, width: BAR_WIDTH, height: side, residual };
    }
    const toRight = px + side <= bounds.right || px < (bounds.left + bounds.right) / 2;
    return { kind: 'square', x: toRight ? px : px - side, y: yTop, width: side, height: side, residual };
  });
}

/** The two lines ŷ ± δ that bound Huber's quadratic zone, as points across the x domain. */
export function deltaBand(line: Line, delta: number, [x0, x1]: [number, number]): { upper: [number, number][]; lower: [number, number][] } {
  const at = (x: number, d: number): [number, number] => [x, line.slope * x + line.intercept + d];
  return { upper: [at(x0, delta), at(x1, delta)], lower: [at(x0, -delta), at(x1, -delta)] };
}
