// Chapter 3's worked numbers, recomputed in plain float64 JavaScript (no engine) and compared with
// what the engine computed for the chapter. A second block checks the chapter's claim that the
// naive softmax overflows in float32 while the stable form does not.
import { beforeAll, describe, expect, it } from 'vitest';
import { computeWorkedValues, type ComputedValue } from '../../src/worked/index.ts';
import { exp, losses, softmax, sum, tensor, tidy } from '../../src/engine/index.ts';

const sigma = (z: number) => 1 / (1 + Math.exp(-z));
const meanOf = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
const sumOf = (v: number[]) => v.reduce((s, x) => s + x, 0);
const residuals = (p: number[], t: number[]) => p.map((v, i) => v - t[i]);
const huber = (d: number, delta: number) => (Math.abs(d) <= delta ? 0.5 * d * d : delta * (Math.abs(d) - 0.5 * delta));
const bce = (p: number, y: number) => -(y * Math.log(p) + (1 - y) * Math.log(1 - p));
function logSumExp(z: number[]): number {
  const m = Math.max(...z);
  return m + Math.log(sumOf(z.map((v) => Math.exp(v - m))));
}
const softmaxOf = (z: number[]) => z.map((v) => Math.exp(v - logSumExp(z)));
const hinge = (s: number, y: number) => Math.max(0, 1 - y * s);

const P = [2.5, 3.5, 6, 5];
const T = [2, 4, 6, 8];
const D = residuals(P, T);
const DATA = [1, 2, 3, 10];
const LOGITS = [2, 1, -1];
const BIG = [90, 88, 85];
const SCORES = [2.5, 0.4, 0.3, -1];
const LABELS = [1, 1, -1, 1];
const zWrong = -4;
const pWrong = sigma(zWrong);

// Derivatives by hand: dBCE/dz = σ(z) − y; d(σ(z) − y)²/dz = 2(σ(z) − y)·σ(z)(1 − σ(z)).
const bceSlope = (z: number, y: number) => sigma(z) - y;
// SmoothL1 by its own definition (PyTorch's SmoothL1Loss), not through Huber, so the identity is tested.
const smoothL1 = (d: number, beta: number) => (Math.abs(d) < beta ? (0.5 * d * d) / beta : Math.abs(d) - 0.5 * beta);
// Pinball loss at level q of a prediction c for a target y.
const pinball = (q: number, c: number, y: number) => (y >= c ? q * (y - c) : (1 - q) * (c - y));
const gaussNll = (d: number, v: number) => 0.5 * (Math.log(v) + (d * d) / v);
const entropy = (t: number[]) => -sumOf(t.map((v) => v * Math.log(v)));
const crossEnt = (t: number[], p: number[]) => -sumOf(t.map((v, i) => v * Math.log(p[i])));
const kl = (t: number[], p: number[]) => sumOf(t.map((v, i) => v * Math.log(v / p[i])));
const SOFT = [0.7, 0.2, 0.1];
const SMOOTHED = [0.9 + 0.1 / 3, 0.1 / 3, 0.1 / 3];
const focal = (pt: number, gamma: number) => -((1 - pt) ** gamma) * Math.log(pt);
const mseSlope = (z: number, y: number) => 2 * (sigma(z) - y) * sigma(z) * (1 - sigma(z));

const expected: Record<string, number> = {
  mseExample: meanOf(D.map((d) => d * d)),
  mseSumExample: sumOf(D.map((d) => d * d)),
  maeExample: meanOf(D.map(Math.abs)),
  huberExample: meanOf(D.map((d) => huber(d, 1))),
  huberWideExample: meanOf(D.map((d) => huber(d, 3))),
  mseOutlierShare: (100 * 9) / sumOf(D.map((d) => d * d)),

  dataMean: meanOf(DATA),
  dataMeanFar: meanOf([1, 2, 3, 100]),
  mseAtMean: meanOf(DATA.map((v) => (v - 4) ** 2)),
  mseAtMedian: meanOf(DATA.map((v) => (v - 2.5) ** 2)),
  maeAtMean: meanOf(DATA.map((v) => Math.abs(v - 4))),
  maeAtMedian: meanOf(DATA.map((v) => Math.abs(v - 2.5))),

  bceRightConfident: bce(0.8, 1),
  bceP03Y1: bce(0.3, 1),
  bceP03Y0: bce(0.3, 0),
  bceWrongConfident: bce(0.01, 1),
  bceChance: Math.LN2,
  bceCap: -Math.log(1e-7),

  wrongProbability: pWrong,
  bceLossAtWrong: -Math.log(pWrong),
  bceSlopeAtWrong: bceSlope(zWrong, 1),
  mseLossAtWrong: (pWrong - 1) ** 2,
  mseSlopeAtWrong: mseSlope(zWrong, 1),
  slopeRatioAtWrong: bceSlope(zWrong, 1) / mseSlope(zWrong, 1),

  expLogit0: Math.exp(2),
  expLogit1: Math.exp(1),
  expLogit2: Math.exp(-1),
  expSum: Math.exp(2) + Math.exp(1) + Math.exp(-1),
  softmax0: softmaxOf(LOGITS)[0],
  softmax1: softmaxOf(LOGITS)[1],
  softmax2: softmaxOf(LOGITS)[2],
  ceExample: logSumExp(LOGITS) - LOGITS[0],
  logSumExpExample: Math.log(Math.exp(2) + Math.exp(1) + Math.exp(-1)),
  ceGrad0: softmaxOf(LOGITS)[0] - 1,
  ceGrad1: softmaxOf(LOGITS)[1],
  ceGrad2: softmaxOf(LOGITS)[2],
  ceUniformThree: Math.log(3),

  float32ExpLimit: Math.log(3.4028234663852886e38),
  bigLogSumExp: 90 + Math.log(1 + Math.exp(-2) + Math.exp(-5)),
  bigCe: logSumExp(BIG) - BIG[1],

  hinge0: hinge(SCORES[0], LABELS[0]),
  hinge1: hinge(SCORES[1], LABELS[1]),
  hinge2: hinge(SCORES[2], LABELS[2]),
  hinge3: hinge(SCORES[3], LABELS[3]),
  hingeMean: meanOf(SCORES.map((s, i) => hinge(s, LABELS[i]))),
  logisticAtRight: Math.log(1 + Math.exp(-2.5)),

  ex1: meanOf(residuals([3, -1, 2], [2, 1, 2]).map((d) => d * d)),
  ex2: meanOf(residuals([3, -1, 2], [2, 1, 2]).map((d) => huber(d, 1))),
  ex3: bce(0.9, 0),
  ex4: Math.log(4),
  ex5: bceSlope(2, 0),
  ex6: hinge(-0.25, -1),
  ex7: mseSlope(2, 0),
  ex7Ratio: bceSlope(2, 0) / mseSlope(2, 0),
  ex3Right: -Math.log(0.9),
  ex8: pinball(0.9, 30, 40),
  ex8Over: pinball(0.9, 50, 40),
  ex9: gaussNll(2, 4),
  ex10: kl([0.5, 0.5], [0.8, 0.2]),
  ex10Ce: crossEnt([0.5, 0.5], [0.8, 0.2]),

  huberDelta2Example: meanOf(D.map((d) => huber(d, 2))),
  smoothL1Beta2Example: meanOf(D.map((d) => smoothL1(d, 2))),

  pinballQ90AtMedian: meanOf(DATA.map((y) => pinball(0.9, 2.5, y))),
  pinballQ90At3: meanOf(DATA.map((y) => pinball(0.9, 3, y))),
  pinballQ90At10: meanOf(DATA.map((y) => pinball(0.9, 10, y))),
  pinballQ50AtMedian: meanOf(DATA.map((y) => pinball(0.5, 2.5, y))),

  gaussNllBigVar1: gaussNll(3, 1),
  gaussNllBigVar9: gaussNll(3, 9),
  gaussNllSmallVar1: gaussNll(0.5, 1),
  gaussNllSmallVarQuarter: gaussNll(0.5, 0.25),

  entropySoft: entropy(SOFT),
  klSoft: kl(SOFT, softmaxOf(LOGITS)),
  ceSoft: crossEnt(SOFT, softmaxOf(LOGITS)),

  expectedBceHonest: -(0.7 * Math.log(0.7) + 0.3 * Math.log(0.3)),
  expectedBceOverconfident: -(0.7 * Math.log(0.9) + 0.3 * Math.log(0.1)),
  temperatureTop: softmaxOf(LOGITS.map((z) => z / 2))[0],

  imbalanceConstant: (99 * -Math.log(0.99) + -Math.log(0.01)) / 100,
  imbalanceWeighted: (99 * -Math.log(0.99) + 99 * -Math.log(0.01)) / (99 + 99),
  ceEasy: -Math.log(0.9),
  ceHard: -Math.log(0.1),
  focalEasy: focal(0.9, 2),
  focalHard: focal(0.1, 2),

  ceSmoothed: crossEnt(SMOOTHED, softmaxOf(LOGITS)),
  smoothedFloor: entropy(SMOOTHED),
  smoothedGap: Math.log(28),

  // float32 rounding of the sigmoid computed in float64, as the CPU backend does: first tenth that gives 1.
  sigmoidSaturates: (() => {
    for (let i = 100; i <= 200; i++) if (Math.fround(1 / (1 + Math.exp(-i / 10))) === 1) return i / 10;
    return NaN;
  })(),
};

let computed: Map<string, ComputedValue>;
beforeAll(async () => {
  computed = await computeWorkedValues('losses');
});

describe('worked values of chapter 3 (losses)', () => {
  it('has exactly the keys this test recomputes', () => {
    const ours = [...computed.keys()].filter((k) => k.startsWith('losses.')).map((k) => k.slice('losses.'.length));
    expect(ours.sort()).toEqual(Object.keys(expected).sort());
  });

  for (const [key, want] of Object.entries(expected)) {
    it(key, () => {
      const got = computed.get(`losses.${key}`);
      expect(got, `losses.${key} missing`).toBeDefined();
      // float32 engine against float64 reference: 1e-5 relative, with a floor for values near 0.
      expect(Math.abs(got!.value - want)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(want)));
    });
  }

  it('the printed digits do not hide the point of an example', () => {
    // The two slopes at the confidently wrong point differ by more than an order of magnitude.
    expect(Math.abs(expected.bceSlopeAtWrong / expected.mseSlopeAtWrong)).toBeGreaterThan(10);
    // The exercise answers are distinguishable from the nearby wrong answers at their tolerance.
    expect(Math.abs(expected.ex3 - bce(0.9, 1))).toBeGreaterThan(0.1);
  });

  it('holds the identities the chapter states about the new losses', () => {
    // SmoothL1 with beta = Huber with delta = beta, divided by beta.
    expect(expected.smoothL1Beta2Example).toBeCloseTo(expected.huberDelta2Example / 2, 12);
    // Pinball at q = ½ is half the absolute error.
    expect(expected.pinballQ50AtMedian).toBeCloseTo(expected.maeAtMedian / 2, 12);
    // At q = 0.9 the constant 10 beats the median and 3 on the pinball loss; scan for the minimiser.
    const scan = Array.from({ length: 1201 }, (_, i) => i / 100);
    const loss = (c: number) => meanOf(DATA.map((y) => pinball(0.9, c, y)));
    const best = scan.reduce((b, c) => (loss(c) < loss(b) ? c : b), 0);
    expect(best).toBe(10);
    // Gaussian NLL: the best variance for a residual d is d², and a small variance can make it negative.
    const vs = Array.from({ length: 2000 }, (_, i) => 0.01 + i / 100);
    const bestV = vs.reduce((b, v) => (gaussNll(3, v) < gaussNll(3, b) ? v : b), vs[0]);
    expect(Math.abs(bestV - 9)).toBeLessThan(0.02);
    expect(expected.gaussNllBigVar9).toBeLessThan(expected.gaussNllBigVar1);
    expect(expected.gaussNllSmallVarQuarter).toBeLessThan(0);
    expect(expected.gaussNllSmallVarQuarter).toBeLessThan(expected.gaussNllSmallVar1);
    // Cross-entropy = entropy + KL, for the soft target and for the exercise; one-hot: CE = KL.
    expect(expected.ceSoft).toBeCloseTo(expected.entropySoft + expected.klSoft, 12);
    expect(expected.ex10Ce).toBeCloseTo(Math.LN2 + expected.ex10, 12);
    expect(kl([1, 0.5e-300, 0.5e-300], softmaxOf(LOGITS))).toBeCloseTo(expected.ceExample, 6);
    // Honest reporting has the lower expected loss (a proper scoring rule).
    expect(expected.expectedBceHonest).toBeLessThan(expected.expectedBceOverconfident);
    expect(expected.expectedBceHonest).toBeLessThan(Math.LN2);
    // Temperature 2 lowers the top probability, keeps it the top one.
    const cooled = softmaxOf(LOGITS.map((z) => z / 2));
    expect(cooled[0]).toBeLessThan(softmaxOf(LOGITS)[0]);
    expect(cooled.indexOf(Math.max(...cooled))).toBe(0);
    // Weighting makes the constant rare-class predictor worse than a coin flip; unweighted it looks better.
    expect(expected.imbalanceConstant).toBeLessThan(Math.LN2);
    expect(expected.imbalanceWeighted).toBeGreaterThan(Math.LN2);
    // Focal with gamma = 2 divides the easy loss by 100 and the hard one by 1/0.81.
    expect(expected.ceEasy / expected.focalEasy).toBeCloseTo(100, 9);
    expect(expected.ceHard / expected.focalHard).toBeCloseTo(1 / 0.81, 9);
    // Label smoothing: the floor is the smoothed target's entropy, reached at p = target, with gap log 28.
    expect(crossEnt(SMOOTHED, SMOOTHED)).toBeCloseTo(expected.smoothedFloor, 12);
    expect(Math.log(SMOOTHED[0] / SMOOTHED[1])).toBeCloseTo(expected.smoothedGap, 12);
    expect(expected.ceSmoothed).toBeGreaterThan(expected.smoothedFloor);
  });

  it('holds the float32 facts of the exercise on softmax then log', () => {
    // e^-104 is 0 in float32 (below the smallest subnormal); e^-88 is a subnormal (below 2^-126), so
    // hardware that flushes subnormals to zero gives 0 there too.
    expect(Math.fround(Math.exp(-104))).toBe(0);
    const e88 = Math.fround(Math.exp(-88));
    expect(e88).toBeGreaterThan(0);
    expect(e88).toBeLessThan(2 ** -126);
  });
});

describe('the overflow the chapter describes (engine, float32)', () => {
  it('naive softmax of [90, 88, 85] overflows to Infinity and NaN; the stable one does not', () => {
    const naive = tidy(() => {
      const e = exp(tensor(BIG));
      const total = sum(e);
      const values = Array.from(e.data());
      return { total: total.item(), first: values[0], p: values[1] / total.item() };
    });
    expect(naive.first).toBe(Infinity);
    expect(naive.total).toBe(Infinity);
    // e^88 is finite in float32, so the naive probability of class 1 is finite/∞ = 0 and its log −∞,
    // while the top class gets ∞/∞ = NaN.
    expect(naive.p).toBe(0);
    expect(Number.isNaN(naive.first / naive.total)).toBe(true);
    const stable = tidy(() => ({
      p: Array.from(softmax(tensor([BIG]), 1).data()),
      ce: losses.crossEntropy(tensor([BIG]), [1]).item(),
    }));
    stable.p.forEach((v) => expect(Number.isFinite(v)).toBe(true));
    expect(Math.abs(stable.p.reduce((s, v) => s + v, 0) - 1)).toBeLessThan(1e-6);
    expect(Number.isFinite(stable.ce)).toBe(true);
  });

  it('e^z is finite just below ln(largest float32) and Infinity just above', () => {
    const [below, above] = tidy(() => Array.from(exp(tensor([88.5, 89])).data()));
    expect(Number.isFinite(below)).toBe(true);
    expect(above).toBe(Infinity);
  });
});
