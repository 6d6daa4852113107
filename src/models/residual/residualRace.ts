// The four networks of deepNets.ts trained side by side on the same data from the same seed: the
// two-armed spiral, all 200 points in every step (full-batch, so each curve is the whole training
// loss and not a mini-batch's noise, and batch normalisation sees the whole set). Each step takes
// one step of every network still training, reads back its loss, its accuracy on the points and
// the gradient norm of every block, and stops a network whose loss diverges while the others go
// on. Engine only: the training job (residualJob.ts) runs this in the worker, tests in Node.
import { concat, data, losses, mean, mul, noGrad, reshape, relu, stack, tensor, tidy, where, type optim, type Tensor } from '../../engine/index.ts';
import { judgeLosses, type Divergence } from '../../engine/loopStop.ts';
import { LossHistory, type Curve } from '../training/history.ts';
import { makeOptimizer } from '../training/optimizerChoice.ts';
import { blockGradientNorms, buildNet, NETWORKS, specOf, type DeepNet, type NetworkName, type NormKind } from './deepNets.ts';

export const POINTS = 200;
/** The spiral's radius: inputs are divided by it, so they lie in the unit disc. */
export const RADIUS = 5;
export const NOISE = 0.1;
/** The data set is fixed (the task); the seed draws the weights. */
export const DATA_SEED = 1;

export const OPTIMIZERS = ['adam', 'momentum'] as const;
export type RaceOptimizer = (typeof OPTIMIZERS)[number];

export interface RaceConfig {
  blocks: number;
  width: number;
  norm: NormKind;
  optimizer: RaceOptimizer;
  learningRate: number;
}

/** A network's loss read back above this many times its first has diverged (the loop's own rule). */
export const DIVERGENCE_FACTOR = 1e4;

/** The spiral's points (scaled into the unit disc) and labels, as plain arrays. */
export function spiralPoints(): { x: number[][]; y: number[] } {
  const set = data.toyDataset('spiral', { n: POINTS, noise: NOISE, seed: DATA_SEED });
  return { x: set.x.map(([a, b]) => [a / RADIUS, b / RADIUS]), y: set.y };
}

/** One network as the figure shows it: plain, finite numbers only. */
export interface NetView {
  name: NetworkName;
  /** The training loss after each step (thinned as the loop's curve is); steps from 1. */
  curve: Curve;
  /** Steps it has taken. */
  steps: number;
  loss: number | null;
  /** Share of the points on the right side of its boundary, at its last step. */
  accuracy: number | null;
  /** ‖∂L/∂W‖ per block at its last step (at the starting weights before any), block 1 first. */
  norms: number[];
  /** The same at the starting weights. */
  startNorms: number[];
  /** Why it stopped, if its loss diverged. */
  stop: Divergence | null;
}

/** One network's run, watched: its loss curve, its latest numbers, its divergence. */
class NetTrack {
  readonly history = new LossHistory();
  first: number | null = null;
  stop: Divergence | null = null;
  steps = 0;
  loss: number | null = null;
  accuracy: number | null = null;

  constructor(
    readonly name: NetworkName,
    readonly startNorms: number[],
    public norms: number[],
  ) {}

  /** Records step `step` (from 1); false when its loss diverged. */
  record(step: number, loss: number, accuracy: number, norms: number[]): boolean {
    const judged = judgeLosses([loss], step - 1, this.first, DIVERGENCE_FACTOR);
    this.first = judged.firstLoss;
    this.stop = judged.divergence;
    if (judged.kept.length) this.history.record(step, loss);
    // Numbers of a diverged step are not shown: the last good ones stay.
    if (this.stop) return false;
    this.steps = step;
    this.loss = loss;
    this.accuracy = accuracy;
    this.norms = norms.map((v) => (Number.isFinite(v) ? v : 0));
    return true;
  }

  view(): NetView {
    const { name, steps, loss, accuracy, norms, startNorms, stop } = this;
    return { name, curve: this.history.curve(), steps, loss, accuracy, norms, startNorms, stop };
  }
}

/** The loss, the accuracy and the block gradient norms after `backward()`, as one [2 + blocks] tensor. */
function stepReadings(net: DeepNet, logits: Tensor, loss: Tensor, signs: Tensor): Tensor {
  return noGrad(() => {
    // A point is right when its logit has the sign of its label (±1): relu(z·s) > 0.
    const accuracy = mean(where(relu(mul(logits, signs)), 1, 0));
    return concat([reshape(loss, [1]), reshape(accuracy, [1]), blockGradientNorms(net)]);
  });
}

/** ‖∂L/∂W‖ per block of `net` at its current weights, from one backward pass and no update. */
export function gradientNormsNow(net: DeepNet, x: Tensor, y: Tensor): number[] {
  return tidy(() => {
    net.model.zeroGrad();
    losses.bceWithLogits(net.model.forward(x), y).backward();
    const norms = Array.from(blockGradientNorms(net).data());
    net.model.zeroGrad();
    return norms;
  });
}

export class ResidualRace {
  readonly nets: DeepNet[];
  readonly optimizers: optim.Optimizer[];
  readonly tracks: NetTrack[];
  private readonly x: Tensor;
  private readonly y: Tensor;
  private readonly signs: Tensor;

  constructor(config: RaceConfig, seed: number) {
    const points = spiralPoints();
    this.x = tensor(points.x);
    this.y = tensor(points.y.map((v) => [v]));
    this.signs = tensor(points.y.map((v) => [2 * v - 1]));
    this.nets = NETWORKS.map((name) => buildNet(specOf(name, config.norm), { blocks: config.blocks, width: config.width, seed }));
    this.optimizers = this.nets.map((net) => makeOptimizer(net.model, { kind: config.optimizer, lr: config.learningRate }));
    this.tracks = this.nets.map((net, k) => {
      const start = gradientNormsNow(net, this.x, this.y);
      return new NetTrack(NETWORKS[k], start, start);
    });
  }

  /** Whether network k still trains (it has not diverged). */
  training(k: number): boolean {
    return this.tracks[k].stop === null;
  }

  /**
   * Step `step` (from 1) of every network still training; returns the mean of their losses for the
   * training loop (or, once the last has diverged, that one's loss, on which the loop stops too).
   * Runs inside the loop's `tidy`.
   */
  step(step: number): Tensor {
    const going: number[] = [];
    const lossTensors: Tensor[] = [];
    const readings: Tensor[] = [];
    this.nets.forEach((net, k) => {
      if (!this.training(k)) return;
      const opt = this.optimizers[k];
      opt.zeroGrad();
      const logits = net.model.forward(this.x);
      const loss = losses.bceWithLogits(logits, this.y);
      loss.backward();
      readings.push(stepReadings(net, logits, loss, this.signs));
      opt.step();
      going.push(k);
      lossTensors.push(loss);
    });
    if (going.length === 0) throw new Error('every network has diverged');
    // One read-back for all of them.
    const values = concat(readings).data();
    const still: Tensor[] = [];
    let offset = 0;
    going.forEach((k, i) => {
      const blocks = this.nets[k].blocks.length;
      const row = Array.from(values.subarray(offset, offset + 2 + blocks));
      offset += 2 + blocks;
      if (this.tracks[k].record(step, row[0], row[1], row.slice(2))) still.push(lossTensors[i]);
      else {
        // Its weights are of no more use (and may not be finite): freed now, and not carried.
        this.optimizers[k].dispose();
        this.nets[k].model.dispose();
      }
    });
    if (still.length > 0) return mean(stack(still));
    return lossTensors[lossTensors.length - 1];
  }

  /** What must survive a change of backend. */
  keep() {
    return [...this.nets.flatMap((net, k) => (this.training(k) ? [net.model, this.optimizers[k]] : [])), this.x, this.y, this.signs];
  }

  /** Whether every network has diverged (the run ends). */
  finished(): boolean {
    return this.tracks.every((t) => t.stop !== null);
  }

  view(): NetView[] {
    return this.tracks.map((t) => t.view());
  }

  dispose(): void {
    this.nets.forEach((net, k) => {
      if (!this.training(k)) return;
      this.optimizers[k].dispose();
      net.model.dispose();
    });
    this.x.dispose();
    this.y.dispose();
    this.signs.dispose();
  }
}
