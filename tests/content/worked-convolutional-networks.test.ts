// The convolutional-networks chapter's worked numbers, recomputed in plain JavaScript (no engine):
// the output-size formula, a convolution and pooling by loops, parameter counts by formula,
// receptive fields by the recurrence, gradients by the formulas the chapter states (a full
// correlation with the flipped kernel, a correlation with the input, the winner of each pooling
// window, a 1/k² share), multiply–adds by formula, the split's sizes from the data files' headers,
// and the shipped model's test accuracy by a forward pass written out here over the JSON weights and
// the test file's bytes; the training history in the model file is checked against that accuracy.
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


const root = resolve(import.meta.dirname, '..', '..');

/** The model file as the training script wrote it. */
interface ShippedFile {
  architecture: { filters1: number; filters2: number; kernel: number };
  state: Record<string, { shape: number[]; values: number[] }>;
  testAccuracy: number;
  samples: number;
  trainCount: number;
  history: { epoch: number; samples: number; testAccuracy: number; testCorrect: number; testCount: number }[];
}
const shipped = (): ShippedFile => JSON.parse(readFileSync(resolve(root, 'public/models/mnist-cnn.json'), 'utf8')) as ShippedFile;
const loggedPercent = () => shipped().history.map((h) => 100 * h.testAccuracy);
const firstAtLeast = (percent: number) => loggedPercent().findIndex((a) => a >= percent) + 1;

/** Images in a split, from bytes 12–15 of its file. */
const fileCount = (name: string) => readFileSync(resolve(root, 'public/data', name)).readUInt32LE(12);

// The 1-D backward example: z_i = Σ_p x_{i+p} w_p, and ∂L/∂z given.
const BX = [1, 3, 0, 2, 2];
const BW = [1, 2, -1];
const BDZ = [1, -1, 2];
const bz = (i: number) => BW.reduce((s, w, p) => s + BX[i + p] * w, 0);
/** dx: a full correlation of dz (k − 1 zeros on each side) with the flipped kernel. */
const bdx = (a: number) => {
  const padded = [0, 0, ...BDZ, 0, 0];
  const flipped = [...BW].reverse();
  return flipped.reduce((s, w, q) => s + padded[a + q] * w, 0);
};
/** dW: a (valid) correlation of x with dz. */
const bdw = (p: number) => BDZ.reduce((s, g, i) => s + BX[i + p] * g, 0);

/** Max pooling sends each window's gradient (1 here) to the window's largest input, and nothing to the rest. */
const maxGrad = (r: number, c: number) => (P[r][c] === maxAt(Math.floor(r / 2), Math.floor(c / 2)) ? 1 : 0);

/** Transposed convolution, stride s: each input scatters a scaled copy of the kernel; overlaps add. */
function scatter(u: number[], w: number[], s: number): number[] {
  const out = new Array<number>((u.length - 1) * s + w.length).fill(0);
  u.forEach((v, i) => w.forEach((wk, p) => (out[i * s + p] += v * wk)));
  return out;
}

/** Multiply–adds of a valid convolution: outputs × k·k·C_in. */
const macs = (n: number, k: number, cin: number, cout: number) => outSide(n, k) ** 2 * cout * k * k * cin;

const EX = [
  [0, 5, 1, 1],
  [2, 3, 0, 4],
  [7, 1, 2, 2],
  [0, 0, 3, 1],
];
const EXS = EX.map((row) => [0, ...row.slice(0, -1)]);
const pool2 = (m: number[][], i: number, j: number) => Math.max(m[2 * i][2 * j], m[2 * i][2 * j + 1], m[2 * i + 1][2 * j], m[2 * i + 1][2 * j + 1]);

/** The shipped model's predictions on the test file, by a forward pass written out in loops (once). */
let shippedRun: { predictions: number[]; labels: number[] } | null = null;
function shippedPredictions(): { predictions: number[]; labels: number[] } {
  if (shippedRun) return shippedRun;
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
  const predictions: number[] = [];
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
      if (s > bestScore) {
        bestScore = s;
        best = c;
      }
    }
    predictions.push(best);
  }
  shippedRun = { predictions, labels: Array.from(labels) };
  return shippedRun;
}

function shippedAccuracy(): number {
  const { predictions, labels } = shippedPredictions();
  return (100 * predictions.filter((p, n) => p === labels[n]).length) / labels.length;
}

function shippedMaxPairConfusions(): number {
  const { predictions, labels } = shippedPredictions();
  const pairs = new Map<string, number>();
  predictions.forEach((p, n) => {
    if (p === labels[n]) return;
    const key = [p, labels[n]].sort().join('-');
    pairs.set(key, (pairs.get(key) ?? 0) + 1);
  });
  return Math.max(0, ...pairs.values());
}

const expected: Record<string, number | (() => number)> = {
  outMnist5: outSide(28, 5),
  outSame5: outSide(28, 5, 1, 2),
  outStride2: outSide(28, 3, 2, 1),
  outDilated: outSide(32, 3, 1, 0, 2),
  outAlexNet: outSide(227, 11, 4),
  outResNetStem: outSide(224, 7, 2, 3),
  dilatedSpan: 2 * (3 - 1) + 1,
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
  shippedErrors: () => shippedPredictions().predictions.filter((p, n) => p !== shippedPredictions().labels[n]).length,
  maxPairConfusions: shippedMaxPairConfusions,
  ex1: outSide(64, 3, 2, 1),
  ex2: convParams(16, 32, 3),
  ex3: field([1, 2, 3, 4].map(() => ({ k: 3, s: 1, d: 1 }))),
  ex4: denseParams(7 * 7 * 64, 10),
  ex5: outSide(100, 5, 3),
  trainCount: () => fileCount('mnist-train.bin'),
  testCount: () => fileCount('mnist-test.bin'),
  historyEpochs: () => shipped().history.length,
  epoch1Accuracy: () => loggedPercent()[0],
  firstEpoch97: () => firstAtLeast(97),
  firstEpoch97Accuracy: () => loggedPercent()[firstAtLeast(97) - 1],
  historyBest: () => Math.max(...loggedPercent()),
  historyBestEpoch: () => loggedPercent().indexOf(Math.max(...loggedPercent())) + 1,
  cnnPool1Side: Math.floor(outSide(28, 5) / 2),
  cnnConv2Side: outSide(Math.floor(outSide(28, 5) / 2), 5),
  cnnPool2Side: Math.floor(outSide(Math.floor(outSide(28, 5) / 2), 5) / 2),
  bwdZ0: bz(0),
  bwdZ1: bz(1),
  bwdZ2: bz(2),
  bwdDx0: bdx(0),
  bwdDx1: bdx(1),
  bwdDx2: bdx(2),
  bwdDx3: bdx(3),
  bwdDx4: bdx(4),
  bwdDw0: bdw(0),
  bwdDw1: bdw(1),
  bwdDw2: bdw(2),
  maxGrad00: maxGrad(0, 0),
  maxGrad01: maxGrad(0, 1),
  maxGrad02: maxGrad(0, 2),
  maxGrad03: maxGrad(0, 3),
  maxGrad10: maxGrad(1, 0),
  maxGrad11: maxGrad(1, 1),
  maxGrad12: maxGrad(1, 2),
  maxGrad13: maxGrad(1, 3),
  maxGrad20: maxGrad(2, 0),
  maxGrad21: maxGrad(2, 1),
  maxGrad22: maxGrad(2, 2),
  maxGrad23: maxGrad(2, 3),
  maxGrad30: maxGrad(3, 0),
  maxGrad31: maxGrad(3, 1),
  maxGrad32: maxGrad(3, 2),
  maxGrad33: maxGrad(3, 3),
  avgGradShare: 1 / (2 * 2),
  tconvSide: (2 - 1) * 2 + 3,
  tconv0: scatter([1, 2], BW, 2)[0],
  tconv1: scatter([1, 2], BW, 2)[1],
  tconv2: scatter([1, 2], BW, 2)[2],
  tconv3: scatter([1, 2], BW, 2)[3],
  tconv4: scatter([1, 2], BW, 2)[4],
  tones0: scatter([1, 1], [1, 1, 1], 2)[0],
  tones1: scatter([1, 1], [1, 1, 1], 2)[1],
  tones2: scatter([1, 1], [1, 1, 1], 2)[2],
  tones3: scatter([1, 1], [1, 1, 1], 2)[3],
  tones4: scatter([1, 1], [1, 1, 1], 2)[4],
  oneByOne0: 1 * 1 + 2 * 0 + 3 * 1,
  oneByOne1: 1 * 0 + 2 * 1 + 3 * -1,
  conv1x1_256: convParams(256, 64, 1),
  conv3x3_256: convParams(256, 64, 3),
  macsConv1: macs(28, 5, 1, 8),
  macsConv2: macs(12, 5, 8, 16),
  macsDense: cnnFlat * 10,
  macsCnn: macs(28, 5, 1, 8) + macs(12, 5, 8, 16) + cnnFlat * 10,
  cnnDenseParamShare: (100 * denseParams(cnnFlat, 10)) / cnnTotal,
  cnnDenseMacShare: (100 * cnnFlat * 10) / (macs(28, 5, 1, 8) + macs(12, 5, 8, 16) + cnnFlat * 10),
  macsPhoto: macs(64, 3, 3, 100),
  photoPositions: outSide(64, 3) ** 2,
  photoInputs: 64 * 64 * 3,
  augCropSide: outSide(32, 32, 1, 4),
  augVariants: 2 * outSide(32, 32, 1, 4) ** 2,
  strideFraction: (28 + 2 - 2 - 1) / 2,
  rfOne3x3: field([{ k: 3, s: 1, d: 1 }]),
  rfTwo3x3: field([1, 2].map(() => ({ k: 3, s: 1, d: 1 }))),
  cifarSide,
  cifarDenseShare: (100 * denseParams(cifarFlat, 64)) / (convParams(3, 32, 3) + convParams(32, 64, 3) + convParams(64, 64, 3) + denseParams(cifarFlat, 64) + denseParams(64, 10)),
  ex1Fraction: (64 + 2 - 2 - 1) / 2,
  ex4Flat: 7 * 7 * 64,
  ex4Gap: denseParams(64, 10),
  ex5LastStart: (outSide(100, 5, 3) - 1) * 3,
  ex5LastEnd: (outSide(100, 5, 3) - 1) * 3 + 4,
  ex5Unused: 100 - ((outSide(100, 5, 3) - 1) * 3 + 5),
  exPool00: pool2(EX, 0, 0),
  exPool01: pool2(EX, 0, 1),
  exPool10: pool2(EX, 1, 0),
  exPool11: pool2(EX, 1, 1),
  exPoolShift00: pool2(EXS, 0, 0),
  exPoolShift01: pool2(EXS, 0, 1),
  exPoolShift10: pool2(EXS, 1, 0),
  exPoolShift11: pool2(EXS, 1, 1),
  lcConvWeights: 3 * 3 * 3 * 16,
  lcPositions: outSide(32, 3) ** 2,
  lcWeights: outSide(32, 3) ** 2 * 3 * 3 * 3 * 16,
};

describe('worked values: convolutional-networks', () => {
  let computed: Map<string, ComputedValue>;
  beforeAll(async () => {
    computed = await computeWorkedValues('convolutional-networks');
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
      // Whole numbers must match exactly; the shipped model's figures to one test digit, since float32
      // and float64 may settle a near tie differently (0.05% of the 2,000 digits).
      const oneDigit = { pretrainedAccuracy: 0.051, shippedErrors: 1, maxPairConfusions: 1 } as Record<string, number>;
      const tol = oneDigit[key] ?? 1e-6 * Math.max(1, Math.abs(reference));
      expect(Math.abs(got!.value - reference), `engine ${got!.value}, reference ${reference}`).toBeLessThanOrEqual(tol);
    }, 60_000);
  }

  it('the shipped model clears the chapter’s 97% bar', () => {
    expect(computed.get('convolutional-networks.pretrainedAccuracy')!.value).toBeGreaterThanOrEqual(97);
  });

  it('the logged training history is well formed and ends at the shipped weights’ accuracy', () => {
    const file = shipped();
    const train = fileCount('mnist-train.bin');
    const test = fileCount('mnist-test.bin');
    expect(file.trainCount).toBe(train);
    expect(file.history.length).toBeGreaterThan(0);
    file.history.forEach((h, i) => {
      expect(h.epoch).toBe(i + 1);
      expect(h.samples).toBe((i + 1) * train);
      expect(h.testCount).toBe(test);
      expect(Number.isInteger(h.testCorrect) && h.testCorrect >= 0 && h.testCorrect <= test).toBe(true);
      expect(h.testAccuracy).toBeCloseTo(h.testCorrect / h.testCount, 12);
    });
    const last = file.history[file.history.length - 1];
    expect(last.samples).toBe(file.samples);
    expect(last.testAccuracy).toBe(file.testAccuracy);
    // The engine's accuracy of the shipped weights is the last logged epoch's, image for image.
    expect(computed.get('convolutional-networks.pretrainedAccuracy')!.value).toBeCloseTo(100 * last.testAccuracy, 9);
  });

  it('no digit is in both the training and the test split', () => {
    const images = (name: string) => {
      const bytes = readFileSync(resolve(root, 'public/data', name));
      const n = bytes.readUInt32LE(12);
      const size = bytes[5] * bytes[6];
      const pixels = bytes.subarray(16 + n);
      return Array.from({ length: n }, (_, i) => pixels.subarray(i * size, (i + 1) * size).toString('base64'));
    };
    const train = new Set(images('mnist-train.bin'));
    expect(images('mnist-test.bin').filter((img) => train.has(img))).toEqual([]);
  });
});
