// BatchNormInside's logic in Node: the engine's BatchNorm1d, fed the figure's seeded batches,
// against PyTorch's batch-norm rules written out below in plain float64 JS (running statistics
// with momentum and the unbiased variance; outputs from the batch's statistics in training mode
// and the running ones in evaluation mode); the stream's determinism; the batch of one refused
// with the engine's message, not a crash; the chapter's numbers; the schema; and no tensor leak.
import { beforeAll, describe, expect, it } from 'vitest';
import { initEngine, liveTensorCount } from '../../src/engine/index.ts';
import { decodeState, initialState, labelOf } from '../../src/book/urlState.ts';
import { BatchNormStream, StreamKeeper } from '../../src/widgets/BatchNormInside/batchNormStream.ts';
import { batchesToSettle, expectedRunningStat, runningStatsAfter, trainEvalGap } from '../../src/widgets/BatchNormInside/chapterNumbers.ts';
import { column, gapOf, meanStd, pictureOf, type PictureRequest } from '../../src/widgets/BatchNormInside/picture.ts';
import { drawBatch, MAX_BATCH, MIN_BATCH, streamsOf, UNIT_MEANS, UNIT_STDS, UNIT_VARIANCES, UNITS } from '../../src/widgets/BatchNormInside/population.ts';
import { BATCH_SIZES, batchNormInsideSchema, MOMENTA } from '../../src/widgets/BatchNormInside/BatchNormInside.tsx';
import { batchNormStrings } from '../../src/widgets/BatchNormInside/strings.ts';
import { trainingDeepNetworksWidgets } from '../../src/widgets/registry/training-deep-networks.ts';

beforeAll(async () => {
  await initEngine({ prefer: 'cpu' });
});

const EPS = 1e-5;

/** The batches the figure's training stream gives, as float32 holds them (what the layer sees). */
function trainingBatches(seed: number, batchSize: number, k: number): number[][][] {
  const rng = streamsOf(seed).training;
  return Array.from({ length: k }, () => drawBatch(rng, batchSize).map((row) => row.map(Math.fround)));
}

const f32 = (rows: number[][]) => rows.map((row) => row.map(Math.fround));

/** PyTorch's BatchNorm1d in training mode, written out: the batch's statistics, then the running update. */
function batchStats(batch: number[][]) {
  const n = batch.length;
  const mean = Array.from({ length: UNITS }, (_, u) => batch.reduce((a, row) => a + row[u], 0) / n);
  const variance = Array.from({ length: UNITS }, (_, u) => batch.reduce((a, row) => a + (row[u] - mean[u]) ** 2, 0) / n);
  return { n, mean, variance };
}

function publishedRunning(batches: number[][][], m: number) {
  let mean = Array.from({ length: UNITS }, () => 0);
  let variance = Array.from({ length: UNITS }, () => 1);
  const history = [{ mean, variance }];
  for (const batch of batches) {
    const b = batchStats(batch);
    // running = (1 − m)·running + m·batch statistic, the variance unbiased (n / (n − 1)).
    mean = mean.map((r, u) => (1 - m) * r + m * b.mean[u]);
    variance = variance.map((r, u) => (1 - m) * r + (m * b.variance[u] * b.n) / (b.n - 1));
    history.push({ mean, variance });
  }
  return history;
}

/** y = γ·(x − μ)/√(σ² + ε) + β, with the statistics given. */
const normalise = (batch: number[][], mean: number[], variance: number[], gamma: number[], beta: number[]) =>
  batch.map((row) => row.map((x, u) => (gamma[u] * (x - mean[u])) / Math.sqrt(variance[u] + EPS) + beta[u]));

/** Equal to float32 precision, relative to the size of the numbers compared. */
const near = (a: number, b: number, size: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(3e-5 * Math.max(size, 1));

function withStream<T>(seed: number, batchSize: number, momentum: number, fn: (s: BatchNormStream) => T): T {
  const stream = new BatchNormStream({ seed, batchSize, momentum });
  try {
    return fn(stream);
  } finally {
    stream.dispose();
  }
}

const request = (o: Partial<PictureRequest> = {}): PictureRequest => ({ batches: 10, evalBatches: 0, mode: 'train', gamma: [1, 1, 1], beta: [0, 0, 0], ...o });

describe('the engine’s BatchNorm1d against PyTorch’s rules', () => {
  for (const [batchSize, momentum] of [
    [2, 0.5],
    [8, 0.1],
    [64, 0.01],
    [256, 0.3],
  ] as const) {
    it(`batches of ${batchSize}, momentum ${momentum}: the running mean and variance after each of 30 batches`, () => {
      const ref = publishedRunning(trainingBatches(3, batchSize, 30), momentum);
      const picture = withStream(3, batchSize, momentum, (s) => pictureOf(s, request({ batches: 30 })));
      expect(picture.runningMean).toHaveLength(31);
      ref.forEach((r, k) => {
        for (let u = 0; u < UNITS; u++) {
          near(picture.runningMean[k][u], r.mean[u], UNIT_MEANS[u] + 3 * UNIT_STDS[u]);
          near(picture.runningVar[k][u], r.variance[u], Math.max(UNIT_VARIANCES[u], 1) * 4);
        }
      });
    });
  }

  it('the outputs: training mode from the batch’s own statistics, evaluation mode from the running ones, with γ and β', () => {
    const gamma = [2, -0.5, 1.3];
    const beta = [0.5, 3, -4];
    const batches = trainingBatches(5, 16, 12);
    const ref = publishedRunning(batches, 0.2).at(-1)!;
    const last = batches.at(-1)!;
    const own = batchStats(last);
    for (const mode of ['train', 'eval'] as const) {
      const picture = withStream(5, 16, 0.2, (s) => pictureOf(s, request({ batches: 12, mode, gamma, beta })));
      const c = picture.current!;
      expect(c.stream).toBe('training');
      expect(f32(c.input)).toEqual(last);
      const wantTrain = normalise(last, own.mean, own.variance, gamma, beta);
      const wantEval = normalise(last, ref.mean, ref.variance, gamma, beta);
      const wantNormalised = mode === 'train' ? normalise(last, own.mean, own.variance, [1, 1, 1], [0, 0, 0]) : normalise(last, ref.mean, ref.variance, [1, 1, 1], [0, 0, 0]);
      c.train.values!.forEach((row, i) => row.forEach((v, u) => near(v, wantTrain[i][u], 10)));
      c.eval.values!.forEach((row, i) => row.forEach((v, u) => near(v, wantEval[i][u], 20)));
      c.normalised.values!.forEach((row, i) => row.forEach((v, u) => near(v, wantNormalised[i][u], 20)));
    }
  });

  it('in training mode each unit’s normalised values have mean 0 and standard deviation 1 (dividing by n)', () => {
    const picture = withStream(2, 32, 0.1, (s) => pictureOf(s, request({ batches: 4 })));
    for (let u = 0; u < UNITS; u++) {
      const { mean, std } = meanStd(column(picture.current!.normalised.values!, u));
      expect(Math.abs(mean)).toBeLessThan(1e-5);
      // √(σ²/(σ² + ε)): 1 up to ε, which matters only for the narrow unit.
      expect(std).toBeCloseTo(1, 4);
    }
  });

  it('showing the outputs leaves the layer exactly as it was: parameters and running statistics', () => {
    withStream(4, 8, 0.1, (s) => {
      s.advanceTo(6);
      const before = s.layer.stateDict();
      s.output(s.lastBatch!, 'train', [3, 3, 3], [1, 1, 1]);
      s.output(s.lastBatch!, 'eval', [3, 3, 3], [1, 1, 1]);
      expect(s.layer.stateDict()).toEqual(before);
      expect(s.layer.training).toBe(true);
    });
  });
});

describe('the stream of batches', () => {
  it('the same seed gives the same picture; another seed another one', () => {
    const a = withStream(7, 8, 0.1, (s) => pictureOf(s, request({ batches: 15 })));
    const b = withStream(7, 8, 0.1, (s) => pictureOf(s, request({ batches: 15 })));
    const c = withStream(8, 8, 0.1, (s) => pictureOf(s, request({ batches: 15 })));
    expect(a).toEqual(b);
    expect(a.runningMean).not.toEqual(c.runningMean);
  });

  it('stepping batch by batch, or a few at a time, ends where a fresh replay does', () => {
    const stepped = withStream(9, 12, 0.05, (s) => {
      for (const k of [1, 2, 3, 7, 20]) pictureOf(s, request({ batches: k }));
      return pictureOf(s, request({ batches: 20 }));
    });
    const fresh = withStream(9, 12, 0.05, (s) => pictureOf(s, request({ batches: 20 })));
    expect(stepped).toEqual(fresh);
    withStream(9, 12, 0.05, (s) => {
      s.advanceTo(5);
      expect(() => s.advanceTo(4)).toThrow(/cannot go back/);
    });
  });

  it('evaluation mode: new batches pass through without moving the running statistics or the training stream', () => {
    withStream(11, 8, 0.1, (s) => {
      const before = pictureOf(s, request({ batches: 10 }));
      const evaluated = pictureOf(s, request({ batches: 10, mode: 'eval', evalBatches: 5 }));
      expect(evaluated.runningMean).toEqual(before.runningMean);
      expect(evaluated.runningVar).toEqual(before.runningVar);
      expect(evaluated.current!.stream).toBe('evaluation');
      expect(evaluated.current!.index).toBe(5);
      expect(evaluated.current!.input).not.toEqual(before.current!.input);
      // Going back to an earlier evaluation batch draws the same one again.
      const third = pictureOf(s, request({ batches: 10, mode: 'eval', evalBatches: 3 })).current!.input;
      pictureOf(s, request({ batches: 10, mode: 'eval', evalBatches: 6 }));
      expect(pictureOf(s, request({ batches: 10, mode: 'eval', evalBatches: 3 })).current!.input).toEqual(third);
      const after = pictureOf(s, request({ batches: 15 }));
      const fresh = withStream(11, 8, 0.1, (t) => pictureOf(t, request({ batches: 15 })));
      expect(after.runningMean).toEqual(fresh.runningMean);
      // In evaluation mode with no new batch yet, the last training batch is shown, by the running statistics.
      const evalLast = pictureOf(s, request({ batches: 15, mode: 'eval' })).current!;
      expect(evalLast.stream).toBe('training');
      expect(evalLast.input).toEqual(fresh.current!.input);
    });
  });

  it('the figure keeps its stream while the batches go forward, and builds it again when a setting changes or it goes back', () => {
    const before = liveTensorCount();
    const keeper = new StreamKeeper();
    const setting = { seed: 1, batchSize: 8, momentum: 0.1 };
    const first = keeper.streamFor(setting, 5, 'cpu');
    first.advanceTo(5);
    expect(keeper.streamFor({ ...setting }, 9, 'cpu')).toBe(first);
    const back = keeper.streamFor(setting, 3, 'cpu');
    expect(back).not.toBe(first);
    expect(keeper.streamFor(setting, 3, 'wasm')).not.toBe(back);
    for (const change of [{ seed: 2 }, { batchSize: 16 }, { momentum: 0.2 }]) {
      const base = keeper.streamFor(setting, 3, 'wasm');
      expect(keeper.streamFor(setting, 3, 'wasm')).toBe(base);
      expect(keeper.streamFor({ ...setting, ...change }, 3, 'wasm')).not.toBe(base);
    }
    keeper.dispose();
    expect(liveTensorCount()).toBe(before);
  });

  it('no batch yet: no current batch, and the fresh layer’s 0 and 1', () => {
    const p = withStream(1, 8, 0.1, (s) => pictureOf(s, request({ batches: 0 })));
    expect(p.current).toBeNull();
    expect(p.runningMean).toEqual([[0, 0, 0]]);
    expect(p.runningVar).toEqual([[1, 1, 1]]);
  });
});

describe('a batch of one in training mode', () => {
  it('is refused with the engine’s message, caught: the running statistics stay at 0 and 1, evaluation mode still works', () => {
    const p = withStream(1, 1, 0.1, (s) => pictureOf(s, request({ batches: 3 })));
    expect(p.refusal).toMatch(/needs more than one example/);
    expect(p.batches).toBe(3);
    expect(p.runningMean).toEqual([[0, 0, 0]]);
    const c = p.current!;
    expect(c.input).toHaveLength(1);
    expect(c.train.error).toMatch(/needs more than one example/);
    expect(c.normalised.error).toMatch(/needs more than one example/);
    // Evaluation: (x − 0)/√(1 + ε), times γ plus β.
    const want = normalise(f32(c.input), [0, 0, 0], [1, 1, 1], [1, 1, 1], [0, 0, 0]);
    c.eval.values![0].forEach((v, u) => near(v, want[0][u], 20));
    expect(batchNormStrings.refusal(p.refusal!)).toContain(p.refusal!);
  });

  it('an evaluation batch of one gets its output from the running statistics of earlier, larger batches', () => {
    const evaluated = withStream(2, 1, 0.1, (s) => pictureOf(s, request({ batches: 0, mode: 'eval', evalBatches: 2 })));
    expect(evaluated.current!.eval.error).toBeNull();
    expect(evaluated.current!.train.error).toMatch(/needs more than one example/);
  });
});

describe('the chapter’s numbers', () => {
  it('the expected running statistic: the gap from the start shrinks by (1 − m) a batch', () => {
    // The expectation's own recursion, E r_k = (1 − m)·E r_{k−1} + m·population, stepped.
    for (const [m, pop, start] of [
      [0.1, 5, 0],
      [0.5, 16, 1],
      [0.01, 0.25, 1],
    ]) {
      let r = start;
      for (let k = 0; k <= 40; k++) {
        expect(expectedRunningStat(k, m, pop, start)).toBeCloseTo(r, 10);
        r = (1 - m) * r + m * pop;
      }
    }
    expect(batchesToSettle(0.1)).toBe(29);
    for (const m of [0.01, 0.1, 0.3, 0.5]) {
      const k = batchesToSettle(m);
      expect((1 - m) ** k).toBeLessThanOrEqual(0.05);
      expect((1 - m) ** (k - 1)).toBeGreaterThan(0.05);
    }
  });

  it('the engine’s running mean after k batches averages to the formula (over 60 seeds, within 4 standard errors)', () => {
    const k = 6;
    const m = 0.2;
    const B = 8;
    const means = Array.from({ length: 60 }, (_, i) => runningStatsAfter(k, { seed: i + 1, batchSize: B, momentum: m }).mean);
    for (let u = 0; u < UNITS; u++) {
      const avg = means.reduce((a, r) => a + r[u], 0) / means.length;
      // Var r_k = Σ_j (m(1 − m)^(k−j))²·σ²/B: the batch means are independent.
      let weights = 0;
      for (let j = 1; j <= k; j++) weights += (m * (1 - m) ** (k - j)) ** 2;
      const se = Math.sqrt((weights * UNIT_VARIANCES[u]) / B / means.length);
      expect(Math.abs(avg - expectedRunningStat(k, m, UNIT_MEANS[u], 0))).toBeLessThan(4 * se);
    }
  });

  it('mean |train − eval| matches the rules in plain JS, and shrinks as the batch grows', () => {
    // The same computation from the published rules: warm-up batches, then fresh evaluation batches.
    const plainGap = (B: number, warmup: number, trials: number) => {
      const run = publishedRunning(trainingBatches(1, B, warmup), 0.1).at(-1)!;
      const rng = streamsOf(1).evaluation;
      let sum = 0;
      for (let t = 0; t < trials; t++) {
        const batch = f32(drawBatch(rng, B));
        const own = batchStats(batch);
        const train = normalise(batch, own.mean, own.variance, [1, 1, 1], [0, 0, 0]);
        const evaluation = normalise(batch, run.mean, run.variance, [1, 1, 1], [0, 0, 0]);
        let units = 0;
        for (let u = 0; u < UNITS; u++) units += gapOf(column(train, u), column(evaluation, u)).mean;
        sum += units / UNITS;
      }
      return sum / trials;
    };
    const sizes = [2, 4, 16, 64, 256];
    const gaps = sizes.map((B) => trainEvalGap(B, { warmup: 40, trials: 10 }));
    sizes.forEach((B, i) => expect(gaps[i]).toBeCloseTo(plainGap(B, 40, 10), 4));
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeLessThan(gaps[i - 1]);
    // Large batches: the batch's mean and std are off by about 1/√B and 1/√(2B) of the spread.
    expect(gaps.at(-1)!).toBeLessThan(2 / Math.sqrt(256));
    expect(() => trainEvalGap(1)).toThrow(RangeError);
  });
});

describe('the figure’s schema and registry', () => {
  it('starts with batches of 8, momentum 0.1, unit 1, γ = 1, β = 0, training mode, 10 batches in, seed 1', () => {
    expect(initialState(batchNormInsideSchema, {}).state).toEqual({
      batchSize: 8,
      momentum: 0.1,
      unit: 1,
      gamma: [1, 1, 1],
      beta: [0, 0, 0],
      mode: 'train',
      batches: 10,
      evalBatches: 0,
      seed: 1,
    });
  });

  it('a link out of range is brought back into it; every setting has a name for the notices', () => {
    const base = initialState(batchNormInsideSchema, {}).state;
    const { state } = decodeState(batchNormInsideSchema, 'batchSize:1000,momentum:3,batches:9999,mode:test', base);
    expect(state.batchSize).toBe(MAX_BATCH);
    expect(state.momentum).toBe(0.5);
    expect(state.batches).toBe(batchNormInsideSchema.batches.max);
    expect(state.mode).toBe('train');
    for (const [key, field] of Object.entries(batchNormInsideSchema)) {
      expect(typeof field.label).toBe('function');
      expect(labelOf(key, field)).toBe(batchNormStrings.linkLabels[key as keyof typeof batchNormStrings.linkLabels]);
    }
    // The sliders reach both ends of the schema's ranges.
    expect(BATCH_SIZES[0]).toBe(MIN_BATCH);
    expect(BATCH_SIZES.at(-1)).toBe(MAX_BATCH);
    expect(MOMENTA[0]).toBe(batchNormInsideSchema.momentum.min);
    expect(MOMENTA.at(-1)).toBe(batchNormInsideSchema.momentum.max);
  });

  it('the settings’ extremes give finite numbers everywhere: nothing on screen can be NaN', () => {
    const base = initialState(batchNormInsideSchema, {}).state;
    const { state } = decodeState(batchNormInsideSchema, 'gamma:1e9_-1e9_NaN,beta:7_-7_0', base);
    for (const v of [...state.gamma, ...state.beta]) expect(Number.isFinite(v)).toBe(true);
    expect(state.beta.every((v) => v >= batchNormInsideSchema.beta.min && v <= batchNormInsideSchema.beta.max)).toBe(true);
    const { max, min } = batchNormInsideSchema.gamma;
    for (const [batchSize, momentum, gamma, beta] of [
      [MAX_BATCH, 0.5, max, batchNormInsideSchema.beta.max],
      [2, 0.01, min, batchNormInsideSchema.beta.min],
    ] as const) {
      const p = withStream(1, batchSize, momentum, (s) => pictureOf(s, request({ batches: batchNormInsideSchema.batches.max, mode: 'eval', evalBatches: 2, gamma: [gamma, gamma, gamma], beta: [beta, beta, beta] })));
      const numbers = [...p.runningMean.flat(), ...p.runningVar.flat(), ...p.current!.train.values!.flat(), ...p.current!.eval.values!.flat(), ...p.current!.normalised.values!.flat()];
      expect(numbers.every(Number.isFinite)).toBe(true);
    }
  });

  it('is registered under its name', () => {
    expect(Object.keys(trainingDeepNetworksWidgets)).toContain('BatchNormInside');
  });
});

describe('memory', () => {
  it('frees every tensor: stepping, both modes, a refused batch of one, the chapter’s numbers', () => {
    const before = liveTensorCount();
    withStream(1, 8, 0.1, (s) => {
      pictureOf(s, request({ batches: 5 }));
      pictureOf(s, request({ batches: 12, mode: 'eval', evalBatches: 2, gamma: [2, 2, 2] }));
    });
    withStream(1, 1, 0.1, (s) => pictureOf(s, request({ batches: 4 })));
    trainEvalGap(4, { warmup: 5, trials: 2 });
    runningStatsAfter(5, { batchSize: 4, momentum: 0.1 });
    expect(liveTensorCount()).toBe(before);
  });
});
