// One training run on MNIST, without React: the model, its optimiser (Adam unless told otherwise),
// the mini-batch order (a fresh shuffle of the training set each epoch, from a seeded generator)
// and the evaluation on held-out digits. The trainer widget, the MLP-vs-CNN widget, scripts/train-mnist.ts and the benchmark all
// train through this file.
import { losses, noGrad, Random, softmax, tidy, type data, type nn, type optim, type Tensor } from '../../engine/index.ts';
import { makeOptimizer, type OptimizerSpec } from '../training/optimizerChoice.ts';

type MnistSplit = data.MnistSplit;

export interface RunOptions {
  batchSize: number;
  /** Adam's rate, unless `optimizer` says otherwise. */
  learningRate: number;
  seed: number;
  /** The optimiser and its rate (default: Adam at `learningRate`). */
  optimizer?: OptimizerSpec;
}

export const DEFAULT_RUN: RunOptions = { batchSize: 32, learningRate: 0.002, seed: 1 };

export class MnistRun {
  readonly optimizer: optim.Optimizer;
  /** The optimiser's rate before any schedule: a schedule sets `optimizer.lr` to it times a factor. */
  readonly baseLr: number;
  private order: number[] = [];
  private cursor = 0;
  private readonly rng: Random;
  /** Training images seen since the run began. */
  samplesSeen = 0;

  constructor(
    readonly model: nn.Sequential,
    readonly train: MnistSplit,
    readonly opts: RunOptions,
  ) {
    const spec = opts.optimizer ?? { kind: 'adam', lr: opts.learningRate };
    this.optimizer = makeOptimizer(model, spec);
    this.baseLr = spec.lr;
    this.rng = new Random(opts.seed * 7919 + 1);
  }

  private nextBatch(): number[] {
    const out: number[] = [];
    while (out.length < this.opts.batchSize) {
      if (this.cursor >= this.order.length) {
        this.order = this.rng.permutation(this.train.count);
        this.cursor = 0;
      }
      out.push(this.order[this.cursor++]);
    }
    return out;
  }

  /** One optimiser step on the next mini-batch; returns the batch's mean loss (call inside tidy). */
  step(): { loss: Tensor } {
    const batch = this.nextBatch();
    // #region step
    const { x, labels } = this.train.batch(batch); // x: [batch, 28, 28, 1] in [0, 1]
    this.optimizer.zeroGrad();
    const logits = this.model.forward(x); // [batch, 10]
    const loss = losses.crossEntropy(logits, labels); // mean of −log softmax(logits)[label]
    loss.backward();
    this.optimizer.step();
    // #endregion
    this.samplesSeen += batch.length;
    return { loss };
  }

  dispose(): void {
    this.optimizer.dispose();
  }
}

export interface Evaluation {
  accuracy: number;
  /** Mean cross-entropy. */
  loss: number;
  /** confusion[true][predicted] counts. */
  confusion: number[][];
  /** Predicted class of each evaluated image, in order. */
  predictions: number[];
  count: number;
}

/**
 * Accuracy, loss and confusion matrix of `model` on the first `limit` images of `split`, in
 * chunks (one forward pass per chunk, no graph recorded).
 */
export function evaluate(model: nn.Sequential, split: MnistSplit, limit = split.count, chunk = 500): Evaluation {
  const run = new ChunkedEvaluation(model, split, limit);
  let result: Evaluation | null = null;
  while (!result) result = run.advance(chunk);
  return result;
}

/**
 * The same evaluation in slices, so that a widget can spread it over several short tasks and the
 * page stays responsive: call `advance()` until it returns the result.
 */
export class ChunkedEvaluation {
  private next = 0;
  private correct = 0;
  private lossSum = 0;
  private readonly confusion = Array.from({ length: 10 }, () => new Array<number>(10).fill(0));
  private readonly predictions: number[] = [];
  readonly count: number;

  constructor(
    private readonly model: nn.Sequential,
    private readonly split: MnistSplit,
    limit = split.count,
  ) {
    this.count = Math.min(limit, split.count);
  }

  advance(chunk = 250): Evaluation | null {
    if (this.next < this.count) {
      const part = evaluateRange(this.model, this.split, this.next, Math.min(this.next + chunk, this.count));
      this.next += part.predictions.length;
      this.correct += part.correct;
      this.lossSum += part.lossSum;
      part.predictions.forEach((p, j) => {
        this.predictions.push(p);
        this.confusion[this.split.labels[this.next - part.predictions.length + j]][p]++;
      });
    }
    if (this.next < this.count) return null;
    return { accuracy: this.count ? this.correct / this.count : 0, loss: this.count ? this.lossSum / this.count : 0, confusion: this.confusion, predictions: this.predictions, count: this.count };
  }
}

function evaluateRange(model: nn.Sequential, split: MnistSplit, from: number, to: number) {
  const indices = Array.from({ length: to - from }, (_, i) => from + i);
  const wasTraining = model.training;
  model.eval();
  const probs = tidy(() => noGrad(() => softmax(model.forward(split.batch(indices).x), 1).data()));
  model.train(wasTraining);
  const predictions: number[] = [];
  let correct = 0;
  let lossSum = 0;
  indices.forEach((idx, j) => {
    const label = split.labels[idx];
    let best = 0;
    for (let c = 1; c < 10; c++) if (probs[j * 10 + c] > probs[j * 10 + best]) best = c;
    predictions.push(best);
    if (best === label) correct++;
    lossSum += -Math.log(Math.max(probs[j * 10 + label], 1e-12));
  });
  return { predictions, correct, lossSum };
}
