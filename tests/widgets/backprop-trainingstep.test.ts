// The training-step figure's numbers against a plain-JavaScript (float64) forward and backward pass
// of the same 2-3-1 network, and the chapter's from-scratch NumPy code, run here as its TypeScript
// twin line for line, against the engine's gradients.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { initEngine, liveTensorCount } from '../../src/engine/index.ts';
import { initialWeights, isFiniteStep, trainingStep, type Matrix } from '../../src/widgets/TrainingStep/network.ts';

beforeAll(async () => {
  await initEngine({ prefer: 'cpu' });
});

// ---- NumPy in miniature: just what the chapter's code uses -----------------------------------
const matmul = (A: Matrix, B: Matrix): Matrix => A.map((row) => B[0].map((_, j) => row.reduce((s, v, k) => s + v * B[k][j], 0)));
const T = (A: Matrix): Matrix => A[0].map((_, j) => A.map((row) => row[j]));
const zip = (A: Matrix, B: Matrix, f: (a: number, b: number) => number): Matrix => {
  // Broadcasting of a (1, n) row over the rows of A, as NumPy does.
  const at = (M: Matrix, r: number) => M[M.length === 1 ? 0 : r];
  const rows = Math.max(A.length, B.length);
  return Array.from({ length: rows }, (_, r) => at(A, r).map((v, c) => f(v, at(B, r)[at(B, r).length === 1 ? 0 : c])));
};
const map = (A: Matrix, f: (v: number) => number): Matrix => A.map((row) => row.map(f));
const sumRows = (A: Matrix): Matrix => [A[0].map((_, j) => A.reduce((s, row) => s + row[j], 0))];
const total = (A: Matrix) => A.flat().reduce((s, v) => s + v, 0);

/** The chapter's NumPy code, statement by statement (the comments are the Python). */
function fromScratch(x: Matrix, y: Matrix, W1: Matrix, b1: Matrix, W2: Matrix, b2: Matrix, lr: number) {
  const sigmoid = (z: Matrix) => map(z, (v) => 1 / (1 + Math.exp(-v)));
  const z1 = zip(matmul(x, W1), b1, (a, b) => a + b); //    z1 = x @ W1 + b1
  const h = sigmoid(z1); //                                 h = sigmoid(z1)
  const yHat = zip(matmul(h, W2), b2, (a, b) => a + b); //  y_hat = h @ W2 + b2
  const loss = 0.5 * total(map(zip(yHat, y, (a, b) => a - b), (v) => v * v)); // loss = 0.5 * np.sum((y_hat - y) ** 2)
  const dYHat = zip(yHat, y, (a, b) => a - b); //           d_yhat = y_hat - y
  const dW2 = matmul(T(h), dYHat); //                       dW2 = h.T @ d_yhat
  const db2 = sumRows(dYHat); //                            db2 = d_yhat.sum(axis=0, keepdims=True)
  const dH = matmul(dYHat, T(W2)); //                       dh = d_yhat @ W2.T
  const dZ1 = zip(zip(dH, h, (a, b) => a * b), map(h, (v) => 1 - v), (a, b) => a * b); // dz1 = dh * h * (1 - h)
  const dW1 = matmul(T(x), dZ1); //                         dW1 = x.T @ dz1
  const db1 = sumRows(dZ1); //                              db1 = dz1.sum(axis=0, keepdims=True)
  const step = (P: Matrix, G: Matrix) => zip(P, G, (p, g) => p - lr * g); // W1 -= lr * dW1, …
  return { z1, h, yHat, loss, dYHat, dW2, db2, dH, dZ1, dW1, db1, W1: step(W1, dW1), b1: step(b1, db1), W2: step(W2, dW2), b2: step(b2, db2) };
}

const close = (a: Matrix, b: Matrix, digits = 5) => {
  expect(a.length).toBe(b.length);
  a.forEach((row, r) => row.forEach((v, c) => expect(v).toBeCloseTo(b[r][c], digits)));
};

describe('one training step of the 2-3-1 network', () => {
  it.each([
    [1, [1, 0.5], 1, 0.5],
    [2, [-2, 3], -1, 0.1],
    [7, [0.3, -0.8], 2, 2],
  ] as const)('seed %i: every engine number matches the from-scratch code', (seed, x, y, lr) => {
    const w = initialWeights(seed);
    const n = trainingStep([x[0], x[1]], y, w, lr);
    const ref = fromScratch([[...x]], [[y]], w.W1, w.b1, w.W2, w.b2, lr);
    close(n.z1, ref.z1);
    close(n.h, ref.h);
    expect(n.yHat).toBeCloseTo(ref.yHat[0][0], 5);
    expect(n.loss).toBeCloseTo(ref.loss, 5);
    expect(n.dYHat).toBeCloseTo(ref.dYHat[0][0], 5);
    close(n.dW2, ref.dW2);
    close(n.db2, ref.db2);
    close(n.dH, ref.dH);
    close(n.dZ1, ref.dZ1);
    close(n.dW1, ref.dW1);
    close(n.db1, ref.db1);
    close(n.updated.W1, ref.W1);
    close(n.updated.W2, ref.W2);
    close(n.updated.b1, ref.b1);
    close(n.updated.b2, ref.b2);
    const after = fromScratch([[...x]], [[y]], ref.W1, ref.b1, ref.W2, ref.b2, lr);
    expect(n.newLoss).toBeCloseTo(after.loss, 5);
    // Shapes: each gradient has its parameter's shape.
    expect([n.dW1.length, n.dW1[0].length]).toEqual([2, 3]);
    expect([n.dW2.length, n.dW2[0].length]).toEqual([3, 1]);
  });

  it('the default step goes downhill; a huge learning rate overshoots; nothing leaks', () => {
    const before = liveTensorCount();
    const w = initialWeights(1);
    const good = trainingStep([1, 0.5], 1, w, 0.5);
    expect(good.newLoss).toBeLessThan(good.loss);
    const wild = trainingStep([1, 0.5], 1, w, 50);
    expect(wild.newLoss).toBeGreaterThan(wild.loss);
    expect(isFiniteStep(good)).toBe(true);
    expect(liveTensorCount()).toBe(before);
  });

  it('the common mistakes give different, wrong gradients', () => {
    const w = initialWeights(1);
    const ref = fromScratch([[1, 0.5]], [[1]], w.W1, w.b1, w.W2, w.b2, 0.5);
    // Forgetting the sigmoid's slope in the hidden delta: dz1 = dh.
    const noSlope = matmul(T([[1, 0.5]]), ref.dH);
    expect(Math.max(...noSlope.flat().map((v, i) => Math.abs(v - ref.dW1.flat()[i])))).toBeGreaterThan(0.1);
    // A + instead of − in the update climbs: the loss goes up.
    const up = fromScratch([[1, 0.5]], [[1]], w.W1, w.b1, w.W2, w.b2, -0.5);
    const after = fromScratch([[1, 0.5]], [[1]], up.W1, up.b1, up.W2, up.b2, 0.5);
    expect(after.loss).toBeGreaterThan(ref.loss);
  });
});

describe('the chapter’s NumPy code', () => {
  const fmt = (m: Matrix) => `np.array([${m.map((r) => `[${r.map((v) => (Number.isInteger(v) ? v.toFixed(1) : String(v))).join(', ')}]`).join(', ')}])`;
  it('starts from the widget’s seed-1 weights and contains each line the twin above mirrors', () => {
    const chapter = readFileSync(new URL('../../chapters/04-backpropagation.mdx', import.meta.url), 'utf8');
    const w = initialWeights(1);
    for (const [name, m] of Object.entries(w)) expect(chapter).toContain(`${name} = ${fmt(m)}`);
    for (const line of [
      'z1 = x @ W1 + b1',
      'h = sigmoid(z1)',
      'y_hat = h @ W2 + b2',
      'loss = 0.5 * np.sum((y_hat - y) ** 2)',
      'd_yhat = y_hat - y',
      'dW2 = h.T @ d_yhat',
      'db2 = d_yhat.sum(axis=0, keepdims=True)',
      'dh = d_yhat @ W2.T',
      'dz1 = dh * h * (1 - h)',
      'dW1 = x.T @ dz1',
      'db1 = dz1.sum(axis=0, keepdims=True)',
      'W1 -= lr * dW1',
    ])
      expect(chapter).toContain(line);
  });
});
