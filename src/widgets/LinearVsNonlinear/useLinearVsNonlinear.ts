// Owns the two networks, their optimisers and the data tensors: each network has its own training
// loop (from the kit), and the figure's buttons drive both at once. After every frame the hook runs
// one forward pass over the grid and the points, and hands React plain arrays: the surface, the
// accuracy, and for the linear network its collapsed matrix and bias.
import { useMemo, useRef } from 'react';
import { data, optim, type nn } from '../../engine/index.ts';
import type { ClassificationSetName, Dataset2D } from '../../engine/data/index.ts';
import { gridCenters, useTraining, useTrainingPicture, type Training } from '../kit/index.ts';
import { accuracy, collapse, collapseGap, LEARNING_RATE, logitsAt, makeNet, probabilities, SEED, trainingStep, type AnyActivation, type NetActivation } from './models.ts';

export const EXTENT = 6;
export const GRID = 40;
const POINTS = 200;
const NOISE = 0.1;
const STEPS_PER_FRAME = 4;
/** While training runs, the surface is redrawn at most this often (ms): it costs a forward pass and an image. */
const PICTURE_INTERVAL = 120;

export interface PanelPicture {
  /** sigmoid(logit) on the GRID × GRID cells, row-major from the bottom row (the HeatMap's layout). */
  surface: number[];
  accuracy: number;
  /** The linear network as one map x·W + b, and its largest gap to the network over the points. */
  collapsed: { W: number[]; b: number; gap: number } | null;
}

export interface Panel {
  training: Training;
  picture: PanelPicture | null;
}

const gridPoints = gridCenters({ x: [-EXTENT, EXTENT], y: [-EXTENT, EXTENT] }, GRID, GRID);

function usePanel(ready: boolean, activation: AnyActivation, hidden: number, set: Dataset2D, rebuildKey: string): Panel {
  const netRef = useRef<nn.Sequential | null>(null);
  const training = useTraining(
    ready
      ? () => {
          const net = makeNet(activation, hidden, SEED);
          const start = net.stateDict();
          let opt = new optim.Adam(net, { lr: LEARNING_RATE });
          const { x, y } = data.toTensors(set);
          netRef.current = net;
          return {
            step: () => trainingStep(net, opt, x, y),
            keep: () => [net, opt, x, y],
            onReset: () => {
              net.loadStateDict(start);
              opt.dispose();
              opt = new optim.Adam(net, { lr: LEARNING_RATE });
            },
            dispose: () => {
              if (netRef.current === net) netRef.current = null;
              opt.dispose();
              net.dispose();
              x.dispose();
              y.dispose();
            },
          };
        }
      : null,
    [activation, hidden, rebuildKey],
    { stepsPerFrame: STEPS_PER_FRAME },
  );

  const picture = useTrainingPicture<PanelPicture>(
    training.snapshot,
    () => {
      const net = netRef.current;
      if (!net) return null;
      // One forward pass for the whole grid and the points together.
      const logits = logitsAt(net, [...gridPoints, ...set.x]);
      const cells = logits.slice(0, gridPoints.length);
      const atPoints = logits.slice(gridPoints.length);
      let collapsed: PanelPicture['collapsed'] = null;
      if (activation === 'identity') {
        const map = collapse(net);
        collapsed = { ...map, gap: collapseGap(atPoints, set.x, map) };
      }
      return { surface: probabilities(cells), accuracy: accuracy(atPoints, set.y), collapsed };
    },
    PICTURE_INTERVAL,
    [set, activation],
  );

  return { training, picture };
}

export function useLinearVsNonlinear(ready: boolean, dataset: ClassificationSetName, hidden: number, activation: NetActivation) {
  const set = useMemo(() => data.toyDataset(dataset, { n: POINTS, noise: NOISE, seed: 1 }), [dataset]);
  // Any change starts both networks again, so that they always have the same number of steps.
  const key = `${dataset}|${activation}`;
  const linear = usePanel(ready, 'identity', hidden, set, key);
  const nonlinear = usePanel(ready, activation, hidden, set, key);
  const both = [linear.training, nonlinear.training];
  return {
    set,
    linear,
    nonlinear,
    running: both.some((t) => t.running),
    play: () => both.forEach((t) => t.play()),
    pause: () => both.forEach((t) => t.pause()),
    stepOnce: () => both.forEach((t) => t.stepOnce()),
    reset: () => both.forEach((t) => t.reset()),
  };
}
