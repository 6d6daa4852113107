// RegressionLoss's state and engine work: the points (plain numbers), the line (in the link), the
// three losses and the loss surface (recomputed by the engine when they change), and "fit", which
// runs gradient descent a few steps per animation frame and moves the sliders as it goes.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { boolean, choice, number, type StateOf } from '../../book/urlState.ts';
import { useWidgetState } from '../../book/useWidgetState.ts';
import { useEngine } from '../kit/useEngine.ts';
import {
  clampPoint,
  DELTA_RANGE,
  descentStep,
  FIT_MAX_STEPS,
  fitRate,
  fitSettled,
  INTERCEPT_RANGE,
  lossSurface,
  lossValues,
  OUTLIER,
  REGRESSION_LOSSES,
  seededPoints,
  SLOPE_RANGE,
  surfaceMinimum,
  type Line,
  type Point,
} from './regression.ts';
import { regressionStrings as s } from './strings.ts';

export const regressionLossSchema = {
  slope: number({ min: SLOPE_RANGE[0], max: SLOPE_RANGE[1], step: 0.001, default: 0.5, label: () => s.linkLabels.slope }),
  intercept: number({ min: INTERCEPT_RANGE[0], max: INTERCEPT_RANGE[1], step: 0.001, default: 0, label: () => s.linkLabels.intercept }),
  outlier: boolean(false, () => s.linkLabels.outlier),
  loss: choice(REGRESSION_LOSSES, 'mse', () => s.linkLabels.loss),
  delta: number({ min: DELTA_RANGE[0], max: DELTA_RANGE[1], step: 0.05, default: 1, label: () => s.linkLabels.delta }),
};

export type RegressionLossProps = Partial<StateOf<typeof regressionLossSchema>>;

export interface FitProgress {
  status: 'running' | 'done' | 'left';
  step: number;
  loss: number;
  /** (slope, intercept) after each step, for the path on the loss surface. */
  path: [number, number][];
}

const STEPS_PER_FRAME = 4;
const inRange = (l: Line) =>
  Number.isFinite(l.slope) &&
  Number.isFinite(l.intercept) &&
  l.slope >= SLOPE_RANGE[0] &&
  l.slope <= SLOPE_RANGE[1] &&
  l.intercept >= INTERCEPT_RANGE[0] &&
  l.intercept <= INTERCEPT_RANGE[1];

export function useRegressionLoss(initial: RegressionLossProps) {
  const engine = useEngine();
  const [state, setState] = useWidgetState(regressionLossSchema, initial);
  const [points, setPoints] = useState<Point[]>(seededPoints);
  const [outlierAt, setOutlierAt] = useState<Point>(OUTLIER);
  const [fit, setFit] = useState<FitProgress | null>(null);

  const all = useMemo(() => (state.outlier ? [...points, outlierAt] : points), [points, outlierAt, state.outlier]);
  const line: Line = { slope: state.slope, intercept: state.intercept };

  const values = useMemo(
    () => (engine.ready && all.length > 0 ? lossValues(all, line, state.delta) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the line by its slope and intercept; the object is new at every render
    [engine.ready, all, state.slope, state.intercept, state.delta],
  );
  const surface = useMemo(() => (engine.ready && all.length > 0 ? lossSurface(all, state.loss, state.delta) : null), [engine.ready, all, state.loss, state.delta]);
  const minimum = useMemo(() => (surface ? surfaceMinimum(surface) : null), [surface]);

  // The fit reads the latest inputs through a ref, and stops when the reader changes anything.
  const frame = useRef<number | null>(null);
  const inputs = useRef({ all, loss: state.loss, delta: state.delta });
  inputs.current = { all, loss: state.loss, delta: state.delta };

  const stopFit = useCallback(() => {
    if (frame.current !== null) cancelAnimationFrame(frame.current);
    frame.current = null;
    setFit((f) => (f && f.status === 'running' ? { ...f, status: 'done' } : f));
  }, []);

  useEffect(() => () => {
    if (frame.current !== null) cancelAnimationFrame(frame.current);
  }, []);

  const startFit = useCallback(() => {
    if (!engine.ready || inputs.current.all.length === 0) return;
    if (frame.current !== null) cancelAnimationFrame(frame.current);
    let current: Line = { slope: state.slope, intercept: state.intercept };
    let step = 0;
    const path: [number, number][] = [[current.slope, current.intercept]];
    const tick = () => {
      const { all: pts, loss, delta } = inputs.current;
      let status: FitProgress['status'] = 'running';
      let value = NaN;
      for (let k = 0; k < STEPS_PER_FRAME && status === 'running'; k++) {
        const next = descentStep(pts, current, loss, delta, fitRate(step));
        value = next.loss;
        if (!inRange(next)) {
          status = 'left';
          break;
        }
        const settled = fitSettled(current, next);
        current = { slope: next.slope, intercept: next.intercept };
        step++;
        path.push([current.slope, current.intercept]);
        if (settled || step >= FIT_MAX_STEPS) status = 'done';
      }
      setState({ slope: Number(current.slope.toFixed(3)), intercept: Number(current.intercept.toFixed(3)) });
      setFit({ status, step, loss: value, path: path.slice() });
      frame.current = status === 'running' ? requestAnimationFrame(tick) : null;
    };
    frame.current = requestAnimationFrame(tick);
  }, [engine.ready, state.slope, state.intercept, setState]);

  /** Any change by the reader stops a running fit first. */
  const update = useCallback(
    (change: Partial<StateOf<typeof regressionLossSchema>>) => {
      stopFit();
      setFit(null);
      setState(change);
    },
    [stopFit, setState],
  );

  const movePoint = useCallback(
    (index: number, to: Point) => {
      stopFit();
      setFit(null);
      if (index === points.length) setOutlierAt(clampPoint(to));
      else setPoints((ps) => ps.map((p, i) => (i === index ? clampPoint(to) : p)));
    },
    [points.length, stopFit],
  );

  const resetPoints = useCallback(() => {
    stopFit();
    setFit(null);
    setPoints(seededPoints());
    setOutlierAt(OUTLIER);
  }, [stopFit]);

  return { engine, state, line, points: all, values, surface, minimum, fit, update, startFit, stopFit, movePoint, resetPoints };
}
