// (a) The chosen unit's values in the current batch on one axis, in three rows: the input x, the
// layer's normalised x̂ (its output with γ = 1, β = 0), and its output γx̂ + β, each example joined
// across the rows, with each row's mean ± std as a bar beneath it. In evaluation mode the input's
// solid bar is the running statistics the layer used, the batch's own dashed above its dots.
import { Plot, PlotText } from '../kit/index.ts';
import { fixed, significant } from '../kit/format.ts';
import type { LayerMode } from './batchNormStream.ts';
import { column, meanStd, type CurrentBatch } from './picture.ts';
import { UNIT_MEANS, UNIT_STDS } from './population.ts';
import { Bracket, rowDomain, Strips } from './strips.tsx';
import { batchNormStrings as s } from './strings.ts';

const f2 = (v: number) => fixed(v, 2);
/** Rows from the bottom: output, normalised, input. */
const ROW = { output: 0, normalised: 1, input: 2 } as const;
/** A batch this small still reads with every example joined across the rows. */
const LINK_UP_TO = 32;

interface Props {
  current: CurrentBatch;
  /** 0-based. */
  unit: number;
  mode: LayerMode;
  gamma: number;
  beta: number;
  /** The running statistics the layer holds now, for the chosen unit. */
  runningMean: number;
  runningVar: number;
  width: number;
  height: number;
  presenting: boolean;
}

/** An axis that holds every value and bar drawn, and the population's usual range (so it moves little from batch to batch). */
function domainOf(values: number[], unit: number, gamma: number, beta: number): [number, number] {
  const wanted = [...values, UNIT_MEANS[unit] - 2.5 * UNIT_STDS[unit], UNIT_MEANS[unit] + 2.5 * UNIT_STDS[unit], -2, 2, beta - 2 * Math.abs(gamma), beta + 2 * Math.abs(gamma)].filter(Number.isFinite);
  const lo = Math.min(...wanted);
  const hi = Math.max(...wanted);
  const pad = (hi - lo) * 0.04 || 1;
  return [lo - pad, hi + pad];
}

export function BatchPanel({ current, unit, mode, gamma, beta, runningMean, runningVar, width, height, presenting }: Props) {
  const u = unit + 1;
  const input = column(current.input, unit);
  const layerOut = mode === 'train' ? current.train : current.eval;
  const normalised = current.normalised.values ? column(current.normalised.values, unit) : null;
  const output = layerOut.values ? column(layerOut.values, unit) : null;
  const own = meanStd(input);
  const used = mode === 'train' ? own : { mean: runningMean, std: Math.sqrt(runningVar) };
  const norm = normalised ? meanStd(normalised) : null;
  const out = output ? meanStd(output) : null;
  const batch = s.batchName(current.stream, current.index);
  const rows = [
    { at: ROW.input, values: input, cls: 0 },
    ...(normalised ? [{ at: ROW.normalised, values: normalised, cls: 2 }] : []),
    ...(output ? [{ at: ROW.output, values: output, cls: 1 }] : []),
  ];
  const bars = [used.mean - used.std, used.mean + used.std, own.mean - own.std, own.mean + own.std];
  const domain = domainOf([...input, ...(normalised ?? []), ...(output ?? []), ...bars], unit, gamma, beta);
  const rowName = (v: number) => (v === ROW.input ? s.rowNames.input : v === ROW.normalised ? s.rowNames.normalised : v === ROW.output ? s.rowNames.output : '');
  const ms = (m: { mean: number; std: number } | null) => (m ? s.meanStd(f2(m.mean), f2(m.std)) : s.refusedRow);

  const pm = (m: { mean: number; std: number }) => s.plusMinus(f2(m.mean), f2(m.std));
  const centred = (mean: number) => s.centred(f2(Math.abs(mean)), f2(mean).startsWith('−'));
  return (
    <div className="bni-batch">
      <Plot
        width={width}
        height={height}
        x={{ domain, label: s.valueAxis }}
        y={{ domain: rowDomain(3), label: '', ticks: 3, format: rowName }}
        margin={{ left: 40, bottom: 38, top: 8 }}
        title={s.stripsTitle(u, batch)}
        description={s.stripsDescription({ u, batch, n: input.length, mode: s.modeNames[mode].toLowerCase(), input: ms(own), normalised: ms(norm), output: ms(out) })}
      >
        <Strips rows={rows} presenting={presenting} link={input.length <= LINK_UP_TO} />
        <Bracket at={ROW.input} mean={used.mean} std={used.std} label={mode === 'train' ? pm(used) : s.runningLabel(pm(used))} />
        {mode === 'eval' ? <Bracket at={ROW.input} mean={own.mean} std={own.std} dashed above color="var(--text-muted)" /> : null}
        {norm ? <Bracket at={ROW.normalised} mean={norm.mean} std={norm.std} label={pm(norm)} /> : <PlotText x={(domain[0] + domain[1]) / 2} y={ROW.normalised - 0.1} anchor="middle">{s.refusedRow}</PlotText>}
        {out ? <Bracket at={ROW.output} mean={out.mean} std={out.std} label={pm(out)} /> : null}
      </Plot>
      {norm ? (
        <p className="bni-readout">
          {mode === 'train' ? s.ruleTrain(centred(used.mean), f2(own.std)) : s.ruleEval(centred(used.mean), significant(runningVar, 3), pm(own))} {s.ruleOutput(significant(gamma, 3), significant(beta, 3))}
        </p>
      ) : null}
    </div>
  );
}
