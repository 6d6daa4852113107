// Arrows in the (w, b) plane, drawn inside a kit <Plot>: a shaft and a head in the arrow's
// colour over a wider halo of a contrasting colour, so that an arrow reads on the dark and on the
// light bands of the loss surface alike.
import { usePlotScales } from '../kit/index.ts';

export interface ArrowStyle {
  color: string;
  halo: string;
  /** Shaft width in pixels (the head grows with it). */
  width: number;
}

/** The arrow's outline in pixels: shaft and a head at the tip; null when it is too short to draw. */
export function arrowGeometry(x0: number, y0: number, x1: number, y1: number, width: number): { shaft: string; head: string } | null {
  const length = Math.hypot(x1 - x0, y1 - y0);
  if (!Number.isFinite(length) || length < 1) return null;
  const ux = (x1 - x0) / length;
  const uy = (y1 - y0) / length;
  // The head is at most half the arrow, so a short arrow still shows its direction.
  const head = Math.min(3 + 2.5 * width, length / 2);
  const half = head * 0.55;
  const bx = x1 - ux * head;
  const by = y1 - uy * head;
  const r = (v: number) => v.toFixed(1);
  return {
    shaft: `M${r(x0)},${r(y0)}L${r(bx)},${r(by)}`,
    head: `M${r(x1)},${r(y1)}L${r(bx - uy * half)},${r(by + ux * half)}L${r(bx + uy * half)},${r(by - ux * half)}Z`,
  };
}

/** The style grown with the plot's text (presenting draws text larger; marks follow). */
function scaled(style: ArrowStyle, textPx: number): ArrowStyle {
  return { ...style, width: (style.width * textPx) / 12 };
}

/** Arrows from one point `from` to each of `tips`, in data coordinates. */
export function Arrows({ from, tips, style: given }: { from: readonly [number, number]; tips: readonly (readonly [number, number])[]; style: ArrowStyle }) {
  const { x, y, textPx } = usePlotScales();
  const style = scaled(given, textPx);
  const shapes = tips.map(([tx, ty]) => arrowGeometry(x(from[0]), y(from[1]), x(tx), y(ty), style.width)).filter((g) => g !== null);
  return (
    <g aria-hidden="true">
      {shapes.map((g, i) => (
        <g key={`h${i}`} stroke={style.halo} strokeWidth={style.width + 2.5} strokeLinejoin="round" fill={style.halo}>
          <path d={g.shaft} />
          <path d={g.head} />
        </g>
      ))}
      {shapes.map((g, i) => (
        <g key={`a${i}`}>
          <path d={g.shaft} stroke={style.color} strokeWidth={style.width} strokeLinecap="round" />
          <path d={g.head} fill={style.color} stroke={style.color} strokeWidth={0.5} strokeLinejoin="round" />
        </g>
      ))}
    </g>
  );
}

/** A path of points over a halo, its steps marked by small dots. */
export function HaloPath({ points, style: given, dashed = false }: { points: readonly (readonly [number, number])[]; style: ArrowStyle; dashed?: boolean }) {
  const { x, y, textPx } = usePlotScales();
  const style = scaled(given, textPx);
  const px = points.filter(([a, b]) => Number.isFinite(a) && Number.isFinite(b)).map(([a, b]) => [x(a), y(b)] as const);
  if (px.length < 2) return null;
  const d = `M${px.map(([a, b]) => `${a.toFixed(1)},${b.toFixed(1)}`).join('L')}`;
  return (
    <g aria-hidden="true">
      <path d={d} fill="none" stroke={style.halo} strokeWidth={style.width + 2.5} strokeLinejoin="round" />
      <path d={d} fill="none" stroke={style.color} strokeWidth={style.width} strokeLinejoin="round" strokeDasharray={dashed ? '6 4' : undefined} />
      {px.slice(1).map(([a, b], i) => (
        <circle key={i} cx={a} cy={b} r={style.width + 1} fill={style.color} stroke={style.halo} strokeWidth={1} />
      ))}
    </g>
  );
}
