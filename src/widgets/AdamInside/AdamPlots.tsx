// Adam's running averages and its step over all the steps, with the chosen step t marked: m beside
// m̂ and √v beside √v̂ show what the correction undoes (the start's pull towards 0), and the step
// plot shows how little its size depends on the gradient's.
import { classColor, Dots, LinePath, Plot, RuleX, RuleY } from '../kit/index.ts';
import { shortNumber } from '../kit/format.ts';
import type { AdamRun } from './adamSteps.ts';
import { adamStrings as s } from './strings.ts';

interface Series {
  name: string;
  values: number[];
  color: string;
  dashed: boolean;
  /** The class whose colour and marker shape the chosen step's dot takes (solid lines only). */
  cls?: number;
}

/** A range holding every value and 0, with a margin; never empty. */
function rangeOf(values: number[], extra: number[] = []): [number, number] {
  let lo = 0;
  let hi = 0;
  for (const v of [...values, ...extra]) {
    if (!Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (hi - lo <= 0) hi = lo + 1;
  const pad = (hi - lo) * 0.08;
  return [lo - (lo < 0 ? pad : 0), hi + pad];
}

function Legend({ series }: { series: Series[] }) {
  return (
    <ul className="plot-legend" aria-hidden="true">
      {series.map((x) => (
        <li key={x.name}>
          <svg width="24" height="10">
            <line x1="0" x2="24" y1="5" y2="5" stroke={x.color} strokeWidth="3" strokeDasharray={x.dashed ? '5 3' : undefined} />
          </svg>{' '}
          {x.name}
        </li>
      ))}
    </ul>
  );
}

const at = (values: number[]) => values.map((v, i) => [i + 1, v] as const);

function SeriesPlot({ series, t, width, height, title, description, axis, rules = [] }: { series: Series[]; t: number; width: number; height: number; title: string; description: string; axis: string; rules?: { y: number; label: string }[] }) {
  const steps = series[0].values.length;
  return (
    <div>
      <Plot width={width} height={height} x={{ domain: [1, steps], label: s.stepAxis }} y={{ domain: rangeOf(series.flatMap((x) => x.values), rules.map((r) => r.y * 1.15)), label: axis }} title={title} description={description}>
        <RuleY y={0} dashed={false} color="var(--border)" />
        {rules.map((r) => (
          <RuleY key={r.label} y={r.y} label={r.label} />
        ))}
        <RuleX x={t} color="var(--text-muted)" />
        {series.map((x) => (
          <LinePath key={x.name} points={at(x.values)} color={x.color} width={x.dashed ? 2 : 2.25} dashed={x.dashed} />
        ))}
        <Dots points={series.filter((x) => x.cls !== undefined).map((x) => ({ x: t, y: x.values[t - 1], cls: x.cls }))} size={50} />
      </Plot>
      <Legend series={series} />
    </div>
  );
}

export function MomentsPlot({ run, t, width, height }: { run: AdamRun; t: number; width: number; height: number }) {
  const sqrtV = run.v.map(Math.sqrt);
  const sqrtVHat = run.vHat.map(Math.sqrt);
  const series: Series[] = [
    { name: s.legendM, values: run.m, color: classColor(0), dashed: false, cls: 0 },
    { name: s.legendSqrtV, values: sqrtV, color: classColor(1), dashed: false, cls: 1 },
    { name: s.legendMHat, values: run.mHat, color: classColor(0), dashed: true },
    { name: s.legendSqrtVHat, values: sqrtVHat, color: classColor(1), dashed: true },
  ];
  const i = t - 1;
  return (
    <SeriesPlot
      series={series}
      t={t}
      width={width}
      height={height}
      axis={s.momentsAxis}
      title={s.momentsTitle}
      description={s.momentsDescription({ t, m: shortNumber(run.m[i]), mHat: shortNumber(run.mHat[i]), sqrtV: shortNumber(sqrtV[i]), sqrtVHat: shortNumber(sqrtVHat[i]) })}
    />
  );
}

export function StepsPlot({ run, t, corrected, eta, width, height }: { run: AdamRun; t: number; corrected: boolean; eta: number; width: number; height: number }) {
  const taken = corrected ? run.stepCorrected : run.stepUncorrected;
  const series: Series[] = [{ name: corrected ? s.legendStep : s.legendUncorrected, values: taken, color: classColor(2), dashed: false, cls: 2 }];
  if (!corrected) series.push({ name: s.legendCorrected, values: run.stepCorrected, color: 'var(--text-muted)', dashed: true });
  const i = t - 1;
  return (
    <SeriesPlot
      series={series}
      t={t}
      width={width}
      height={height}
      axis={s.stepsAxis}
      title={s.stepsTitle}
      rules={[
        { y: -eta, label: s.minusEta },
        { y: eta, label: s.plusEta },
      ]}
      description={s.stepsDescription({
        t,
        step: shortNumber(taken[i]),
        first: shortNumber(taken[0]),
        last: shortNumber(taken[taken.length - 1]),
        other: corrected ? null : shortNumber(run.stepCorrected[i]),
      })}
    />
  );
}
