// Marks drawn inside a <Plot>, in data coordinates: a line, dots (a shape and a colour per class),
// vertical and horizontal rules, a shaded band, and a text label.
import { line as d3line, symbol, symbolCircle, symbolCross, symbolDiamond, symbolSquare, symbolTriangle, symbolStar, symbolWye } from 'd3-shape';
import { classColor } from '../palette.ts';
import { usePlotScales } from './Plot.tsx';

const finite = (v: number) => Number.isFinite(v);

export function LinePath({
  points,
  color = 'currentColor',
  width = 2,
  dashed = false,
  dash,
  className,
}: {
  points: readonly (readonly [number, number])[];
  color?: string;
  width?: number;
  dashed?: boolean;
  /** A dash pattern of its own (SVG stroke-dasharray), where several lines must differ by more than colour. */
  dash?: string;
  className?: string;
}) {
  const { x, y } = usePlotScales();
  // A non-finite point breaks the line there rather than drawing to NaN.
  const path = d3line<readonly [number, number]>()
    .defined((p) => finite(p[0]) && finite(p[1]) && finite(x(p[0])) && finite(y(p[1])))
    .x((p) => x(p[0]))
    .y((p) => y(p[1]))(points);
  return (
    <path className={className ?? 'plot-line'} d={path ?? ''} fill="none" stroke={color} strokeWidth={width} strokeDasharray={dash ?? (dashed ? '6 4' : undefined)} />
  );
}

/** One marker shape per class, so classes differ by shape as well as colour. */
export const classSymbols = [symbolCircle, symbolTriangle, symbolSquare, symbolDiamond, symbolCross, symbolStar, symbolWye];
export const classShapeNames = ['circles', 'triangles', 'squares', 'diamonds', 'crosses', 'stars', 'wyes'];

export interface Dot {
  x: number;
  y: number;
  /** Class index: picks colour and shape. */
  cls?: number;
}

/**
 * Markers, one shape and colour per class. `hollow` draws outlines in the class's colour on the
 * page's background (a second set beside filled ones: test points beside training points).
 */
export function Dots({ points, size = 48, opacity = 1, hollow = false }: { points: readonly Dot[]; size?: number; opacity?: number; hollow?: boolean }) {
  const { x, y } = usePlotScales();
  const shapes = classSymbols.map((s) => symbol(s, size)() ?? '');
  // An outline that separates a marker from shading of its own colour; thinner on small markers,
  // so that their fill still shows.
  const halo = size < 60 ? 1 : 1.5;
  return (
    <g className="plot-dots" opacity={opacity}>
      {points.map((p, i) =>
        finite(p.x) && finite(p.y) ? (
          <path
            key={i}
            d={shapes[(p.cls ?? 0) % shapes.length]}
            transform={`translate(${x(p.x)} ${y(p.y)})`}
            fill={hollow ? 'var(--bg, #fff)' : classColor(p.cls ?? 0)}
            stroke={hollow ? classColor(p.cls ?? 0) : 'var(--marker-halo, #fff)'}
            strokeWidth={hollow ? 2 * halo : halo}
          />
        ) : null,
      )}
    </g>
  );
}

export function RuleX({ x: at, color = 'currentColor', dashed = true, label }: { x: number; color?: string; dashed?: boolean; label?: string }) {
  const { x, inner } = usePlotScales();
  if (!finite(at)) return null;
  const px = x(at);
  return (
    <g className="plot-rule">
      <line x1={px} x2={px} y1={inner.top} y2={inner.top + inner.height} stroke={color} strokeDasharray={dashed ? '4 4' : undefined} />
      {label ? (
        <text x={px + 4} y={inner.top + 12} className="plot-mark-label">
          {label}
        </text>
      ) : null}
    </g>
  );
}

export function RuleY({ y: at, color = 'currentColor', dashed = true, label }: { y: number; color?: string; dashed?: boolean; label?: string }) {
  const { y, inner } = usePlotScales();
  if (!finite(at)) return null;
  const py = y(at);
  return (
    <g className="plot-rule">
      <line x1={inner.left} x2={inner.left + inner.width} y1={py} y2={py} stroke={color} strokeDasharray={dashed ? '4 4' : undefined} />
      {label ? (
        <text x={inner.left + 4} y={py - 4} className="plot-mark-label">
          {label}
        </text>
      ) : null}
    </g>
  );
}

/** A shaded vertical band between x0 and x1 (e.g. where a function saturates), with a label. */
export function Band({ x0, x1, label, color = 'var(--text-muted, #666)' }: { x0: number; x1: number; label?: string; color?: string }) {
  const { x, inner } = usePlotScales();
  if (!finite(x0) || !finite(x1)) return null;
  const a = Math.min(x(x0), x(x1));
  const b = Math.max(x(x0), x(x1));
  return (
    <g className="plot-band">
      <rect x={a} y={inner.top} width={Math.max(0, b - a)} height={inner.height} fill={color} opacity={0.12} />
      {label ? <BandLabel a={a} b={b} label={label} /> : null}
    </g>
  );
}

/** A band's label: centred in a wide band; in a narrow one, set against the plot's edge it touches. */
function BandLabel({ a, b, label }: { a: number; b: number; label: string }) {
  const { inner } = usePlotScales();
  const y = inner.top + inner.height - 8;
  const right = inner.left + inner.width;
  const wide = b - a > label.length * 7;
  const [x, anchor]: [number, 'start' | 'middle' | 'end'] = wide ? [(a + b) / 2, 'middle'] : a <= inner.left + 1 ? [inner.left + 4, 'start'] : b >= right - 1 ? [right - 4, 'end'] : [(a + b) / 2, 'middle'];
  return (
    <text x={x} y={y} textAnchor={anchor} className="plot-mark-label">
      {label}
    </text>
  );
}

/** A text label at a data position. */
export function PlotText({ x: at, y: yAt, children, anchor = 'start' }: { x: number; y: number; children: string; anchor?: 'start' | 'middle' | 'end' }) {
  const { x, y } = usePlotScales();
  if (!finite(at) || !finite(yAt)) return null;
  return (
    <text x={x(at)} y={y(yAt)} textAnchor={anchor} className="plot-mark-label">
      {children}
    </text>
  );
}
