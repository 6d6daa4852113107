// The worked examples the book prints, each checked against an independent plain-JS computation.
import * as tf from '@tensorflow/tfjs-core';
import { expect, it } from 'vitest';
import { bceWithLogits, crossEntropy, mseLoss } from '../../src/engine/losses';
import { Linear, Sequential, Sigmoid, Tanh } from '../../src/engine/nn';
import { sigmoid } from '../../src/engine/ops';
import { SGD } from '../../src/engine/optim';
import { Random } from '../../src/engine/random';
import { tensor, tidy } from '../../src/engine/tensor';
import { describeEachBackend, tolerance } from '../support/backends';
import { expectClose } from './nn-support';

describeEachBackend('hand-worked examples', (backend) => {
  const tol = tolerance(backend);

  it('MSE of [2.5, 0.0, 2.1, 7.8] against [3.0, −0.5, 2.0, 7.5] is 0.15', () => {
    const p = [2.5, 0.0, 2.1, 7.8];
    const t = [3.0, -0.5, 2.0, 7.5];
    // (0.25 + 0.25 + 0.01 + 0.09) / 4
    const reference = p.reduce((s, v, i) => s + (v - t[i]) ** 2, 0) / p.length;
    expect(reference).toBeCloseTo(0.15, 12);
    const value = tidy(() => mseLoss(tensor(p), tensor(t)).item());
    expect(value).toBeCloseTo(0.15, 5);
  });

  it('cross-entropy of logits [2.0, 1.0, 0.1] with true class 0 is 0.4170', () => {
    const z = [2.0, 1.0, 0.1];
    const sumExp = z.reduce((s, v) => s + Math.exp(v), 0);
    const probs = z.map((v) => Math.exp(v) / sumExp);
    // softmax ≈ [0.6590, 0.2424, 0.0986]; −log 0.6590 ≈ 0.4170
    expectClose(probs, [0.659, 0.2424, 0.0986], 1e-3, 'softmax');
    const reference = -Math.log(probs[0]);
    expect(reference).toBeCloseTo(0.417, 3);
    const value = tidy(() => crossEntropy(tensor([z]), [0]).item());
    expect(value).toBeCloseTo(reference, 5);
  });

  it('one SGD step of a 2-3-1 network (sigmoid hidden, linear output, MSE, lr 0.5), every gradient by hand', () => {
    const before = tf.memory().numTensors;
    const x = [0.5, -1.0];
    const y = 0.8;
    const W1 = [
      [0.1, -0.2, 0.3],
      [0.4, 0.5, -0.6],
    ];
    const b1 = [0.01, -0.02, 0.03];
    const W2 = [[0.7], [-0.8], [0.9]];
    const b2 = [0.05];

    // Forward and backward by hand (float64).
    const z1 = [0, 1, 2].map((j) => x[0] * W1[0][j] + x[1] * W1[1][j] + b1[j]);
    const h = z1.map((v) => 1 / (1 + Math.exp(-v)));
    const yHat = h.reduce((s, v, j) => s + v * W2[j][0], 0) + b2[0];
    const loss = (yHat - y) ** 2;
    const dyHat = 2 * (yHat - y); // d(ŷ − y)²/dŷ, the mean over one output being the value itself
    const dW2 = h.map((v) => [v * dyHat]);
    const db2 = [dyHat];
    const dz1 = h.map((v, j) => dyHat * W2[j][0] * v * (1 - v)); // σ' = σ(1 − σ)
    const dW1 = x.map((xi) => dz1.map((d) => xi * d));
    const db1 = dz1;

    const model = new Sequential(new Linear(2, 3), new Sigmoid(), new Linear(3, 1));
    model.loadStateDict({
      '0.weight': { shape: [2, 3], values: W1.flat() },
      '0.bias': { shape: [3], values: b1 },
      '2.weight': { shape: [3, 1], values: W2.flat() },
      '2.bias': { shape: [1], values: b2 },
    });
    const opt = new SGD(model, { lr: 0.5 });
    const engineLoss = tidy(() => {
      opt.zeroGrad();
      const l = mseLoss(model.forward(tensor([x])), tensor([[y]]));
      l.backward();
      const grads = Object.fromEntries(model.namedParameters().map(([n, p]) => [n, Array.from(p.grad!.data())]));
      expectClose(grads['0.weight'], dW1.flat(), tol, 'dL/dW1');
      expectClose(grads['0.bias'], db1, tol, 'dL/db1');
      expectClose(grads['2.weight'], dW2.flat(), tol, 'dL/dW2');
      expectClose(grads['2.bias'], db2, tol, 'dL/db2');
      opt.step();
      return l.item();
    });
    expect(engineLoss).toBeCloseTo(loss, 5);
    const after = model.stateDict();
    const step = (w: number[], g: number[]) => w.map((v, i) => v - 0.5 * g[i]);
    expectClose(after['0.weight'].values, step(W1.flat(), dW1.flat()), tol, 'W1 after the step');
    expectClose(after['0.bias'].values, step(b1, db1), tol, 'b1 after the step');
    expectClose(after['2.weight'].values, step(W2.flat(), dW2.flat()), tol, 'W2 after the step');
    expectClose(after['2.bias'].values, step(b2, db2), tol, 'b2 after the step');
    // The network after the step, by hand: the loss must have gone down, and the engine's forward
    // pass with the updated weights must agree.
    const [W1n, b1n, W2n, b2n] = [step(W1.flat(), dW1.flat()), step(b1, db1), step(W2.flat(), dW2.flat()), step(b2, db2)];
    const hAfter = [0, 1, 2].map((j) => 1 / (1 + Math.exp(-(x[0] * W1n[j] + x[1] * W1n[3 + j] + b1n[j]))));
    const lossAfterRef = (hAfter.reduce((s, v, j) => s + v * W2n[j], 0) + b2n[0] - y) ** 2;
    expect(lossAfterRef).toBeLessThan(loss);
    const lossAfter = tidy(() => mseLoss(model.forward(tensor([x])), tensor([[y]])).item());
    expect(lossAfter).toBeCloseTo(lossAfterRef, 4);
    model.dispose();
    opt.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  const xorInputs = [
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ];
  const xorTargets = [[0], [1], [1], [0]];

  /** A 2-4-1 tanh MLP trained on XOR with bceWithLogits and SGD with momentum, from `seed`. */
  function trainXor(seed: number, steps: number) {
    const rng = new Random(seed);
    const model = new Sequential(new Linear(2, 4, { rng }), new Tanh(), new Linear(4, 1, { rng }));
    const opt = new SGD(model, { lr: 0.5, momentum: 0.9 });
    const x = tensor(xorInputs);
    const y = tensor(xorTargets);
    let loss = NaN;
    for (let i = 0; i < steps; i++) {
      loss = tidy(() => {
        opt.zeroGrad();
        const l = bceWithLogits(model.forward(x), y);
        l.backward();
        opt.step();
        return l.item();
      });
    }
    const outputs = tidy(() => Array.from(sigmoid(model.forward(x)).data()));
    const state = model.stateDict();
    x.dispose();
    y.dispose();
    model.dispose();
    opt.dispose();
    return { outputs, state, loss };
  }

  it('a 2-4-1 tanh network learns XOR from seed 1 in 300 steps', () => {
    const before = tf.memory().numTensors;
    const { outputs, loss } = trainXor(1, 300);
    outputs.forEach((o, i) => {
      const wanted = xorTargets[i][0];
      expect(wanted === 1 ? o > 0.5 : o < 0.5, `XOR${JSON.stringify(xorInputs[i])} → ${o}`).toBe(true);
    });
    expect(loss).toBeLessThan(0.1);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('the same seed gives the same weights after 100 steps', () => {
    const a = trainXor(5, 100);
    const b = trainXor(5, 100);
    expect(b.state).toEqual(a.state);
    const c = trainXor(6, 100);
    expect(c.state['0.weight'].values).not.toEqual(a.state['0.weight'].values);
  });
});
