// (b) The chosen unit's running mean and running variance after each training batch, from the
// fresh layer's 0 and 1, with the population's values as dashed reference lines and the path the
// momentum rule gives on average, population + (start − population)·(1 − m)ᵏ, dotted. The top of
// the axis leaves room for the reference lines' labels.
import { classColor, Dots, LinePath, Plot, RuleY } from '../kit/index.ts';
import { readable, significant } from '../kit/format.ts';
import { expectedRunningStat } from './chapterNumbers.ts';
import { UNIT_MEANS, UNIT_VARIANCES } from './population.ts';
import { batchNormStrings as s } from './strings.ts';

const MEAN_COLOR = classColor(0);
const VAR_COLOR = classColor(1);

interface Props {
  /** Row k: every unit's statistic after k updates. */
  runningMean: number[][];
  runningVar: number[][];
  unit: number;
  momentum: number;
  /** The layer refused every batch (a batch of one): nothing to expect. */
  refused: boolean;
  width: number;
  height: number;
}

function Legend({ expected }: { expected: boolean }) {
  const items = [
    { name: s.legendMean, color: MEAN_COLOR, dash: undefined },
    { name: s.legendVar, color: VAR_COLOR, dash: '6 4' },
    ...(expected ? [{ name: s.legendExpected, color: 'var(--text-muted)', dash: '1 4' }] : []),
  ];
  return (
    <ul className="plot-legend" aria-hidden="true">
      {items.map((x) => (
        <li key={x.name}>
          <svg width="24" height="10">
            <line x1="0" x2="24" y1="5" y2="5" stroke={x.color} strokeWidth="3" strokeDasharray={x.dash} strokeLinecap="round" />
          </svg>{' '}
          {x.name}
        </li>
      ))}
    </ul>
  );
}

export function RunningPanel({ runningMean, runningVar, unit, momentum, refused, width, height }: Props) {
  const u = unit + 1;
  const k = runningMean.length - 1;
  const mean = runningMean.map((row) => row[unit]);
  const variance = runningVar.map((row) => row[unit]);
  const popMean = UNIT_MEANS[unit];
  const popVar = UNIT_VARIANCES[unit];
  const last = Math.max(20, k);
  const steps = Array.from({ length: last + 1 }, (_, i) => i);
  const expMean = steps.map((i) => [i, expectedRunningStat(i, momentum, popMean, mean[0])] as const);
  const expVar = steps.map((i) => [i, expectedRunningStat(i, momentum, popVar, variance[0])] as const);
  const all = [...mean, ...variance, popMean, popVar, 0, 1];
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const range = hi - lo || 1;
  const fmt = (v: number) => significant(v, 3);
  return (
    <div className="bni-running">
      <h4 className="bni-caption">{s.runningCaption}</h4>
      <Plot
        width={width}
        height={height}
        x={{ domain: [0, last], label: s.batchesAxis }}
        y={{ domain: [lo - 0.06 * range, hi + 0.2 * range], label: s.statAxis }}
        title={s.runningTitle(u)}
        description={s.runningDescription({
          u,
          k,
          mean: fmt(mean[k]),
          variance: fmt(variance[k]),
          popMean: fmt(popMean),
          popVar: fmt(popVar),
          expMean: fmt(expectedRunningStat(k, momentum, popMean, mean[0])),
          expVar: fmt(expectedRunningStat(k, momentum, popVar, variance[0])),
        })}
      >
        <RuleY y={popMean} color={MEAN_COLOR} label={s.populationMean(fmt(popMean))} />
        <RuleY y={popVar} color={VAR_COLOR} label={s.populationVar(fmt(popVar))} />
        {refused ? null : <LinePath points={expMean} color="var(--text-muted)" width={1.5} dash="1 4" />}
        {refused ? null : <LinePath points={expVar} color="var(--text-muted)" width={1.5} dash="1 4" />}
        <LinePath points={mean.map((v, i) => [i, v] as const)} color={MEAN_COLOR} width={2.25} />
        <LinePath points={variance.map((v, i) => [i, v] as const)} color={VAR_COLOR} width={2.25} dashed />
        <Dots
          points={[
            { x: k, y: mean[k], cls: 0 },
            { x: k, y: variance[k], cls: 1 },
          ]}
          size={40}
        />
      </Plot>
      <Legend expected={!refused} />
      <p className="bni-readout">
        {refused ? s.noUpdates : s.runningReadout({
          k,
          mean: fmt(mean[k]),
          variance: fmt(variance[k]),
          left: readable((1 - momentum) ** k, 3),
        })}
      </p>
    </div>
  );
}
