// The dropout figure's logic: masks drop each unit with probability p; inverted dropout scales the
// kept units by exactly 1/(1−p) (the engine's nn.Dropout and the figure's own masks), so that the
// expected value equals the inference value, which applies no mask; forgetting the scaling leaves
// the expectation short by 1−p. The same seed gives the same run, p = 0 is plain training, p = 0.9
// stays finite, the K-average approaches the inference pass, and nothing leaks.
import { beforeAll, describe, expect, it } from 'vitest';
import { initialState } from '../../src/book/urlState.ts';
import { initEngine, liveTensorCount, nn, noGrad, Random, tensor, tidy } from '../../src/engine/index.ts';
import { CHAPTER_SETTING, ensembleGapNumbers, trainedWeights, unitMeanNumbers } from '../../src/models/generalisation/dropout/chapterNumbers.ts';
import { dropoutData } from '../../src/models/generalisation/dropout/data.ts';
import { dropoutJob, type DropoutConfig } from '../../src/models/generalisation/dropout/dropoutJob.ts';
import { checkRate, drawKeep, droppedShare, keptScale, maskValues } from '../../src/models/generalisation/dropout/masks.ts';
import { dropoutForward, dropoutStep, makeDropoutNet, makeOptimizer, maskTensors, netWeights } from '../../src/models/generalisation/dropout/network.ts';
import { unitSamples } from '../../src/models/generalisation/dropout/scaling.ts';
import { ensembleMasks, hidden1, logitFromHidden, meanEnsembleGap, pointEnsemble, probability } from '../../src/models/generalisation/dropout/thinned.ts';
import { UNITS, type NetWeights } from '../../src/models/generalisation/dropout/types.ts';
import { dropoutInsideSchema } from '../../src/widgets/DropoutInside/DropoutInside.tsx';

beforeAll(async () => {
  await initEngine({ prefer: 'cpu' });
});

const context = (seed: number) => ({ seed, live: undefined, data: undefined, emit: () => {}, schedule: () => () => {} });

/** Runs the figure's job `steps` steps: the losses, the final weights, and the last picture. */
function run(config: DropoutConfig, seed: number, steps: number, between?: (job: ReturnType<typeof dropoutJob.build>) => void) {
  const job = dropoutJob.build(config, context(seed));
  const losses: number[] = [];
  for (let i = 0; i < steps; i++) {
    if (i === Math.floor(steps / 2)) between?.(job);
    losses.push(tidy(() => job.step(i).loss.item()));
  }
  const picture = job.view!({} as never)!;
  job.dispose();
  return { losses, weights: picture.weights, picture };
}

const allFinite = (w: NetWeights) => Object.values(w).every((list: number[]) => list.every(Number.isFinite));

describe('dropout masks', () => {
  it('drop a share p of the units over many draws, seeded', () => {
    for (const p of [0.1, 0.5, 0.8]) {
      const rng = new Random(3);
      const masks = Array.from({ length: 2500 }, () => drawKeep(rng, UNITS, p));
      // 20,000 units: the share's standard error is √(p(1−p)/20000) < 0.0036; allow four of them.
      expect(Math.abs(droppedShare(masks) - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / 20000));
    }
    expect(drawKeep(new Random(9), 50, 0.5)).toEqual(drawKeep(new Random(9), 50, 0.5));
    expect(drawKeep(new Random(9), 50, 0.5)).not.toEqual(drawKeep(new Random(10), 50, 0.5));
  });

  it('the engine’s nn.Dropout drops a share p in training and scales the survivors by exactly 1/(1−p)', () => {
    const p = 0.3;
    const layer = new nn.Dropout(p, { rng: new Random(5) });
    const a = Array.from({ length: 4000 }, (_, i) => 0.5 + (i % 7));
    const out = tidy(() => Array.from(layer.forward(tensor(a)).data()));
    const zeros = out.filter((v) => v === 0).length / out.length;
    expect(Math.abs(zeros - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / out.length));
    out.forEach((v, i) => {
      if (v !== 0) expect(v).toBeCloseTo(a[i] / (1 - p), 5);
    });
    // Inference (eval mode) applies no mask and no scaling: the input comes out as it went in.
    layer.eval();
    expect(tidy(() => Array.from(layer.forward(tensor(a)).data()))).toEqual(a);
    layer.dispose();
  });

  it('the figure’s masks: kept units times 1/(1−p) with the scaling, times 1 without, dropped ones 0', () => {
    const keep = [true, false, true, true, false];
    expect(maskValues(keep, 0.75, true)).toEqual([4, 0, 4, 4, 0]);
    expect(maskValues(keep, 0.75, false)).toEqual([1, 0, 1, 1, 0]);
    expect(keptScale(0.9, true)).toBeCloseTo(10, 12);
    // p = 0: every unit kept, nothing scaled.
    expect(drawKeep(new Random(1), 100, 0).every(Boolean)).toBe(true);
    expect(maskValues([true, true], 0, true)).toEqual([1, 1]);
  });

  it('refuses a rate outside [0, 0.9] with a clear message, never NaN', () => {
    for (const bad of [1, 0.95, -0.1, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => checkRate(bad)).toThrow(/dropout rate must lie in \[0, 0.9\]/);
    expect(() => dropoutJob.build({ p: 2, scaled: true }, context(1))).toThrow(/dropout rate/);
  });
});

describe('scaling: expectation against inference', () => {
  it('with the scaling the mean over masks is the inference value a; without it, (1−p)·a', () => {
    const a = 0.8;
    const p = 0.4;
    const scaled = unitSamples(a, p, true, 2, 20000);
    const plain = unitSamples(a, p, false, 2, 20000);
    // Each value is 0 or a/(1−p) (or a): exactly.
    expect(new Set(scaled.values)).toEqual(new Set([0, a / (1 - p)]));
    expect(new Set(plain.values)).toEqual(new Set([0, a]));
    expect(scaled.expected).toBeCloseTo(a, 12);
    expect(plain.expected).toBeCloseTo((1 - p) * a, 12);
    // Sampled means: standard error a/(1−p)·√(p(1−p)/n) ≈ 0.0046 and ≈ 0.0028.
    expect(Math.abs(scaled.mean - a)).toBeLessThan(0.02);
    expect(Math.abs(plain.mean - (1 - p) * a)).toBeLessThan(0.012);
    // The same masks: the unscaled mean is the scaled one times 1 − p, to rounding.
    expect(plain.mean).toBeCloseTo(scaled.mean * (1 - p), 12);
    expect(scaled.runningMean.at(-1)).toBeCloseTo(scaled.mean, 12);
  });

  it('the no-scaling mistake on a linear layer, worked by hand: inference is 1/(1−p) times the trained expectation', () => {
    // y = w·h over every one of the 2⁴ masks, each weighted by its probability (1−p)^kept · p^dropped.
    const h = [1, 2, 3, 4];
    const w = [0.5, -1, 2, 0.25];
    const p = 0.25;
    const inference = h.reduce((s, v, i) => s + v * w[i], 0); // 0.5 − 2 + 6 + 1 = 5.5
    expect(inference).toBe(5.5);
    const expectation = (scaled: boolean) => {
      let e = 0;
      for (let bits = 0; bits < 16; bits++) {
        const keep = h.map((_, i) => ((bits >> i) & 1) === 1);
        const kept = keep.filter(Boolean).length;
        const prob = (1 - p) ** kept * p ** (4 - kept);
        const m = maskValues(keep, p, scaled);
        e += prob * h.reduce((s, v, i) => s + v * m[i] * w[i], 0);
      }
      return e;
    };
    expect(expectation(true)).toBeCloseTo(5.5, 12);
    // Trained without the scaling, the layer saw 0.75 · 5.5 = 4.125 on average; inference gives 5.5.
    expect(expectation(false)).toBeCloseTo(4.125, 12);
    expect(inference / expectation(false)).toBeCloseTo(1 / (1 - p), 12);
  });
});

describe('the network and its job', () => {
  it('the hand-run forward pass matches the engine’s, with a mask and at inference (no mask)', () => {
    const net = makeDropoutNet(4);
    const w = netWeights(net);
    const points = [
      [0.3, -1.2],
      [-2, 0.7],
      [1.5, 1.5],
    ] as const;
    const mask = { keep1: [true, false, true, true, false, true, true, false], keep2: [false, true, true, true, true, false, true, true] };
    const p = 0.4;
    const engine = (withMask: boolean) =>
      tidy(() =>
        noGrad(() => {
          const m = withMask ? maskTensors(mask, p, true) : null;
          return Array.from(dropoutForward(net, tensor(points.map((q) => [...q])), m).data());
        }),
      );
    const masked = engine(true);
    const whole = engine(false);
    points.forEach((x, i) => {
      const h = hidden1(w, x);
      expect(masked[i]).toBeCloseTo(logitFromHidden(w, h, maskValues(mask.keep1, p, true), maskValues(mask.keep2, p, true)), 4);
      expect(whole[i]).toBeCloseTo(logitFromHidden(w, h, null, null), 4);
    });
    net.dispose();
  });

  it('the same seed gives the same run; another seed, another one', () => {
    const a = run({ p: 0.5, scaled: true }, 3, 60);
    const b = run({ p: 0.5, scaled: true }, 3, 60);
    const c = run({ p: 0.5, scaled: true }, 4, 60);
    expect(a.losses).toEqual(b.losses);
    expect(a.weights).toEqual(b.weights);
    expect(a.losses).not.toEqual(c.losses);
  });

  it('drawing masks to look at never changes the run', () => {
    const a = run({ p: 0.5, scaled: true }, 2, 40);
    const b = run({ p: 0.5, scaled: true }, 2, 40, (job) => {
      job.request!({ type: 'newMask' });
      job.request!({ type: 'newMask' });
    });
    expect(b.weights).toEqual(a.weights);
  });

  it('p = 0 is plain training: the same weights as Adam on the whole network with no mask', () => {
    const steps = 40;
    const withZero = run({ p: 0, scaled: true }, 6, steps).weights;
    const net = makeDropoutNet(6);
    const opt = makeOptimizer(net);
    const { train } = dropoutData();
    const x = tensor(train.x.map((q) => [...q]));
    const y = tensor(train.y.map((v) => [v]));
    const ones = maskTensors({ keep1: Array(UNITS).fill(true), keep2: Array(UNITS).fill(true) }, 0, true);
    for (let i = 0; i < steps; i++) tidy(() => void dropoutStep(net, opt, x, y, ones).loss.item());
    const plain = netWeights(net);
    for (const key of Object.keys(plain) as (keyof NetWeights)[]) plain[key].forEach((v, i) => expect(withZero[key][i]).toBeCloseTo(v, 6));
    for (const t of [x, y, ones.m1, ones.m2]) t.dispose();
    opt.dispose();
    net.dispose();
  });

  it('p = 0.9 stays finite (losses, weights, pictures), with or without the scaling', () => {
    for (const scaled of [true, false]) {
      const { losses, weights, picture } = run({ p: 0.9, scaled }, 1, 300);
      expect(losses.every(Number.isFinite)).toBe(true);
      expect(allFinite(weights)).toBe(true);
      const masks = ensembleMasks(1, 128, 0.9, scaled);
      const e = pointEnsemble(weights, [0.5, -0.5], masks, 'logits');
      expect([...e.averaged, ...e.members, e.inference].every((v) => v >= 0 && v <= 1)).toBe(true);
      expect(picture.mask.keep1).toHaveLength(UNITS);
    }
  });

  it('the average over every mask of the last layer is the inference pass exactly (the logit is linear in that mask)', () => {
    const w = trainedWeights({ p: 0.5, scaled: true }, 1, 200);
    const x = [0.4, -0.2] as const;
    const h = hidden1(w, x);
    const ones = Array(UNITS).fill(1);
    let sum = 0;
    for (let bits = 0; bits < 2 ** UNITS; bits++) {
      const keep = Array.from({ length: UNITS }, (_, i) => ((bits >> i) & 1) === 1);
      sum += logitFromHidden(w, h, ones, maskValues(keep, 0.5, true));
    }
    expect(sum / 2 ** UNITS).toBeCloseTo(logitFromHidden(w, h, null, null), 10);
  });

  it('frees every tensor: job builds, steps, pictures, requests and disposal; the chapter’s functions', () => {
    const before = liveTensorCount();
    run({ p: 0.5, scaled: false }, 1, 20, (job) => job.request!({ type: 'newMask' }));
    trainedWeights({ p: 0.2, scaled: true }, 2, 5);
    expect(liveTensorCount()).toBe(before);
  });
});

describe('the chapter’s numbers and the figure’s defaults', () => {
  it('the figure starts where the chapter says, and clamps a link’s rate to 0.9', () => {
    const { state } = initialState(dropoutInsideSchema, {});
    expect(state).toEqual({ p: 0.5, scaled: true, k: 16, surface: 'inference', average: 'logits', unit: 3, probeX: 0.5, probeY: -0.5, seed: 1, panel: 'scaling' });
    expect([state.p, state.scaled, state.seed, state.unit]).toEqual([CHAPTER_SETTING.p, CHAPTER_SETTING.scaled, CHAPTER_SETTING.seed, CHAPTER_SETTING.unit]);
    expect([state.probeX, state.probeY]).toEqual([...CHAPTER_SETTING.probe]);
    expect(initialState(dropoutInsideSchema, { p: 5 }).state.p).toBe(0.9);
  });

  it('one unit over 10,000 masks: the mean is its inference value with the scaling, half of it without (p = ½)', () => {
    const u = unitMeanNumbers();
    expect(u.inference).toBeGreaterThan(0.1);
    expect(Math.abs(u.meanScaled / u.inference - 1)).toBeLessThan(0.04);
    expect(u.meanUnscaled).toBeCloseTo(u.meanScaled * 0.5, 10);
  });

  it('the K-average comes closer to the inference pass from K = 1 to 100 (averaging logits), though not onto it', () => {
    const g = ensembleGapNumbers();
    expect(g.ks).toEqual([1, 10, 100]);
    expect(g.meanGap[1]).toBeLessThan(g.meanGap[0]);
    expect(g.meanGap[2]).toBeLessThan(g.meanGap[1]);
    expect(g.meanGap[2]).toBeGreaterThan(0);
    // The same function the figure uses, on the same weights, gives the same gap.
    const w = trainedWeights({ p: 0.5, scaled: true }, 1, CHAPTER_SETTING.steps);
    expect(meanEnsembleGap(w, dropoutData().test.x, ensembleMasks(1, 100, 0.5, true), 'logits')).toBeCloseTo(g.meanGap[2], 12);
    expect(probability(w, CHAPTER_SETTING.probe, null)).toBeCloseTo(g.inferenceAtProbe, 12);
  });
});
