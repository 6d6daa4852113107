// How a training loop judges a frame's losses: the step a divergence is reported at, which losses
// count as done, and the codes with their numbers that widgets phrase.
import { describe, expect, it } from 'vitest';
import { describeStop, judgeLosses } from '../../src/engine/loopStop';

describe('judgeLosses', () => {
  it('keeps every loss of a healthy frame and sets the first loss once', () => {
    expect(judgeLosses([2, 1.5, 1], 0, null, 1e4)).toEqual({ kept: [2, 1.5, 1], firstLoss: 2, divergence: null });
    expect(judgeLosses([0.9], 3, 2, 1e4)).toEqual({ kept: [0.9], firstLoss: 2, divergence: null });
  });

  it('stops before a NaN or infinite loss, naming its step', () => {
    expect(judgeLosses([1, NaN, 0.5], 10, 1, 1e4)).toEqual({
      kept: [1],
      firstLoss: 1,
      divergence: { code: 'nonFiniteLoss', step: 12, loss: NaN, nan: true },
    });
    const inf = judgeLosses([Infinity], 0, null, 1e4);
    expect(inf).toEqual({ kept: [], firstLoss: null, divergence: { code: 'nonFiniteLoss', step: 1, loss: Infinity, nan: false } });
  });

  it('keeps a loss that grew past factor × the first loss and stops there', () => {
    expect(judgeLosses([3, 40, 50], 4, 0.5, 50)).toEqual({
      kept: [3, 40],
      firstLoss: 0.5,
      divergence: { code: 'lossGrew', step: 6, loss: 40, factor: 50, firstLoss: 0.5 },
    });
    // A first loss near 0 is floored at 1e-6, and an infinite factor turns the check off.
    expect(judgeLosses([0, 0.1], 0, null, 1e4).divergence).toMatchObject({ code: 'lossGrew', step: 2 });
    expect(judgeLosses([0, 1e30], 0, null, Infinity).divergence).toBeNull();
  });
});

describe('describeStop', () => {
  it('words each code for developers', () => {
    expect(describeStop({ code: 'nonFiniteLoss', step: 7, loss: NaN, nan: true })).toBe('the loss became NaN (not a number) at step 7');
    expect(describeStop({ code: 'nonFiniteLoss', step: 7, loss: -Infinity, nan: false })).toBe('the loss became infinite at step 7');
    expect(describeStop({ code: 'lossGrew', step: 9, loss: 123456, factor: 10000, firstLoss: 2 })).toBe(
      'the loss grew to 1.23e+5, over 10000 times its first value, at step 9',
    );
    expect(describeStop({ code: 'weightsNotFinite', step: 3 })).toBe('the weights stopped being finite numbers by step 3');
    expect(describeStop({ code: 'stepFailed', message: 'boom' })).toBe('training step failed: boom');
    expect(describeStop({ code: 'noBackend', message: 'no backend' })).toBe('no backend');
  });
});
