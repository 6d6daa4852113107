// Bars with their values written on them: probabilities of classes, gradient size per layer.
import { useId } from 'react';
import { scaleBand, scaleLinear, scaleLog } from 'd3-scale';
import { significant } from '../format.ts';
import { seriesColors } from '../palette.ts';
import { DEFAULT_MARGIN, plainNumber } from './Plot.tsx';

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

export function BarChart({ bars, width, height, y, xLabel, title, description, format = (v) => significant(v, 3, { trailingZeros: true, minus: '-' }) }: BarChartProps) {
  const id = useId().replace(/:/g, '');
  const m = DEFAULT_MARGIN;
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
  return (
    <svg className="plot plot-bars" viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-t`} aria-describedby={`${id}-d`}>
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
            <text x={(sx(i) ?? 0) + sx.bandwidth() / 2} y={Math.min(top, base) - 4} textAnchor="middle" className="plot-bar-value">
              {Number.isFinite(b.value) ? format(b.value) : '–'}
            </text>
            <text x={(sx(i) ?? 0) + sx.bandwidth() / 2} y={bottom + 16} textAnchor="middle" className="plot-tick">
              {b.label}
            </text>
          </g>
        );
      })}
      <g className="plot-axis" aria-hidden="true">
        <line x1={m.left} x2={right} y1={bottom} y2={bottom} />
        <line x1={m.left} x2={m.left} y1={m.top} y2={bottom} />
        {ticks.map((t) => (
          <text key={t} x={m.left - 6} y={sy(t)} dy="0.32em" textAnchor="end">
            {tickFormat(t)}
          </text>
        ))}
        <text className="plot-label" x={(m.left + right) / 2} y={height - 6} textAnchor="middle">
          {xLabel}
        </text>
        <text className="plot-label" transform={`translate(14 ${(m.top + bottom) / 2}) rotate(-90)`} textAnchor="middle">
          {y.label}
        </text>
      </g>
    </svg>
  );
}
