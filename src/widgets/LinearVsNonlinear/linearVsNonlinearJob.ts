// The two networks as one training job: each step trains the linear network and the one with an
// activation on the same points, so they always have taken the same number of steps. The linear
// network's loss is the run's loss; the other's is the metric `nonlinear`, with a curve of its own.
// The picture: each network's surface and accuracy, and the linear one collapsed to x·W + b.
import { data, optim, type nn } from '../../engine/index.ts';
import type { ClassificationSetName } from '../../engine/data/index.ts';
import type { JobDefinition } from '../../models/training/job.ts';
import { gridCenters } from '../kit/plot/grid.ts';
import { accuracy, collapse, collapseGap, LEARNING_RATE, logitsAt, makeNet, probabilities, trainingStep, type AnyActivation, type NetActivation } from './models.ts';

export const EXTENT = 6;
export const GRID = 40;
const POINTS = 200;
const NOISE = 0.1;
const gridPoints = gridCenters({ x: [-EXTENT, EXTENT], y: [-EXTENT, EXTENT] }, GRID, GRID);

/** The points both networks learn (the same set the figure draws). */
export function linearVsNonlinearSet(dataset: ClassificationSetName): data.Dataset2D {
  return data.toyDataset(dataset, { n: POINTS, noise: NOISE, seed: 1 });
}

export interface LinearVsNonlinearConfig {
  dataset: ClassificationSetName;
  hidden: number;
  activation: NetActivation;
}

export interface PanelPicture {
  /** sigmoid(logit) on the GRID × GRID cells, row-major from the bottom row (the HeatMap's layout). */
  surface: number[];
  accuracy: number;
  /** The linear network as one map x·W + b, and its largest gap to the network over the points. */
  collapsed: { W: number[]; b: number; gap: number } | null;
}

export interface LinearVsNonlinearView {
  linear: PanelPicture;
  nonlinear: PanelPicture;
}

/** One forward pass for the whole grid and the points together. */
function picture(net: nn.Sequential, activation: AnyActivation, set: data.Dataset2D): PanelPicture {
  const logits = logitsAt(net, [...gridPoints, ...set.x]);
  const atPoints = logits.slice(gridPoints.length);
  let collapsed: PanelPicture['collapsed'] = null;
  if (activation === 'identity') {
    const map = collapse(net);
    collapsed = { ...map, gap: collapseGap(atPoints, set.x, map) };
  }
  return { surface: probabilities(logits.slice(0, gridPoints.length)), accuracy: accuracy(atPoints, set.y), collapsed };
}

export const linearVsNonlinearJob: JobDefinition<LinearVsNonlinearConfig, undefined, LinearVsNonlinearView> = {
  name: 'linear-vs-nonlinear',
  maxStepsPerTick: 4,
  curves: ['nonlinear'],
  build({ dataset, hidden, activation }, { seed }) {
    const set = linearVsNonlinearSet(dataset);
    // The same seed: both networks start from the same weights.
    const linear = makeNet('identity', hidden, seed);
    const nonlinear = makeNet(activation, hidden, seed);
    const linearOpt = new optim.Adam(linear, { lr: LEARNING_RATE });
    const nonlinearOpt = new optim.Adam(nonlinear, { lr: LEARNING_RATE });
    const { x, y } = data.toTensors(set);
    return {
      step: () => ({ loss: trainingStep(linear, linearOpt, x, y).loss, nonlinear: trainingStep(nonlinear, nonlinearOpt, x, y).loss }),
      keep: () => [linear, linearOpt, nonlinear, nonlinearOpt, x, y],
      view: () => ({ linear: picture(linear, 'identity', set), nonlinear: picture(nonlinear, activation, set) }),
      dispose() {
        linearOpt.dispose();
        nonlinearOpt.dispose();
        linear.dispose();
        nonlinear.dispose();
        x.dispose();
        y.dispose();
      },
    };
  },
};
