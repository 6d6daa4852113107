// The racers' losses against the step, side by side: f − f_min on a log scale where the minimum is
// known (values below the floor drawn at it), f itself for a typed surface (a log scale only while
// every value is positive). Each racer keeps its colour, dash and marker from the map.
import { Plot, usePlotScales } from '../kit/index.ts';
import type { RaceView, RacerView } from './race.ts';
import { ARRIVED } from './race.ts';
import { markerPath, RACER_STYLES } from './racerStyle.ts';
import { raceStrings as s } from './strings.ts';

/** The lowest value drawn on the log scale: below where a racer stops. */
export const LOSS_FLOOR = ARRIVED / 10;

/** The y axis for these losses: its domain, and whether it is logarithmic. */
export function lossAxis(racers: readonly RacerView[], known: boolean): { domain: [number, number]; log: boolean } {
  const all = racers.flatMap((r) => r.losses).filter(Number.isFinite);
  const log = known || (all.length > 0 && all.every((v) => v > 0));
  if (!all.length) return { domain: log ? [LOSS_FLOOR, 1] : [0, 1], log };
  const hi = Math.max(...all);
  const lo = Math.min(...all);
  if (log) {
    // At least two powers of ten, so that the axis labels whole decades rather than crowded steps.
    const top = Math.max(hi, LOSS_FLOOR) * 2;
    return { domain: [Math.min(Math.max(lo, LOSS_FLOOR) / 2, top / 100), top], log };
  }
  const pad = (hi - lo || 1) * 0.05;
  return { domain: [lo - pad, hi + pad], log };
}

function Curves({ racers, log, markerSize }: { racers: readonly RacerView[]; log: boolean; markerSize: number }) {
  const { x, y } = usePlotScales();
  return (
    <g aria-hidden="true">
      {racers.map((r) => {
        if (!r.losses.length) return null;
        const style = RACER_STYLES[r.kind];
        const pts = r.losses.map((v, i) => [x(i), y(log ? Math.max(v, LOSS_FLOOR) : v)] as const).filter((p) => Number.isFinite(p[0]) && Number.isFinite(p[1]));
        if (!pts.length) return null;
        const last = pts[pts.length - 1];
        return (
          <g key={r.kind}>
            <path d={`M${pts.map((p) => `${p[0].toFixed(1)},${p[1].toFixed(1)}`).join('L')}`} fill="none" stroke={style.color} strokeWidth={2} strokeDasharray={style.dash} strokeLinejoin="round" />
            <path d={markerPath(r.kind, markerSize)} transform={`translate(${last[0]} ${last[1]})`} fill={style.color} stroke="var(--bg, #fff)" strokeWidth={1} />
          </g>
        );
      })}
    </g>
  );
}

export function RaceLosses({ view, known, width, height, description }: { view: RaceView | null; known: boolean; width: number; height: number; description: string }) {
  const racers = view?.racers ?? [];
  const axis = lossAxis(racers, known);
  const lastStep = Math.max(10, view?.step ?? 0);
  return (
    <Plot
      width={width}
      height={height}
      x={{ domain: [0, lastStep], label: s.stepAxis }}
      y={{ domain: axis.domain, label: known ? s.lossAxis : axis.log ? s.lossAxisTypedLog : s.lossAxisTyped, log: axis.log }}
      title={known ? s.lossTitle : s.lossTitleTyped}
      description={description}
    >
      <Curves racers={racers} log={axis.log} markerSize={width > 400 ? 70 : 48} />
    </Plot>
  );
}
