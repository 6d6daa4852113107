// The learning rate on a log axis, shaded by what it does on this quadratic: too small below ½/λ,
// about right up to 1/λ, oscillating up to 2/λ, diverging beyond; 1/λ and 2/λ marked, and the
// current η as a bar. The shading moves with λ, the bar with η.
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { classColors, Plot, usePlotScales } from '../kit/index.ts';
import { SLOW_BELOW, type Regime } from './descent.ts';
import { rateStrings as s } from './strings.ts';

const ZONE_OPACITY = 0.45;
export const RATE_RANGE: [number, number] = [1e-3, 30];

/** One colour a regime (Okabe–Ito): sky blue, green, orange, purple for the edge, vermilion. */
export const regimeColors: Record<Regime, string> = {
  tooSmall: classColors[5],
  aboutRight: classColors[2],
  oscillating: classColors[3],
  edge: classColors[4],
  diverging: classColors[1],
};

const zoneOrder: Exclude<Regime, 'edge'>[] = ['tooSmall', 'aboutRight', 'oscillating', 'diverging'];

function Zones({ curvature, eta }: { curvature: number; eta: number }) {
  const { x, inner, textPx } = usePlotScales();
  const cuts = [RATE_RANGE[0] / 10, SLOW_BELOW / curvature, 1 / curvature, 2 / curvature, RATE_RANGE[1] * 10];
  const left = inner.left;
  const right = inner.left + inner.width;
  const px = (v: number) => Math.max(left, Math.min(right, x(v)));
  const mark = (v: number, label: string, anchor: 'start' | 'end') => {
    if (v < RATE_RANGE[0] || v > RATE_RANGE[1]) return null;
    const at = x(v);
    return (
      <g key={label}>
        <line x1={at} x2={at} y1={inner.top} y2={inner.top + inner.height} stroke="var(--text)" strokeWidth={1.5} strokeDasharray="4 3" />
        <text x={at + (anchor === 'start' ? 4 : -4)} y={inner.top + textPx} textAnchor={anchor} className="plot-mark-label">
          {label}
        </text>
      </g>
    );
  };
  const now = Math.max(RATE_RANGE[0], Math.min(RATE_RANGE[1], eta));
  return (
    <>
      {zoneOrder.map((z, i) => (
        <rect key={z} x={px(cuts[i])} y={inner.top} width={Math.max(0, px(cuts[i + 1]) - px(cuts[i]))} height={inner.height} fill={regimeColors[z]} opacity={ZONE_OPACITY} />
      ))}
      <line x1={x(now)} x2={x(now)} y1={inner.top} y2={inner.top + inner.height} stroke="var(--text)" strokeWidth={4} />
      <circle cx={x(now)} cy={inner.top + inner.height - 7} r={6} fill="var(--bg)" stroke="var(--text)" strokeWidth={2.5} />
      {mark(1 / curvature, s.bestMark, 'end')}
      {mark(2 / curvature, s.edgeMark, 'start')}
    </>
  );
}

/**
 * The strip's width as drawn: a plot keeps its proportions, and a strip as short on a laptop as on
 * a phone needs a width that is the one it has (480 until measured, as on the pre-rendered page).
 */
function useDrawnWidth(): [RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(480);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      const w = Math.round(el.getBoundingClientRect().width);
      if (w >= 120) setWidth((old) => (Math.abs(old - w) < 2 ? old : w));
    };
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    measure();
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

export function RateStrip({ curvature, eta, description, presenting }: { curvature: number; eta: number; description: string; presenting: boolean }) {
  const [ref, width] = useDrawnWidth();
  return (
    <div className="lrx-strip" ref={ref}>
      <Plot
        width={width}
        height={presenting ? 130 : 90}
        x={{ domain: RATE_RANGE, label: s.stripAxis, log: true }}
        y={{ domain: [0, 1], label: '', ticks: 2, format: () => '' }}
        title={s.stripTitle}
        description={description}
        margin={{ top: 4, left: 8, right: 14, bottom: 40 }}
        grid={false}
      >
        <Zones curvature={curvature} eta={eta} />
      </Plot>
      <ul className="plot-legend lrx-legend" aria-hidden="true">
        {zoneOrder.map((z) => (
          <li key={z}>
            <span className="lrx-swatch" style={{ background: regimeColors[z], opacity: ZONE_OPACITY }} /> {s.regimeNames[z]}
          </li>
        ))}
      </ul>
    </div>
  );
}
