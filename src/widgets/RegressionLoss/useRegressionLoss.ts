// RegressionLoss's state and engine work: the points (plain numbers), the line (in the link), the
// three losses and the loss surface (recomputed by the engine when they change), and "fit", a
// training job (regressionFitJob.ts) that runs gradient descent and moves the sliders as it goes.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { boolean, choice, number, type StateOf } from '../../book/urlState.ts';
import { useWidgetState } from '../../book/useWidgetState.ts';
import { stopText } from '../kit/training/strings.ts';
import { useTrainingJob } from '../kit/training/useTrainingJob.ts';
import { useEngine } from '../kit/useEngine.ts';
import { regressionFitJob, type RegressionFitConfig } from './regressionFitJob.ts';
import {
  clampPoint,
  DELTA_RANGE,
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
  status: 'running' | 'done' | 'left' | 'failed';
  step: number;
  /** The chosen loss at the last step (of the line before it). */
  loss: number;
  /** (slope, intercept) after each step, for the path on the loss surface. */
  path: [number, number][];
  /** Why the run failed, in the reader's words, when status is 'failed'. */
  why: string | null;
}

const round3 = (v: number) => Number(v.toFixed(3));

export function useRegressionLoss(initial: RegressionLossProps) {
  const engine = useEngine();
  const [state, setState] = useWidgetState(regressionLossSchema, initial);
  const [points, setPoints] = useState<Point[]>(seededPoints);
  const [outlierAt, setOutlierAt] = useState<Point>(OUTLIER);

  const all = useMemo(() => (state.outlier ? [...points, outlierAt] : points), [points, outlierAt, state.outlier]);
  const line: Line = { slope: state.slope, intercept: state.intercept };

  const values = useMemo(
    () => (engine.ready && all.length > 0 ? lossValues(all, line, state.delta) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the line by its slope and intercept; the object is new at every render
    [engine.ready, all, state.slope, state.intercept, state.delta],
  );
  const surface = useMemo(() => (engine.ready && all.length > 0 ? lossSurface(all, state.loss, state.delta) : null), [engine.ready, all, state.loss, state.delta]);
  const minimum = useMemo(() => (surface ? surfaceMinimum(surface) : null), [surface]);

  // The fit: a training job from the line as it was when Fit was pressed; null when there is none.
  const [fitConfig, setFitConfig] = useState<RegressionFitConfig | null>(null);
  const job = useTrainingJob(regressionFitJob, { config: fitConfig, autoplay: true });
  const { snapshot } = job.training;
  const view = fitConfig && job.view?.run === fitConfig.run ? job.view : null;

  // The sliders follow the fit.
  useEffect(() => {
    if (view && !view.left) setState({ slope: round3(view.line.slope), intercept: round3(view.line.intercept) });
  }, [view, setState]);

  // Nothing to say about a fit stopped before its first step.
  let fit: FitProgress | null = null;
  if (fitConfig && snapshot && view && (snapshot.step > 0 || snapshot.state !== 'paused')) {
    const failed = snapshot.state === 'failed';
    fit = {
      status: snapshot.state === 'running' ? 'running' : view.left || snapshot.state === 'diverged' ? 'left' : failed ? 'failed' : 'done',
      step: snapshot.step,
      loss: snapshot.loss ?? NaN,
      path: view.path,
      why: failed ? stopText(snapshot.stop, job.failure) : null,
    };
  }

  const { pause } = job.training;
  const startFit = useCallback(() => {
    if (all.length === 0) return;
    setFitConfig((f) => ({ points: all, loss: state.loss, delta: state.delta, start: { slope: state.slope, intercept: state.intercept }, run: (f?.run ?? 0) + 1 }));
  }, [all, state.loss, state.delta, state.slope, state.intercept]);
  const stopFit = pause;

  /** Any change by the reader stops a running fit and clears it first. */
  const clearFit = useCallback(() => {
    pause();
    setFitConfig(null);
  }, [pause]);

  const update = useCallback(
    (change: Partial<StateOf<typeof regressionLossSchema>>) => {
      clearFit();
      setState(change);
    },
    [clearFit, setState],
  );

  const movePoint = useCallback(
    (index: number, to: Point) => {
      clearFit();
      if (index === points.length) setOutlierAt(clampPoint(to));
      else setPoints((ps) => ps.map((p, i) => (i === index ? clampPoint(to) : p)));
    },
    [points.length, clearFit],
  );

  const resetPoints = useCallback(() => {
    clearFit();
    setPoints(seededPoints());
    setOutlierAt(OUTLIER);
  }, [clearFit]);

  return { engine, state, line, points: all, values, surface, minimum, fit, update, startFit, stopFit, movePoint, resetPoints };
}
