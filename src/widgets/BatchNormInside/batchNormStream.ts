// One engine nn.BatchNorm1d fed a seeded stream of batches. Stepping is the layer's forward pass in
// training mode and nothing else (no loss, no optimiser): that is all it takes for the running
// statistics to move. The figure never computes a normalisation itself: every output it shows is
// the layer's own, in the mode asked for, with γ and β loaded into the layer's weight and bias.
import { fromTf, mul, nn, noGrad, stack, tensor, tidy, type Random, type Tensor } from '../../engine/index.ts';
import { drawBatch, evaluationStream, streamsOf, UNITS } from './population.ts';

export type LayerMode = 'train' | 'eval';

/** The layer's output for a batch, or why the layer refused it (a batch of one in training). */
export type LayerOutput = { values: number[][]; error: null } | { values: null; error: string };

export interface StreamSetting {
  seed: number;
  batchSize: number;
  momentum: number;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class BatchNormStream {
  readonly layer: nn.BatchNorm1d;
  /** Training batches the layer has taken (refused ones included: they were drawn and shown to it). */
  private taken = 0;
  private readonly training: Random;
  private evaluation: Random;
  private evalIndex = 0;
  private lastEval: number[][] | null = null;
  /** The latest training batch, as drawn. */
  lastBatch: number[][] | null = null;
  /** Row k: the running mean (and variance) of every unit after k training batches; row 0 the start. */
  readonly runningMean: number[][];
  readonly runningVar: number[][];
  /** The engine's message when it refused a training batch (a batch of one), else null. */
  refusal: string | null = null;

  constructor(readonly setting: StreamSetting) {
    this.layer = new nn.BatchNorm1d(UNITS, { momentum: setting.momentum });
    const streams = streamsOf(setting.seed);
    this.training = streams.training;
    this.evaluation = streams.evaluation;
    const start = this.layer.stateDict();
    this.runningMean = [start.runningMean.values];
    this.runningVar = [start.runningVar.values];
  }

  get batches(): number {
    return this.taken;
  }

  /**
   * Takes training batches until `k` have passed through the layer in training mode. The running
   * statistics after each are copied on the device and read back once at the end (one read, not
   * one a batch, which a GPU backend makes slow).
   */
  advanceTo(k: number): void {
    if (k < this.taken) throw new Error(`BatchNormStream: cannot go back from ${this.taken} batches to ${k}`);
    if (k === this.taken) return;
    this.layer.train();
    const read = tidy(() =>
      noGrad(() => {
        const means: Tensor[] = [];
        const vars: Tensor[] = [];
        for (; this.taken < k; this.taken++) {
          const batch = drawBatch(this.training, this.setting.batchSize);
          this.lastBatch = batch;
          try {
            this.layer.forward(tensor(batch));
          } catch (e) {
            // The engine refuses a batch of one in training mode; the statistics stay as they were.
            this.refusal = messageOf(e);
            continue;
          }
          means.push(mul(fromTf(this.layer.runningMean), 1));
          vars.push(mul(fromTf(this.layer.runningVar), 1));
        }
        if (!means.length) return null;
        return { mean: Array.from(stack(means).data()), variance: Array.from(stack(vars).data()) };
      }),
    );
    if (!read) return;
    for (let i = 0; i < read.mean.length / UNITS; i++) {
      this.runningMean.push(read.mean.slice(i * UNITS, (i + 1) * UNITS));
      this.runningVar.push(read.variance.slice(i * UNITS, (i + 1) * UNITS));
    }
  }

  /** Evaluation batch `e` (1-based) of the evaluation stream: new data the layer never trains on. */
  evalBatch(e: number): number[][] {
    if (e < 1) throw new Error(`BatchNormStream: evaluation batches count from 1, got ${e}`);
    if (e < this.evalIndex) {
      this.evaluation = evaluationStream(this.setting.seed);
      this.evalIndex = 0;
    }
    while (this.evalIndex < e) {
      this.lastEval = drawBatch(this.evaluation, this.setting.batchSize);
      this.evalIndex++;
    }
    return this.lastEval!;
  }

  /**
   * The layer's output for `batch` in `mode`, with `gamma` and `beta` as its weight and bias. The
   * layer is left exactly as it was: a training-mode pass would move the running statistics, so
   * its state is saved first and put back after.
   */
  output(batch: number[][], mode: LayerMode, gamma: readonly number[], beta: readonly number[]): LayerOutput {
    const saved = this.layer.stateDict();
    try {
      this.layer.loadStateDict({ ...saved, weight: { shape: [UNITS], values: [...gamma] }, bias: { shape: [UNITS], values: [...beta] } });
      this.layer.train(mode === 'train');
      const flat = tidy(() => noGrad(() => Array.from(this.layer.forward(tensor(batch)).data())));
      return { values: batch.map((_, i) => flat.slice(i * UNITS, (i + 1) * UNITS)), error: null };
    } catch (e) {
      return { values: null, error: messageOf(e) };
    } finally {
      this.layer.loadStateDict(saved);
      this.layer.train();
    }
  }

  dispose(): void {
    this.layer.dispose();
  }
}

/**
 * The stream a figure keeps between renders: the same one while the batches only go forward, a
 * new one from the seed when the batch size, the momentum or the seed changes, when the figure
 * goes back (a reset), or when the engine changes backend (its variables live on one backend).
 */
export class StreamKeeper {
  private held: { stream: BatchNormStream; backend: string | null } | null = null;

  /** The stream for `setting`, able to reach `batches` by going forward. */
  streamFor(setting: StreamSetting, batches: number, backend: string | null): BatchNormStream {
    const h = this.held;
    const s = h?.stream.setting;
    if (!h || h.backend !== backend || s?.seed !== setting.seed || s.batchSize !== setting.batchSize || s.momentum !== setting.momentum || h.stream.batches > batches) {
      this.dispose();
      this.held = { stream: new BatchNormStream({ ...setting }), backend };
    }
    return this.held!.stream;
  }

  dispose(): void {
    this.held?.stream.dispose();
    this.held = null;
  }
}
