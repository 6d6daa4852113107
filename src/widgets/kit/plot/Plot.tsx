// A plot: an SVG with linear (or log) axes from d3-scale, tick labels, grid lines, a title and a
// description for screen readers, and a context that gives marks (marks.tsx, HeatMap, Contours,
// DraggablePoint) the scales. The SVG fills its container's width at the proportions it is given
// (`width` × `height`), and is laid out again at the size it is drawn, so its labels keep their
// size and their room on a phone, a laptop and a projector (useDrawnLayout).
import { createContext, useContext, useId, useLayoutEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
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
  /** The size labels are drawn at, in SVG units (12, or more when presenting): for fitting labels. */
  textPx: number;
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

/** The size labels are designed at: margins and label offsets are for 12-px text. */
const DESIGN_TEXT = 12;

export interface DrawnLayout {
  /** The drawing's width and height in SVG units: its drawn size in CSS pixels once measured. */
  width: number;
  height: number;
  /** How much larger than designed its text is drawn (1, or more when presenting): margins and offsets grow by it. */
  k: number;
}

/**
 * The layout of a drawing designed at `width` × `height`, redone at the size it is drawn (the same
 * proportions, so its height never jumps): SVG units are then CSS pixels, and text drawn at its
 * CSS size, 12 px or the larger size presenting asks for (widgets.css), has the room it needs.
 * Before it is measured (the pre-rendered page) the design size is used.
 */
export function useDrawnLayout(ref: RefObject<SVGSVGElement | null>, width: number, height: number): DrawnLayout {
  const [drawn, setDrawn] = useState<{ width: number; text: number } | null>(null);
  const aspect = useRef(height / width);
  aspect.current = height / width;
  useLayoutEffect(() => {
    const svg = ref.current;
    if (!svg || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      // A figure's CSS may cap the drawing's height: it is then drawn narrower than its box.
      const box = svg.getBoundingClientRect();
      const capped = aspect.current > 0 ? box.height / aspect.current : box.width;
      const w = Math.round(capped < box.width - 2 ? capped : box.width);
      if (w < 40) return;
      const style = getComputedStyle(svg);
      const text = Math.max(parseFloat(style.getPropertyValue('--text-size')) || DESIGN_TEXT, parseFloat(style.getPropertyValue('--min-text')) || DESIGN_TEXT);
      // A pixel either way is rounding (the height is rounded too): taking it could go back and forth.
      setDrawn((d) => (d && Math.abs(d.width - w) < 2 && d.text === text ? d : { width: w, text }));
    };
    const observer = new ResizeObserver(measure);
    observer.observe(svg);
    // Presenting changes the text's minimum; the drawing's size may have changed before it did.
    const frame = svg.closest('[data-widget]');
    const presenting = frame && typeof MutationObserver !== 'undefined' ? new MutationObserver(measure) : null;
    if (frame) presenting?.observe(frame, { attributes: true, attributeFilter: ['data-presenting'] });
    measure();
    return () => {
      observer.disconnect();
      presenting?.disconnect();
    };
  }, [ref]);
  if (!drawn || !(width > 0) || !(height > 0)) return { width, height, k: 1 };
  return { width: drawn.width, height: Math.round((height * drawn.width) / width), k: Math.max(1, drawn.text / DESIGN_TEXT) };
}

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
  /** Draw the axes, their ticks and titles (default); a thumbnail leaves them out. */
  axes?: boolean;
  className?: string;
  children?: ReactNode;
}

export function Plot({ width: designWidth, height: designHeight, x, y, title, description, interactive = false, margin, grid = true, axes = true, className, children }: PlotProps) {
  const id = useId().replace(/:/g, '');
  const svgRef = useRef<SVGSVGElement>(null);
  const { width, height, k } = useDrawnLayout(svgRef, designWidth, designHeight);
  const given = { ...DEFAULT_MARGIN, ...margin };
  const m = { top: given.top * k, right: given.right * k, bottom: given.bottom * k, left: given.left * k };
  // Axis titles longer than their axis take two lines, and the margin beside them grows by one.
  const xTitle = axisTitleLines(x.label, width / (TITLE_EM * DESIGN_TEXT * k));
  if (axes) m.bottom += (xTitle.length - 1) * LINE * DESIGN_TEXT * k;
  // The y ticks depend on the axis's height only: the left margin widens, if need be, to hold the
  // widest tick label and, beside it, the axis title (0.6 em a character, a generous estimate).
  const yTickCount = Math.max(2, Math.min(y.ticks ?? 5, Math.floor((height - m.top - m.bottom) / (28 * k))));
  const yProbe = makeScale(y, [1, 0]);
  const yFormat = y.format ?? tickFormatOf(yProbe, y);
  const widestY = Math.max(0, ...yProbe.ticks(yTickCount).map((t) => yFormat(t).length)) * 0.6 * DESIGN_TEXT * k;
  const yTitle = yTitleLayout(y.label, m.top, height - m.bottom, height, k);
  if (axes) m.left = Math.max(m.left, widestY + 28 * k + (yTitle.lines.length - 1) * LINE * DESIGN_TEXT * k);
  const inner = { left: m.left, top: m.top, width: Math.max(1, width - m.left - m.right), height: Math.max(1, height - m.top - m.bottom) };
  const scales = useMemo<PlotScales>(() => {
    const sx = makeScale(x, [inner.left, inner.left + inner.width]);
    const sy = makeScale(y, [inner.top + inner.height, inner.top]);
    return {
      x: sx,
      y: sy,
      inner,
      id,
      textPx: DESIGN_TEXT * k,
      toData: (clientX, clientY) => toData(svgRef, sx, sy, clientX, clientY),
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the axes by their numbers; the axis objects are new at every render
  }, [x.domain[0], x.domain[1], x.log, y.domain[0], y.domain[1], y.log, width, height, m.left, m.right, m.top, m.bottom, id, k]);

  // Fewer ticks where the axis is short for its labels (a phone), never more than asked.
  const xTicks = scales.x.ticks(Math.max(2, Math.min(x.ticks ?? 5, Math.floor(inner.width / (56 * k)))));
  const yTicks = scales.y.ticks(yTickCount);
  const fx = x.format ?? tickFormatOf(scales.x, x);
  const fy = y.format ?? tickFormatOf(scales.y, y);
  const bottom = inner.top + inner.height;
  const right = inner.left + inner.width;
  // The lowest y label and the leftmost x label meet at the corner: the y one gives way.
  const cornerTaken = xTicks.some((t) => scales.x(t) - inner.left < 24 * k);
  // Labels closer than a line of text to the last one kept give way (a log axis within one decade
  // labels every tick: 2, 3, 4, 5, 6 crowd together on a short axis).
  const yLabelled = spaced(
    yTicks.filter((t) => !(cornerTaken && bottom - scales.y(t) < 10 * k) && fy(t) !== ''),
    (t) => scales.y(t),
    () => 1.15 * DESIGN_TEXT * k,
  );
  // Centred labels: their half widths (0.6 em a character) and a gap of 0.8 em between them.
  const halfWidth = (t: number) => 0.3 * fx(t).length * DESIGN_TEXT * k;
  // A label at either end stays within the drawing, where a tick at its edge would centre it half outside.
  const xLabelAt = (t: number) => Math.max(halfWidth(t), Math.min(width - halfWidth(t), scales.x(t)));
  const xLabelled = spaced(
    xTicks.filter((t) => fx(t) !== ''),
    (t) => scales.x(t),
    (a, b) => halfWidth(a) + halfWidth(b) + 0.8 * DESIGN_TEXT * k,
  );

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
      {axes ? (
        <g className="plot-axis" aria-hidden="true">
          <line x1={inner.left} x2={right} y1={bottom} y2={bottom} />
          <line x1={inner.left} x2={inner.left} y1={inner.top} y2={bottom} />
          {xLabelled.map((t) => (
            <text key={`tx${t}`} x={xLabelAt(t)} y={bottom + 16 * k} textAnchor="middle">
              {fx(t)}
            </text>
          ))}
          {yLabelled.map((t) => (
            <text key={`ty${t}`} x={inner.left - 6 * k} y={scales.y(t)} dy="0.32em" textAnchor="end">
              {fy(t)}
            </text>
          ))}
          <AxisTitles x={xTitle} y={yTitle.lines} xAt={inner.left + inner.width / 2} yAt={yTitle.at} width={width} height={height} k={k} />
        </g>
      ) : null}
    </svg>
  );
}

/** An axis title's width per character, in ems (bold; generous, as the tick labels' 0.6 is). */
export const TITLE_EM = 0.62;
/** The distance between an axis title's two lines, in ems. */
export const LINE = 1.15;

/**
 * The y axis's title runs up the axis (from `top` to `bottom` of the drawing's `height`), centred
 * on it. Where it is longer than the room about that centre (a short chart, presenting), it is
 * centred on the whole drawing's height instead, and where it is longer than that, two lines.
 * Returns its lines and where it is centred.
 */
export function yTitleLayout(label: string, top: number, bottom: number, height: number, k: number): { lines: string[]; at: number } {
  const em = TITLE_EM * DESIGN_TEXT * k;
  const middle = (top + bottom) / 2;
  const aroundAxis = (2 * Math.min(middle, height - middle)) / em;
  const lines = axisTitleLines(label, height / em);
  const longest = Math.max(...lines.map((line) => line.length));
  return { lines, at: longest <= aroundAxis ? middle : height / 2 };
}

/** Both axis titles, each in the lines given: the x one under the axis, the y one up its left. */
export function AxisTitles({ x, y, xAt: centre, yAt, width, height, k }: { x: string[]; y: string[]; xAt: number; yAt: number; width: number; height: number; k: number }) {
  // Centred under the axis, but moved in where that would take it past the drawing's edge.
  const half = (Math.max(...x.map((line) => line.length)) * TITLE_EM * DESIGN_TEXT * k) / 2;
  const xAt = Math.max(Math.min(centre, width - half), Math.min(half, width / 2));
  return (
    <>
      <text className="plot-label" x={xAt} y={height - 6 * k - (x.length - 1) * LINE * DESIGN_TEXT * k} textAnchor="middle">
        {x.map((line, i) => (
          <tspan key={i} x={xAt} dy={i === 0 ? 0 : `${LINE}em`}>
            {line}
          </tspan>
        ))}
      </text>
      <text className="plot-label" transform={`translate(${14 * k} ${yAt}) rotate(-90)`} textAnchor="middle">
        {y.map((line, i) => (
          <tspan key={i} x={0} dy={i === 0 ? 0 : `${LINE}em`}>
            {line}
          </tspan>
        ))}
      </text>
    </>
  );
}

/**
 * An axis title as one line, or two when it is longer than `room` characters (and has a space to
 * break at): before its parenthesis, "(log scale)", where both lines then fit, else at the space
 * nearest its middle.
 */
export function axisTitleLines(label: string, room: number): string[] {
  if (label.length <= room) return [label];
  const split = (at: number) => [label.slice(0, at), label.slice(at + 1)];
  const aside = label.lastIndexOf(' (');
  if (aside > 0 && Math.max(aside, label.length - aside - 1) <= room) return split(aside);
  const middle = label.length / 2;
  let at = -1;
  for (let i = label.indexOf(' '); i >= 0; i = label.indexOf(' ', i + 1)) if (at < 0 || Math.abs(i - middle) < Math.abs(at - middle)) at = i;
  return at < 0 ? [label] : split(at);
}

/**
 * The ticks whose labels keep clear of each other: taken in order along the axis, each kept when it
 * is at least `room(it, last)` from the last one kept.
 */
function spaced(ticks: readonly number[], at: (t: number) => number, room: (a: number, b: number) => number): number[] {
  const kept: number[] = [];
  for (const t of [...ticks].sort((a, b) => at(a) - at(b))) {
    const last = kept[kept.length - 1];
    if (last === undefined || Math.abs(at(t) - at(last)) >= room(t, last)) kept.push(t);
  }
  return kept;
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
