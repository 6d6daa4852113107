// Early stopping: the rule on hand-written validation losses (improve, wait, stop; min delta; a
// non-finite loss never improves; the stop is for good), the figure's run checked against a plain
// forward pass of its own weights, restoring that puts back exactly the best epoch's weights, the
// defaults overfitting for real, the job pausing at the stop, the same seed giving the same run, a
// diverging run kept finite, nothing leaking, and the link's defaults.
import { beforeAll, describe, expect, it } from 'vitest';
import { initEngine, liveTensorCount, tidy } from '../../src/engine/index.ts';
import { initialState } from '../../src/book/urlState.ts';
import { EarlyStopping, type EarlyStoppingVerdict } from '../../src/models/training/earlyStopping.ts';
import { makeData, trueCurve } from '../../src/models/generalisation/earlyStop/earlyStopData.ts';
import { earlyStopJob } from '../../src/models/generalisation/earlyStop/earlyStopJob.ts';
import { DEFAULT_PATIENCE, DEFAULT_SEED, earlyStoppingNumbers } from '../../src/models/generalisation/earlyStop/earlyStopNumbers.ts';
import { EarlyStopRun, HIDDEN, type EarlyStopConfig, type EarlyStopPicture } from '../../src/models/generalisation/earlyStop/earlyStopRun.ts';
import { earlyStoppingSchema } from '../../src/widgets/EarlyStopping/EarlyStopping.tsx';
import { earlyStoppingStrings } from '../../src/widgets/EarlyStopping/strings.ts';
import { summaryOf } from '../../src/widgets/EarlyStopping/summary.ts';
import { harness } from '../models/support.ts';

beforeAll(async () => {
  await initEngine({ prefer: 'cpu' });
});

const verdicts = (rule: EarlyStopping, losses: number[]): EarlyStoppingVerdict[] => losses.map((v, i) => rule.observe(i + 1, v));

describe('the EarlyStopping rule', () => {
  it('improves, waits, and stops once patience has run out; the stop is for good', () => {
    const rule = new EarlyStopping({ patience: 2 });
    expect(verdicts(rule, [1, 0.9, 0.95, 0.92])).toEqual(['improved', 'improved', 'waiting', 'stop']);
    expect([rule.bestEpoch, rule.bestLoss, rule.stopEpoch]).toEqual([2, 0.9, 4]);
    // A better loss after the stop changes nothing.
    expect(rule.observe(5, 0.1)).toBe('stop');
    expect([rule.bestEpoch, rule.bestLoss, rule.stopEpoch]).toEqual([2, 0.9, 4]);
  });

  it('an improvement resets the wait', () => {
    const rule = new EarlyStopping({ patience: 3 });
    expect(verdicts(rule, [1, 1.1, 1.2, 0.5, 0.6, 0.7, 0.8])).toEqual(['improved', 'waiting', 'waiting', 'improved', 'waiting', 'waiting', 'stop']);
    expect([rule.bestEpoch, rule.stopEpoch]).toEqual([4, 7]);
  });

  it('with a min delta only a fall of more than it counts; an equal loss never does', () => {
    const rule = new EarlyStopping({ patience: 3, minDelta: 0.1 });
    // 0.95 is not below 1 − 0.1; 0.89 is; 0.85 is not below 0.89 − 0.1; 0.7 is.
    expect(verdicts(rule, [1, 0.95, 0.89, 0.85, 0.7])).toEqual(['improved', 'waiting', 'improved', 'waiting', 'improved']);
    const flat = new EarlyStopping({ patience: 2 });
    expect(verdicts(flat, [1, 1, 1])).toEqual(['improved', 'waiting', 'stop']);
  });

  it('a non-finite loss never improves: all-NaN stops at the patience with no best', () => {
    const rule = new EarlyStopping({ patience: 3 });
    expect(verdicts(rule, [NaN, 1, NaN, Infinity, -Infinity])).toEqual(['waiting', 'improved', 'waiting', 'waiting', 'stop']);
    expect(rule.bestEpoch).toBe(2);
    const lost = new EarlyStopping({ patience: 2 });
    expect(verdicts(lost, [NaN, NaN])).toEqual(['waiting', 'stop']);
    expect([lost.bestEpoch, lost.bestLoss]).toEqual([null, Infinity]);
  });

  it('a patience under one counts as one', () => {
    const rule = new EarlyStopping({ patience: 0 });
    expect(verdicts(rule, [1, 2])).toEqual(['improved', 'stop']);
  });
});

/** The 1 → 64 → 64 → 1 tanh network written out in plain numbers, from its flat weights. */
function plainForward(w: Float32Array, x: number): number {
  const h = HIDDEN;
  const [w1, b1, w2, b2, w3, b3] = [0, h, 2 * h, 2 * h + h * h, 3 * h + h * h, 4 * h + h * h];
  const a = Array.from({ length: h }, (_, j) => Math.tanh(w[w1 + j] * x + w[b1 + j]));
  const b = Array.from({ length: h }, (_, k) => Math.tanh(a.reduce((s, v, j) => s + v * w[w2 + j * h + k], w[b2 + k])));
  return b.reduce((s, v, k) => s + v * w[w3 + k], w[b3]);
}
const plainMse = (w: Float32Array, xs: number[], ys: number[]) => xs.reduce((s, x, i) => s + (plainForward(w, x) - ys[i]) ** 2, 0) / xs.length;

/** A run taken epoch by epoch to its end, every epoch's weights kept. */
function runToEnd(config: EarlyStopConfig, seed: number): { run: EarlyStopRun; weights: Float32Array[]; picture: EarlyStopPicture } {
  const run = new EarlyStopRun(config, seed);
  const weights: Float32Array[] = [];
  while (!run.finished()) {
    tidy(() => void run.step());
    // The last epoch's weights are read before a restore could replace them: from the loss read-back.
    weights.push(run.finished() && config.restoreBest ? new Float32Array() : run.weights());
  }
  return { run, weights, picture: run.picture() };
}

describe('the early-stopping run', () => {
  const config: EarlyStopConfig = { patience: 5, minDelta: 0, stop: true, restoreBest: true };

  it('its losses are those of its own weights, and the rule is applied to them as written', () => {
    const run = new EarlyStopRun({ ...config, stop: false, maxEpochs: 12 }, 2);
    const data = run.data;
    for (let e = 0; e < 12; e++) tidy(() => void run.step());
    const w = run.weights();
    const p = run.picture();
    expect(p.valLosses).toHaveLength(12);
    expect(p.valLosses[11]).toBeCloseTo(plainMse(w, data.validation.x, data.validation.y), 4);
    expect(p.trainLosses[11]).toBeCloseTo(plainMse(w, data.train.x, data.train.y), 4);
    expect(p.testLoss).toBeCloseTo(plainMse(w, data.test.x, data.test.x.map(trueCurve)), 4);
    p.curve.forEach((v, i) => expect(v).toBeCloseTo(plainForward(w, data.test.x[i]), 4));
    // The rule written out: the first epoch of the lowest loss so far, then 5 epochs without one lower.
    let best = 0;
    p.valLosses.forEach((v, i) => (v < p.valLosses[best] ? (best = i) : null));
    expect(p.bestEpoch).toBe(best + 1);
    expect(p.stopEpoch).toBe(best + 1 + 5 <= 12 ? best + 1 + 5 : null);
    run.dispose();
  });

  it('restoring puts back exactly the weights of the best epoch; not restoring keeps the last', () => {
    const restored = runToEnd(config, DEFAULT_SEED);
    const p = restored.picture;
    expect(p.stopEpoch).not.toBeNull();
    expect(p.epoch).toBe(p.stopEpoch);
    expect(p.stopEpoch! - p.bestEpoch!).toBe(5);
    expect(Array.from(restored.run.weights())).toEqual(Array.from(restored.weights[p.bestEpoch! - 1]));
    expect(p.restored?.atEpoch).toBe(p.stopEpoch);
    expect(p.testLoss).toBeCloseTo(p.bestTestLoss!, 6);
    expect(p.curve).toEqual(p.bestCurve);
    restored.run.dispose();

    const kept = runToEnd({ ...config, restoreBest: false }, DEFAULT_SEED);
    expect(kept.picture.restored).toBeNull();
    expect(Array.from(kept.run.weights())).toEqual(Array.from(kept.weights.at(-1)!));
    expect(Array.from(kept.run.bestWeights()!)).toEqual(Array.from(restored.weights[p.bestEpoch! - 1]));
    // The last weights are worse on the test grid than the best epoch's (the figure's point).
    expect(kept.picture.testLoss).toBeGreaterThan(kept.picture.bestTestLoss!);
    kept.run.dispose();
  });

  it('the defaults overfit: the validation loss turns up well after its best, and small patience stops on a blip', () => {
    const n = earlyStoppingNumbers();
    expect(n.bestEpoch).toBeGreaterThan(50);
    expect(n.stopEpoch).toBe(n.bestEpoch + DEFAULT_PATIENCE);
    expect(n.endValLoss).toBeGreaterThan(1.3 * n.bestValLoss);
    expect(n.endTestLoss).toBeGreaterThan(2 * n.bestTestLoss);
    const [small, usual, large] = n.byPatience;
    expect(usual).toEqual({ patience: DEFAULT_PATIENCE, bestEpoch: n.bestEpoch, stopEpoch: n.stopEpoch });
    expect(small.stopEpoch!).toBeLessThan(n.bestEpoch);
    expect(large.bestEpoch).toBe(n.bestEpoch);
    expect(large.stopEpoch).toBe(n.bestEpoch + 300);
  });

  it('the same seed gives the same run, points and weights; another seed another', () => {
    const take = (seed: number) => {
      const run = new EarlyStopRun({ ...config, stop: false, maxEpochs: 8 }, seed);
      for (let e = 0; e < 8; e++) tidy(() => void run.step());
      const out = { val: run.picture().valLosses, w: Array.from(run.weights()) };
      run.dispose();
      return out;
    };
    expect(take(3)).toEqual(take(3));
    expect(take(3).val).not.toEqual(take(4).val);
    expect(makeData(3)).toEqual(makeData(3));
    expect(makeData(3).train.y).not.toEqual(makeData(4).train.y);
  });

  it('a run that blows up keeps nothing, stops at its patience, says so, and the core marks it diverged', async () => {
    const blowUp: EarlyStopConfig = { patience: 3, minDelta: 0, stop: true, restoreBest: true, learningRate: 1e38 };
    const run = new EarlyStopRun(blowUp, 1);
    for (let e = 0; e < 10 && !run.finished(); e++) tidy(() => void run.step());
    const p = run.picture();
    expect(p.valLosses.every((v) => !Number.isFinite(v))).toBe(true);
    expect([p.epoch, p.stopEpoch, p.bestEpoch, p.restored, run.bestWeights()]).toEqual([3, 3, null, null, null]);
    expect(summaryOf(p, { patience: 3, stop: true }, 1000)).toBe(earlyStoppingStrings.noFinite);
    run.dispose();
    const h = harness(earlyStopJob);
    await h.core.handle({ type: 'init', backend: 'cpu' });
    await h.core.handle({ type: 'setup', generation: 1, config: { ...blowUp, patience: 50 }, seed: 1, live: undefined });
    await h.trainTo(20);
    expect(h.lastSnapshot().snapshot.state).toBe('diverged');
    await h.core.handle({ type: 'dispose' });
  });
});

describe('the early-stopping job on the training core', () => {
  it('pauses at the stop with the best weights back; with stopping off it goes on past it', async () => {
    const h = harness(earlyStopJob);
    await h.core.handle({ type: 'init', backend: 'cpu' });
    await h.core.handle({ type: 'setup', generation: 1, config: { patience: 5, minDelta: 0, stop: true, restoreBest: true }, seed: DEFAULT_SEED, live: undefined });
    await h.trainTo(100);
    const view = h.lastSnapshot().view as EarlyStopPicture;
    expect(h.lastSnapshot().snapshot.state).toBe('paused');
    expect(h.lastSnapshot().snapshot.step).toBe(view.stopEpoch);
    expect(view.restored?.atEpoch).toBe(view.stopEpoch);
    await h.core.handle({ type: 'setup', generation: 2, config: { patience: 5, minDelta: 0, stop: false, restoreBest: true }, seed: DEFAULT_SEED, live: undefined });
    await h.trainTo(40);
    const on = h.lastSnapshot().view as EarlyStopPicture;
    expect(on.epoch).toBeGreaterThanOrEqual(40);
    expect(on.stopEpoch).toBe(view.stopEpoch);
    expect(on.restored).toBeNull();
    await h.core.handle({ type: 'dispose' });
  });

  it('frees every tensor: a run, its picture, a restore and the job', async () => {
    const before = liveTensorCount();
    const { run } = runToEnd({ patience: 2, minDelta: 0, stop: true, restoreBest: true }, 1);
    run.picture();
    run.dispose();
    const built = earlyStopJob.build({ patience: 2, minDelta: 0, stop: false, restoreBest: true, maxEpochs: 6 }, { seed: 1, live: undefined, data: undefined, emit: () => {}, schedule: () => () => {} });
    for (let i = 0; i < 6; i++) tidy(() => void built.step(i));
    built.view?.({} as never);
    built.dispose();
    expect(liveTensorCount()).toBe(before);
  });
});

describe('the early-stopping link', () => {
  it('starts at patience 30, no min delta, stopping and restoring on, seed 4; clamps what a link brings', () => {
    expect(initialState(earlyStoppingSchema, {}).state).toEqual({ patience: 30, minDelta: 0, stop: true, restoreBest: true, seed: 4 });
    expect(initialState(earlyStoppingSchema, { patience: 1e6, minDelta: -1 }).state).toMatchObject({ patience: 300, minDelta: 0 });
  });
});
