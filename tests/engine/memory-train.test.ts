// Memory: tfjs tensors are not garbage-collected, so every step must free what it made. After
// 10,000 training steps of a small MLP through the training loop, only the model's and the
// optimiser's variables remain; after disposing them, nothing does.
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { initEngine } from '../../src/engine/backend';
import { BatchSampler, gatherRows, toTensors, toyDataset } from '../../src/engine/data';
import { bceWithLogits } from '../../src/engine/losses';
import { Linear, Sequential, Tanh } from '../../src/engine/nn';
import { Adam } from '../../src/engine/optim';
import { Random } from '../../src/engine/random';
import { timeoutScheduler, TrainingLoop, type TrainingSnapshot } from '../../src/engine/train';

describe('memory', () => {
  it('numTensors returns to its baseline after 10,000 steps and after disposing the model', async () => {
    await initEngine({ prefer: 'cpu' });
    const baseline = tf.memory().numTensors;
    const rng = new Random(5);
    const model = new Sequential(new Linear(2, 8, { rng }), new Tanh(), new Linear(8, 8, { rng }), new Tanh(), new Linear(8, 1, { rng }));
    const opt = new Adam(model, { lr: 0.01 });
    const data = toyDataset('xor', { n: 200, seed: 2 });
    const sampler = new BatchSampler(200, 10, rng);
    const paramTensors = model.parameters().length;
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
