import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { Linear } from '../../src/engine/nn';
import { add, mul, square, sum } from '../../src/engine/ops';
import { Adagrad, Adam, AdamW, RMSprop, SGD, type Optimizer } from '../../src/engine/optim';
import { mseLoss } from '../../src/engine/losses';
import { Random } from '../../src/engine/random';
import { parameter, tensor, tidy, type Tensor } from '../../src/engine/tensor';
import { backendUnavailable, describeEachBackend, inBrowser, tolerance, useBackend, type BackendName } from '../support/backends';
import { expectClose } from './nn-support';

// The tiny problem: two parameters (a 2×2 matrix and a vector of 2), each with the separable loss
// Σ ½·c·p² + d·p, so the gradient is c·p + d and a plain-JS reference can follow every step.
const start = [
  [0.5, -1.0, 2.0, 0.3],
  [-0.7, 1.2],
];
const curvature = [
  [1.0, 3.0, 0.5, 2.0],
  [4.0, 0.2],
];
const linear = [
  [0.1, -0.2, 0.3, 0.0],
  [-0.5, 0.25],
];

/** A plain-JS optimiser: updates `p` (float64) in place given its gradient, step t from 1. */
type Reference = (p: number[][], g: number[][], t: number) => void;

function makeParams(): Tensor[] {
  return [parameter(tf.tensor(start[0], [2, 2]), 'W'), parameter(tf.tensor(start[1], [2]), 'b')];
}

function lossOf(params: Tensor[]): Tensor {
  const terms = params.map((p, k) => {
    const c = tensor(curvature[k], p.shape);
    const d = tensor(linear[k], p.shape);
    return sum(add(mul(mul(square(p), c), 0.5), mul(p, d)));
  });
  return add(terms[0], terms[1]);
}

function trainStep(params: Tensor[], opt: Optimizer): void {
  tidy(() => {
    opt.zeroGrad();
    lossOf(params).backward();
    opt.step();
  });
}

/** Runs `steps` updates of the engine optimiser and of the reference, comparing after each. */
function compare(makeOpt: (params: Tensor[]) => Optimizer, reference: Reference, steps: number, tol: number): void {
  const before = tf.memory().numTensors;
  const params = makeParams();
  const opt = makeOpt(params);
  const ref = start.map((r) => [...r]);
  for (let t = 1; t <= steps; t++) {
    trainStep(params, opt);
    const grads = ref.map((p, k) => p.map((v, i) => curvature[k][i] * v + linear[k][i]));
    reference(ref, grads, t);
    params.forEach((p, k) => expectClose(p.data(), ref[k], tol, `step ${t}, ${p.name}`));
  }
  opt.dispose();
  params.forEach((p) => p.dispose());
  expect(tf.memory().numTensors).toBe(before);
}

/** Zero-filled per-parameter state shaped like the problem's parameters. */
const zerosLike = () => start.map((r) => r.map(() => 0));

describeEachBackend('optimiser update rules', (backend, path) => {
  const tol = backend === 'webgl' ? tolerance(backend) : 2e-5;

  it('SGD: p ← p − lr·g', () => {
    compare((ps) => new SGD(ps, { lr: 0.1 }), (p, g) => p.forEach((r, k) => r.forEach((v, i) => (r[i] = v - 0.1 * g[k][i]))), 5, tol);
  });

  it("SGD with momentum, PyTorch's convention (buffer starts at the first gradient) and weight decay", () => {
    const [lr, mu, wd] = [0.05, 0.9, 0.01];
    const buf = zerosLike();
    compare(
      (ps) => new SGD(ps, { lr, momentum: mu, weightDecay: wd }),
      (p, g, t) =>
        p.forEach((r, k) =>
          r.forEach((v, i) => {
            const gi = g[k][i] + wd * v;
            buf[k][i] = t === 1 ? gi : mu * buf[k][i] + gi;
            r[i] = v - lr * buf[k][i];
          }),
        ),
      8,
      tol,
    );
  });

  it('SGD with Nesterov momentum: p ← p − lr·(g + μ·b)', () => {
    const [lr, mu] = [0.05, 0.9];
    const buf = zerosLike();
    compare(
      (ps) => new SGD(ps, { lr, momentum: mu, nesterov: true }),
      (p, g, t) =>
        p.forEach((r, k) =>
          r.forEach((v, i) => {
            buf[k][i] = t === 1 ? g[k][i] : mu * buf[k][i] + g[k][i];
            r[i] = v - lr * (g[k][i] + mu * buf[k][i]);
          }),
        ),
      8,
      tol,
    );
    expect(() => new SGD([], { lr: 0.1 })).toThrow(/no parameters/);
    const ps = makeParams();
    expect(() => new SGD(ps, { lr: 0.1, nesterov: true })).toThrow(/Nesterov/);
    ps.forEach((p) => p.dispose());
  });

  it('SGD with dampening: b ← μ·b + (1 − dampening)·g after the first step', () => {
    const [lr, mu, damp] = [0.1, 0.5, 0.3];
    const buf = zerosLike();
    compare(
      (ps) => new SGD(ps, { lr, momentum: mu, dampening: damp }),
      (p, g, t) =>
        p.forEach((r, k) =>
          r.forEach((v, i) => {
            buf[k][i] = t === 1 ? g[k][i] : mu * buf[k][i] + (1 - damp) * g[k][i];
            r[i] = v - lr * buf[k][i];
          }),
        ),
      5,
      tol,
    );
  });

  it('RMSprop: v ← αv + (1 − α)g², p ← p − lr·g/(√v + ε), plain and with momentum', () => {
    const [lr, alpha, eps] = [0.01, 0.9, 1e-8];
    for (const momentum of [0, 0.8]) {
      const v = zerosLike();
      const buf = zerosLike();
      compare(
        (ps) => new RMSprop(ps, { lr, alpha, momentum }),
        (p, g) =>
          p.forEach((r, k) =>
            r.forEach((val, i) => {
              v[k][i] = alpha * v[k][i] + (1 - alpha) * g[k][i] ** 2;
              const d = g[k][i] / (Math.sqrt(v[k][i]) + eps);
              buf[k][i] = momentum * buf[k][i] + d;
              r[i] = val - lr * (momentum ? buf[k][i] : d);
            }),
          ),
        6,
        tol,
      );
    }
  });

  it('RMSprop centered: the denominator uses v − m²', () => {
    const [lr, alpha, eps] = [0.01, 0.9, 1e-8];
    const v = zerosLike();
    const m = zerosLike();
    compare(
      (ps) => new RMSprop(ps, { lr, alpha, centered: true }),
      (p, g) =>
        p.forEach((r, k) =>
          r.forEach((val, i) => {
            v[k][i] = alpha * v[k][i] + (1 - alpha) * g[k][i] ** 2;
            m[k][i] = alpha * m[k][i] + (1 - alpha) * g[k][i];
            r[i] = val - (lr * g[k][i]) / (Math.sqrt(v[k][i] - m[k][i] ** 2) + eps);
          }),
        ),
      4,
      backend === 'webgl' ? 1e-2 : 2e-4,
    );
  });

  it('Adagrad: s ← s + g², p ← p − lr_t·g/(√s + ε), lr_t = lr/(1 + (t−1)·decay)', () => {
    const [lr, decay, eps] = [0.5, 0.1, 1e-10];
    const s = zerosLike();
    compare(
      (ps) => new Adagrad(ps, { lr, lrDecay: decay }),
      (p, g, t) =>
        p.forEach((r, k) =>
          r.forEach((v, i) => {
            s[k][i] += g[k][i] ** 2;
            r[i] = v - ((lr / (1 + (t - 1) * decay)) * g[k][i]) / (Math.sqrt(s[k][i]) + eps);
          }),
        ),
      6,
      tol,
    );
  });

  /** Kingma & Ba (2015), Algorithm 1, with optional L2 (Adam) or decoupled (AdamW) decay. */
  function adamReference(lr: number, b1: number, b2: number, eps: number, l2: number, decoupled: number): Reference {
    const m = zerosLike();
    const v = zerosLike();
    return (p, g, t) =>
      p.forEach((r, k) =>
        r.forEach((val, i) => {
          const gi = g[k][i] + l2 * val;
          m[k][i] = b1 * m[k][i] + (1 - b1) * gi;
          v[k][i] = b2 * v[k][i] + (1 - b2) * gi * gi;
          const mHat = m[k][i] / (1 - b1 ** t);
          const vHat = v[k][i] / (1 - b2 ** t);
          r[i] = val - lr * decoupled * val - (lr * mHat) / (Math.sqrt(vHat) + eps);
        }),
      );
  }

  it('Adam: bias-corrected moments (Kingma & Ba 2015, Algorithm 1)', () => {
    compare((ps) => new Adam(ps, { lr: 0.1 }), adamReference(0.1, 0.9, 0.999, 1e-8, 0, 0), 10, tol);
    compare((ps) => new Adam(ps, { lr: 0.05, betas: [0.8, 0.99], weightDecay: 0.1 }), adamReference(0.05, 0.8, 0.99, 1e-8, 0.1, 0), 6, tol);
  });

  it('AdamW: decoupled weight decay p ← p·(1 − lr·λ) before the Adam step', () => {
    compare((ps) => new AdamW(ps, { lr: 0.1, weightDecay: 0.05 }), adamReference(0.1, 0.9, 0.999, 1e-8, 0, 0.05), 10, tol);
    const ps = makeParams();
    const opt = new AdamW(ps);
    expect(opt.weightDecay).toBe(0.01);
    opt.dispose();
    ps.forEach((p) => p.dispose());
  });

  it('skips a parameter that has no gradient, and lr can change between steps', () => {
    const before = tf.memory().numTensors;
    const [w, unused] = [parameter(tf.tensor([1, 2]), 'w'), parameter(tf.tensor([5]), 'unused')];
    const opt = new SGD([w, unused], { lr: 0.5, momentum: 0.9 });
    tidy(() => {
      sum(square(w)).backward();
      opt.step();
    });
    expectClose(w.data(), [1 - 0.5 * 2, 2 - 0.5 * 4], 1e-6, 'w');
    expect(unused.data()[0]).toBe(5);
    expect(Object.keys(opt.stateDict().slots)).toEqual(['0.momentumBuffer']);
    opt.lr = 0.1;
    tidy(() => {
      opt.zeroGrad();
      sum(square(w)).backward();
      opt.step();
    });
    // Second step: b = 0.9·b₁ + g₂ with b₁ = [2, 4], g₂ = 2·w = [0, 0].
    expectClose(w.data(), [0 - 0.1 * 1.8, 0 - 0.1 * 3.6], 1e-6, 'w after lr change');
    opt.dispose();
    [w, unused].forEach((p) => p.dispose());
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a state dict saved mid-training, through JSON, continues exactly where it stopped', () => {
    for (const make of [
      (ps: Tensor[]) => new Adam(ps, { lr: 0.1 }),
      (ps: Tensor[]) => new SGD(ps, { lr: 0.05, momentum: 0.9 }),
      (ps: Tensor[]) => new RMSprop(ps, { lr: 0.01, momentum: 0.5, centered: true }),
      (ps: Tensor[]) => new Adagrad(ps, { lr: 0.3 }),
    ]) {
      const before = tf.memory().numTensors;
      const a = makeParams();
      const optA = make(a);
      for (let i = 0; i < 6; i++) trainStep(a, optA);
      const b = makeParams();
      const optB = make(b);
      for (let i = 0; i < 3; i++) trainStep(b, optB);
      // Save both model and optimiser after step 3, start afresh, load, go on.
      const saved = JSON.stringify({ params: b.map((p) => Array.from(p.data())), opt: optB.stateDict() });
      optB.dispose();
      b.forEach((p) => p.dispose());
      const restored = JSON.parse(saved);
      const c = makeParams();
      c.forEach((p, k) => tf.tidy(() => (p.value as tf.Variable).assign(tf.tensor(restored.params[k], p.shape))));
      const optC = make(c);
      optC.loadStateDict(restored.opt);
      for (let i = 0; i < 3; i++) trainStep(c, optC);
      c.forEach((p, k) => expectClose(p.data(), a[k].data(), 1e-6, `${optA.type} ${p.name}`));
      const other = optA.type === 'SGD' ? new Adagrad(c) : new SGD(c, { lr: 1 });
      expect(() => other.loadStateDict(restored.opt)).toThrow(/state is for/);
      optA.dispose();
      optC.dispose();
      [...a, ...c].forEach((p) => p.dispose());
      expect(tf.memory().numTensors).toBe(before);
    }
  });

  it('memory: back to baseline after a step, after 1,000 steps, and after dispose', () => {
    const baseline = tf.memory().numTensors;
    const model = new Linear(3, 2, { rng: new Random(1) });
    const opt = new Adam(model, { lr: 0.01 });
    const x = tensor([
      [1, 2, 3],
      [0, -1, 0.5],
    ]);
    const y = tensor([
      [1, 0],
      [0, 1],
    ]);
    const step = () =>
      tidy(() => {
        opt.zeroGrad();
        const loss = mseLoss(model.forward(x), y);
        loss.backward();
        opt.step();
        return loss.item();
      });
    const first = step();
    const afterOne = tf.memory().numTensors;
    // Two parameters, x and y, and the optimiser's two slots per parameter: nothing else survives
    // (and on the small path, all of them live in plain memory: no TensorFlow.js tensor at all).
    expect(afterOne).toBe(baseline + (path === 'small' ? 0 : 2 + 2 + 2 * 2));
    let last = first;
    for (let i = 0; i < 1000; i++) last = step();
    expect(tf.memory().numTensors).toBe(afterOne);
    expect(last).toBeLessThan(first);
    model.dispose();
    opt.dispose();
    x.dispose();
    y.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
  });
});

describe('moving training to another backend mid-run', () => {
  // In the browser, the move the book makes when WebGL is lost; in Node, between the two present.
  const [first, second]: BackendName[] = inBrowser ? ['webgl', 'wasm'] : ['cpu', 'wasm'];

  it(`continues on ${second} from a state saved on ${first}, as if it had never moved`, async () => {
    const reasons = await Promise.all([backendUnavailable(first), backendUnavailable(second)]);
    if (reasons.some((r) => r)) {
      // Reported by name, never passed silently.
      throw new Error(`needs both ${first} and ${second}: ${reasons.filter(Boolean).join('; ')}`);
    }
    const original = tf.getBackend();
    const run = (model: Linear, opt: Optimizer, x: Tensor, y: Tensor, steps: number) => {
      for (let i = 0; i < steps; i++) {
        tidy(() => {
          opt.zeroGrad();
          mseLoss(model.forward(x), y).backward();
          opt.step();
        });
      }
    };
    const data = (): [Tensor, Tensor] => [tensor([[1, 2, 3], [0, -1, 0.5]]), tensor([[1, 0], [0, 1]])];
    try {
      await useBackend(first);
      // Reference: 6 steps on the first backend without moving.
      const refModel = new Linear(3, 2, { rng: new Random(3) });
      const refOpt = new Adam(refModel, { lr: 0.05 });
      const [rx, ry] = data();
      run(refModel, refOpt, rx, ry, 6);
      const expected = refModel.stateDict();
      [refModel, refOpt, rx, ry].forEach((o) => o.dispose());
      // 3 steps, save, move, load into the same objects, 3 more steps.
      const model = new Linear(3, 2, { rng: new Random(3) });
      const opt = new Adam(model, { lr: 0.05 });
      let [x, y] = data();
      run(model, opt, x, y, 3);
      const saved = JSON.parse(JSON.stringify({ model: model.stateDict(), opt: opt.stateDict() }));
      x.dispose();
      y.dispose();
      await useBackend(second);
      const before = tf.memory().numTensors;
      model.loadStateDict(saved.model);
      opt.loadStateDict(saved.opt);
      expect(tf.memory().numTensors).toBe(before);
      [x, y] = data();
      run(model, opt, x, y, 3);
      const moved = model.stateDict();
      for (const key of Object.keys(expected)) expectClose(moved[key].values, expected[key].values, 1e-4, key);
      [model, opt, x, y].forEach((o) => o.dispose());
    } finally {
      await useBackend(original as BackendName);
    }
  });
});
