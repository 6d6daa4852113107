// Two copies of one network, trained side by side on a few hundred MNIST digits: the same initial
// weights (built from the same seed), the same mini-batches in the same order (one shuffle of the
// training subset each epoch, shared), the same optimiser; the only difference is that the second
// sees every image as a fresh augmented copy, drawn anew each time the image comes round. Both are
// measured on the same untouched test digits, which augmentation never sees.
import { data, losses, Random, tensor, type nn, type optim, type Tensor } from '../../../engine/index.ts';
import { buildCnn, buildMlp, DEFAULT_ARCHITECTURE } from '../../mnist/cnnModel.ts';
import { ChunkedEvaluation, DEFAULT_RUN } from '../../mnist/mnistTraining.ts';
import { makeOptimizer } from '../../training/optimizerChoice.ts';
import { augment, SIDE, type AugmentSettings } from './augment.ts';

export const MODEL_KINDS = ['mlp', 'cnn'] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

/** Hidden units of the perceptron: enough to memorise a few hundred digits. */
export const MLP_HIDDEN = 128;

export interface PairSpec {
  /** Training digits: the first this many of the training split. */
  trainSize: number;
  model: ModelKind;
  /** Hidden units of the perceptron (default MLP_HIDDEN); the CNN is the chapter's own. */
  hidden?: number;
  settings: AugmentSettings;
  /** Test digits: the first this many of the test split, the same for every run. */
  testDigits: number;
  batchSize: number;
  /** Adam's learning rate. */
  learningRate: number;
}

export const PAIR_DEFAULTS = { batchSize: DEFAULT_RUN.batchSize, learningRate: DEFAULT_RUN.learningRate };

/** The two networks' indices in every pair of numbers this file returns. */
export const PLAIN = 0;
export const AUGMENTED = 1;

export function buildModel(kind: ModelKind, seed: number, hidden = MLP_HIDDEN): nn.Sequential {
  return kind === 'cnn' ? buildCnn(DEFAULT_ARCHITECTURE, seed) : buildMlp(hidden, seed);
}

/** Mini-batches in one epoch: the last one takes what is left, so an epoch is exactly one pass. */
export const stepsPerEpoch = (trainSize: number, batchSize: number) => Math.ceil(trainSize / batchSize);

/** The first `count` images of a split as a split of their own (no copy of the pixels). */
export function firstOf(split: data.MnistSplit, count: number): data.MnistSplit {
  const n = Math.min(count, split.count);
  const size = split.rows * split.cols;
  return new data.MnistSplit({ rows: split.rows, cols: split.cols, classes: split.classes, seed: 0, count: n, labels: split.labels.subarray(0, n), pixels: split.pixels.subarray(0, n * size) });
}

export class AugmentedPair {
  readonly models: [nn.Sequential, nn.Sequential];
  readonly optimizers: [optim.Optimizer, optim.Optimizer];
  readonly train: data.MnistSplit;
  readonly test: data.MnistSplit;
  readonly stepsPerEpoch: number;
  private readonly images: Float32Array[];
  private readonly orderRng: Random;
  private readonly augmentRng: Random;
  private order: number[] = [];
  /** Steps taken (each a step of both networks). */
  steps = 0;

  constructor(
    train: data.MnistSplit,
    test: data.MnistSplit,
    readonly spec: PairSpec,
    seed: number,
  ) {
    this.train = firstOf(train, spec.trainSize);
    this.test = firstOf(test, spec.testDigits);
    this.images = Array.from({ length: this.train.count }, (_, i) => this.train.image(i));
    this.models = [buildModel(spec.model, seed, spec.hidden), buildModel(spec.model, seed, spec.hidden)];
    this.optimizers = [makeOptimizer(this.models[0], { kind: 'adam', lr: spec.learningRate }), makeOptimizer(this.models[1], { kind: 'adam', lr: spec.learningRate })];
    this.stepsPerEpoch = stepsPerEpoch(this.train.count, spec.batchSize);
    // Two generators: the batch order must not depend on how many numbers augmentation drew.
    this.orderRng = new Random(seed * 7919 + 1);
    this.augmentRng = new Random(seed * 104729 + 7);
  }

  /** Epochs completed. */
  get epoch(): number {
    return Math.floor(this.steps / this.stepsPerEpoch);
  }

  /** The indices of the next mini-batch into the training subset. */
  nextBatch(): number[] {
    const within = this.steps % this.stepsPerEpoch;
    if (within === 0) this.order = this.orderRng.permutation(this.train.count);
    return this.order.slice(within * this.spec.batchSize, (within + 1) * this.spec.batchSize);
  }

  /** One step of both networks on the same batch, the second on fresh augmented copies (inside tidy). */
  step(): { plain: Tensor; augmented: Tensor } {
    const batch = this.nextBatch();
    const labels = batch.map((i) => this.train.labels[i]);
    const plainImages = batch.map((i) => this.images[i]);
    const augmentedImages = plainImages.map((img) => augment(img, this.spec.settings, this.augmentRng));
    const [plain, augmented] = [plainImages, augmentedImages].map((imgs, k) => {
      const x = tensor(stackImages(imgs), [imgs.length, SIDE, SIDE, 1]);
      this.optimizers[k].zeroGrad();
      const loss = losses.crossEntropy(this.models[k].forward(x), labels);
      loss.backward();
      this.optimizers[k].step();
      return loss;
    });
    this.steps++;
    return { plain, augmented };
  }

  /** Sliced evaluations of network k on the test digits and on its (plain) training digits. */
  evaluations(k: number): { test: ChunkedEvaluation; train: ChunkedEvaluation } {
    return { test: new ChunkedEvaluation(this.models[k], this.test), train: new ChunkedEvaluation(this.models[k], this.train) };
  }

  dispose(): void {
    this.optimizers.forEach((o) => o.dispose());
    this.models.forEach((m) => m.dispose());
  }
}

function stackImages(images: Float32Array[]): Float32Array {
  const out = new Float32Array(images.length * SIDE * SIDE);
  images.forEach((img, j) => out.set(img, j * SIDE * SIDE));
  return out;
}
