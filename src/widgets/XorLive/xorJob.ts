// XOR as a training job: the 2-h-1 network, its optimiser and the four points, built from the
// hidden size, the learning rate and the seed. Its picture is one forward pass over the grid: the
// output surface and every hidden unit's surface, as plain arrays.
import { tensor } from '../../engine/index.ts';
import type { JobDefinition } from '../../models/training/job.ts';
import { gridCenters } from '../kit/plot/grid.ts';
import { makeOptimizer, makeXorNet, xorPicture, xorStep, XOR_X, XOR_Y, type XorPicture } from './xor.ts';

export const EXTENT: [number, number] = [-0.5, 1.5];
export const GRID = 32;
const grid = gridCenters({ x: EXTENT, y: EXTENT }, GRID, GRID);

/** Both rebuild the network: a new learning rate starts the run again, so curves compare. */
export interface XorConfig {
  hidden: number;
  learningRate: number;
}

export const xorJob: JobDefinition<XorConfig, undefined, XorPicture> = {
  name: 'xor',
  // Five steps a frame at most: fast enough to learn in seconds, slow enough to watch.
  maxStepsPerTick: 5,
  build({ hidden, learningRate }, { seed }) {
    const net = makeXorNet(hidden, seed);
    const opt = makeOptimizer(net, learningRate);
    const x = tensor(XOR_X);
    const y = tensor(XOR_Y.map((v) => [v]));
    return {
      step: () => xorStep(net, opt, x, y),
      keep: () => [net, x, y],
      view: () => xorPicture(net, grid),
      dispose() {
        opt.dispose();
        net.dispose();
        x.dispose();
        y.dispose();
      },
    };
  },
};
