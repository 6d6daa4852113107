import * as tf from '@tensorflow/tfjs-core';
import { expect, it } from 'vitest';
import { GRU, LSTM, RNN } from '../../src/engine/nn';
import { Random } from '../../src/engine/random';
import { fromTf, parameter, tidy, type Tensor } from '../../src/engine/tensor';
import { describeEachBackend, tolerance } from '../support/backends';
import { expectClose, gradCheck, project, randomValues } from './nn-support';

// Plain-JS linear algebra for the reference equations (float64).
const sigma = (v: number) => 1 / (1 + Math.exp(-v));

/** x [batch][in] · W (flat [in, width]) + b1 + b2 → [batch][width]. */
function affine(x: number[][], w: Float32Array, width: number, ...biases: Float32Array[]): number[][] {
  return x.map((row) =>
    Array.from({ length: width }, (_, j) => row.reduce((s, v, k) => s + v * w[k * width + j], 0) + biases.reduce((s, b) => s + b[j], 0)),
  );
}

const rows = (t: Tensor) => t.toArray() as number[][];
const cols = (m: number[][], from: number, n: number) => m.map((r) => r.slice(from, from + n));

describeEachBackend('recurrent layers', (backend) => {
  const tol = tolerance(backend);
  const [batch, time, input, hidden] = [2, 3, 2, 3];

  function sequence(seed: number): Tensor {
    return fromTf(tf.tensor(randomValues(batch * time * input, seed), [batch, time, input]));
  }

  it('RNN: shapes, forward equals repeated steps, gradients', () => {
    const before = tf.memory().numTensors;
    const rnn = new RNN(input, hidden, { rng: new Random(1) });
    const xs = sequence(2);
    tidy(() => {
      const { outputs, h } = rnn.forward(xs);
      expect(outputs.shape).toEqual([batch, time, hidden]);
      expect(h.shape).toEqual([batch, hidden]);
      // The last output is the last state, and equals tanh(x·W_ih + b_ih + h·W_hh + b_hh) by hand.
      const x = xs.toArray() as number[][][];
      let hRef = [new Array(hidden).fill(0), new Array(hidden).fill(0)];
      for (let t = 0; t < time; t++) {
        const a = affine(x.map((r) => r[t]), rnn.weightIH.data(), hidden, rnn.biasIH.data());
        const b = affine(hRef, rnn.weightHH.data(), hidden, rnn.biasHH.data());
        hRef = a.map((r, i) => r.map((v, j) => Math.tanh(v + b[i][j])));
      }
      expectClose(h.data(), hRef.flat(), tol, 'RNN last state');
    });
    gradCheck(() => project(rnn.forward(xs).outputs), rnn.parameters(), { backend });
    xs.dispose();
    rnn.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('LSTM: one step follows the equations computed by hand, gates included', () => {
    const before = tf.memory().numTensors;
    const lstm = new LSTM(input, hidden, { rng: new Random(3) });
    tidy(() => {
      const x = fromTf(tf.tensor(randomValues(batch * input, 4), [batch, input]));
      const h0 = fromTf(tf.tensor(randomValues(batch * hidden, 5, -0.5, 0.5), [batch, hidden]));
      const c0 = fromTf(tf.tensor(randomValues(batch * hidden, 6, -0.5, 0.5), [batch, hidden]));
      const out = lstm.step(x, { h: h0, c: c0 });
      const pre = affine(rows(x), lstm.weightIH.data(), 4 * hidden, lstm.biasIH.data()).map((r, i) =>
        r.map((v, j) => v + affine(rows(h0), lstm.weightHH.data(), 4 * hidden, lstm.biasHH.data())[i][j]),
      );
      // PyTorch's gate order: input, forget, cell (candidate), output.
      const i = cols(pre, 0, hidden).map((r) => r.map(sigma));
      const f = cols(pre, hidden, hidden).map((r) => r.map(sigma));
      const g = cols(pre, 2 * hidden, hidden).map((r) => r.map(Math.tanh));
      const o = cols(pre, 3 * hidden, hidden).map((r) => r.map(sigma));
      const cPrev = rows(c0);
      const c = cPrev.map((r, b) => r.map((cv, j) => f[b][j] * cv + i[b][j] * g[b][j]));
      const h = c.map((r, b) => r.map((cv, j) => o[b][j] * Math.tanh(cv)));
      expectClose(out.gates.input.data(), i.flat(), tol, 'input gate');
      expectClose(out.gates.forget.data(), f.flat(), tol, 'forget gate');
      expectClose(out.gates.cell.data(), g.flat(), tol, 'cell candidate');
      expectClose(out.gates.output.data(), o.flat(), tol, 'output gate');
      expectClose(out.c.data(), c.flat(), tol, 'cell state');
      expectClose(out.h.data(), h.flat(), tol, 'hidden state');
    });
    lstm.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('LSTM: forward over one step equals step, shapes over many, gradients', () => {
    const before = tf.memory().numTensors;
    const lstm = new LSTM(input, hidden, { rng: new Random(7) });
    const xs = sequence(8);
    tidy(() => {
      const one = fromTf(tf.tensor(randomValues(batch * input, 9), [batch, 1, input]));
      const zero = fromTf(tf.zeros([batch, hidden]));
      const viaForward = lstm.forward(one);
      const viaStep = lstm.step(fromTf(tf.reshape(one.value, [batch, input])), { h: zero, c: zero });
      expectClose(viaForward.h.data(), viaStep.h.data(), 1e-6, 'h');
      expectClose(viaForward.c.data(), viaStep.c.data(), 1e-6, 'c');
      expectClose(viaForward.outputs.data(), viaStep.h.data(), 1e-6, 'outputs');
      const all = lstm.forward(xs);
      expect(all.outputs.shape).toEqual([batch, time, hidden]);
      // The state carries over: running the sequence in two parts gives the same end state.
      const first = lstm.forward(fromTf(tf.slice(xs.value, [0, 0, 0], [batch, 2, input])));
      const second = lstm.forward(fromTf(tf.slice(xs.value, [0, 2, 0], [batch, 1, input])), first);
      expectClose(second.h.data(), all.h.data(), 1e-5, 'split sequence');
    });
    gradCheck(() => {
      const out = lstm.forward(xs);
      return project(out.outputs);
    }, lstm.parameters(), { backend });
    expect(() => tidy(() => lstm.forward(fromTf(tf.zeros([1, 2, 5]))))).toThrow(/\[batch, time, 2\]/);
    xs.dispose();
    lstm.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it("GRU: one step follows PyTorch's equations (reset applied after the hidden matmul)", () => {
    const before = tf.memory().numTensors;
    const gru = new GRU(input, hidden, { rng: new Random(10) });
    tidy(() => {
      const x = fromTf(tf.tensor(randomValues(batch * input, 11), [batch, input]));
      const h0 = fromTf(tf.tensor(randomValues(batch * hidden, 12, -0.5, 0.5), [batch, hidden]));
      const out = gru.step(x, { h: h0 });
      const gi = affine(rows(x), gru.weightIH.data(), 3 * hidden, gru.biasIH.data());
      const gh = affine(rows(h0), gru.weightHH.data(), 3 * hidden, gru.biasHH.data());
      const r = gi.map((row, b) => row.slice(0, hidden).map((v, j) => sigma(v + gh[b][j])));
      const z = gi.map((row, b) => row.slice(hidden, 2 * hidden).map((v, j) => sigma(v + gh[b][hidden + j])));
      const n = gi.map((row, b) => row.slice(2 * hidden).map((v, j) => Math.tanh(v + r[b][j] * gh[b][2 * hidden + j])));
      const hPrev = rows(h0);
      const h = n.map((row, b) => row.map((nv, j) => (1 - z[b][j]) * nv + z[b][j] * hPrev[b][j]));
      expectClose(out.gates.reset.data(), r.flat(), tol, 'reset gate');
      expectClose(out.gates.update.data(), z.flat(), tol, 'update gate');
      expectClose(out.gates.candidate.data(), n.flat(), tol, 'candidate');
      expectClose(out.h.data(), h.flat(), tol, 'hidden state');
    });
    gru.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('GRU: forward over one step equals step, gradients', () => {
    const before = tf.memory().numTensors;
    const gru = new GRU(input, hidden, { rng: new Random(13) });
    const xs = sequence(14);
    tidy(() => {
      const one = fromTf(tf.slice(xs.value, [0, 0, 0], [batch, 1, input]));
      const viaForward = gru.forward(one);
      const viaStep = gru.step(fromTf(tf.reshape(one.value, [batch, input])), { h: fromTf(tf.zeros([batch, hidden])) });
      expectClose(viaForward.h.data(), viaStep.h.data(), 1e-6, 'h');
      expect(gru.forward(xs).outputs.shape).toEqual([batch, time, hidden]);
    });
    gradCheck(() => project(gru.forward(xs).outputs), gru.parameters(), { backend });
    xs.dispose();
    gru.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('gradients flow back to the input sequence (as from an embedding)', () => {
    const before = tf.memory().numTensors;
    const lstm = new LSTM(input, hidden, { rng: new Random(15) });
    const xs = sequence(16);
    const xsVar = parameter(xs.value.clone(), 'xs');
    gradCheck(() => project(lstm.forward(xsVar).outputs), [xsVar], { backend });
    xsVar.dispose();
    xs.dispose();
    lstm.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
