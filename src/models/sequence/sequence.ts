// One-step-ahead prediction of a sine wave (or a sum of two sines, with noise) by a small GRU: it
// reads a window of past values and predicts the next one. Trained on windows from the first part
// of the series; tested on the rest, first one step ahead (every input is a true value), then
// running freely: from one true window on, each prediction is fed back as the next input.
import { data, gather, losses, nn, noGrad, optim, Random, tensor, tidy, type Tensor } from '../../engine/index.ts';

export const WINDOW = 24;
export const SERIES_LENGTH = 420;
/** Windows ending before this index train the model; the rest of the series tests it. */
export const TRAIN_END = 300;
export const FREE_STEPS = SERIES_LENGTH - TRAIN_END;
export const HIDDEN = 16;
export const BATCH = 32;
export const LR = 0.01;
export const FREQUENCY_RANGE: [number, number] = [0.1, 0.6];
export const NOISE_RANGE: [number, number] = [0, 0.3];
export const DT = 0.1;

export interface SeriesSetup {
  frequency: number;
  noise: number;
  /** Add a second sine at 2.7 times the frequency, half the amplitude. */
  twoSines: boolean;
  seed: number;
}

export function makeSeries({ frequency, noise, twoSines, seed }: SeriesSetup): number[] {
  const components: data.SineComponent[] = [{ frequency, amplitude: twoSines ? 0.8 : 1 }];
  if (twoSines) components.push({ frequency: 2.7 * frequency, amplitude: 0.4, phase: 1 });
  return data.sumOfSines(components, { length: SERIES_LENGTH, dt: DT, noise, seed });
}

/** The GRU and its read-out from the last hidden state. */
export class SeriesModel extends nn.Module {
  readonly gru: nn.GRU;
  readonly head: nn.Linear;

  constructor(rng: Random) {
    super();
    this.gru = this.addModule('gru', new nn.GRU(1, HIDDEN, { rng }));
    this.head = this.addModule('head', new nn.Linear(HIDDEN, 1, { rng }));
  }

  // #region predict
  /** windows [n, WINDOW, 1] → the next value of each, [n, 1]. */
  forward(windows: Tensor): Tensor {
    const { h } = this.gru.forward(windows); // only the last hidden state is read
    return this.head.forward(h);
  }
  // #endregion
}

export interface SeriesTrainer {
  model: SeriesModel;
  optimizer: optim.Adam;
  rng: Random;
  /** All training windows, uploaded once: x [n, WINDOW, 1], y [n, 1]. */
  x: Tensor;
  y: Tensor;
  count: number;
  dispose(): void;
}

export function createSeriesTrainer(series: readonly number[], seed: number): SeriesTrainer {
  const rng = new Random(seed);
  const model = new SeriesModel(rng);
  const optimizer = new optim.Adam(model, { lr: LR });
  const windows = data.slidingWindows(series.slice(0, TRAIN_END), WINDOW);
  const { x, y } = data.windowsToTensors(windows);
  return {
    model,
    optimizer,
    rng,
    x,
    y,
    count: windows.y.length,
    dispose() {
      optimizer.dispose();
      model.dispose();
      x.dispose();
      y.dispose();
    },
  };
}

/** One step of Adam on BATCH random training windows (inside `tidy`). */
export function seriesStep(t: SeriesTrainer): { loss: Tensor } {
  const rows = Array.from({ length: BATCH }, () => t.rng.int(t.count));
  const xb = gather(t.x, rows, 0);
  const yb = gather(t.y, rows, 0);
  t.optimizer.zeroGrad();
  const loss = losses.mseLoss(t.model.forward(xb), yb);
  loss.backward();
  optim.clipGradNorm(t.model.parameters(), 1);
  t.optimizer.step();
  return { loss };
}

/** One-step-ahead predictions for every test point (each from the true window before it), in one batch. */
export function oneStepAhead(model: SeriesModel, series: readonly number[]): number[] {
  const windows = data.slidingWindows(series.slice(TRAIN_END - WINDOW), WINDOW);
  return noGrad(() =>
    tidy(() => {
      const { x, y } = data.windowsToTensors(windows);
      y.dispose();
      return Array.from(model.forward(x).data());
    }),
  );
}

/** A run that blows up is kept on the chart's scale (and said so) rather than drawn off to infinity. */
export function clampValue(v: number): number {
  return Number.isFinite(v) ? Math.max(-5, Math.min(5, v)) : 0;
}

/** Root-mean-square error of predictions against the test part of the series. */
export function rmse(predictions: readonly number[], series: readonly number[]): number {
  const truth = series.slice(TRAIN_END, TRAIN_END + predictions.length);
  const n = Math.min(truth.length, predictions.length);
  if (n === 0) return NaN;
  let total = 0;
  for (let i = 0; i < n; i++) total += (predictions[i] - truth[i]) ** 2;
  return Math.sqrt(total / n);
}

/**
 * The free run as a sequence of windows: each prediction is made from the last WINDOW values
 * (true ones at first, then more and more of the model's own), each window read from a zero state
 * as in training. `FreeRun.next(n)` makes n more predictions, so a caller can spread the run over
 * animation frames.
 */
export class FreeRun {
  readonly predictions: number[] = [];
  private readonly history: number[];

  constructor(
    private readonly model: SeriesModel,
    series: readonly number[],
  ) {
    this.history = series.slice(TRAIN_END - WINDOW, TRAIN_END);
  }

  get done(): boolean {
    return this.predictions.length >= FREE_STEPS;
  }

  // #region freeRun
  next(n: number): void {
    for (let k = 0; k < n && !this.done; k++) {
      const window = this.history.slice(this.history.length - WINDOW);
      const v = noGrad(() => tidy(() => this.model.forward(tensor(window, [1, WINDOW, 1])).item()));
      const kept = clampValue(v);
      this.predictions.push(kept);
      this.history.push(kept); // the prediction becomes an input
    }
  }
  // #endregion
}
