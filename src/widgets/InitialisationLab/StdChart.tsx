// The spread of the activations and of the gradients per layer as two lines on a log axis: a
// straight falling or rising line is a geometric vanishing or explosion, a level one a network
// that starts in good health. Layers whose spread is 0 or not finite leave a gap.
import { Band, Dots, LinePath, Plot, classColor } from '../kit/index.ts';

/** The log axis: whole powers of ten around every finite positive spread, at least three of them. */
export function stdDomain(series: readonly (readonly number[])[]): [number, number] {
  const values = series.flat().filter((v) => v > 0 && Number.isFinite(v));
  if (values.length === 0) return [1e-3, 1];
  let lo = Math.floor(Math.log10(Math.min(...values)));
  let hi = Math.ceil(Math.log10(Math.max(...values)));
  if (hi === lo) hi += 1;
  while (hi - lo < 3) {
    lo -= 1;
    if (hi - lo < 3) hi += 1;
  }
  return [10 ** lo, 10 ** hi];
}

const drawable = (v: number) => (v > 0 && Number.isFinite(v) ? v : NaN);

export interface StdChartProps {
  activations: readonly number[];
  gradients: readonly number[];
  overflowFrom: number | null;
  overflowLabel: string;
  xLabel: string;
  yLabel: string;
  title: string;
  description: string;
  width: number;
  height: number;
  markers: boolean;
}

export function StdChart(p: StdChartProps) {
  const depth = p.activations.length;
  const line = (values: readonly number[]) => values.map((v, k) => [k + 1, drawable(v)] as const);
  const dots = (values: readonly number[], cls: number) => values.map((v, k) => ({ x: k + 1, y: drawable(v), cls }));
  return (
    <Plot
      width={p.width}
      height={p.height}
      x={{ domain: [depth > 1 ? 1 : 0.5, depth > 1 ? depth : 1.5], label: p.xLabel, ticks: Math.min(depth, 6), format: (v) => (Number.isInteger(v) ? String(v) : '') }}
      y={{ domain: stdDomain([p.activations, p.gradients]), label: p.yLabel, log: true, ticks: 5 }}
      title={p.title}
      description={p.description}
      margin={{ left: 48, bottom: 38, right: 12 }}
    >
      {p.overflowFrom !== null ? <Band x0={p.overflowFrom - 0.5} x1={depth + 0.5} label={p.overflowLabel} /> : null}
      <LinePath points={line(p.activations)} color={classColor(0)} width={2.5} />
      <LinePath points={line(p.gradients)} color={classColor(1)} width={2.5} dashed />
      {p.markers || depth === 1 ? <Dots points={[...dots(p.activations, 0), ...dots(p.gradients, 1)]} size={p.markers ? 36 : 48} /> : null}
    </Plot>
  );
}
