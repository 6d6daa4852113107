// Figure 2: training, validation, cross-validation and test error against the number of weights,
// on a log axis, with the interpolation threshold p = n, the current model, and the capacities
// that validation and cross-validation would choose. Its key is an HTML list below it.
import { useMemo } from 'react';
import { capacityOf, maxParameters } from '../../models/generalisation/capacity/features.ts';
import type { CapacityFit, Sweep } from '../../models/generalisation/capacity/sweep.ts';
import { classColor, Dots, LinePath, Plot, RuleX, RuleY } from '../kit/index.ts';
import { capacityStrings as s } from './strings.ts';

export const ERROR_DOMAIN: readonly [number, number] = [1e-3, 1e3];

type Series = 'train' | 'validation' | 'cv' | 'test';

/** How each error is drawn: colour and dash differ, so no curve depends on colour alone. */
export const SERIES: Record<Series, { color: string; dash?: string; width: number }> = {
  train: { color: classColor(0), width: 2 },
  validation: { color: classColor(1), dash: '7 4', width: 2 },
  cv: { color: classColor(2), dash: '2 3', width: 2.5 },
  test: { color: 'var(--text, #111)', width: 3 },
};
export const CURRENT_COLOR = classColor(4);

/** Errors beyond the axis are drawn just inside its edge (zero training error along the bottom). */
const onAxis = (v: number) => (Number.isFinite(v) ? Math.min(ERROR_DOMAIN[1] / 1.12, Math.max(ERROR_DOMAIN[0] * 1.12, v)) : NaN);

/** A dash pattern stretched with the line's width, so that dots stay dots on a thicker line. */
const scaledDash = (dash: string | undefined, k: number) => dash?.split(' ').map((d) => Number(d) * k).join(' ');

const lowest = (fits: CapacityFit[], key: Series) => fits.reduce((best, f) => (f[key] < best[key] ? f : best));
const highest = (fits: CapacityFit[], key: Series) => fits.reduce((best, f) => (f[key] > best[key] ? f : best));

export function ErrorPlot({ sweep, parameters, width, height, presenting }: { sweep: Sweep; parameters: number; width: number; height: number; presenting: boolean }) {
  const { family, n, noise, folds } = sweep.options;
  const max = maxParameters(family);
  const lines = useMemo(() => {
    const of = (key: Series) => sweep.fits.map((f) => [f.parameters, onAxis(f[key])] as [number, number]);
    return { train: of('train'), validation: of('validation'), cv: of('cv'), test: of('test') };
  }, [sweep]);
  const byValidation = sweep.fits[sweep.byValidation - 1];
  const byCv = sweep.fits[sweep.byCv - 1];
  const trainZero = sweep.fits.find((f) => f.train < 1e-9);
  const description = s.errorDescription({
    family,
    max,
    n,
    trainZeroFrom: trainZero ? trainZero.parameters : null,
    testPeak: [highest(sweep.fits, 'test').parameters, highest(sweep.fits, 'test').test],
    testBest: [lowest(sweep.fits, 'test').parameters, lowest(sweep.fits, 'test').test],
    byValidation: sweep.byValidation,
    byCv: sweep.byCv,
    current: parameters,
    folds,
  });
  const marker = presenting ? 150 : 80;
  const thick = presenting ? 1.4 : 1;
  return (
    <Plot
      width={width}
      height={height}
      x={{ domain: [1, max], label: s.weightsAxis(family), log: family === 'relu' }}
      y={{ domain: ERROR_DOMAIN, label: s.errorAxis, log: true }}
      title={s.errorTitle}
      description={description}
      margin={{ right: 10 }}
    >
      {noise > 0 ? <RuleY y={noise * noise} color="var(--text-muted, #666)" /> : null}
      {n <= max ? <RuleX x={n} color="var(--text, #111)" label={s.thresholdLabel} /> : null}
      <RuleX x={parameters} color={CURRENT_COLOR} dashed={false} />
      {(['train', 'validation', 'cv', 'test'] as const).map((key) => (
        <LinePath key={key} points={lines[key]} color={SERIES[key].color} width={SERIES[key].width * thick} dash={scaledDash(SERIES[key].dash, thick)} />
      ))}
      <Dots points={[{ x: byValidation.parameters, y: onAxis(byValidation.validation), cls: 1 }]} size={marker} />
      {Number.isFinite(byCv.cv) ? <Dots points={[{ x: byCv.parameters, y: onAxis(byCv.cv), cls: 2 }]} size={marker} /> : null}
    </Plot>
  );
}

/** A short sample of a line, for the key. */
function Swatch({ color, dash, width }: { color: string; dash?: string; width: number }) {
  return (
    <svg className="cap-swatch" viewBox="0 0 28 10" aria-hidden="true">
      <line x1={1} x2={27} y1={5} y2={5} stroke={color} strokeWidth={width} strokeDasharray={dash} />
    </svg>
  );
}

/** A class marker, for the key: a triangle (validation's choice) or a square (cross-validation's). */
function Marker({ cls }: { cls: 1 | 2 }) {
  return (
    <svg className="cap-swatch cap-swatch-marker" viewBox="-7 -7 14 14" aria-hidden="true">
      {cls === 1 ? <path d="M0,-5.5L5.5,4.5L-5.5,4.5Z" fill={classColor(1)} /> : <rect x={-4.5} y={-4.5} width={9} height={9} fill={classColor(2)} />}
    </svg>
  );
}

export function ErrorKey({ sweep }: { sweep: Sweep }) {
  const { family, noise, folds } = sweep.options;
  const name = (parameters: number) => s.modelName(family, capacityOf(family, parameters));
  return (
    <ul className="cap-key" aria-label={s.legendCaption}>
      <li>
        <Swatch {...SERIES.train} /> {s.legend.train}
      </li>
      <li>
        <Swatch {...SERIES.validation} /> {s.legend.validation}
      </li>
      <li>
        <Swatch {...SERIES.cv} /> {s.legend.cv(folds)}
      </li>
      <li>
        <Swatch {...SERIES.test} /> {s.legend.test}
      </li>
      <li>
        <Swatch color={CURRENT_COLOR} width={2} /> {s.legend.current}
      </li>
      <li>
        <Swatch color="var(--text, #111)" width={1} dash="4 4" /> {s.legend.threshold}
      </li>
      {noise > 0 ? (
        <li>
          <Swatch color="var(--text-muted, #666)" width={1} dash="4 4" /> {s.legend.floor}
        </li>
      ) : null}
      <li>
        <Marker cls={1} /> {s.legend.byValidation(name(sweep.byValidation))}
      </li>
      {Number.isFinite(sweep.fits[sweep.byCv - 1].cv) ? (
        <li>
          <Marker cls={2} /> {s.legend.byCv(name(sweep.byCv))}
        </li>
      ) : null}
    </ul>
  );
}
