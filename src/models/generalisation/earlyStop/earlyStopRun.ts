// One run of the early-stopping figure: a 1 → 64 → 64 → 1 tanh network, far bigger than fifteen
// noisy points need, fitted by Adam on the whole training set each epoch. After every epoch the
// training and validation losses are measured and the rule (training/earlyStopping.ts) observes
// the validation loss; on a new best the weights are copied out as plain numbers, and at the end
// (patience spent, or the epoch budget) they can be put back: Prechelt (1998), "Early stopping —
// but when?". One read-back per epoch carries both losses and every weight.
import { concat, losses, nn, noGrad, optim, Random, reshape, tensor, tidy, type Tensor } from '../../../engine/index.ts';
import { EarlyStopping } from '../../training/earlyStopping.ts';
import { makeData, type EarlyStopData } from './earlyStopData.ts';

export const HIDDEN = 64;
/** Adam's rate: slow enough that the smooth trend comes first and the noise later. */
export const LEARNING_RATE = 0.002;
/** The epoch budget when nothing stops the run earlier. */
export const MAX_EPOCHS = 1000;

export interface EarlyStopConfig {
  /** Epochs without a new best validation loss before the rule says stop. */
  patience: number;
  /** How much lower than the best a loss must be to count as a new best. */
  minDelta: number;
  /** Stop training when patience runs out (off: go on, to see what would have happened). */
  stop: boolean;
  /** Put the best epoch's weights back at the end. */
  restoreBest: boolean;
  learningRate?: number;
  maxEpochs?: number;
}

/** What the figure draws, as plain numbers. */
export interface EarlyStopPicture {
  epoch: number;
  /** Training and validation loss after each epoch (index e − 1 for epoch e). */
  trainLosses: number[];
  valLosses: number[];
  bestEpoch: number | null;
  bestValLoss: number | null;
  /** Where the rule said stop (null while patience lasts). */
  stopEpoch: number | null;
  /** The fit now, and the fit with the best epoch's weights, on the test grid. */
  curve: number[];
  bestCurve: number[] | null;
  testLoss: number;
  bestTestLoss: number | null;
  /** Set once the best weights are back: the epoch it happened, and the fit just before. */
  restored: { atEpoch: number; testLoss: number; curve: number[] } | null;
  /** The lowest validation loss of the whole run and its epoch (later than the rule's best when it stopped too soon). */
  lowestEpoch: number | null;
  lowestValLoss: number | null;
}

/**
 * The network: tanh units, PyTorch's default start (weights and biases uniform in ±1/√fan-in), from
 * the seed. The first layer's wide start (±1 for one input) gives its units varied slopes and
 * offsets, so the network can bend through every noisy point within a few hundred epochs.
 */
export function makeEarlyStopNet(seed: number): nn.Sequential {
  const rng = new Random(seed);
  const init = { rng };
  return new nn.Sequential(new nn.Linear(1, HIDDEN, init), new nn.Tanh(), new nn.Linear(HIDDEN, HIDDEN, init), new nn.Tanh(), new nn.Linear(HIDDEN, 1, init));
}

const column = (v: readonly number[]) => tensor(v.map((x) => [x]));

export class EarlyStopRun {
  readonly data: EarlyStopData;
  readonly rule: EarlyStopping;
  readonly net: nn.Sequential;
  private readonly opt: optim.Adam;
  private readonly tensors: Tensor[];
  private readonly maxEpochs: number;
  private epochsDone = 0;
  private readonly trainLosses: number[] = [];
  private readonly valLosses: number[] = [];
  private best: Float32Array | null = null;
  private bestPicture: { epoch: number; curve: number[]; testLoss: number } | null = null;
  private restoredAt: EarlyStopPicture['restored'] = null;
  private ended = false;

  constructor(
    readonly config: EarlyStopConfig,
    seed: number,
  ) {
    this.data = makeData(seed);
    this.rule = new EarlyStopping({ patience: config.patience, minDelta: config.minDelta });
    this.maxEpochs = config.maxEpochs ?? MAX_EPOCHS;
    this.net = makeEarlyStopNet(seed);
    this.opt = new optim.Adam(this.net, { lr: config.learningRate ?? LEARNING_RATE });
    const { train, validation, test } = this.data;
    this.tensors = [column(train.x), column(train.y), column(validation.x), column(validation.y), column(test.x), column(test.y)];
  }

  get epoch(): number {
    return this.epochsDone;
  }

  /** One epoch (one full-batch step): returns the training loss before the update, for the loop. */
  step(): { loss: Tensor } {
    const [xTrain, yTrain, xVal, yVal] = this.tensors;
    this.opt.zeroGrad();
    const loss = losses.mseLoss(this.net.forward(xTrain), yTrain);
    loss.backward();
    this.opt.step();
    this.epochsDone += 1;
    const read = tidy(() => noGrad(() =>
      concat([
        reshape(losses.mseLoss(this.net.forward(xTrain), yTrain), [1]),
        reshape(losses.mseLoss(this.net.forward(xVal), yVal), [1]),
        ...this.net.parameters().map((p) => reshape(p, [p.size])),
      ]).data(),
    ));
    this.trainLosses.push(read[0]);
    this.valLosses.push(read[1]);
    if (this.rule.observe(this.epochsDone, read[1]) === 'improved') this.best = read.slice(2);
    if (this.finished()) this.end();
    return { loss };
  }

  /** Patience spent (when stopping is on), or the epoch budget used up. */
  finished(): boolean {
    return this.epochsDone >= this.maxEpochs || (this.config.stop && this.rule.stopEpoch !== null);
  }

  /** The end of training: the best weights go back if asked (once), the fit before kept to compare. */
  private end(): void {
    if (this.ended) return;
    this.ended = true;
    if (!this.config.restoreBest || !this.best) return;
    const before = this.fit();
    this.setWeights(this.best);
    this.restoredAt = { atEpoch: this.epochsDone, testLoss: before.testLoss, curve: before.curve };
  }

  /** Every weight as plain numbers, in the network's parameter order. */
  weights(): Float32Array {
    return tidy(() => noGrad(() => concat(this.net.parameters().map((p) => reshape(p, [p.size]))).data().slice()));
  }

  /** The best epoch's weights as they were copied (null before a finite validation loss). */
  bestWeights(): Float32Array | null {
    return this.best ? this.best.slice() : null;
  }

  private setWeights(flat: Float32Array): void {
    const state: ReturnType<nn.Sequential['stateDict']> = {};
    let at = 0;
    for (const [name, p] of this.net.namedParameters()) {
      state[name] = { shape: [...p.shape], values: Array.from(flat.subarray(at, at + p.size)) };
      at += p.size;
    }
    this.net.loadStateDict(state);
  }

  /** The network's curve on the test grid and its test loss (mean squared distance from the true curve). */
  private fit(): { curve: number[]; testLoss: number } {
    const [, , , , xTest] = this.tensors;
    const curve = tidy(() => noGrad(() => Array.from(this.net.forward(xTest).data())));
    const truth = this.data.test.y;
    const testLoss = curve.reduce((s, v, i) => s + (v - truth[i]) ** 2, 0) / curve.length;
    return { curve, testLoss };
  }

  /** The fit at the best epoch: the best weights in the network for a moment, then the current ones back. */
  private fitAtBest(): { epoch: number; curve: number[]; testLoss: number } | null {
    const epoch = this.rule.bestEpoch;
    if (epoch === null || !this.best) return null;
    if (this.bestPicture?.epoch !== epoch) {
      const now = this.weights();
      this.setWeights(this.best);
      this.bestPicture = { epoch, ...this.fit() };
      this.setWeights(now);
    }
    return this.bestPicture;
  }

  picture(): EarlyStopPicture {
    const now = this.fit();
    const best = this.fitAtBest();
    let lowest: number | null = null;
    this.valLosses.forEach((v, i) => {
      if (Number.isFinite(v) && (lowest === null || v < this.valLosses[lowest])) lowest = i;
    });
    return {
      epoch: this.epochsDone,
      trainLosses: this.trainLosses.slice(),
      valLosses: this.valLosses.slice(),
      bestEpoch: this.rule.bestEpoch,
      bestValLoss: this.rule.bestEpoch === null ? null : this.rule.bestLoss,
      stopEpoch: this.rule.stopEpoch,
      curve: now.curve,
      bestCurve: best?.curve ?? null,
      testLoss: now.testLoss,
      bestTestLoss: best?.testLoss ?? null,
      restored: this.restoredAt,
      lowestEpoch: lowest === null ? null : lowest + 1,
      lowestValLoss: lowest === null ? null : this.valLosses[lowest],
    };
  }

  /** What the loop keeps across a change of backend. */
  keep(): (nn.Sequential | optim.Adam | Tensor)[] {
    return [this.net, this.opt, ...this.tensors];
  }

  dispose(): void {
    this.opt.dispose();
    this.net.dispose();
    for (const t of this.tensors) t.dispose();
  }
}
