// The convolutional-networks chapter's worked numbers, recomputed in plain JavaScript (no engine):
// the output-size formula, a convolution and pooling by loops, parameter counts by formula,
// receptive fields by the recurrence, and the shipped model's test accuracy by a forward pass
// written out here over the JSON weights and the test file's bytes.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeWorkedValues, type ComputedValue } from '../../src/worked/index.ts';

const outSide = (n: number, k: number, s = 1, p = 0, d = 1) => Math.floor((n + 2 * p - d * (k - 1) - 1) / s) + 1;
const convParams = (cin: number, cout: number, k: number) => k * k * cin * cout + cout;
const denseParams = (nin: number, nout: number) => nin * nout + nout;

const X = [
  [1, 2, 0, 1],
  [0, 1, 3, 1],
  [2, 1, 0, 0],
  [1, 0, 1, 2],
];
const K = [
  [1, 0, -1],
  [1, 0, -1],
  [1, 0, -1],
];
const conv = (i: number, j: number) => {
  let s = 0;
  for (let p = 0; p < 3; p++) for (let q = 0; q < 3; q++) s += X[i + p][j + q] * K[p][q];
  return s;
};
const P = [
  [1, 3, 2, 0],
  [4, 2, 1, 5],
  [0, 1, 3, 2],
  [2, 6, 1, 1],
];
const win = (i: number, j: number) => [P[2 * i][2 * j], P[2 * i][2 * j + 1], P[2 * i + 1][2 * j], P[2 * i + 1][2 * j + 1]];
const maxAt = (i: number, j: number) => Math.max(...win(i, j));
const avgAt = (i: number, j: number) => win(i, j).reduce((a, b) => a + b, 0) / 4;

/** r_l = r_{l−1} + (d(k − 1))·j_{l−1}, j_l = j_{l−1}·s. */
function field(layers: { k: number; s: number; d: number }[]): number {
  let r = 1;
  let j = 1;
  for (const l of layers) {
    r += l.d * (l.k - 1) * j;
    j *= l.s;
  }
  return r;
}

// The default CNN: conv 8@5×5 (28 → 24), pool (12), conv 16@5×5 (8), pool (4), dense 4·4·16 → 10.
const cnnFlat = 4 * 4 * 16;
const cnnTotal = convParams(1, 8, 5) + convParams(8, 16, 5) + denseParams(cnnFlat, 10);
const mlp64 = denseParams(784, 64) + denseParams(64, 10);
// CIFAR: 32 → conv3 30 → pool 15 → conv3 13 → pool 6 → conv3 4: 4·4·64 features.
const cifarSide = outSide(Math.floor(outSide(Math.floor(outSide(32, 3) / 2), 3) / 2), 3);
const cifarFlat = cifarSide * cifarSide * 64;

/** The shipped model's accuracy on the test file, by a forward pass written out in loops. */
function shippedAccuracy(): number {
  const root = resolve(import.meta.dirname, '..', '..');
  const file = JSON.parse(readFileSync(resolve(root, 'public/models/mnist-cnn.json'), 'utf8')) as {
    architecture: { filters1: number; filters2: number; kernel: number };
    state: Record<string, { shape: number[]; values: number[] }>;
  };
  const { filters1: f1, filters2: f2, kernel: k } = file.architecture;
  const w = (name: string) => file.state[name].values;
  const bytes = readFileSync(resolve(root, 'public/data/mnist-test.bin'));
  const count = bytes.readUInt32LE(12);
  const labels = bytes.subarray(16, 16 + count);
  const pixels = bytes.subarray(16 + count);
  // x: [h][w][c] flattened; kernel [k][k][cin][cout]; valid convolution, bias, ReLU, 2×2 max pool.
  const convReluPool = (x: Float64Array, side: number, cin: number, weight: number[], bias: number[], cout: number) => {
    const o = side - k + 1;
    const y = new Float64Array(o * o * cout);
    for (let i = 0; i < o; i++)
      for (let j = 0; j < o; j++)
        for (let c = 0; c < cout; c++) {
          let s = bias[c];
          for (let p = 0; p < k; p++)
            for (let q = 0; q < k; q++)
              for (let ci = 0; ci < cin; ci++) s += x[((i + p) * side + (j + q)) * cin + ci] * weight[((p * k + q) * cin + ci) * cout + c];
          y[(i * o + j) * cout + c] = Math.max(0, s);
        }
    const h = Math.floor(o / 2);
    const z = new Float64Array(h * h * cout);
    for (let i = 0; i < h; i++)
      for (let j = 0; j < h; j++)
        for (let c = 0; c < cout; c++) {
          let m = -Infinity;
          for (let p = 0; p < 2; p++) for (let q = 0; q < 2; q++) m = Math.max(m, y[((2 * i + p) * o + 2 * j + q) * cout + c]);
          z[(i * h + j) * cout + c] = m;
        }
    return { z, side: h };
  };
  let correct = 0;
  for (let n = 0; n < count; n++) {
    const x = new Float64Array(784);
    for (let t = 0; t < 784; t++) x[t] = pixels[n * 784 + t] / 255;
    let a = convReluPool(x, 28, 1, w('0.weight'), w('0.bias'), f1);
    let denseName = '7';
    if (f2 > 0) a = convReluPool(a.z, a.side, f1, w('3.weight'), w('3.bias'), f2);
    else denseName = '4';
    const W = w(`${denseName}.weight`);
    const b = w(`${denseName}.bias`);
    let best = 0;
    let bestScore = -Infinity;
    for (let c = 0; c < 10; c++) {
      let s = b[c];
      for (let t = 0; t < a.z.length; t++) s += a.z[t] * W[t * 10 + c];
      if (s > bestScore) ((bestScore = s), (best = c));
    }
    if (best === labels[n]) correct++;
  }
  return (100 * correct) / count;
}

const expected: Record<string, number | (() => number)> = {
  outMnist5: outSide(28, 5),
  outSame5: outSide(28, 5, 1, 2),
  outStride2: outSide(28, 3, 2, 1),
  outDilated: outSide(32, 3, 1, 0, 2),
  outAlexNet: outSide(227, 11, 4),
  outResNetStem: outSide(224, 7, 2, 3),
  conv11: conv(0, 0),
  conv12: conv(0, 1),
  conv21: conv(1, 0),
  conv22: conv(1, 1),
  max11: maxAt(0, 0),
  max12: maxAt(0, 1),
  max21: maxAt(1, 0),
  max22: maxAt(1, 1),
  avg11: avgAt(0, 0),
  avg12: avgAt(0, 1),
  avg21: avgAt(1, 0),
  avg22: avgAt(1, 1),
  mlpMnist100: denseParams(784, 100),
  mlpPhoto: denseParams(64 * 64 * 3, 100),
  convPhoto: convParams(3, 100, 3),
  photoRatio: denseParams(64 * 64 * 3, 100) / convParams(3, 100, 3),
  cnnConv1: convParams(1, 8, 5),
  cnnConv2: convParams(8, 16, 5),
  cnnDense: denseParams(cnnFlat, 10),
  cnnTotal,
  cnnFlat,
  mlp64,
  mlpOverCnn: mlp64 / cnnTotal,
  twoThree64: 2 * convParams(64, 64, 3),
  oneFive64: convParams(64, 64, 5),
  threeThree64: 3 * convParams(64, 64, 3),
  oneSeven64: convParams(64, 64, 7),
  rfThree3x3: field([1, 2, 3].map(() => ({ k: 3, s: 1, d: 1 }))),
  rfLenet: field([
    { k: 5, s: 1, d: 1 },
    { k: 2, s: 2, d: 1 },
    { k: 5, s: 1, d: 1 },
    { k: 2, s: 2, d: 1 },
  ]),
  rfDilated: field([1, 2, 4].map((d) => ({ k: 3, s: 1, d }))),
  rfStrided: field([1, 2, 3].map(() => ({ k: 3, s: 2, d: 1 }))),
  cifarConv: 3,
  cifarPool: 2,
  cifarDense: 2,
  cifarFlat,
  cifarParams: convParams(3, 32, 3) + convParams(32, 64, 3) + convParams(64, 64, 3) + denseParams(cifarFlat, 64) + denseParams(64, 10),
  pretrainedAccuracy: shippedAccuracy,
  ex1: outSide(64, 3, 2, 1),
  ex2: convParams(16, 32, 3),
  ex3: field([1, 2, 3, 4].map(() => ({ k: 3, s: 1, d: 1 }))),
  ex4: denseParams(7 * 7 * 64, 10),
  ex5: outSide(100, 5, 3),
};

describe('worked values: convolutional-networks', () => {
  let computed: Map<string, ComputedValue>;
  beforeAll(async () => {
    computed = await computeWorkedValues();
  }, 120_000);

  it('has exactly the keys recomputed here', () => {
    const keys = [...computed.keys()].filter((k) => k.startsWith('convolutional-networks.')).map((k) => k.slice('convolutional-networks.'.length));
    expect(keys.sort()).toEqual(Object.keys(expected).sort());
  });

  for (const [key, want] of Object.entries(expected)) {
    it(key, () => {
      const got = computed.get(`convolutional-networks.${key}`);
      expect(got, `convolutional-networks.${key} is missing`).toBeDefined();
      const reference = typeof want === 'function' ? want() : want;
      // Whole numbers must match exactly; the accuracy to a hundredth of a percent (float32 vs float64).
      const tol = key === 'pretrainedAccuracy' ? 0.051 : 1e-6 * Math.max(1, Math.abs(reference));
      expect(Math.abs(got!.value - reference), `engine ${got!.value}, reference ${reference}`).toBeLessThanOrEqual(tol);
    }, 60_000);
  }

  it('the shipped model clears the chapter’s 97% bar', () => {
    expect(computed.get('convolutional-networks.pretrainedAccuracy')!.value).toBeGreaterThanOrEqual(97);
  });
});
