// The weight-penalty figure's logic: each penalty's update written out in plain JS against the
// engine's, exact zeros from soft-thresholding and none from the subgradient or L2, the same seed
// giving the same run, a huge λ giving a clear collapsed state (never NaN), bad settings refused,
// the histogram and input sizes, the link schema's defaults, and no tensor left behind.
import { beforeAll, describe, expect, it } from 'vitest';
import { initEngine, liveTensorCount, tidy } from '../../src/engine/index.ts';
import { initialState } from '../../src/book/urlState.ts';
import { INPUTS, penaltyData, TEST_POINTS, TRAIN_POINTS } from '../../src/models/generalisation/penalty/data.ts';
import { penaltyFigures, penaltyOutcome } from '../../src/models/generalisation/penalty/figures.ts';
import { changeSettings, HIDDEN, makePenaltyModel, penaltyKinds, penaltyStep, type PenaltyKind, type PenaltyModel } from '../../src/models/generalisation/penalty/network.ts';
import { penaltyJob, penaltyView, TEST_CURVE } from '../../src/models/generalisation/penalty/penaltyJob.ts';
import { inputSizes, niceBound, setTensors, weightHistogram, weightValues } from '../../src/models/generalisation/penalty/picture.ts';
import { collapsed, lambdaFromPosition, LAMBDA_MAX, positionOfLambda, POSITION_OFF, roundRate } from '../../src/widgets/WeightPenalty/settings.ts';
import { penaltyStrings } from '../../src/widgets/WeightPenalty/strings.ts';
import { weightPenaltySchema } from '../../src/widgets/WeightPenalty/WeightPenalty.tsx';

beforeAll(async () => {
  await initEngine({ prefer: 'cpu' });
});

const biasValues = (m: PenaltyModel) => m.biases.flatMap((b) => Array.from(b.data()));

/** A model of the given penalty after `steps` full-batch steps on seed 1's data; the caller disposes it. */
function trained(penalty: PenaltyKind, lambda: number, learningRate: number, steps: number, seed = 1): { model: PenaltyModel; losses: number[] } {
  const data = penaltyData(seed);
  const t = setTensors(data.train);
  const model = makePenaltyModel(seed, { penalty, lambda, learningRate });
  const losses: number[] = [];
  for (let i = 0; i < steps; i++) losses.push(tidy(() => penaltyStep(model, t.x, t.y).loss.item()));
  t.x.dispose();
  t.y.dispose();
  return { model, losses };
}

describe('WeightPenalty: the update rules', () => {
  it('one step of each penalty is the plain-SGD step plus the penalty written out: L2 − η·λ·w, L1 soft(·, η·λ), subgradient − η·λ·sign(w)', () => {
    const [lambda, lr] = [0.05, 0.3];
    // The gradient g of the data loss, from one unpenalised step: w' = w − η·g.
    const start = trained('none', 0, lr, 0);
    const w0 = weightValues(start.model);
    start.model.dispose();
    const plain = trained('none', lambda, lr, 1);
    const wPlain = weightValues(plain.model);
    const bPlain = biasValues(plain.model);
    const g = w0.map((w, i) => (w - wPlain[i]) / lr);
    const expected: Record<Exclude<PenaltyKind, 'none'>, number[]> = {
      l2: w0.map((w, i) => w - lr * (g[i] + lambda * w)),
      l1prox: wPlain.map((v) => Math.sign(v) * Math.max(Math.abs(v) - lr * lambda, 0)),
      l1sub: w0.map((w, i) => w - lr * (g[i] + lambda * Math.sign(w))),
    };
    for (const kind of ['l2', 'l1prox', 'l1sub'] as const) {
      const { model } = trained(kind, lambda, lr, 1);
      const got = weightValues(model);
      got.forEach((v, i) => expect(Math.abs(v - expected[kind][i]), `${kind} weight ${i}`).toBeLessThan(2e-6));
      // Biases are never penalised: every kind moves them as plain SGD does.
      expect(biasValues(model)).toEqual(bPlain);
      if (kind === 'l1prox') expect(got.filter((v) => v === 0).length).toBe(expected.l1prox.filter((v) => v === 0).length);
      model.dispose();
    }
    plain.model.dispose();
  });

  it('L2 as weight decay on a tiny case, by hand: w ← w − η·(g + λ·w) with g from the cross-entropy of one point', () => {
    // The first two weight matrices at zero and the second layer's biases set: the last hidden layer
    // is h = tanh(b₂) whatever the input, so the last layer's gradient is g = (σ(z) − y)·h.
    const [lambda, lr] = [0.2, 0.5];
    const model = makePenaltyModel(3, { penalty: 'l2', lambda, learningRate: lr });
    const state = model.net.stateDict();
    for (const k of Object.keys(state)) state[k] = { shape: state[k].shape, values: state[k].values.map(() => 0) };
    const b2 = Array.from({ length: HIDDEN }, (_, j) => (j - 7.5) / 10);
    const w3 = Array.from({ length: HIDDEN }, (_, j) => ((j * 7) % 5) / 10 - 0.2);
    state['2.bias'] = { shape: [HIDDEN], values: b2 };
    state['4.weight'] = { shape: [HIDDEN, 1], values: w3 };
    model.net.loadStateDict(state);
    const data = { x: [Array.from({ length: INPUTS }, (_, i) => i / 10)], y: [1] };
    const t = setTensors(data);
    tidy(() => void penaltyStep(model, t.x, t.y));
    const h = b2.map(Math.tanh);
    const z = h.reduce((s, v, j) => s + v * w3[j], 0);
    const dz = 1 / (1 + Math.exp(-z)) - 1;
    const expected = w3.map((w, j) => w - lr * (dz * h[j] + lambda * w));
    const got = Array.from(model.weights[2].data());
    got.forEach((v, j) => expect(v).toBeCloseTo(expected[j], 6));
    // The zero weights of the first layers stay zero under weight decay when their gradient is zero.
    expect(Array.from(model.weights[0].data()).every((v) => v === 0)).toBe(true);
    model.dispose();
    t.x.dispose();
    t.y.dispose();
  });

  it('at the same λ, soft-thresholding gives many exact zeros; the subgradient and L2 give (almost) none', () => {
    const figures = penaltyFigures({ lambda: 0.01, learningRate: 0.5, steps: 300, seed: 1 });
    expect(figures.l1prox.total).toBe(INPUTS * HIDDEN + HIDDEN * HIDDEN + HIDDEN);
    expect(figures.l1prox.zeros).toBeGreaterThan(figures.l1prox.total / 2);
    expect(figures.l1sub.zeros).toBeLessThanOrEqual(2);
    expect(figures.l2.zeros).toBe(0);
    expect(figures.none.zeros).toBe(0);
    // L2 shrinks every weight, so the whole vector is shorter than without a penalty.
    expect(figures.l2.l2).toBeLessThan(figures.none.l2);
    expect(figures.l1prox.l1).toBeLessThan(figures.none.l1);
    for (const o of Object.values(figures)) {
      expect(Number.isFinite(o.train.loss) && Number.isFinite(o.test.loss)).toBe(true);
      expect(o.inputSizes).toHaveLength(INPUTS);
    }
  });
});

describe('WeightPenalty: runs, limits and memory', () => {
  it('the same seed gives the same data and the same run; another seed another', () => {
    expect(penaltyData(4)).toEqual(penaltyData(4));
    expect(penaltyData(4).train.x).not.toEqual(penaltyData(5).train.x);
    const d = penaltyData(1);
    expect(d.train.x).toHaveLength(TRAIN_POINTS);
    expect(d.test.x).toHaveLength(TEST_POINTS);
    expect(d.train.x.every((p) => p.length === INPUTS)).toBe(true);
    const a = trained('l1prox', 0.02, 0.5, 40, 2);
    const b = trained('l1prox', 0.02, 0.5, 40, 2);
    const c = trained('l1prox', 0.02, 0.5, 40, 3);
    expect(a.losses).toEqual(b.losses);
    expect(weightValues(a.model)).toEqual(weightValues(b.model));
    expect(a.losses).not.toEqual(c.losses);
    [a, b, c].forEach((r) => r.model.dispose());
  });

  it('a huge λ: L1 zeroes every weight, L2 shrinks them to nothing; the network then answers ½ everywhere, never NaN', () => {
    const l1 = penaltyOutcome('l1prox', { lambda: 1, learningRate: 0.5, steps: 60, seed: 1 });
    expect(l1.zeros).toBe(l1.total);
    expect(l1.noiseInputsOff).toBe(6);
    expect(l1.train.loss).toBeCloseTo(Math.log(2), 4);
    expect(l1.train.accuracy).toBe(0.5);
    const { model } = trained('l2', 1, 0.5, 60);
    const data = penaltyData(1);
    const sets = { data, train: setTensors(data.train), test: setTensors(data.test) };
    const grid = setTensors({ x: [[0, 0, 0, 0, 0, 0, 0, 0]], y: [0] });
    const view = penaltyView(model, sets, grid.x)!;
    expect(view).not.toBeNull();
    expect(collapsed(view)).toBe(true);
    expect(view.norms.zeros).toBeLessThan(view.norms.total);
    expect(view.surface[0]).toBeCloseTo(0.5, 3);
    const sub = penaltyOutcome('l1sub', { lambda: 1, learningRate: 2, steps: 60, seed: 1 });
    expect(Number.isFinite(sub.train.loss) && Number.isFinite(sub.l2)).toBe(true);
    model.dispose();
    [sets.train.x, sets.train.y, sets.test.x, sets.test.y, grid.x, grid.y].forEach((t) => t.dispose());
  });

  it('bad settings are refused with a clear message and change nothing; a non-finite weight gives no picture', () => {
    expect(() => makePenaltyModel(1, { penalty: 'l2', lambda: -1, learningRate: 0.5 })).toThrow(/λ must be a finite number ≥ 0/);
    expect(() => makePenaltyModel(1, { penalty: 'l2', lambda: 0.1, learningRate: Number.NaN })).toThrow(/learning rate must be positive/);
    const model = makePenaltyModel(1, { penalty: 'l1prox', lambda: 0.1, learningRate: 0.5 });
    expect(() => changeSettings(model, { penalty: 'l1prox', lambda: Number.POSITIVE_INFINITY, learningRate: 0.5 })).toThrow(/λ/);
    expect(model.settings).toEqual({ penalty: 'l1prox', lambda: 0.1, learningRate: 0.5 });
    const state = model.net.stateDict();
    state['0.weight'] = { shape: state['0.weight'].shape, values: state['0.weight'].values.map((v, i) => (i === 3 ? Number.NaN : v)) };
    model.net.loadStateDict(state);
    const data = penaltyData(1);
    const sets = { data, train: setTensors(data.train), test: setTensors(data.test) };
    expect(penaltyView(model, sets, sets.test.x)).toBeNull();
    model.dispose();
    [sets.train.x, sets.train.y, sets.test.x, sets.test.y].forEach((t) => t.dispose());
  });

  it('the job: λ and η change the next step at once; steps, pictures, a new λ and dispose leave no tensor', () => {
    const before = liveTensorCount();
    const ctx = { seed: 1, live: { lambda: 0, learningRate: 0.5 }, data: undefined, emit: () => {}, schedule: () => () => {} };
    const built = penaltyJob.build({ penalty: 'l1prox' }, ctx);
    for (let i = 0; i < 20; i++) tidy(() => void built.step(i));
    const fresh = built.view!({} as never)!;
    expect(fresh.norms.zeros).toBe(0);
    built.setLive!({ lambda: 0.5, learningRate: 0.5 });
    tidy(() => {
      const r = built.step(20);
      expect(Number.isFinite(r[TEST_CURVE].item())).toBe(true);
    });
    const after = built.view!({} as never)!;
    // η·λ = 0.25 in one step takes most of the weights to exactly zero.
    expect(after.norms.zeros).toBeGreaterThan(after.norms.total / 2);
    expect(after.histogram.zeros).toBe(after.norms.zeros);
    expect(after.surface.every((v) => v >= 0 && v <= 1)).toBe(true);
    built.dispose();
    expect(liveTensorCount()).toBe(before);
    penaltyOutcome('l2', { lambda: 0.01, learningRate: 0.5, steps: 5, seed: 1 });
    expect(liveTensorCount()).toBe(before);
  });
});

describe('WeightPenalty: pictures and schema', () => {
  it('the histogram: symmetric bins with 0 on an edge, exact zeros counted apart, every weight counted once', () => {
    const values = [0, 0, 0, -0.7, 0.7, 0.01, -0.01, 1.3, -1.9, 0.25];
    const h = weightHistogram(values, 4);
    expect(h.edges).toEqual([-2, -1, 0, 1, 2]);
    expect(h.zeros).toBe(3);
    // [−2,−1): −1.9; [−1,0): −0.7, −0.01; [0,1): 0.7, 0.01, 0.25; [1,2]: 1.3.
    expect(h.counts).toEqual([1, 2, 3, 1]);
    expect(h.counts.reduce((a, b) => a + b, 0) + h.zeros).toBe(values.length);
    expect(niceBound(0.26)).toBe(0.5);
    expect(niceBound(3)).toBe(5);
    expect(niceBound(0)).toBe(1);
    expect(() => weightHistogram(values, 5)).toThrow(/even/);
    // Weights decayed to almost nothing (L2 at a huge λ) sit beside 0, not at it, on a readable axis.
    const tiny = weightHistogram([3e-44, -3e-44, 1e-30], 4);
    expect(tiny.edges).toEqual([-0.01, -0.005, 0, 0.005, 0.01]);
    expect(tiny.counts).toEqual([0, 1, 2, 0]);
    expect(tiny.zeros).toBe(0);
  });

  it('input sizes: the root sum of squares of each input row of the first weight matrix, and its zeros', () => {
    const first = Array.from({ length: INPUTS * HIDDEN }, (_, i) => (Math.floor(i / HIDDEN) === 2 ? 0 : ((i % 3) - 1) * 0.5));
    const sizes = inputSizes(first);
    expect(sizes).toHaveLength(INPUTS);
    const row0 = first.slice(0, HIDDEN);
    expect(sizes[0].size).toBeCloseTo(Math.sqrt(row0.reduce((s, w) => s + w * w, 0)), 12);
    expect(sizes[2]).toEqual({ size: 0, zeros: HIDDEN });
    expect(sizes[0].zeros).toBe(row0.filter((w) => w === 0).length);
  });

  it('the link: L1 by soft-thresholding at λ = 0.01, η = 0.5, seed 1; λ clamped to [0, 1]; the slider’s lowest notch is λ = 0', () => {
    expect(initialState(weightPenaltySchema, {}).state).toEqual({ penalty: 'l1prox', lambda: 0.01, learningRate: 0.5, seed: 1, chart: 'weights' });
    for (const c of weightPenaltySchema.chart.choices) expect(penaltyStrings.chartNames[c]).toBeTruthy();
    expect(initialState(weightPenaltySchema, { lambda: 50 }).state.lambda).toBe(LAMBDA_MAX);
    for (const k of penaltyKinds) {
      expect(penaltyStrings.penaltyNames[k]).toBeTruthy();
      expect(penaltyStrings.rules[k]).toBeTruthy();
    }
    expect(lambdaFromPosition(POSITION_OFF)).toBe(0);
    expect(positionOfLambda(0)).toBe(POSITION_OFF);
    expect(lambdaFromPosition(positionOfLambda(0.01))).toBe(0.01);
    expect(lambdaFromPosition(-4)).toBe(0.0001);
    expect(lambdaFromPosition(0)).toBe(1);
    expect(roundRate(10 ** -0.3)).toBe(0.5);
    expect(roundRate(100)).toBe(2);
  });
});
