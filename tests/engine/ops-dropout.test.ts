import * as tf from '@tensorflow/tfjs-core';
import { expect, it } from 'vitest';
import { dropout } from '../../src/engine/ops';
import { Random } from '../../src/engine/random';
import { tensor, tidy } from '../../src/engine/tensor';
import { describeEachBackend } from '../support/backends';

describeEachBackend('dropout', () => {
  it('keeps each entry with probability 1−p, scaled by 1/(1−p), and the gradient uses the same mask', () => {
    const n = 4000;
    const p = 0.25;
    const { y, g } = tidy(() => {
      const x = tensor(new Float32Array(n).fill(1), [40, 100], { requiresGrad: true });
      const out = dropout(x, p, true, new Random(3));
      out.backward();
      return { y: Array.from(out.data()), g: Array.from(x.grad!.data()) };
    });
    const kept = y.filter((v) => v !== 0);
    kept.forEach((v) => expect(v).toBeCloseTo(1 / (1 - p), 6));
    // Binomial(4000, 0.75): mean 3000, standard deviation ≈ 27; 5 standard deviations either side.
    expect(Math.abs(kept.length - 3000)).toBeLessThan(140);
    expect(g).toEqual(y); // x is all ones, so dL/dx = mask·scale = y
  });

  it('the same seed gives the same mask on every run; another seed a different one', () => {
    const masks = tidy(() =>
      [5, 5, 6].map((s) => Array.from(dropout(tensor(new Float32Array(64).fill(1)), 0.5, true, new Random(s)).data())),
    );
    expect(masks[0]).toEqual(masks[1]);
    expect(masks[0]).not.toEqual(masks[2]);
  });

  it('is the identity in evaluation or with p = 0, and zeroes everything with p = 1', () => {
    tidy(() => {
      const x = tensor([1, 2, 3]);
      expect(dropout(x, 0.5, false)).toBe(x);
      expect(dropout(x, 0, true)).toBe(x);
      expect(Array.from(dropout(x, 1, true).data())).toEqual([0, 0, 0]);
      expect(() => dropout(x, 1.5, true)).toThrow(/^dropout: p must lie in \[0, 1\]/);
    });
  });

  it('leaves no tfjs tensor behind inside tidy', () => {
    const before = tf.memory().numTensors;
    tidy(() => {
      const x = tensor([1, 2, 3, 4], undefined, { requiresGrad: true });
      dropout(x, 0.5, true, new Random(1)).backward();
    });
    expect(tf.memory().numTensors).toBe(before);
  });
});
