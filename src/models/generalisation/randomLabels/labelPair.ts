// The same network trained twice, the same way, on the same images in the same batch order: once
// with the true labels and once with some of them redrawn at random (corruptLabels.ts). Both start
// from the same weights (one seed), both use Adam at the same rate; only the labels differ. After
// every epoch each is measured on its own training labels and on held-out test digits with their
// true labels, which is the whole experiment of Zhang et al. (2017) in small.
import { gather, losses, mean, noGrad, Random, stack, tensor, tidy, type nn, type optim, type Tensor } from '../../../engine/index.ts';
import type { MnistArrays } from '../../../engine/data/mnistFormat.ts';
import { buildMlp } from '../../mnist/cnnModel.ts';
import type { Kept } from '../../training/job.ts';
import { makeOptimizer } from '../../training/optimizerChoice.ts';
import { corruptLabels, type CorruptedLabels } from './corruptLabels.ts';

/** The digits a run draws from: its training subset is the first `images` of `train`. */
export interface LabelDigits {
  train: MnistArrays;
  test: MnistArrays;
}

export interface PairSetting {
  /** Training images: the first this many of the training file. */
  images: number;
  /** Units in the one hidden layer (ReLU) of the 784 → hidden → 10 network. */
  hidden: number;
  /** Share of the training labels redrawn at random, 0 to 1. */
  fraction: number;
  /** Adam's rate, the same for both networks. */
  learningRate: number;
  batchSize: number;
  /** Test accuracy is measured on the first this many test digits. */
  testDigits: number;
}

/** Index of each network in every pair of numbers below. */
export const TRUE_LABELS = 0;
export const RANDOM_LABELS = 1;

/** Both networks measured after an epoch: [true labels, random labels]. */
export interface EpochAccuracy {
  epoch: number;
  /** Accuracy on the training images, each network against the labels it is trained on. */
  train: [number, number];
  /** Accuracy on the test digits against their true labels. */
  test: [number, number];
}

const PIXELS = 784;

/** The first `count` images of a split as grey levels in [0, 1], one row of 784 per image. */
export function flatImages(split: MnistArrays, count: number): Float32Array {
  if (split.rows * split.cols !== PIXELS) throw new Error(`expected 28×28 digits, got ${split.rows}×${split.cols}`);
  const n = Math.min(count, split.count);
  const out = new Float32Array(n * PIXELS);
  for (let i = 0; i < out.length; i++) out[i] = split.pixels[i] / 255;
  return out;
}

/** Share of the images in `x` whose largest score is at their label. */
export function accuracyOf(model: nn.Sequential, x: Tensor, labels: readonly number[]): number {
  const scores = tidy(() => noGrad(() => model.forward(x).data()));
  let right = 0;
  labels.forEach((label, i) => {
    let best = 0;
    for (let c = 1; c < 10; c++) if (scores[i * 10 + c] > scores[i * 10 + best]) best = c;
    if (best === label) right++;
  });
  return labels.length ? right / labels.length : 0;
}

export class LabelPair {
  readonly models: [nn.Sequential, nn.Sequential];
  readonly optimizers: [optim.Optimizer, optim.Optimizer];
  /** Each network's training labels: [true, corrupted]. */
  readonly labels: [number[], number[]];
  readonly corruption: CorruptedLabels;
  readonly images: number;
  readonly stepsPerEpoch: number;
  private readonly x: Tensor;
  private readonly xTest: Tensor;
  private readonly testLabels: number[];
  private readonly order: Random;
  private batches: number[][] = [];
  /** Steps taken since the run began. */
  steps = 0;

  constructor(
    digits: LabelDigits,
    readonly setting: PairSetting,
    seed: number,
  ) {
    const { images, hidden, fraction, learningRate, batchSize, testDigits } = setting;
    this.images = Math.min(images, digits.train.count);
    if (this.images < 1) throw new Error('no training images');
    const trueLabels = Array.from(digits.train.labels.subarray(0, this.images));
    this.corruption = corruptLabels(trueLabels, fraction, seed);
    this.labels = [trueLabels, this.corruption.labels];
    this.testLabels = Array.from(digits.test.labels.subarray(0, Math.min(testDigits, digits.test.count)));
    // One seed, so both networks start from the very same weights.
    this.models = [buildMlp(hidden, seed), buildMlp(hidden, seed)];
    this.optimizers = [makeOptimizer(this.models[0], { kind: 'adam', lr: learningRate }), makeOptimizer(this.models[1], { kind: 'adam', lr: learningRate })];
    this.x = tensor(flatImages(digits.train, this.images), [this.images, PIXELS]);
    this.xTest = tensor(flatImages(digits.test, this.testLabels.length), [this.testLabels.length, PIXELS]);
    this.order = new Random(seed * 7919 + 1);
    this.stepsPerEpoch = Math.ceil(this.images / batchSize);
  }

  /** Whole epochs done. */
  get epochs(): number {
    return Math.floor(this.steps / this.stepsPerEpoch);
  }

  /** The next mini-batch: each epoch a fresh seeded shuffle, cut into batches (the last one shorter). */
  private nextBatch(): number[] {
    if (this.batches.length === 0) {
      const perm = this.order.permutation(this.images);
      for (let s = 0; s < perm.length; s += this.setting.batchSize) this.batches.push(perm.slice(s, s + this.setting.batchSize));
    }
    return this.batches.shift()!;
  }

  /** One Adam step of each network on the same batch (call inside tidy): their two losses. */
  step(): [Tensor, Tensor] {
    const batch = this.nextBatch();
    const x = gather(this.x, batch);
    const out = this.models.map((model, k) => {
      const opt = this.optimizers[k];
      opt.zeroGrad();
      const loss = losses.crossEntropy(model.forward(x), batch.map((i) => this.labels[k][i]));
      loss.backward();
      opt.step();
      return loss;
    });
    this.steps++;
    return [out[0], out[1]];
  }

  /** Both losses as one: what the training loop judges for a divergence. */
  static joint(pair: [Tensor, Tensor]): Tensor {
    return mean(stack(pair));
  }

  /** Training accuracy (against each network's own labels) only: cheaper than `measure`. */
  trainAccuracy(): [number, number] {
    return [accuracyOf(this.models[0], this.x, this.labels[0]), accuracyOf(this.models[1], this.x, this.labels[1])];
  }

  /** Both networks on their training labels and on the test digits' true labels. */
  measure(): EpochAccuracy {
    return {
      epoch: this.steps / this.stepsPerEpoch,
      train: this.trainAccuracy(),
      test: [accuracyOf(this.models[0], this.xTest, this.testLabels), accuracyOf(this.models[1], this.xTest, this.testLabels)],
    };
  }

  /** What must survive a change of backend. */
  keep(): Kept {
    return [...this.models, ...this.optimizers, this.x, this.xTest];
  }

  dispose(): void {
    this.optimizers.forEach((o) => o.dispose());
    this.models.forEach((m) => m.dispose());
    this.x.dispose();
    this.xTest.dispose();
  }
}

/** The first epoch at which training accuracy reached `level`, for each network (null: not yet). */
export function firstEpochAt(history: readonly EpochAccuracy[], level: number): [number | null, number | null] {
  const at = (k: number) => history.find((h) => h.train[k] >= level)?.epoch ?? null;
  return [at(TRUE_LABELS), at(RANDOM_LABELS)];
}
