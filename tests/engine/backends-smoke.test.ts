// Every backend present here, the browser's WebAssembly and plain-JS ones included (the other engine
// files run in the browser on WebGL only, since Node covers cpu and wasm): each starts, multiplies
// two matrices, and trains a small CNN (convolution, pooling, dense layer, cross-entropy, SGD), also
// with batch and layer norm, to the same losses as the plain-JS backend, so the browser's WASM files
// load and its gradient routes run end to end.
import * as tf from '@tensorflow/tfjs-core';
import { expect, it } from 'vitest';
import { crossEntropy } from '../../src/engine/losses';
import { BatchNorm2d, Conv2d, Flatten, LayerNorm, Linear, MaxPool2d, ReLU, Sequential } from '../../src/engine/nn';
import { SGD } from '../../src/engine/optim';
import { Random } from '../../src/engine/random';
import { tensor, tidy } from '../../src/engine/tensor';
import { backendsHere, describeEachBackend, tolerance } from '../support/backends';

/** The small CNN: convolution, pooling, a dense layer. */
function plainCnn(rng: Random): Sequential {
  return new Sequential(new Conv2d(1, 4, 3, { rng }), new ReLU(), new MaxPool2d(2), new Flatten(), new Linear(4 * 3 * 3, 3, { rng }));
}

/** The same CNN with normalisation: batch norm after the convolution, layer norm before the dense layer. */
function normalisedCnn(rng: Random): Sequential {
  return new Sequential(
    new Conv2d(1, 4, 3, { rng }),
    new BatchNorm2d(4),
    new ReLU(),
    new MaxPool2d(2),
    new Flatten(),
    new LayerNorm(4 * 3 * 3),
    new Linear(4 * 3 * 3, 3, { rng }),
  );
}

/**
 * Losses of five SGD steps of a small CNN on a fixed batch, from fixed weights, then (with `evalToo`)
 * the loss in evaluation mode, where batch norm uses its running statistics.
 */
function cnnLosses(build: (rng: Random) => Sequential = plainCnn, evalToo = false): number[] {
  const rng = new Random(7);
  const model = build(rng);
  const opt = new SGD(model, { lr: 0.1 });
  const pixels = Array.from(rng.normalArray(6 * 8 * 8));
  const labels = [0, 1, 2, 0, 1, 2];
  const losses: number[] = [];
  try {
    for (let step = 0; step < 5; step++) {
      losses.push(
        tidy(() => {
          opt.zeroGrad();
          const loss = crossEntropy(model.forward(tensor(pixels, [6, 8, 8, 1])), labels);
          loss.backward();
          opt.step();
          return loss.item();
        }),
      );
    }
    if (evalToo) {
      model.eval();
      losses.push(tidy(() => crossEntropy(model.forward(tensor(pixels, [6, 8, 8, 1])), labels).item()));
    }
  } finally {
    model.dispose();
    opt.dispose();
  }
  return losses;
}

// The reference: the same steps in float64 arithmetic would differ from every backend's float32 by
// less than the tolerance; the plain-JS backend is the one whose kernels are simplest to trust.
let reference: number[] | null = null;
let normReference: number[] | null = null;

describeEachBackend(
  'backend smoke',
  (backend) => {
    it('runs a matMul on the chosen backend', () => {
      expect(tf.getBackend()).toBe(backend);
      const y = tf.matMul(tf.tensor2d([[1, 2]]), tf.tensor2d([[3], [4]]));
      expect(y.dataSync()[0]).toBe(11);
      y.dispose();
    });

    it('trains a small CNN to the same losses as the plain-JS backend, leaving no tensor behind', async () => {
      const before = tf.memory().numTensors;
      const losses = cnnLosses();
      expect(tf.memory().numTensors).toBe(before);
      expect(losses.every(Number.isFinite)).toBe(true);
      expect(losses[4]).toBeLessThan(losses[0]);
      if (!reference) {
        const current = tf.getBackend();
        await tf.setBackend('cpu');
        reference = cnnLosses();
        await tf.setBackend(current);
      }
      for (let i = 0; i < losses.length; i++) expect(Math.abs(losses[i] - reference[i])).toBeLessThan(10 * tolerance(backend));
    });

    it('trains it with BatchNorm2d and LayerNorm to the same losses, train and eval, as the plain-JS backend', async () => {
      const before = tf.memory().numTensors;
      const losses = cnnLosses(normalisedCnn, true);
      expect(tf.memory().numTensors).toBe(before);
      expect(losses.every(Number.isFinite)).toBe(true);
      expect(losses[4]).toBeLessThan(losses[0]);
      if (!normReference) {
        const current = tf.getBackend();
        await tf.setBackend('cpu');
        normReference = cnnLosses(normalisedCnn, true);
        await tf.setBackend(current);
      }
      for (let i = 0; i < losses.length; i++) expect(Math.abs(losses[i] - normReference[i])).toBeLessThan(10 * tolerance(backend));
    });
  },
  backendsHere,
);
