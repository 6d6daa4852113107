// SequencePrediction's logic in Node: the series, training that fits a clean sine, one-step-ahead
// predictions in one batch, the free run that reads only its own predictions, and memory.
import { beforeAll, describe, expect, it } from 'vitest';
import { initEngine, liveTensorCount, tidy } from '../../src/engine/index.ts';
import {
  clampValue,
  createSeriesTrainer,
  FREE_STEPS,
  FreeRun,
  makeSeries,
  oneStepAhead,
  rmse,
  SERIES_LENGTH,
  seriesStep,
  TRAIN_END,
} from '../../src/models/sequence/sequence.ts';

beforeAll(async () => {
  await initEngine({ prefer: 'cpu' });
});

describe('the series', () => {
  it('is a sine (plus a second one, plus noise) of the chosen frequency', () => {
    const s = makeSeries({ frequency: 0.25, noise: 0, twoSines: false, seed: 1 });
    expect(s).toHaveLength(SERIES_LENGTH);
    s.forEach((v, i) => expect(v).toBeCloseTo(Math.sin(2 * Math.PI * 0.25 * i * 0.1), 9));
    const two = makeSeries({ frequency: 0.25, noise: 0, twoSines: true, seed: 1 });
    expect(two[10]).toBeCloseTo(0.8 * Math.sin(2 * Math.PI * 0.25) + 0.4 * Math.sin(2 * Math.PI * 0.675 + 1), 9);
    const noisy = makeSeries({ frequency: 0.25, noise: 0.3, twoSines: false, seed: 1 });
    expect(rmse(noisy.slice(TRAIN_END), s)).toBeGreaterThan(0.15);
  });

  it('clamps a run-away value and turns a non-finite one into 0', () => {
    expect(clampValue(100)).toBe(5);
    expect(clampValue(-1e9)).toBe(-5);
    expect(clampValue(NaN)).toBe(0);
    expect(clampValue(0.3)).toBe(0.3);
  });
});

describe('training, one step ahead and the free run', () => {
  it('learns a clean sine; the free run reads no true value after the start', () => {
    const series = makeSeries({ frequency: 0.25, noise: 0, twoSines: false, seed: 1 });
    const t = createSeriesTrainer(series, 1);
    const first = tidy(() => seriesStep(t).loss.item());
    let counts: number[] = [];
    for (let i = 0; i < 150; i++) {
      const { loss } = tidy(() => seriesStep(t));
      loss.dispose();
      counts.push(liveTensorCount());
    }
    counts = counts.slice(2);
    expect(Math.max(...counts)).toBe(Math.min(...counts));
    const one = oneStepAhead(t.model, series);
    expect(one).toHaveLength(SERIES_LENGTH - TRAIN_END);
    expect(rmse(one, series)).toBeLessThan(0.1);
    expect(rmse(one, series)).toBeLessThan(Math.sqrt(first));

    const run = new FreeRun(t.model, series);
    run.next(5);
    expect(run.predictions).toHaveLength(5);
    // Changing the true test values changes nothing: the free run never reads them.
    const tampered = series.map((v, i) => (i >= TRAIN_END ? 99 : v));
    const a = new FreeRun(t.model, series);
    const b = new FreeRun(t.model, tampered);
    while (!a.done) a.next(40);
    while (!b.done) b.next(40);
    expect(a.predictions).toHaveLength(FREE_STEPS);
    expect(b.predictions).toEqual(a.predictions);
    expect(a.predictions.every((v) => Number.isFinite(v) && Math.abs(v) <= 5)).toBe(true);
    t.dispose();
  });

  it('frees every tensor it made', () => {
    const before = liveTensorCount();
    const series = makeSeries({ frequency: 0.6, noise: 0.3, twoSines: true, seed: 4 });
    const t = createSeriesTrainer(series, 2);
    for (let i = 0; i < 3; i++) tidy(() => seriesStep(t)).loss.dispose();
    oneStepAhead(t.model, series);
    new FreeRun(t.model, series).next(3);
    t.dispose();
    expect(liveTensorCount()).toBe(before);
  });
});
