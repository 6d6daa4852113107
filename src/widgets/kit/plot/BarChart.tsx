// Bars with their values written on them: probabilities of classes, gradient size per layer.
import { useId, useRef } from 'react';
import { scaleBand, scaleLinear, scaleLog } from 'd3-scale';
import { significant } from '../format.ts';
import { seriesColors } from '../palette.ts';
import { AxisTitles, axisTitleLines, DEFAULT_MARGIN, LINE, plainNumber, TITLE_EM, useDrawnLayout, yTitleLayout } from './Plot.tsx';

/** The size bar labels are designed at, in CSS pixels. */
const DESIGN_TEXT_PX = 12;

export interface Bar {
  label: string;
  value: number;
  /** Colour index (palette); default 0. */
  color?: number;
}

export interface BarChartProps {
  bars: readonly Bar[];
  width: number;
  height: number;
  /** Value axis: label, domain (default [0, max]) and log scale. */
  y: { label: string; domain?: readonly [number, number]; log?: boolean };
  xLabel: string;
  title: string;
  description: string;
  format?: (v: number) => string;
}

export function BarChart({ bars, width: designWidth, height: designHeight, y, xLabel, title, description, format = (v) => significant(v, 3, { trailingZeros: true, minus: '-' }) }: BarChartProps) {
  const id = useId().replace(/:/g, '');
  const svgRef = useRef<SVGSVGElement>(null);
  const { width, height, k } = useDrawnLayout(svgRef, designWidth, designHeight);
  const m = { top: DEFAULT_MARGIN.top * k, right: DEFAULT_MARGIN.right * k, bottom: DEFAULT_MARGIN.bottom * k, left: DEFAULT_MARGIN.left * k };
  // Axis titles longer than their axis take two lines, and the margin beside them grows by one.
  const xTitle = axisTitleLines(xLabel, width / (TITLE_EM * DESIGN_TEXT_PX * k));
  m.bottom += (xTitle.length - 1) * LINE * DESIGN_TEXT_PX * k;
  const yTitle = yTitleLayout(y.label, m.top, height - m.bottom, height, k);
  m.left += (yTitle.lines.length - 1) * LINE * DESIGN_TEXT_PX * k;
  const right = width - m.right;
  const bottom = height - m.bottom;
  const values = bars.map((b) => b.value).filter((v) => Number.isFinite(v));
  const max = Math.max(...values, 0);
  const positives = values.filter((v) => v > 0);
  const domain: [number, number] = y.domain
    ? [y.domain[0], y.domain[1]]
    : y.log
      ? [Math.min(...positives, 1) / 2, Math.max(...positives, 1e-12) * 2]
      : [0, max > 0 ? max * 1.12 : 1];
  const sy = y.log ? scaleLog().domain(domain).range([bottom, m.top]).clamp(true) : scaleLinear().domain(domain).range([bottom, m.top]).clamp(true);
  const sx = scaleBand<number>().domain(bars.map((_, i) => i)).range([m.left, right]).padding(0.2);
  const ticks = sy.ticks(5);
  const tickFormat = y.log ? sy.tickFormat(5, plainNumber as unknown as string) : sy.tickFormat(5);
  const texts = bars.map((b) => (Number.isFinite(b.value) ? format(b.value) : '–'));
  // A value wider than its bar is written up the bar from its foot instead of across its top, and
  // bar names too wide for their slot are written every other bar.
  const em = DESIGN_TEXT_PX * k;
  const band = sx.bandwidth() / 0.8;
  const upright = texts.some((t) => t.length * em * 0.6 > band);
  const nameStep = bars.some((b) => b.label.length * em * 0.6 > band) ? 2 : 1;
  return (
    <svg ref={svgRef} className="plot plot-bars" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-t`} aria-describedby={`${id}-d`}>
      <title id={`${id}-t`}>{title}</title>
      <desc id={`${id}-d`}>{description}</desc>
      <g className="plot-grid" aria-hidden="true">
        {ticks.map((t) => (
          <line key={t} x1={m.left} x2={right} y1={sy(t)} y2={sy(t)} />
        ))}
      </g>
      {bars.map((b, i) => {
        const v = Number.isFinite(b.value) ? b.value : 0;
        const top = sy(y.log ? Math.max(v, domain[0]) : v);
        const base = y.log ? bottom : sy(Math.max(domain[0], 0));
        return (
          <g key={i}>
            <rect x={sx(i)} y={Math.min(top, base)} width={sx.bandwidth()} height={Math.abs(base - top)} fill={seriesColors[(b.color ?? 0) % seriesColors.length]} />
            {upright ? (
              <text transform={`translate(${(sx(i) ?? 0) + sx.bandwidth() / 2} ${bottom - 4 * k}) rotate(-90)`} dy="0.32em" className="plot-bar-value">
                {texts[i]}
              </text>
            ) : (
              <text x={(sx(i) ?? 0) + sx.bandwidth() / 2} y={Math.min(top, base) - 4 * k} textAnchor="middle" className="plot-bar-value">
                {texts[i]}
              </text>
            )}
            {i % nameStep === 0 ? (
              <text x={(sx(i) ?? 0) + sx.bandwidth() / 2} y={bottom + 16 * k} textAnchor="middle" className="plot-tick">
                {b.label}
              </text>
            ) : null}
          </g>
        );
      })}
      <g className="plot-axis" aria-hidden="true">
        <line x1={m.left} x2={right} y1={bottom} y2={bottom} />
        <line x1={m.left} x2={m.left} y1={m.top} y2={bottom} />
        {ticks.map((t) => (
          <text key={t} x={m.left - 6 * k} y={sy(t)} dy="0.32em" textAnchor="end">
            {tickFormat(t)}
          </text>
        ))}
        <AxisTitles x={xTitle} y={yTitle.lines} xAt={(m.left + right) / 2} yAt={yTitle.at} width={width} height={height} k={k} />
      </g>
    </svg>
  );
}
