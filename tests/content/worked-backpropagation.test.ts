// The backpropagation chapter's worked numbers, recomputed without the engine: in float64 plain
// JavaScript by the chain rule worked out by hand, and (for the finite differences, whose error is
// float32 rounding itself) in float32 emulated with Math.fround, then compared with what the engine
// computed for the chapter.
import { beforeAll, describe, expect, it } from 'vitest';
import { computeWorkedValues, type ComputedValue } from '../../src/worked/index.ts';
import { initialWeights, type Matrix } from '../../src/widgets/TrainingStep/network.ts';
import { THETA, XS, YS } from '../../src/widgets/GradientCheck/check.ts';
import { buildDeepNet, makeData, type DeepSetup } from '../../src/widgets/VanishingGradients/deep.ts';
import { copyFirstUnit, makeXorNet, XOR_X, XOR_Y } from '../../src/widgets/XorLive/xor.ts';

const sig = (z: number) => 1 / (1 + Math.exp(-z));

// ---- The graph stepper's examples --------------------------------------------------------------
const [a, b, c, d] = [2, -3, 10, -2];
const [w, x, bias, y] = [0.5, 1.5, -3, 1];
const z = w * x + bias;
const s = sig(z);
const dS = 2 * (s - y);
const dZ = dS * s * (1 - s);

// ---- The training step -----------------------------------------------------------------------
const W = initialWeights(1);
const mm = (A: Matrix, B: Matrix): Matrix => A.map((row) => B[0].map((_, j) => row.reduce((t, v, k) => t + v * B[k][j], 0)));
function stepOf(P: typeof W) {
  const z1 = mm([[1, 0.5]], P.W1)[0].map((v, j) => v + P.b1[0][j]);
  const h = z1.map(sig);
  const yHat = h.reduce((t, v, j) => t + v * P.W2[j][0], P.b2[0][0]);
  const dY = yHat - 1;
  const dH = P.W2.map((r) => r[0] * dY);
  const dZ1 = dH.map((g, j) => g * h[j] * (1 - h[j]));
  const dW1 = [1, 0.5].map((xi) => dZ1.map((g) => xi * g));
  const dW2 = h.map((v) => [v * dY]);
  return { yHat, loss: 0.5 * dY * dY, dY, dW1, dW2, dZ1 };
}
const first = stepOf(W);
const lr = 0.5;
const next = {
  W1: W.W1.map((r, i) => r.map((v, j) => v - lr * first.dW1[i][j])),
  b1: [W.b1[0].map((v, j) => v - lr * first.dZ1[j])],
  W2: W.W2.map((r, j) => [r[0] - lr * first.dW2[j][0]]),
  b2: [[W.b2[0][0] - lr * first.dY]],
};

// ---- The gradient check ------------------------------------------------------------------------
function gradRef(slope: (z: number) => number): number {
  return XS.reduce((t, [x1, x2], i) => {
    const zz = THETA.w1 * x1 + THETA.w2 * x2 + THETA.b;
    return t + (2 * (sig(zz) - YS[i]) * slope(zz) * x1) / XS.length;
  }, 0);
}
const trueGrad = gradRef((zz) => sig(zz) * (1 - sig(zz)));
/** The loss in float64. */
function loss64(w1: number): number {
  return XS.reduce((t, [x1, x2], i) => t + (sig(w1 * x1 + THETA.w2 * x2 + THETA.b) - YS[i]) ** 2, 0) / XS.length;
}
const fd64 = (eps: number) => (loss64(THETA.w1 + eps) - loss64(THETA.w1 - eps)) / (2 * eps);
/**
 * How far a float32 central difference may sit from the float64 one: each of the two losses is
 * off by a few units in the last place of float32 (2⁻²³ relative, four of them allowed), divided
 * by 2ε; the parameters θ ± ε themselves are rounded to float32 too (2⁻²⁴·|θ| each, times L′).
 */
const noise = (eps: number) => (4 * 2 ** -23 * loss64(THETA.w1) * 2 + 2 * 2 ** -24 * Math.abs(THETA.w1) * Math.abs(fd64(eps))) / (2 * eps);
const rel = (p: number, q: number) => Math.abs(p - q) / Math.max(Math.abs(p), Math.abs(q), 1e-12);

// ---- Deep stacks: a plain-JS backward pass from the engine-built weights ------------------------
function layerNorms(setup: DeepSetup): number[] {
  const { model, hidden } = buildDeepNet(setup);
  const layers = [...hidden, model.layers[model.layers.length - 1]].map((l) => {
    const p = l as unknown as { weight: { toArray(): number[][] }; bias: { toArray(): number[] } };
    return { W: p.weight.toArray(), b: p.bias.toArray() };
  });
  model.dispose();
  const f = { sigmoid: sig, tanh: Math.tanh, relu: (v: number) => Math.max(0, v) }[setup.activation];
  const df = { sigmoid: (v: number) => sig(v) * (1 - sig(v)), tanh: (v: number) => 1 - Math.tanh(v) ** 2, relu: (v: number) => (v > 0 ? 1 : 0) }[setup.activation];
  const set = makeData(setup.seed);
  const grads = layers.map((l) => l.W.map((row) => row.map(() => 0)));
  set.x.forEach((input, n) => {
    const acts: number[][] = [input];
    const pres: number[][] = [];
    layers.forEach((l, k) => {
      const zz = l.b.map((bb, j) => bb + acts[k].reduce((t, v, i) => t + v * l.W[i][j], 0));
      pres.push(zz);
      acts.push(k < layers.length - 1 ? zz.map(f) : zz);
    });
    // BCE with logits, mean over the batch: dL/dlogit = (σ(logit) − y)/N.
    let delta = [(sig(acts[layers.length][0]) - set.y[n]) / set.x.length];
    for (let k = layers.length - 1; k >= 0; k--) {
      if (k < layers.length - 1) delta = delta.map((g, j) => g * df(pres[k][j]));
      acts[k].forEach((v, i) => delta.forEach((g, j) => (grads[k][i][j] += v * g)));
      const Wk = layers[k].W;
      delta = acts[k].map((_, i) => delta.reduce((t, g, j) => t + g * Wk[i][j], 0));
    }
  });
  return grads.slice(0, hidden.length).map((g) => Math.sqrt(g.flat().reduce((t, v) => t + v * v, 0)));
}

// ---- XOR: a plain-JS float64 training loop from the engine-drawn starting weights ---------------
/** 2 → h tanh → 1 logit, mean binary cross-entropy on logits, plain gradient descent (η = 1). */
function xorRef(hidden: number, seed: number, symmetric = false, steps = 600) {
  const net = makeXorNet(hidden, seed);
  if (symmetric) copyFirstUnit(net);
  const st = net.stateDict();
  net.dispose();
  const W1 = [0, 1].map((i) => st['0.weight'].values.slice(i * hidden, (i + 1) * hidden));
  const b1 = st['0.bias'].values.slice();
  const W2 = st['2.weight'].values.slice();
  let b2 = st['2.bias'].values[0];
  const forward = () =>
    XOR_X.map(([x1, x2]) => {
      const hh = b1.map((bb, j) => Math.tanh(x1 * W1[0][j] + x2 * W1[1][j] + bb));
      return { hh, o: hh.reduce((t, v, j) => t + v * W2[j], b2) };
    });
  const bce = (o: number, t: number) => Math.max(o, 0) - o * t + Math.log1p(Math.exp(-Math.abs(o)));
  let loss = Number.NaN;
  for (let s = 0; s < steps; s++) {
    const f = forward();
    loss = f.reduce((t, { o }, n) => t + bce(o, XOR_Y[n]), 0) / 4;
    const gW1 = W1.map((r) => r.map(() => 0));
    const gb1 = b1.map(() => 0);
    const gW2 = W2.map(() => 0);
    let gb2 = 0;
    f.forEach(({ hh, o }, n) => {
      const dO = (sig(o) - XOR_Y[n]) / 4;
      gb2 += dO;
      hh.forEach((v, j) => {
        gW2[j] += v * dO;
        const dz = dO * W2[j] * (1 - v * v);
        gb1[j] += dz;
        gW1[0][j] += XOR_X[n][0] * dz;
        gW1[1][j] += XOR_X[n][1] * dz;
      });
    });
    W1.forEach((r, i) => r.forEach((_, j) => (r[j] -= gW1[i][j])));
    b1.forEach((_, j) => (b1[j] -= gb1[j]));
    W2.forEach((_, j) => (W2[j] -= gW2[j]));
    b2 -= gb2;
  }
  const right = forward().filter(({ o }, n) => (o > 0 ? 1 : 0) === XOR_Y[n]).length;
  const spread = Math.max(...W1.flatMap((r) => r.map((v) => Math.abs(v - r[0]))), ...b1.map((v) => Math.abs(v - b1[0])), ...W2.map((v) => Math.abs(v - W2[0])));
  return { loss, right, spread };
}
const xorLearntRef = (hidden: number) => Array.from({ length: 10 }, (_, i) => xorRef(hidden, i + 1).loss).filter((l) => l < 0.1);

const expected: Record<string, number> = {};
const float32Keys = new Set<string>();

function build() {
  Object.assign(expected, {
    chainV1: a * b,
    chainV2: a * b + c,
    chainL: (a * b + c) * d,
    chainNudgedL: (2.01 * b + c) * d,
    chainGradV2: d,
    chainGradV1: d,
    chainGradA: b * d,
    chainGradB: a * d,
    chainGradC: d,
    chainGradD: a * b + c,
    neuronZ: z,
    neuronS: s,
    neuronL: (s - y) ** 2,
    neuronGradS: dS,
    neuronSlope: s * (1 - s),
    neuronGradZ: dZ,
    neuronGradW: dZ * x,
    neuronGradB: dZ,
    stepYHat: first.yHat,
    stepLoss: first.loss,
    stepDYHat: first.dY,
    stepDW2first: first.dW2[0][0],
    stepDW1first: first.dW1[0][1],
    stepNewLoss: stepOf(next).loss,
    gcAutograd: trueGrad,
    gcNumerical: fd64(1e-3),
    gcRelE3Scaled: rel(trueGrad, fd64(1e-3)) * 1e5,
    gcRelE7: rel(trueGrad, fd64(1e-7)),
    gcRelE0: rel(trueGrad, fd64(1)),
    gcNoSlopeAutograd: gradRef(() => 1),
    gcNoSlopeRel: rel(gradRef(() => 1), fd64(1e-3)),
    gcFlippedRel: rel(-trueGrad, fd64(1e-3)),
    vgSigmoidRatioE7: (() => {
      const n = layerNorms({ activation: 'sigmoid', depth: 10, scale: 1, seed: 1 });
      return (n[0] / n[9]) * 1e7;
    })(),
    vgReluHeRatio: (() => {
      const n = layerNorms({ activation: 'relu', depth: 10, scale: Math.SQRT2, seed: 1 });
      return n[1] / n[9];
    })(),
    vgSigmoidScale4RatioE4: (() => {
      const n = layerNorms({ activation: 'sigmoid', depth: 10, scale: 4, seed: 1 });
      return (n[0] / n[9]) * 1e4;
    })(),
    vgTanhRatio: (() => {
      const n = layerNorms({ activation: 'tanh', depth: 10, scale: 1, seed: 1 });
      return n[0] / n[9];
    })(),
    vgReluSmallRatio: (() => {
      const n = layerNorms({ activation: 'relu', depth: 10, scale: 0.5, seed: 1 });
      return n[1] / n[9];
    })(),
    vgReluSmallShrinkE4:
      layerNorms({ activation: 'relu', depth: 10, scale: Math.SQRT2, seed: 1 })[1] / layerNorms({ activation: 'relu', depth: 10, scale: 0.5, seed: 1 })[1] / 1e4,
    xorLoss600: xorRef(3, 1).loss,
    symLoss: xorRef(3, 1, true).loss,
    symRight: xorRef(3, 1, true).right,
    xorLearnt2: xorLearntRef(2).length,
    xorLearnt4: xorLearntRef(4).length,
    vgReluBigGrowth:
      layerNorms({ activation: 'relu', depth: 10, scale: 3, seed: 1 })[1] / layerNorms({ activation: 'relu', depth: 10, scale: Math.SQRT2, seed: 1 })[1],
    ex1: -1 * 4,
    ex2: (() => {
      const zz = 1 * 2 + -1;
      return 2 * (sig(zz) - 0) * sig(zz) * (1 - sig(zz)) * 2;
    })(),
    ex3: 3 + 1,
    ex4: 2 - 0.1 * 2 * (2 * 1 - 0.5) * 1,
    ex4Grad: 2 * (2 * 1 - 0.5) * 1,
    ex4LossBefore: (2 * 1 - 0.5) ** 2,
    ex4LossAfter: ((2 - 0.1 * 3) * 1 - 0.5) ** 2,
    ex4Wrong: 2 + 0.1 * 3,
    ex5: 0.01 / 0.5,
    ex6: 0.25 ** 5,
  });
  // The engine's finite differences are float32 ones: they may differ from the float64 ones by
  // the rounding bound `noise(ε)`, and a relative error by that bound over |∂L/∂w₁|.
  for (const k of ['gcNumerical', 'gcRelE3Scaled', 'gcRelE7', 'gcRelE0', 'gcNoSlopeRel', 'gcFlippedRel']) float32Keys.add(k);
}

const epsOf: Record<string, number> = { gcNumerical: 1e-3, gcRelE3Scaled: 1e-3, gcRelE7: 1e-7, gcRelE0: 1, gcNoSlopeRel: 1e-3, gcFlippedRel: 1e-3 };

function close(key: string, actual: number, want: number): boolean {
  if (float32Keys.has(key)) {
    const bound = noise(epsOf[key]);
    if (key === 'gcNumerical') return Math.abs(actual - want) <= bound;
    const scale = key === 'gcRelE3Scaled' ? 1e5 : 1;
    // A relative error moves by at most |Δn| / min(|a|, |n|) when n moves by Δn (with slack 2).
    return Math.abs(actual - want) / scale <= (2 * bound) / Math.abs(trueGrad) + 1e-9;
  }
  if (key.startsWith('vg')) return Math.abs(actual - want) <= 1e-3 * Math.abs(want);
  // 600 float32 steps drift from float64 ones a little; counts of points and seeds must be equal.
  if (key === 'xorLoss600' || key === 'symLoss') return Math.abs(actual - want) <= 1e-2 * Math.abs(want);
  return Math.abs(actual - want) <= 1e-5 * Math.abs(want) + 1e-7;
}

describe('worked values: backpropagation', () => {
  let computed: Map<string, ComputedValue>;
  beforeAll(async () => {
    computed = await computeWorkedValues('backpropagation');
    build();
  }, 120_000);

  it('has exactly the keys recomputed here', () => {
    const keys = [...computed.keys()].filter((k) => k.startsWith('backpropagation.')).map((k) => k.slice('backpropagation.'.length));
    expect(keys.sort()).toEqual(Object.keys(expected).sort());
  });

  it('every key matches its recomputation', () => {
    for (const [key, want] of Object.entries(expected)) {
      const got = computed.get(`backpropagation.${key}`);
      expect(got, `backpropagation.${key} is missing`).toBeDefined();
      expect(close(key, got!.value, want), `backpropagation.${key}: engine ${got!.value}, reference ${want}`).toBe(true);
    }
  });

  it('the chapter’s claims about them hold', () => {
    // The check passes for the right rule, fails by far for the broken ones.
    expect(expected.gcRelE3Scaled).toBeLessThan(100); // below 1e-3
    expect(expected.gcNoSlopeRel).toBeGreaterThan(0.5);
    expect(expected.gcFlippedRel).toBeGreaterThan(1.9);
    // Float32 rounding spoils a tiny ε, curvature a large one (the engine's own values).
    expect(computed.get('backpropagation.gcRelE7')!.value).toBeGreaterThan(0.01);
    expect(computed.get('backpropagation.gcRelE0')!.value).toBeGreaterThan(0.01);
    // Started symmetric, the units stay copies of each other (float64 here, the engine's own run in
    // tests/widgets/backprop-xor.test.ts), and the network does no better than one unit.
    expect(xorRef(3, 1, true).spread).toBe(0);
    expect(expected.symRight).toBeLessThanOrEqual(3);
    expect(expected.symLoss).toBeGreaterThan(10 * expected.xorLoss600);
    // No seed sits near the line between learnt and not learnt, so the counts are robust.
    for (const h of [2, 4]) for (let sd = 1; sd <= 10; sd++) expect(Math.abs(Math.log(xorRef(h, sd).loss / 0.1))).toBeGreaterThan(Math.log(2));
    // Scale 4 does not rescue the sigmoid stack; tanh at scale 1 stays within a factor of ten.
    expect(expected.vgSigmoidScale4RatioE4).toBeLessThan(100);
    expect(expected.vgTanhRatio).toBeGreaterThan(0.1);
    // ReLU's bars are about as level at scale 0.5 as at He's scale, only all far lower.
    expect(expected.vgReluSmallRatio / expected.vgReluHeRatio).toBeGreaterThan(0.5);
    expect(expected.vgReluSmallRatio / expected.vgReluHeRatio).toBeLessThan(2);
    // In float64 a correct rule reaches 10⁻⁷ or much less at a good ε.
    expect(Math.min(...[1e-3, 1e-4, 1e-5, 1e-6].map((e) => rel(trueGrad, fd64(e))))).toBeLessThan(1e-7);
    // The step went downhill.
    expect(expected.stepNewLoss).toBeLessThan(expected.stepLoss);
  });
});
