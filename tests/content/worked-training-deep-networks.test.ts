// The worked numbers of the chapter on training deep networks, recomputed without the engine's
// training: XOR's 2-3-1 network trained in plain float64 JavaScript from the engine's starting
// weights (symmetric, all zero, as drawn), batch and layer normalisation and running means from
// their published formulas, lengths through deep linear stacks by plain matrix products, and the
// exercises' closed forms.
import { beforeAll, describe, expect, it } from 'vitest';
import { nn, Random } from '../../src/engine/index.ts';
import { computeWorkedValues, type ComputedValue } from '../../src/worked/index.ts';
import { ORTHO_DEPTH, ORTHO_WIDTH, SYMMETRY_STEPS, XOR_RATE } from '../../src/worked/training-deep-networks.ts';
import { copyFirstUnit, makeXorNet, XOR_X, XOR_Y } from '../../src/widgets/XorLive/xor.ts';

let table: Map<string, ComputedValue>;
beforeAll(async () => {
  table = await computeWorkedValues('training-deep-networks');
});
const worked = (key: string) => table.get(`training-deep-networks.${key}`)!.value;

interface Xor {
  w1: number[][]; // [2][h]
  b1: number[];
  w2: number[]; // [h]
  b2: number;
}

/** The engine's XOR network's parameters as float64 numbers (its starting point only). */
function start(symmetric: boolean, zero: boolean): Xor {
  const net = makeXorNet(3, 1);
  if (symmetric) copyFirstUnit(net);
  const s = net.stateDict();
  net.dispose();
  const z = (v: number) => (zero ? 0 : v);
  const h = s['0.bias'].values.length;
  return {
    w1: [0, 1].map((i) => s['0.weight'].values.slice(i * h, (i + 1) * h).map(z)),
    b1: s['0.bias'].values.map(z),
    w2: s['2.weight'].values.map(z),
    b2: z(s['2.bias'].values[0]),
  };
}

/** Gradient descent on the four points, tanh hidden units, binary cross-entropy on the logit. */
function trainXor(p: Xor, lr: number, steps: number): number {
  const h = p.b1.length;
  let loss = 0;
  for (let t = 0; t < steps; t++) {
    const g = { w1: [new Array(h).fill(0), new Array(h).fill(0)], b1: new Array(h).fill(0), w2: new Array(h).fill(0), b2: 0 };
    loss = 0;
    XOR_X.forEach(([x1, x2], n) => {
      const a = p.b1.map((b, j) => Math.tanh(b + x1 * p.w1[0][j] + x2 * p.w1[1][j]));
      const z = p.b2 + a.reduce((acc, aj, j) => acc + aj * p.w2[j], 0);
      const y = XOR_Y[n];
      loss += (Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z)))) / 4;
      const dz = (1 / (1 + Math.exp(-z)) - y) / 4;
      g.b2 += dz;
      a.forEach((aj, j) => {
        g.w2[j] += dz * aj;
        const da = dz * p.w2[j] * (1 - aj * aj);
        g.b1[j] += da;
        g.w1[0][j] += da * x1;
        g.w1[1][j] += da * x2;
      });
    });
    // The loss reported is the one before the step, as the engine's training step returns it.
    p.b2 -= lr * g.b2;
    for (let j = 0; j < h; j++) {
      p.w2[j] -= lr * g.w2[j];
      p.b1[j] -= lr * g.b1[j];
      p.w1[0][j] -= lr * g.w1[0][j];
      p.w1[1][j] -= lr * g.w1[1][j];
    }
  }
  return loss;
}

describe('training deep networks: worked numbers', () => {
  it('symmetric units stay identical, and learn no more than one unit would', () => {
    const p = start(true, false);
    const loss = trainXor(p, XOR_RATE, SYMMETRY_STEPS);
    expect(worked('symmetrySpread')).toBe(0);
    const spread = Math.max(...[p.w1[0], p.w1[1], p.b1, p.w2].map((row) => Math.max(...row) - Math.min(...row)));
    expect(spread).toBeLessThan(1e-12);
    expect(worked('symmetryLoss')).toBeCloseTo(loss, 3);
    expect(worked('xorLoss')).toBeCloseTo(trainXor(start(false, false), XOR_RATE, SYMMETRY_STEPS), 3);
    expect(worked('xorLoss')).toBeLessThan(worked('symmetryLoss') / 10);
  });

  it('all-zero weights never move, and the loss stays at ln 2', () => {
    const p = start(false, true);
    const loss = trainXor(p, XOR_RATE, SYMMETRY_STEPS);
    expect([...p.w1.flat(), ...p.w2].every((w) => w === 0)).toBe(true);
    expect(worked('zeroWeightNorm')).toBe(0);
    expect(worked('zeroLoss')).toBeCloseTo(loss, 6);
    expect(worked('zeroLoss')).toBeCloseTo(Math.LN2, 6);
  });

  it('powers, lengths through deep linear stacks, and the first loss', () => {
    expect(worked('grow20')).toBeCloseTo(1.5 ** 20, 0);
    expect(worked('shrink20')).toBeCloseTo(0.7 ** 20, 7);
    expect(worked('skipTen')).toBeCloseTo(1.01 ** 10, 5);
    expect(worked('initLoss10')).toBeCloseTo(Math.log(10), 5);
    // Orthogonal layers keep every length; the Gaussian stack, drawn the same way, recomputed in float64.
    expect(worked('orthoNormRatio')).toBeCloseTo(1, 4);
    const rng = new Random(3);
    const weights = Array.from({ length: ORTHO_DEPTH }, () => {
      const t = nn.init.normal([ORTHO_WIDTH, ORTHO_WIDTH], 0, 1 / Math.sqrt(ORTHO_WIDTH), rng);
      const values = Array.from(t.dataSync());
      t.dispose();
      return values;
    });
    let x = Array.from({ length: ORTHO_WIDTH }, () => rng.normal());
    const first = Math.hypot(...x);
    for (const w of weights) x = Array.from({ length: ORTHO_WIDTH }, (_, j) => x.reduce((acc, xi, i) => acc + xi * w[i * ORTHO_WIDTH + j], 0));
    expect(worked('gaussNormRatio')).toBeCloseTo(Math.hypot(...x) / first, 4);
  });

  it('batch and layer normalisation, and running means, by their formulas', () => {
    const bn = (xs: number[], x: number, gamma: number, beta: number) => {
      const mu = xs.reduce((a, b) => a + b) / xs.length;
      const variance = xs.reduce((a, b) => a + (b - mu) ** 2, 0) / xs.length;
      return (gamma * (x - mu)) / Math.sqrt(variance + 1e-5) + beta;
    };
    expect(worked('bnExampleLast')).toBeCloseTo(bn([1, 2, 3, 4], 4, 2, 1), 5);
    expect(worked('ex4')).toBeCloseTo(bn([2, 4, 6, 8], 8, 0.5, -1), 5);
    expect(worked('runningMean3')).toBeCloseTo(5 * (1 - 0.9 ** 3), 5);
    expect(worked('ex5')).toBeCloseTo(2 * (1 - 0.9 ** 5), 5);
    expect(worked('lnFirst')).toBeCloseTo(bn([2, 4, 6], 2, 1, 0), 5);
    expect(worked('lnLast')).toBeCloseTo(bn([2, 4, 6], 6, 1, 0), 5);
    expect(worked('ex8')).toBeCloseTo(bn([1, 1, 4], 4, 1, 0), 5);
  });

  it('the figures’ measures say what the variance argument and the chapter say', () => {
    // ReLU halves the mean square per layer under Xavier's variance: the std falls by 1/√2 per layer.
    expect(worked('reluXavierFactor')).toBeCloseTo(Math.SQRT1_2, 1);
    expect(worked('reluXavierExp')).toBe(Math.round(49 * Math.log10(worked('reluXavierFactor'))));
    expect(Math.abs(worked('reluHeFactor') - 1)).toBeLessThan(0.02);
    expect(worked('width')).toBe(256);
    expect(worked('batch')).toBe(128);
    // Small batches' statistics are far noisier than large ones' (the spread of a batch mean ~ 1/√B).
    expect(worked('bnGap4')).toBeGreaterThan(4 * worked('bnGap128'));
    expect(worked('pvrPlainGradExp')).toBeLessThan(-10);
    expect(worked('pvrResidualGradRatio')).toBeGreaterThan(0.1);
    expect(worked('pvrResidualGradRatio')).toBeLessThan(10);
  });

  it('the exercises’ closed forms', () => {
    expect(worked('ex1')).toBeCloseTo(Math.sqrt(2 / 512), 6);
    expect(worked('ex2')).toBeCloseTo(Math.sqrt(2 / 512), 6);
    expect(worked('ex3')).toBeCloseTo(2 ** -10, 8);
    expect(worked('ex6')).toBeCloseTo(Math.log(4), 5);
    expect(worked('ex7')).toBeCloseTo(1.2 ** 10, 4);
  });
});
