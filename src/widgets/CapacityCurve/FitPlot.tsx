// Figure 1: the training points (filled), the validation points (hollow), the target (dashed) and
// the fitted curve of the current capacity, on a fixed y range that cuts off a curve swinging
// beyond it (the text alternative says so).
import { useMemo } from 'react';
import type { Family } from '../../models/generalisation/capacity/features.ts';
import { target, X_DOMAIN, type Points } from '../../models/generalisation/capacity/sample.ts';
import { CURVE_X } from '../../models/generalisation/capacity/sweep.ts';
import { classColor, Dots, LinePath, Plot, type Dot } from '../kit/index.ts';
import { capacityStrings as s } from './strings.ts';

export const FIT_Y_DOMAIN: readonly [number, number] = [-2.2, 2.2];
export const FIT_COLOR = classColor(4);

const TARGET_LINE = Array.from(CURVE_X, (x) => [x, target(x)] as [number, number]);

const dotsOf = (points: Points, cls: number): Dot[] => Array.from(points.x, (x, i) => ({ x, y: points.y[i], cls }));

/** The largest |value| of the curve when it leaves the plotted range, else null. */
export function curveExcursion(curve: Float64Array): number | null {
  let peak = 0;
  for (const v of curve) peak = Math.max(peak, Math.abs(v));
  return peak > Math.max(-FIT_Y_DOMAIN[0], FIT_Y_DOMAIN[1]) ? peak : null;
}

export function FitPlot(props: {
  family: Family;
  capacity: number;
  parameters: number;
  train: Points;
  validation: Points;
  curve: Float64Array;
  width: number;
  height: number;
  presenting: boolean;
}) {
  const { family, capacity, parameters, train, validation, curve, width, height, presenting } = props;
  const trainDots = useMemo(() => dotsOf(train, 0), [train]);
  const validationDots = useMemo(() => dotsOf(validation, 1), [validation]);
  const line = useMemo(() => Array.from(CURVE_X, (x, i) => [x, curve[i]] as [number, number]), [curve]);
  const excursion = curveExcursion(curve);
  const leaves = excursion === null ? '' : s.leavesRange(FIT_Y_DOMAIN[0], FIT_Y_DOMAIN[1], excursion);
  return (
    <Plot
      width={width}
      height={height}
      x={{ domain: X_DOMAIN, label: s.x }}
      y={{ domain: FIT_Y_DOMAIN, label: s.y }}
      title={s.fitTitle}
      description={`${s.familyDetail[family]} ${s.fitDescription(train.x.length, s.modelName(family, capacity), parameters, leaves)}`}
      margin={{ left: 44, right: 10 }}
    >
      <LinePath points={TARGET_LINE} color="var(--text-muted, #555)" width={1.5} dashed />
      <LinePath points={line} color={FIT_COLOR} width={presenting ? 3.5 : 2.5} />
      <Dots points={validationDots} size={presenting ? 90 : 50} hollow />
      <Dots points={trainDots} size={presenting ? 90 : 50} />
    </Plot>
  );
}

export function FitKey() {
  return (
    <ul className="cap-key" aria-label={s.fitKeyCaption}>
      <li>
        <svg className="cap-swatch cap-swatch-marker" viewBox="-7 -7 14 14" aria-hidden="true">
          <circle r={4.5} fill={classColor(0)} />
        </svg>{' '}
        {s.fitKey.train}
      </li>
      <li>
        <svg className="cap-swatch cap-swatch-marker" viewBox="-7 -7 14 14" aria-hidden="true">
          <path d="M0,-5L5,4L-5,4Z" fill="none" stroke={classColor(1)} strokeWidth={1.8} />
        </svg>{' '}
        {s.fitKey.validation}
      </li>
      <li>
        <svg className="cap-swatch" viewBox="0 0 28 10" aria-hidden="true">
          <line x1={1} x2={27} y1={5} y2={5} stroke="var(--text-muted, #555)" strokeWidth={1.5} strokeDasharray="6 4" />
        </svg>{' '}
        {s.fitKey.target}
      </li>
      <li>
        <svg className="cap-swatch" viewBox="0 0 28 10" aria-hidden="true">
          <line x1={1} x2={27} y1={5} y2={5} stroke={FIT_COLOR} strokeWidth={2.5} />
        </svg>{' '}
        {s.fitKey.fit}
      </li>
    </ul>
  );
}
