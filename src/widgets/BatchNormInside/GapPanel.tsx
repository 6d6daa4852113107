// (c) The current batch through the layer twice, in training mode (the batch's own statistics) and
// in evaluation mode (the running ones): the chosen unit's outputs in two rows, each example
// joined across them, with the mean |train − eval| in words and why it shrinks as batches grow.
import { Plot, PlotText } from '../kit/index.ts';
import { fixed } from '../kit/format.ts';
import type { LayerMode } from './batchNormStream.ts';
import { column, gapOf, meanStd, type CurrentBatch } from './picture.ts';
import { Bracket, rowDomain, Strips } from './strips.tsx';
import { batchNormStrings as s } from './strings.ts';

const f2 = (v: number) => fixed(v, 2);
const ROW = { eval: 0, train: 1 } as const;
const LINK_UP_TO = 64;

interface Props {
  current: CurrentBatch;
  unit: number;
  mode: LayerMode;
  gamma: number;
  beta: number;
  width: number;
  height: number;
  presenting: boolean;
}

export function GapPanel({ current, unit, mode, gamma, beta, width, height, presenting }: Props) {
  const u = unit + 1;
  const n = current.input.length;
  const train = current.train.values ? column(current.train.values, unit) : null;
  const evaluation = current.eval.values ? column(current.eval.values, unit) : null;
  const gap = train && evaluation ? gapOf(train, evaluation) : null;
  const values = [...(train ?? []), ...(evaluation ?? []), beta - 2 * Math.abs(gamma), beta + 2 * Math.abs(gamma)].filter(Number.isFinite);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = (hi - lo) * 0.05 || 1;
  const rows = [...(train ? [{ at: ROW.train, values: train, cls: 0 }] : []), ...(evaluation ? [{ at: ROW.eval, values: evaluation, cls: 3 }] : [])];
  const rowName = (v: number) => (v === ROW.train ? s.gapRows.train : v === ROW.eval ? s.gapRows.eval : '');
  const batch = s.batchName(current.stream, current.index);
  const ms = (v: number[] | null) => (v ? s.meanStd(f2(meanStd(v).mean), f2(meanStd(v).std)) : s.refusedRow);
  // Two examples normalised by their own statistics land at ±1 whatever they are: shown with the engine's values.
  const pair = n === 2 && mode === 'train' && current.normalised.values ? column(current.normalised.values, unit).sort((a, b) => a - b) : null;
  return (
    <div className="bni-gap">
      <h4 className="bni-caption">{s.gapCaption}</h4>
      <Plot
        width={width}
        height={height}
        x={{ domain: [lo - pad, hi + pad], label: s.outputAxis }}
        y={{ domain: rowDomain(2), label: '', ticks: 2, format: rowName }}
        margin={{ left: 40, bottom: 38, top: 8 }}
        title={s.gapTitle(u)}
        description={s.gapDescription({ u, batch, n, train: ms(train), evaluation: ms(evaluation), gap: gap ? f2(gap.mean) : s.refusedRow, max: gap ? f2(gap.max) : s.refusedRow })}
      >
        <Strips rows={rows} presenting={presenting} link={n <= LINK_UP_TO} />
        {train ? <Bracket at={ROW.train} mean={meanStd(train).mean} std={meanStd(train).std} /> : <PlotText x={(lo + hi) / 2} y={ROW.train - 0.1} anchor="middle">{s.refusedRow}</PlotText>}
        {evaluation ? <Bracket at={ROW.eval} mean={meanStd(evaluation).mean} std={meanStd(evaluation).std} /> : null}
      </Plot>
      {gap ? (
        <p className="bni-readout" role="status">
          <strong>{s.gapReadout(f2(gap.mean))}</strong> {s.gapWhy(n)}
        </p>
      ) : (
        <p className="bni-readout">{s.gapRefused}</p>
      )}
      {pair ? <p className="bni-readout">{s.pairNote(f2(pair[0]), f2(pair[1]))}</p> : null}
    </div>
  );
}
