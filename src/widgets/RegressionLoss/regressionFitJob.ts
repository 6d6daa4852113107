// "Fit by gradient descent" as a training job: the line from where the sliders put it, stepped by
// gradient descent on the chosen loss until it settles, leaves the sliders' ranges or reaches
// FIT_MAX_STEPS. Each step reads the line back (two numbers), so the run ends at the step it
// settles, whatever the steps per tick. Its picture is the line now and its path so far.
import type { JobDefinition } from '../../models/training/job.ts';
import { createLineFit, FIT_MAX_STEPS, fitSettled, fitStep, fittedLine, lineInRange, type Line, type Point, type RegressionLossName } from './regression.ts';

export interface RegressionFitConfig {
  points: Point[];
  loss: RegressionLossName;
  delta: number;
  /** Where the line starts: the sliders' line when the reader pressed Fit. */
  start: Line;
  /** Counts the reader's presses, so each one starts a new run even from the same line. */
  run: number;
}

export interface RegressionFitView {
  /** The configuration's run: a picture of an earlier run is not this one's. */
  run: number;
  /** The line after the last step that stayed within the sliders' ranges. */
  line: Line;
  /** (slope, intercept) at the start and after each such step, for the path on the loss surface. */
  path: [number, number][];
  settled: boolean;
  /** The last step left the sliders' ranges, and the fit was stopped. */
  left: boolean;
}

export const regressionFitJob: JobDefinition<RegressionFitConfig, undefined, RegressionFitView> = {
  name: 'regression-fit',
  maxSteps: FIT_MAX_STEPS,
  // Four steps a frame at most: a fit takes a second or two to watch.
  maxStepsPerTick: 4,
  build({ points, loss, delta, start, run }) {
    const fit = createLineFit(points, start);
    let line = start;
    const path: [number, number][] = [[start.slope, start.intercept]];
    let settled = false;
    let left = false;
    return {
      step: (t) => {
        const result = fitStep(fit, loss, delta, t);
        const next = fittedLine(fit);
        if (!lineInRange(next)) left = true;
        else {
          settled = fitSettled(line, next);
          line = next;
          path.push([next.slope, next.intercept]);
        }
        return result;
      },
      finished: () => settled || left,
      keep: () => [fit.model, fit.optimizer, fit.x, fit.y],
      view: () => ({ run, line, path: path.slice(), settled, left }),
      dispose: () => fit.dispose(),
    };
  },
};
