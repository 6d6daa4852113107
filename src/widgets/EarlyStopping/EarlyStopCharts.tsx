// The figure's two pictures: the training and validation losses against epoch (log scale) with the
// best epoch, the stop and the patience window between them marked; and the fits (now, and with the
// best epoch's weights) over the points and the curve they were drawn from. Their legends too.
import { symbol } from 'd3-shape';
import { Band, classColor, classSymbols, Dots, LinePath, Plot, usePlotScales } from '../kit/index.ts';
import { count } from '../kit/format.ts';
import { X_DOMAIN, type EarlyStopData } from '../../models/generalisation/earlyStop/earlyStopData.ts';
import type { EarlyStopPicture } from '../../models/generalisation/earlyStop/earlyStopRun.ts';
import { earlyStoppingStrings as s, lossValue } from './strings.ts';

export const TRAIN_COLOR = classColor(0);
export const VAL_COLOR = classColor(1);
export const NOW_COLOR = classColor(2);
export const BEST_COLOR = classColor(3);
export const TRUE_COLOR = 'var(--text-muted, #666)';
const VAL_DASH = '7 4';
const BEST_DASH = '8 5';
const TRUE_DASH = '2 4';
/** Lines after the stop, drawn when training went on past it. */
const FADED = 0.35;
const Y_DOMAIN: [number, number] = [-2.5, 2.5];

const size = (presenting: boolean) => (presenting ? { width: 560, height: 340 } : { width: 400, height: 235 });

/**
 * A vertical rule at an epoch, its label to its left (to its right near the plot's left edge) on
 * the given line, the best on the first and the stop on the second, so the two never overlap.
 */
function EpochRule({ epoch, label, line, dashed }: { epoch: number; label: string; line: 1 | 2; dashed: boolean }) {
  const { x, inner, textPx } = usePlotScales();
  const px = x(epoch);
  if (!Number.isFinite(px)) return null;
  const gap = textPx / 3;
  // Near the left edge the label goes to the rule's right instead (0.62 em a character, generous).
  const left = px - gap - label.length * 0.62 * textPx >= inner.left;
  return (
    <g className="plot-rule">
      <line x1={px} x2={px} y1={inner.top} y2={inner.top + inner.height} stroke="var(--text, #000)" strokeWidth={1.5} strokeDasharray={dashed ? '4 4' : undefined} />
      <text x={left ? px - gap : px + gap} y={inner.top + (line === 1 ? 1 : 2.2) * textPx} textAnchor={left ? 'end' : 'start'} className="plot-mark-label">
        {label}
      </text>
    </g>
  );
}

/** A ring at the best epoch's validation loss. */
function BestMark({ epoch, loss }: { epoch: number; loss: number }) {
  const { x, y, textPx } = usePlotScales();
  const px = x(epoch);
  const py = y(loss);
  if (!Number.isFinite(px) || !Number.isFinite(py)) return null;
  return <circle cx={px} cy={py} r={textPx / 2.2} fill="none" stroke={VAL_COLOR} strokeWidth={2.5} />;
}

interface LossPlotProps {
  picture: EarlyStopPicture | null;
  patience: number;
  /** Whether training stops at the rule's stop (else the part after it is drawn faded). */
  stop: boolean;
  budget: number;
  presenting: boolean;
}

const perEpoch = (values: readonly number[], from: number, to: number) => values.slice(from, to).map((v, i) => [from + i + 1, v] as [number, number]);

export function LossPlot({ picture, patience, stop, budget, presenting }: LossPlotProps) {
  const epoch = picture?.epoch ?? 0;
  const best = picture?.bestEpoch ?? null;
  const stopAt = picture?.stopEpoch ?? null;
  // The axis grows with the run, from 50 epochs, and shows where patience will run out.
  const windowEnd = best === null ? 0 : Math.min(budget, best + patience);
  const xMax = Math.max(50, epoch, stopAt === null ? windowEnd : 0);
  const train = picture?.trainLosses ?? [];
  const val = picture?.valLosses ?? [];
  const shown = [...train, ...val].filter((v) => Number.isFinite(v) && v > 0);
  const lo = shown.length ? Math.min(...shown) : 0.01;
  const hi = shown.length ? Math.max(...shown) : 1;
  const yDomain: [number, number] = [lo * 0.8, Math.max(hi * 1.25, lo * 10)];
  // Solid up to the stop; faded after it, where training went on past it.
  const cut = stopAt === null || stop ? epoch : stopAt;
  const width = presenting ? 3 : 2;
  const description = s.lossDescription(
    epoch,
    `${epoch ? `The training loss ends at ${lossValue(train[epoch - 1])}, the validation loss at ${lossValue(val[epoch - 1])}. ` : ''}${s.lossMarks(best, stopAt, patience)}`,
  );
  return (
    <Plot
      {...size(presenting)}
      x={{ domain: [0, xMax], label: s.epochAxis, ticks: 5, format: (v) => count(v) }}
      y={{ domain: yDomain, label: s.lossAxis, log: true, ticks: 4 }}
      title={s.lossTitle}
      description={description}
    >
      {best !== null ? <Band x0={best} x1={stopAt ?? windowEnd} /> : null}
      <LinePath points={perEpoch(train, 0, cut)} color={TRAIN_COLOR} width={width} />
      <LinePath points={perEpoch(val, 0, cut)} color={VAL_COLOR} width={width} dash={VAL_DASH} />
      {cut < epoch ? (
        <g opacity={FADED}>
          <LinePath points={perEpoch(train, cut - 1, epoch)} color={TRAIN_COLOR} width={width} />
          <LinePath points={perEpoch(val, cut - 1, epoch)} color={VAL_COLOR} width={width} dash={VAL_DASH} />
        </g>
      ) : null}
      {best !== null && picture?.bestValLoss != null ? <BestMark epoch={best} loss={picture.bestValLoss} /> : null}
      {best !== null ? <EpochRule epoch={best} label={s.bestLabel} line={1} dashed={false} /> : null}
      {stopAt !== null ? <EpochRule epoch={stopAt} label={s.stopLabel} line={2} dashed /> : null}
    </Plot>
  );
}

interface FitPlotProps {
  data: EarlyStopData;
  picture: EarlyStopPicture | null;
  presenting: boolean;
}

const along = (xs: readonly number[], ys: readonly number[]) => xs.map((x, i) => [x, ys[i]] as [number, number]);

export function FitPlot({ data, picture, presenting }: FitPlotProps) {
  const grid = data.test.x;
  const width = presenting ? 3 : 2.25;
  const dot = presenting ? 90 : 50;
  const description = s.fitDescription(
    data.train.x.length,
    picture?.epoch ?? 0,
    picture ? lossValue(picture.testLoss) : '–',
    picture?.bestTestLoss != null ? lossValue(picture.bestTestLoss) : '',
  );
  return (
    <Plot {...size(presenting)} x={{ domain: X_DOMAIN, label: s.xAxis, ticks: 5 }} y={{ domain: Y_DOMAIN, label: s.yAxis, ticks: 5 }} title={s.fitTitle} description={description}>
      <LinePath points={along(grid, data.test.y)} color={TRUE_COLOR} width={width} dash={TRUE_DASH} />
      {picture?.restored ? (
        <g opacity={FADED}>
          <LinePath points={along(grid, picture.restored.curve)} color={NOW_COLOR} width={width} />
        </g>
      ) : null}
      {picture?.bestCurve ? <LinePath points={along(grid, picture.bestCurve)} color={BEST_COLOR} width={width + 0.75} dash={BEST_DASH} /> : null}
      {picture && picture.epoch > 0 ? <LinePath points={along(grid, picture.curve)} color={NOW_COLOR} width={width} /> : null}
      <Dots points={data.train.x.map((x, i) => ({ x, y: data.train.y[i], cls: 0 }))} size={dot} />
      <Dots points={data.validation.x.map((x, i) => ({ x, y: data.validation.y[i], cls: 1 }))} size={dot} hollow />
    </Plot>
  );
}

export interface LegendItem {
  label: string;
  color: string;
  dash?: string;
  opacity?: number;
  /** A shaded square instead of a line (a band). */
  band?: boolean;
  /** A marker instead of a line: the class's shape, filled or hollow, as the plot draws it. */
  marker?: { cls: number; hollow: boolean };
}

/** A legend: each line (its colour and dash) or marker, in words beside it. */
export function Legend({ items }: { items: readonly LegendItem[] }) {
  return (
    <ul className="plot-legend es-legend">
      {items.map((it) => (
        <li key={it.label}>
          <svg width="26" height="12" aria-hidden="true">
            {it.band ? (
              <rect x="6" y="0" width="14" height="12" fill={it.color} opacity={0.25} />
            ) : it.marker ? (
              <path
                d={symbol(classSymbols[it.marker.cls], 50)() ?? ''}
                transform="translate(13 6)"
                fill={it.marker.hollow ? 'var(--bg, #fff)' : it.color}
                stroke={it.marker.hollow ? it.color : 'var(--bg, #fff)'}
                strokeWidth={it.marker.hollow ? 2 : 1}
              />
            ) : (
              <line x1="0" x2="26" y1="6" y2="6" stroke={it.color} strokeWidth="3" strokeDasharray={it.dash} opacity={it.opacity} />
            )}
          </svg>{' '}
          {it.label}
        </li>
      ))}
    </ul>
  );
}

export const lossLegend = (faded: boolean): LegendItem[] => [
  { label: s.trainName, color: TRAIN_COLOR },
  { label: s.valName, color: VAL_COLOR, dash: VAL_DASH },
  { label: s.windowName, color: 'var(--text-muted, #666)', band: true },
  ...(faded ? [{ label: s.afterStop, color: 'var(--text, #000)', opacity: FADED }] : []),
];

export const fitLegend = (restored: boolean): LegendItem[] => [
  { label: s.trueName, color: TRUE_COLOR, dash: TRUE_DASH },
  { label: s.nowName, color: NOW_COLOR },
  { label: s.bestName, color: BEST_COLOR, dash: BEST_DASH },
  ...(restored ? [{ label: s.beforeRestoreName, color: NOW_COLOR, opacity: FADED }] : []),
  { label: s.trainPoints, color: TRAIN_COLOR, marker: { cls: 0, hollow: false } },
  { label: s.valPoints, color: VAL_COLOR, marker: { cls: 1, hollow: true } },
];
