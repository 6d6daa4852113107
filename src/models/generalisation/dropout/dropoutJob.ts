// Dropout as a training job: the 2 → 8 → 8 → 1 network, Adam, and the few training points, built
// from the rate, the scaling and the seed. Each step draws a fresh mask for both hidden layers and
// trains the thinned network; the picture is the weights and the mask of the latest step, as plain
// numbers, from which the figure draws its panels. A request draws a new mask to look at.
import { Random, tensor } from '../../../engine/index.ts';
import type { JobDefinition } from '../../training/job.ts';
import { dropoutData } from './data.ts';
import { checkRate, drawNetworkMask, type NetworkMask } from './masks.ts';
import { dropoutStep, makeDropoutNet, makeOptimizer, maskTensors, netWeights } from './network.ts';
import { UNITS, type NetWeights } from './types.ts';

export interface DropoutConfig {
  /** The dropout rate p: the chance that a hidden unit is dropped at a step. */
  p: number;
  /** Inverted dropout: kept units multiplied by 1/(1−p) in training (false: the mistake). */
  scaled: boolean;
}

export interface DropoutPicture {
  weights: NetWeights;
  /** The mask shown: the last step's, or one drawn on request since. */
  mask: NetworkMask;
  /** Whether the mask shown is the one the last step trained with (false once one is drawn on request). */
  trainedWith: boolean;
}

export type DropoutRequest = { type: 'newMask' };

/** Enough for the network without dropout to fit the training points' noise. */
export const DROPOUT_MAX_STEPS = 3000;

export const dropoutJob: JobDefinition<DropoutConfig, undefined, DropoutPicture, never, DropoutRequest> = {
  name: 'dropout',
  // A few steps a frame, so that the mask on the diagram can be watched changing.
  maxStepsPerTick: 4,
  maxSteps: DROPOUT_MAX_STEPS,
  build({ p, scaled }, { seed }) {
    checkRate(p);
    const net = makeDropoutNet(seed);
    const opt = makeOptimizer(net);
    const { train } = dropoutData();
    const x = tensor(train.x.map((q) => [q[0], q[1]]));
    const y = tensor(train.y.map((v) => [v]));
    // Training masks and the masks drawn to look at come from separate streams: looking at masks
    // never changes the run.
    const trainMasks = new Random(seed * 31 + 1);
    const lookMasks = new Random(seed * 31 + 2);
    const allKept = { keep1: Array<boolean>(UNITS).fill(true), keep2: Array<boolean>(UNITS).fill(true) };
    let shown: NetworkMask = p === 0 ? allKept : drawNetworkMask(lookMasks, UNITS, p);
    let trainedWith = false;
    return {
      step() {
        const mask = drawNetworkMask(trainMasks, UNITS, p);
        const m = maskTensors(mask, p, scaled);
        shown = mask;
        trainedWith = true;
        return dropoutStep(net, opt, x, y, m);
      },
      keep: () => [net, x, y],
      view: () => ({ weights: netWeights(net), mask: shown, trainedWith }),
      request(r) {
        if (r.type !== 'newMask') return;
        shown = drawNetworkMask(lookMasks, UNITS, p);
        trainedWith = false;
        return 'repaint';
      },
      dispose() {
        opt.dispose();
        net.dispose();
        x.dispose();
        y.dispose();
      },
    };
  },
};
