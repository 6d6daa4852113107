// The one loss history: every step kept until the limit, then every other point dropped and the
// spacing doubled, so a long run keeps an even density; repeats and non-finite values ignored.
import { describe, expect, it } from 'vitest';
import { HISTORY_LIMIT, LossHistory } from '../../src/models/training/history.ts';

describe('LossHistory', () => {
  it('keeps every step up to the limit, in order', () => {
    const h = new LossHistory(10);
    for (let step = 1; step <= 10; step++) h.record(step, 1 / step);
    expect(h.curve()).toEqual({ steps: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], values: [1, 1 / 2, 1 / 3, 1 / 4, 1 / 5, 1 / 6, 1 / 7, 1 / 8, 1 / 9, 1 / 10] });
  });

  it('past the limit, thins to every other point and spaces new ones twice as far apart', () => {
    const h = new LossHistory(10);
    for (let step = 1; step <= 11; step++) h.record(step, step);
    expect(h.curve().steps).toEqual([1, 3, 5, 7, 9, 11]);
    h.record(12, 12);
    h.record(13, 13);
    expect(h.curve().steps).toEqual([1, 3, 5, 7, 9, 11, 13]);
  });

  it('keeps a long run at an even density, with the latest step last', () => {
    const h = new LossHistory();
    for (let step = 1; step <= 20_000; step++) h.record(step, Math.exp(-step / 5000));
    const { steps, values } = h.curve();
    expect(steps.length).toBeLessThanOrEqual(HISTORY_LIMIT);
    expect(steps.length).toBeGreaterThan(HISTORY_LIMIT / 2);
    expect(steps.at(-1)).toBeLessThanOrEqual(20_000);
    expect(20_000 - steps.at(-1)!).toBeLessThan(64);
    const gaps = new Set(steps.slice(1).map((s, i) => s - steps[i]));
    expect(gaps.size).toBe(1);
    values.forEach((v, i) => expect(v).toBe(Math.exp(-steps[i] / 5000)));
  });

  it('takes a frame of losses, and ignores a frame sent again, a step out of order and non-finite values', () => {
    const h = new LossHistory();
    h.recordFrame(3, [0.9, 0.8, 0.7]);
    h.recordFrame(3, [0.9, 0.8, 0.7]);
    h.record(2, 5);
    h.record(4, NaN);
    h.record(5, Infinity);
    h.recordFrame(6, [0.6]);
    expect(h.curve()).toEqual({ steps: [1, 2, 3, 6], values: [0.9, 0.8, 0.7, 0.6] });
    expect(h.length).toBe(4);
  });

  it('starts again empty, at full density, after clear; refuses a limit below 2', () => {
    const h = new LossHistory(4);
    for (let step = 1; step <= 9; step++) h.record(step, step);
    h.clear();
    expect(h.length).toBe(0);
    h.record(1, 1);
    h.record(2, 2);
    expect(h.curve().steps).toEqual([1, 2]);
    expect(() => new LossHistory(1)).toThrow(/at least 2/);
  });

  it('hands out copies', () => {
    const h = new LossHistory();
    h.record(1, 1);
    const c = h.curve();
    c.values.push(99);
    expect(h.curve().values).toEqual([1]);
  });
});
