// One violin per hidden layer, depth along x: how a layer's values are spread over the y axis
// (the activations themselves, or the gradients' sizes on a log axis). A violin's width at a
// height grows with the square root of the share of values there, so a layer with half its values
// at one spot (ReLU's zeros) still shows the rest; each violin is scaled to its own widest point.
import { area, curveBasis } from 'd3-shape';
import { Band, Plot, PlotText, usePlotScales } from '../kit/index.ts';
import { shortNumber } from '../kit/format.ts';

/** Half a violin's widest point, in layers. */
const HALF_WIDTH = 0.42;

function Violins({ bins, lo, hi, log, color }: { bins: readonly number[][]; lo: number; hi: number; log: boolean; color: string }) {
  const { x, y } = usePlotScales();
  const shapes = bins.map((shares, k) => {
    const peak = Math.max(0, ...shares);
    if (!(peak > 0)) return null;
    const step = (hi - lo) / shares.length;
    // The bins that hold anything, with one empty bin either side so the outline closes.
    const first = Math.max(0, shares.findIndex((v) => v > 0) - 1);
    const last = Math.min(shares.length - 1, shares.length - [...shares].reverse().findIndex((v) => v > 0));
    const points = [];
    for (let j = first; j <= last; j++) {
      const centre = lo + (j + 0.5) * step;
      points.push({ at: log ? 10 ** centre : centre, half: HALF_WIDTH * Math.sqrt(shares[j] / peak) });
    }
    const path = area<{ at: number; half: number }>()
      .y((p) => y(p.at))
      .x0((p) => x(k + 1 - p.half))
      .x1((p) => x(k + 1 + p.half))
      .curve(curveBasis)(points);
    return path ? <path key={k} d={path} fill={color} fillOpacity={0.8} stroke={color} strokeWidth={0.75} /> : null;
  });
  return <g className="init-violins">{shapes}</g>;
}

export interface LayerViolinsProps {
  bins: readonly number[][];
  /** The values' axis: [lo, hi], in powers of ten when `log`. */
  lo: number;
  hi: number;
  log: boolean;
  color: string;
  yLabel: string;
  xLabel: string;
  title: string;
  description: string;
  /** First layer (1-based) whose values are not finite, shaded and labelled from there on. */
  overflowFrom: number | null;
  overflowLabel: string;
  /** Said in the middle of the plot when nothing can be drawn. */
  empty: string | null;
  width: number;
  height: number;
}

export function LayerViolins(p: LayerViolinsProps) {
  const depth = p.bins.length;
  const yDomain: [number, number] = p.log ? [10 ** p.lo, 10 ** p.hi] : [p.lo, p.hi];
  const mid = p.log ? 10 ** ((p.lo + p.hi) / 2) : (p.lo + p.hi) / 2;
  return (
    <Plot
      width={p.width}
      height={p.height}
      x={{ domain: [0.5, depth + 0.5], label: p.xLabel, ticks: Math.min(depth, 6), format: (v) => (Number.isInteger(v) ? String(v) : '') }}
      y={{ domain: yDomain, label: p.yLabel, log: p.log, ticks: 4, format: p.log ? undefined : (v) => shortNumber(v) }}
      title={p.title}
      description={p.description}
      margin={{ left: 48, bottom: 38, right: 10 }}
    >
      <Violins bins={p.bins} lo={p.lo} hi={p.hi} log={p.log} color={p.color} />
      {p.overflowFrom !== null ? <Band x0={p.overflowFrom - 0.5} x1={depth + 0.5} label={p.overflowLabel} /> : null}
      {p.empty ? (
        <PlotText x={(depth + 1) / 2} y={mid} anchor="middle">
          {p.empty}
        </PlotText>
      ) : null}
    </Plot>
  );
}
