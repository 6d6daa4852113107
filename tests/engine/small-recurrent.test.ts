// A recurrent layer on the small path: the one-hot input product as a copy of rows, a weight's
// gradient added into one sum over the steps, the LSTM layer with its fused cell against the same
// layer in TensorFlow.js, and memory over many training windows. (nn-recurrent.test.ts checks the
// layers' equations; its inputs live in TensorFlow.js.)
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneHotIds } from '../../src/engine/data/text';
import { crossEntropy } from '../../src/engine/losses';
import { Linear, LSTM } from '../../src/engine/nn';
import { add, matmul, mul, reshape, sum, tanh } from '../../src/engine/ops';
import { linear } from '../../src/engine/ops/linear';
import { SGD } from '../../src/engine/optim';
import { Random } from '../../src/engine/random';
import { DEFAULT_SMALL_ELEMENTS, DEFAULT_SMALL_PRODUCT, setSmallLimits, withSmallLimits } from '../../src/engine/small/limits';
import { pooledBuffers } from '../../src/engine/small/pool';
import { onRecord, tensor, tidy, type Tensor } from '../../src/engine/tensor';
import { useBackend } from '../support/backends';

const UNLIMITED = { elements: Infinity, product: Infinity };
const NOTHING_SMALL = { elements: 0, product: 0 };

beforeAll(async () => {
  await useBackend('cpu');
  setSmallLimits(UNLIMITED);
});
afterAll(() => setSmallLimits({ elements: DEFAULT_SMALL_ELEMENTS, product: DEFAULT_SMALL_PRODUCT }));

const values = (ts: Tensor[]) => ts.map((t) => Array.from(t.data()));

function expectNear(actual: number[][], expected: number[][], tol: number): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, k) =>
    a.forEach((v, i) => expect(Math.abs(v - expected[k][i]), `array ${k}[${i}]`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected[k][i])))),
  );
}

describe('linear on one-hot rows', () => {
  const rng = new Random(21);
  const [wv, bv, dyv] = [rng.uniformArray(5 * 6, -1, 1), rng.uniformArray(6, -1, 1), rng.uniformArray(4 * 6, -1, 1)];
  // Rows pick columns 3, 0, 3 (a repeat) and none (a zero row, as a recurrent layer's first state).
  const x = Float32Array.from([0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);

  function run(form: (x: Tensor, w: Tensor, b: Tensor) => Tensor): { op: string; values: number[][] } {
    return tidy(() => {
      const xt = tensor(x, [4, 5], { requiresGrad: true });
      const w = tensor(wv, [5, 6], { requiresGrad: true });
      const b = tensor(bv, [6], { requiresGrad: true });
      const y = form(xt, w, b);
      y.backward(tensor(dyv, [4, 6]));
      return { op: y.op, values: values([y, xt.grad!, w.grad!, b.grad!]) };
    });
  }

  it("copies rows of W and adds rows of dy back: the dense product's numbers, bit for bit", () => {
    const rows = run(linear);
    const dense = run((xt, w, b) => add(matmul(xt, w), b));
    expect([rows.op, dense.op]).toEqual(['linear', 'add']);
    expect(rows.values).toEqual(dense.values);
  });

  it('stays on the small path where the dense product would not fit (it costs rows × width)', () => {
    withSmallLimits({ elements: Infinity, product: 4 * 6 }, () =>
      tidy(() => {
        expect(linear(tensor(x, [4, 5]), tensor(wv, [5, 6]), tensor(bv, [6])).small).not.toBeNull();
        expect(linear(tensor(x.map((v) => v * 2), [4, 5]), tensor(wv, [5, 6]), tensor(bv, [6])).small).toBeNull();
      }),
    );
  });
});

describe("a weight's gradient over many steps", () => {
  // h ← tanh(h·W + b) for 12 steps at batch 1: W collects 12 gradients, added into one sum.
  function unroll(step: (h: Tensor, w: Tensor, b: Tensor) => Tensor): number[][] {
    const rng = new Random(22);
    const [wv, bv, hv] = [rng.uniformArray(36, -0.8, 0.8), rng.uniformArray(6, -0.5, 0.5), rng.uniformArray(6, -1, 1)];
    return tidy(() => {
      const w = tensor(wv, [6, 6], { requiresGrad: true });
      const b = tensor(bv, [6], { requiresGrad: true });
      const h0 = tensor(hv, [1, 6], { requiresGrad: true });
      let h = h0;
      let total: Tensor | null = null;
      for (let t = 0; t < 12; t++) {
        h = step(h, w, b);
        const term = sum(mul(h, t + 1));
        total = total ? add(total, term) : term;
      }
      total!.backward();
      return values([w.grad!, b.grad!, h0.grad!]);
    });
  }

  it('gives the numbers of one product and one add per step, and those of TensorFlow.js to rounding', () => {
    const fused = unroll((h, w, b) => tanh(linear(h, w, b)));
    expect(fused).toEqual(unroll((h, w, b) => tanh(add(matmul(h, w), b))));
    expectNear(fused, withSmallLimits(NOTHING_SMALL, () => unroll((h, w, b) => tanh(linear(h, w, b)))), 1e-5);
  });
});

/** A character model's pieces: LSTM and read-out, from a seed. */
function charModel(vocab: number, hidden: number, seed: number): { lstm: LSTM; head: Linear; dispose: () => void } {
  const rng = new Random(seed);
  const lstm = new LSTM(vocab, hidden, { rng });
  const head = new Linear(hidden, vocab, { rng });
  return { lstm, head, dispose: () => (lstm.dispose(), head.dispose()) };
}

/** Mean cross-entropy of predicting each next character of `ids` (batch rows of equal length). */
function windowLoss(model: ReturnType<typeof charModel>, ids: number[][], vocab: number): Tensor {
  const [batch, steps] = [ids.length, ids[0].length - 1];
  const xs = reshape(oneHotIds(ids.flatMap((row) => row.slice(0, steps)), vocab), [batch, steps, vocab]);
  const { outputs } = model.lstm.forward(xs);
  return crossEntropy(model.head.forward(reshape(outputs, [batch * steps, model.lstm.hiddenSize])), ids.flatMap((row) => row.slice(1)));
}

describe('the LSTM layer on the small path', () => {
  const windows = [[[0, 3, 1, 4, 1, 5, 2, 6, 5, 3]], [[2, 7, 1, 8, 2, 8, 1, 8, 2, 8], [1, 4, 1, 4, 2, 1, 3, 5, 6, 2]]];

  it.each(windows.map((ids) => [ids.length, ids]))('batch %i: one fused cell per step, the gradients of the layer in TensorFlow.js', (_batch, ids) => {
    const run = (limits: typeof UNLIMITED) =>
      withSmallLimits(limits, () => {
        const model = charModel(9, 5, 23);
        const ops: string[] = [];
        const stop = onRecord((t) => ops.push(t.op));
        const result = tidy(() => {
          const loss = windowLoss(model, ids, 9);
          loss.backward();
          return values([loss, ...model.lstm.parameters().map((p) => p.grad!), ...model.head.parameters().map((p) => p.grad!)]);
        });
        stop();
        model.dispose();
        return { ops, result };
      });
    const small = run(UNLIMITED);
    const steps = ids[0].length - 1;
    expect(small.ops.filter((op) => op === 'lstmCell')).toHaveLength(steps);
    // One product for the whole sequence's input, one per step for the hidden state, the read-out.
    expect(small.ops.filter((op) => op === 'linear')).toHaveLength(1 + steps + 1);
    expectNear(small.result, run(NOTHING_SMALL).result, 2e-5);
  });

  it('step() returns the gates of forward(), and a gradient flows through them', () => {
    const model = charModel(4, 3, 24);
    tidy(() => {
      const x = oneHotIds([2], 4);
      const zero = tensor(new Float32Array(3), [1, 3]);
      const viaStep = model.lstm.step(x, { h: zero, c: zero });
      const viaForward = model.lstm.forward(reshape(x, [1, 1, 4]));
      expect(Array.from(viaStep.h.data())).toEqual(Array.from(viaForward.h.data()));
      expect(Array.from(viaStep.c.data())).toEqual(Array.from(viaForward.c.data()));
      const { input, forget, cell, output } = viaStep.gates;
      const c = Array.from(viaStep.c.data());
      // c' = f⊙0 + i⊙g with a zero state.
      c.forEach((v, j) => expect(v).toBeCloseTo(input.data()[j] * cell.data()[j], 6));
      sum(add(add(input, forget), add(cell, output))).backward();
      expect(model.lstm.weightIH.grad!.data().some((v) => v !== 0)).toBe(true);
    });
    model.dispose();
  });

  it('keeps TensorFlow.js tensors and the free buffers flat over 3,000 training windows', () => {
    const model = charModel(6, 8, 25);
    const params = [...model.lstm.parameters(), ...model.head.parameters()];
    const opt = new SGD(params, { lr: 0.05 });
    // A text with a period of 7: each character follows from the two before it.
    const text = Array.from({ length: 400 }, (_, i) => [0, 3, 1, 4, 1, 5, 2][i % 7]);
    let at = 0;
    const train = () =>
      tidy(() => {
        if (at + 11 > text.length) at = 0;
        const ids = text.slice(at, (at += 10) + 1);
        opt.zeroGrad();
        const loss = windowLoss(model, [ids], 6);
        loss.backward();
        opt.step();
        return loss.item();
      });
    const first = train();
    for (let i = 0; i < 50; i++) train();
    expect(params.every((p) => p.small !== null)).toBe(true);
    const [tensors, buffers] = [tf.memory().numTensors, pooledBuffers()];
    let last = first;
    for (let i = 0; i < 3000; i++) last = train();
    expect(tf.memory().numTensors).toBe(tensors);
    expect(pooledBuffers()).toBe(buffers);
    expect(last).toBeLessThan(first / 4); // and it learns
    opt.dispose();
    model.dispose();
  }, 60_000);
});
