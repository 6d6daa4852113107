// Memory: tfjs tensors are not garbage-collected, so every step must free what it made. After
// 10,000 training steps of a small MLP through the training loop, only the model's and the
// optimiser's variables remain; after disposing them, nothing does.
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initEngine } from '../../src/engine/backend';
import { BatchSampler, gatherRows, toTensors, toyDataset } from '../../src/engine/data';
import { bceWithLogits } from '../../src/engine/losses';
import { Linear, Sequential, Tanh } from '../../src/engine/nn';
import { Adam } from '../../src/engine/optim';
import { Random } from '../../src/engine/random';
import { DEFAULT_SMALL_ELEMENTS, DEFAULT_SMALL_PRODUCT, setSmallLimits } from '../../src/engine/small/limits';
import { timeoutScheduler, TrainingLoop, type TrainingSnapshot } from '../../src/engine/train';

// The same run on each path: every tensor in TensorFlow.js (limits 0), and at the engine's default
// limits, where this network lives on the small path and holds no TensorFlow.js tensor at all.
const PATHS = [
  { path: 'TensorFlow.js', limits: { elements: 0, product: 0 } },
  { path: 'the small path', limits: { elements: DEFAULT_SMALL_ELEMENTS, product: DEFAULT_SMALL_PRODUCT } },
];

describe.each(PATHS)('memory on $path', ({ limits }) => {
  beforeAll(async () => {
    // The engine sets its limits for the backend it settles on: this test's come after.
    await initEngine({ prefer: 'cpu' });
    setSmallLimits(limits);
  });
  afterAll(() => setSmallLimits({ elements: DEFAULT_SMALL_ELEMENTS, product: DEFAULT_SMALL_PRODUCT }));

  it('numTensors returns to its baseline after 10,000 steps and after disposing the model', async () => {
    const baseline = tf.memory().numTensors;
    const rng = new Random(5);
    const model = new Sequential(new Linear(2, 8, { rng }), new Tanh(), new Linear(8, 8, { rng }), new Tanh(), new Linear(8, 1, { rng }));
    const opt = new Adam(model, { lr: 0.01 });
    const data = toyDataset('xor', { n: 200, seed: 2 });
    const sampler = new BatchSampler(200, 10, rng);
    const paramTensors = model.parameters().filter((p) => !p.small).length;
    expect(paramTensors).toBe(limits.elements === 0 ? model.parameters().length : 0);
    let last: TrainingSnapshot | null = null;
    const loop = new TrainingLoop({
      step: () => {
        const idx = sampler.next();
        const batch = toTensors({ x: gatherRows(data.x, idx), y: gatherRows(data.y, idx) });
        opt.zeroGrad();
        const loss = bceWithLogits(model.forward(batch.x), batch.y);
        loss.backward();
        opt.step();
        return { loss };
      },
      stepsPerFrame: 500,
      maxSteps: 10_000,
      scheduler: timeoutScheduler,
      keep: () => [model, opt],
      onFrame: (s) => (last = s),
    });
    loop.play();
    await new Promise<void>((resolve) => {
      const poll = () => (last && last.state !== 'running' ? resolve() : setTimeout(poll, 20));
      poll();
    });
    expect(last!).toMatchObject({ state: 'paused', step: 10_000 });
    // The XOR set is learnable by this net: the loss has fallen well below log 2 ≈ 0.69.
    expect(last!.loss!).toBeLessThan(0.3);
    // Parameters, plus Adam's two moment variables per parameter.
    expect(tf.memory().numTensors).toBe(baseline + 3 * paramTensors);
    await loop.dispose();
    opt.dispose();
    model.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
  }, 120_000);
});
