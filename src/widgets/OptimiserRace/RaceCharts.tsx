// The race's pictures: each racer's mark (its colour, marker and dash), the smoothed training loss
// on a log scale, the test accuracy on fixed axes (0–100 % over the whole run, so the curves grow
// into a frame that does not move), and the schedule's factor with where the run is now.
import { symbol } from 'd3-shape';
import { classSymbols, Dots, LinePath, Plot, RuleX, RuleY, seriesColors } from '../kit/index.ts';
import { count, percent, significant } from '../kit/format.ts';
import { scheduleCurve, scheduleFactor, type RunSchedule } from '../../models/training/runSchedule.ts';
import { BATCH, DASHES, EVAL_DIGITS, MAX_SAMPLES, TOTAL_STEPS, type Racer, type RacerResult } from './race.ts';
import { raceStrings as s } from './strings.ts';

/** The loss axis: from a trained network's loss to above the untrained one's (ln 10 ≈ 2.3); a diverging curve leaves it at the top. */
const LOSS_DOMAIN = [0.1, 5] as const;
const xAxis = { domain: [0, MAX_SAMPLES] as const, label: s.imagesX, ticks: 4, format: (v: number) => count(v) };

/** A racer's mark: its line's dash and its marker, in its colour. */
export function RacerMark({ k, size = 28 }: { k: number; size?: number }) {
  return (
    <svg width={size} height="12" aria-hidden="true" className="or-mark">
      <line x1="0" x2={size} y1="6" y2="6" stroke={seriesColors[k]} strokeWidth="2.5" strokeDasharray={DASHES[k]} />
      <path d={symbol(classSymbols[k], 40)() ?? ''} transform={`translate(${size / 2} 6)`} fill={seriesColors[k]} stroke="var(--bg, #fff)" strokeWidth="1" />
    </svg>
  );
}

const nameOf = (kind: Racer) => s.names[kind];

export function LossPlot({ results, presenting }: { results: RacerResult[]; presenting: boolean }) {
  const described = results.filter((r) => r.loss.length > 0);
  const description = s.lossDescription(described.map((r) => s.lossPart(nameOf(r.kind), r.loss.at(-1)![0], significant(r.loss.at(-1)![1], 3))).join('; '));
  return (
    <Plot width={presenting ? 520 : 420} height={presenting ? 300 : 240} x={xAxis} y={{ domain: LOSS_DOMAIN, label: s.lossY, log: true, ticks: 3 }} title={s.lossTitle} description={description}>
      {results.map((r, k) => (
        <LinePath key={r.kind} points={r.loss} color={seriesColors[k]} dash={DASHES[k]} width={presenting ? 3 : 2} />
      ))}
      <Dots points={results.flatMap((r, k) => (r.loss.length && !r.stop ? [{ x: r.loss.at(-1)![0], y: r.loss.at(-1)![1], cls: k }] : []))} size={presenting ? 90 : 56} />
    </Plot>
  );
}

export function AccuracyPlot({ results, presenting }: { results: RacerResult[]; presenting: boolean }) {
  const parts = results.filter((r) => r.accuracy.length > 0).map((r) => s.accuracyPart(nameOf(r.kind), r.accuracy.map(([x, a]) => s.accuracyPoint(x, a)).join(', ')));
  return (
    <Plot width={presenting ? 520 : 420} height={presenting ? 300 : 240} x={xAxis} y={{ domain: [0, 1], label: s.accuracyY, format: (v) => percent(v, 0) }} title={s.accuracyTitle} description={s.accuracyDescription(EVAL_DIGITS, parts.join('; '))}>
      {results.map((r, k) => (
        <LinePath key={r.kind} points={r.accuracy} color={seriesColors[k]} dash={DASHES[k]} width={presenting ? 3 : 2} />
      ))}
      <Dots points={results.flatMap((r, k) => r.accuracy.map(([x, y]) => ({ x, y, cls: k })))} size={presenting ? 60 : 36} />
    </Plot>
  );
}

/** The schedule's factor over the run, small, under the control that picks it: its shape, and where the run is now. */
export function SchedulePlot({ schedule, samples, presenting }: { schedule: RunSchedule; samples: number; presenting: boolean }) {
  const curve = scheduleCurve(schedule, TOTAL_STEPS).map(([step, f]) => [step * BATCH, f] as [number, number]);
  const step = Math.min(TOTAL_STEPS, Math.round(samples / BATCH));
  const now = samples > 0 ? significant(scheduleFactor(schedule, step, TOTAL_STEPS), 2) : null;
  return (
    <Plot
      width={240}
      height={presenting ? 70 : 56}
      x={{ domain: [0, MAX_SAMPLES], label: s.imagesX }}
      y={{ domain: [-0.04, 1.04], label: s.scheduleY }}
      title={s.scheduleTitle}
      description={s.scheduleDescription(s.schedules[schedule], MAX_SAMPLES, now)}
      margin={{ left: 4, right: 4, top: 4, bottom: 4 }}
      grid={false}
      axes={false}
      className="or-schedule-plot"
    >
      <RuleY y={0} dashed={false} color="var(--border, #8886)" />
      <LinePath points={curve} color="var(--accent)" width={presenting ? 3 : 2} />
      {samples > 0 ? <RuleX x={samples} /> : null}
    </Plot>
  );
}
