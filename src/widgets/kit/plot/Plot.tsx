// A plot: an SVG with linear (or log) axes from d3-scale, tick labels, grid lines, a title and a
// description for screen readers, and a context that gives marks (marks.tsx, HeatMap, Contours,
// DraggablePoint) the scales. The SVG scales with its container (viewBox), so one figure serves a
// phone, a laptop and a projector.
import { createContext, useContext, useId, useMemo, useRef, type ReactNode, type RefObject } from 'react';
import { scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3-scale';
import { scientific, significant } from '../format.ts';
import '../kit.css';

export interface Axis {
  domain: readonly [number, number];
  label: string;
  /** Logarithmic axis (domain must be positive). */
  log?: boolean;
  /** About how many ticks (default 5). */
  ticks?: number;
  format?: (value: number) => string;
}

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface PlotScales {
  x: ScaleContinuousNumeric<number, number>;
  y: ScaleContinuousNumeric<number, number>;
  /** The drawing area inside the axes, in SVG units. */
  inner: { left: number; top: number; width: number; height: number };
  /** Client (pointer) coordinates to data coordinates, or null before the SVG is laid out. */
  toData: (clientX: number, clientY: number) => [number, number] | null;
  /** An id unique to this plot (clip paths, gradients). */
  id: string;
}

const PlotContext = createContext<PlotScales | null>(null);

export function usePlotScales(): PlotScales {
  const scales = useContext(PlotContext);
  if (!scales) throw new Error('A plot mark must be inside <Plot>');
  return scales;
}

function makeScale(axis: Axis, range: [number, number]): ScaleContinuousNumeric<number, number> {
  const [lo, hi] = axis.domain;
  const ok = Number.isFinite(lo) && Number.isFinite(hi) && lo !== hi && (!axis.log || (lo > 0 && hi > 0));
  const domain: [number, number] = ok ? [lo, hi] : axis.log ? [1, 10] : [0, 1];
  return axis.log ? scaleLog().domain(domain).range(range) : scaleLinear().domain(domain).range(range);
}

export const DEFAULT_MARGIN: Margin = { top: 12, right: 14, bottom: 42, left: 54 };

export interface PlotProps {
  width: number;
  height: number;
  x: Axis;
  y: Axis;
  /** Short name of the figure (read first by screen readers). */
  title: string;
  /** What the figure shows, with its key numbers: the text alternative. */
  description: string;
  /** True when the plot holds focusable marks (draggable points): it is then a group, not an image. */
  interactive?: boolean;
  margin?: Partial<Margin>;
  grid?: boolean;
  className?: string;
  children?: ReactNode;
}

export function Plot({ width, height, x, y, title, description, interactive = false, margin, grid = true, className, children }: PlotProps) {
  const id = useId().replace(/:/g, '');
  const svgRef = useRef<SVGSVGElement>(null);
  const m = { ...DEFAULT_MARGIN, ...margin };
  const inner = { left: m.left, top: m.top, width: Math.max(1, width - m.left - m.right), height: Math.max(1, height - m.top - m.bottom) };
  const scales = useMemo<PlotScales>(() => {
    const sx = makeScale(x, [inner.left, inner.left + inner.width]);
    const sy = makeScale(y, [inner.top + inner.height, inner.top]);
    return {
      x: sx,
      y: sy,
      inner,
      id,
      toData: (clientX, clientY) => toData(svgRef, sx, sy, clientX, clientY),
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the axes by their numbers; the axis objects are new at every render
  }, [x.domain[0], x.domain[1], x.log, y.domain[0], y.domain[1], y.log, width, height, m.left, m.right, m.top, m.bottom, id]);

  const xTicks = scales.x.ticks(x.ticks ?? 5);
  const yTicks = scales.y.ticks(y.ticks ?? 5);
  const fx = x.format ?? tickFormatOf(scales.x, x);
  const fy = y.format ?? tickFormatOf(scales.y, y);
  const bottom = inner.top + inner.height;
  const right = inner.left + inner.width;

  return (
    <svg
      ref={svgRef}
      className={`plot${className ? ` ${className}` : ''}`}
      viewBox={`0 0 ${width} ${height}`}
      role={interactive ? 'group' : 'img'}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-desc`}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <defs>
        <clipPath id={`${id}-clip`}>
          <rect x={inner.left} y={inner.top} width={inner.width} height={inner.height} />
        </clipPath>
      </defs>
      <g className="plot-grid" aria-hidden="true">
        {grid && xTicks.map((t) => <line key={`gx${t}`} x1={scales.x(t)} x2={scales.x(t)} y1={inner.top} y2={bottom} />)}
        {grid && yTicks.map((t) => <line key={`gy${t}`} x1={inner.left} x2={right} y1={scales.y(t)} y2={scales.y(t)} />)}
      </g>
      <g clipPath={`url(#${id}-clip)`}>
        <PlotContext value={scales}>{children}</PlotContext>
      </g>
      <g className="plot-axis" aria-hidden="true">
        <line x1={inner.left} x2={right} y1={bottom} y2={bottom} />
        <line x1={inner.left} x2={inner.left} y1={inner.top} y2={bottom} />
        {xTicks.map((t) => (
          <text key={`tx${t}`} x={scales.x(t)} y={bottom + 16} textAnchor="middle">
            {fx(t)}
          </text>
        ))}
        {yTicks.map((t) => (
          <text key={`ty${t}`} x={inner.left - 6} y={scales.y(t)} dy="0.32em" textAnchor="end">
            {fy(t)}
          </text>
        ))}
        <text className="plot-label" x={inner.left + inner.width / 2} y={height - 6} textAnchor="middle">
          {x.label}
        </text>
        <text className="plot-label" transform={`translate(14 ${inner.top + inner.height / 2}) rotate(-90)`} textAnchor="middle">
          {y.label}
        </text>
      </g>
    </svg>
  );
}

/** A number on a log axis as a reader writes it: 0.01, 200, 10⁻⁶, 2×10⁻⁶ (never SI prefixes such as "10µ"). */
export function plainNumber(v: number): string {
  if (v === 0 || !Number.isFinite(v)) return String(v);
  if (Math.abs(v) >= 1e-3 && Math.abs(v) < 1e4) return significant(v, 3);
  return scientific(v, 0, { bareOne: true });
}

function tickFormatOf(scale: ScaleContinuousNumeric<number, number>, axis: Axis): (v: number) => string {
  // A log scale labels only some of its ticks (the others get ""), with our plain format.
  return axis.log ? scale.tickFormat(axis.ticks ?? 5, plainNumber as unknown as string) : scale.tickFormat(axis.ticks ?? 5);
}

function toData(
  svgRef: RefObject<SVGSVGElement | null>,
  sx: ScaleContinuousNumeric<number, number>,
  sy: ScaleContinuousNumeric<number, number>,
  clientX: number,
  clientY: number,
): [number, number] | null {
  const svg = svgRef.current;
  const ctm = svg?.getScreenCTM();
  if (!svg || !ctm) return null;
  const p = new DOMPoint(clientX, clientY).matrixTransform(ctm.inverse());
  return [sx.invert(p.x), sy.invert(p.y)];
}
