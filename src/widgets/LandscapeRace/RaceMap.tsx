// The contour map with the race on it: the surface (drawn once per landscape: memoised, so a frame
// of the race repaints only the racers), the minima and saddle points, each racer's path on a halo,
// its current point as its marker, and an arrow for the step it takes next.
import { memo } from 'react';
import { Contours, usePlotScales } from '../kit/index.ts';
import type { Point } from './landscapes.ts';
import type { RacerView } from './race.ts';
import { markerPath, RACER_STYLES } from './racerStyle.ts';
import { SURFACE_GRID } from './surface.ts';

/** The filled contours: recomputed only when the landscape's grid or levels change. */
export const Surface = memo(function Surface({ values, levels }: { values: number[]; levels: number[] }) {
  return <Contours values={values} cols={SURFACE_GRID} rows={SURFACE_GRID} thresholds={levels} />;
});

const finite = (...vs: number[]) => vs.every(Number.isFinite);

/** ✕ at each minimum, ◇ at each saddle point, on a halo of the page's colour. */
export function LandscapeMarks({ minima, saddles, size }: { minima: readonly Point[]; saddles: readonly Point[]; size: number }) {
  const { x, y } = usePlotScales();
  const cross = (px: number, py: number) => `M${px - size},${py - size}L${px + size},${py + size}M${px - size},${py + size}L${px + size},${py - size}`;
  const diamond = (px: number, py: number) => `M${px},${py - size * 1.3}L${px + size * 1.3},${py}L${px},${py + size * 1.3}L${px - size * 1.3},${py}Z`;
  const paths = [...minima.map((p) => cross(x(p[0]), y(p[1]))), ...saddles.map((p) => diamond(x(p[0]), y(p[1])))].join('');
  return (
    <g className="lr-marks" aria-hidden="true" fill="none">
      <path d={paths} stroke="var(--bg, #fff)" strokeWidth={5} strokeLinejoin="round" />
      <path d={paths} stroke="var(--text, #000)" strokeWidth={2} />
    </g>
  );
}

/** Longest arrow drawn (px): a diverging racer's next step may be far outside the plot, which clips it. */
const LONGEST = 2000;

function Arrow({ from, to: target, color }: { from: [number, number]; to: [number, number]; color: string }) {
  const full = Math.hypot(target[0] - from[0], target[1] - from[1]);
  if (!(full >= 2)) return null;
  const cut = Math.min(1, LONGEST / full);
  const to = [from[0] + (target[0] - from[0]) * cut, from[1] + (target[1] - from[1]) * cut];
  const dx = to[0] - from[0];
  const dy = to[1] - from[1];
  const length = Math.hypot(dx, dy);
  // A head up to 9 px long, never longer than half the arrow.
  const head = Math.min(9, length / 2);
  const ux = dx / length;
  const uy = dy / length;
  const bx = to[0] - ux * head;
  const by = to[1] - uy * head;
  const side = head * 0.55;
  const tip = `M${to[0]},${to[1]}L${bx - uy * side},${by + ux * side}L${bx + uy * side},${by - ux * side}Z`;
  const shaft = `M${from[0]},${from[1]}L${bx},${by}`;
  return (
    <g className="lr-arrow">
      <path d={shaft} stroke="var(--bg, #fff)" strokeWidth={5} />
      <path d={tip} fill="var(--bg, #fff)" stroke="var(--bg, #fff)" strokeWidth={3} strokeLinejoin="round" />
      <path d={shaft} stroke={color} strokeWidth={2} />
      <path d={tip} fill={color} />
    </g>
  );
}

/** Every racer's path, marker and next step. */
export function Racers({ racers, markerSize }: { racers: readonly RacerView[]; markerSize: number }) {
  const { x, y } = usePlotScales();
  return (
    <g className="lr-racers-drawn" aria-hidden="true">
      {racers.map((r) => {
        const style = RACER_STYLES[r.kind];
        const pts = r.trail.map((p) => [x(p[0]), y(p[1])] as [number, number]).filter((p) => finite(p[0], p[1]));
        if (!pts.length) return null;
        const d = `M${pts.map((p) => `${p[0].toFixed(1)},${p[1].toFixed(1)}`).join('L')}`;
        const here = pts[pts.length - 1];
        const last = r.trail[r.trail.length - 1];
        const next: [number, number] | null = r.next ? [x(last[0] + r.next[0]), y(last[1] + r.next[1])] : null;
        return (
          <g key={r.kind} className={`lr-racer-${r.kind}`}>
            <path d={d} fill="none" stroke="var(--bg, #fff)" strokeOpacity={0.85} strokeWidth={5} strokeLinejoin="round" />
            <path d={d} fill="none" stroke={style.color} strokeWidth={2.25} strokeDasharray={style.dash} strokeLinejoin="round" />
            {next && finite(next[0], next[1]) ? <Arrow from={here} to={next} color={style.color} /> : null}
            <path d={markerPath(r.kind, markerSize)} transform={`translate(${here[0]} ${here[1]})`} fill={style.color} stroke="var(--bg, #fff)" strokeWidth={1.5} />
          </g>
        );
      })}
    </g>
  );
}
