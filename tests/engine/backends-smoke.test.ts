import * as tf from '@tensorflow/tfjs-core';
import { expect, it } from 'vitest';
import { describeEachBackend } from '../support/backends';

describeEachBackend('backend smoke', (backend) => {
  it('runs a matMul on the chosen backend', () => {
    expect(tf.getBackend()).toBe(backend);
    const y = tf.matMul(tf.tensor2d([[1, 2]]), tf.tensor2d([[3], [4]]));
    expect(y.dataSync()[0]).toBe(11);
  });
});
