// The network doctor's cases: each is broken as it says, for the reason it gives (checked by a
// forward pass written out in plain numbers from the same weights, and the published SGD rule),
// and its fix makes the same seed learn; the same seed gives the same run, through the training
// core too; a divergence is a state with finite numbers; nothing leaks.
import { beforeAll, describe, expect, it } from 'vitest';
import { data, initEngine, liveTensorCount, tidy } from '../../src/engine/index.ts';
import { BROKEN_RATE, DEAD_BIAS, doctorCase, doctorSets, faults, INPUT_SCALE, RATE, STEPS, WIDTH, type DoctorCase } from '../../src/models/doctor/cases.ts';
import { doctorJob, gridPoints, EXTENT, GRID, type DoctorView } from '../../src/models/doctor/doctorJob.ts';
import { HIGH_START } from '../../src/models/doctor/diagnosis.ts';
import { buildDoctorNet, caseLoss, disposeNet, doctorBatch, doctorData, doctorOptimizer, forward, inputMap } from '../../src/models/doctor/network.ts';
import { caseQuote, runDoctor, softmaxTwiceFloor, softmaxTwiceRange } from '../../src/models/doctor/quotes.ts';
import { gridCenters } from '../../src/widgets/kit/plot/grid.ts';
import { harness, stepLosses } from './support.ts';

beforeAll(async () => {
  await initEngine({ prefer: 'cpu' });
});

type Rows = number[][];

/** The network's weights as plain numbers: [W1, b1, W2, b2, W3, b3], W as [in][out]. */
function weightsOf(setup: DoctorCase, broken: boolean) {
  const net = buildDoctorNet(setup.seed, broken ? setup.fault : null);
  const layers = net.layers.map((l) => {
    const st = l.stateDict();
    const [rows, cols] = st.weight.shape;
    return { w: Array.from({ length: rows }, (_, i) => st.weight.values.slice(i * cols, (i + 1) * cols)), b: st.bias.values };
  });
  disposeNet(net);
  return layers;
}

const affine = (x: Rows, { w, b }: { w: Rows; b: number[] }) => x.map((row) => b.map((bias, j) => bias + row.reduce((s, v, i) => s + v * w[i][j], 0)));
const reluRows = (x: Rows) => x.map((r) => r.map((v) => Math.max(0, v)));
const softmaxRow = (r: number[]) => {
  const m = Math.max(...r);
  const e = r.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
};

/** A forward pass in plain numbers: layer 2's pre-activations and the logits. */
function plainForward(x: Rows, layers: ReturnType<typeof weightsOf>) {
  const h1 = reluRows(affine(x, layers[0]));
  const pre2 = affine(h1, layers[1]);
  return { pre2, logits: affine(reluRows(pre2), layers[2]) };
}

/** The mean cross-entropy of rows of scores: −(z_y − m − ln Σ e^(z − m)), m the row's largest (exact for huge scores). */
const meanLoss = (scores: Rows, labels: number[]) =>
  scores.reduce((s, z, i) => {
    const m = Math.max(...z);
    return s - (z[labels[i]] - m - Math.log(z.reduce((a, v) => a + Math.exp(v - m), 0)));
  }, 0) / scores.length;

describe('the four cases, broken and fixed', () => {
  it('case 1: one step at the broken rate moves every weight by 10 times its gradient (the SGD rule, momentum buffer = g at step 1); it diverges, the fix learns', () => {
    const setup = doctorCase('1', 1);
    expect(setup.fault).toBe('rate');
    const { points, labels } = doctorData(setup);
    const batch = doctorBatch(points.map(inputMap(points, false)), labels);
    const net = buildDoctorNet(setup.seed, 'rate');
    const opt = doctorOptimizer(net, 'rate');
    const before = net.layers.map((l) => l.stateDict());
    const grads = tidy(() => {
      opt.zeroGrad();
      caseLoss(net, forward(net, batch.x).logits, labels).backward();
      const g = net.layers.map((l) => [Array.from(l.weight.grad!.data()), Array.from(l.bias!.grad!.data())]);
      opt.step();
      return g;
    });
    const after = net.layers.map((l) => l.stateDict());
    net.layers.forEach((_, k) => {
      ['weight', 'bias'].forEach((name, j) => {
        after[k][name].values.forEach((v, i) => expect(v).toBeCloseTo(before[k][name].values[i] - BROKEN_RATE * grads[k][j][i], 4));
      });
    });
    opt.dispose();
    disposeNet(net);
    batch.dispose();
    expect(BROKEN_RATE / RATE).toBe(200);

    const { broken, fixed } = caseQuote('1');
    expect(broken.divergedAt).not.toBeNull();
    expect(broken.divergedAt!).toBeLessThanOrEqual(6);
    expect(broken.losses[1]).toBeGreaterThan(broken.losses[0]);
    // Stopped before the big steps could kill a layer: both still have active units.
    expect(broken.active.every((a) => a > 0)).toBe(true);
    expect(fixed.divergedAt).toBeNull();
    expect(fixed.steps).toBe(STEPS);
    expect(fixed.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(fixed.lastLoss).toBeLessThan(fixed.firstLoss / 100);
  });

  it('case 2: the second input arrives with 1000 times its std, the starting loss (computed by hand) is huge, it diverges at once; standardised, it learns', () => {
    const setup = doctorCase('2', 1);
    expect(setup.fault).toBe('inputs');
    const raw = data.toyDataset(setup.set, { n: 200, noise: 0.2, seed: setup.seed });
    const fed = raw.x.map(([a, b]) => [a, b * INPUT_SCALE]);
    const std = (col: number[]) => Math.sqrt(col.reduce((s, v) => s + (v - col.reduce((a, b) => a + b, 0) / col.length) ** 2, 0) / col.length);
    expect(std(fed.map((r) => r[1])) / std(raw.x.map((r) => r[1]))).toBeCloseTo(INPUT_SCALE, 6);
    const firstByHand = meanLoss(plainForward(fed, weightsOf(setup, true)).logits, raw.y);
    const { broken, fixed } = caseQuote('2');
    expect(Math.abs(broken.firstLoss - firstByHand) / firstByHand).toBeLessThan(1e-4);
    expect(broken.firstLoss).toBeGreaterThan(HIGH_START);
    expect(broken.divergedAt).toBe(2);
    // Standardised by hand: mean 0 and std 1 for each input, as the fixed network receives them.
    const standard = raw.x.map(inputMap(raw.x, false));
    for (const j of [0, 1]) {
      const col = standard.map((r) => r[j]);
      expect(col.reduce((a, b) => a + b, 0) / col.length).toBeCloseTo(0, 6);
      expect(std(col)).toBeCloseTo(1, 6);
    }
    expect(fixed.divergedAt).toBeNull();
    expect(fixed.firstLoss).toBeLessThan(HIGH_START);
    expect(fixed.accuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('case 3: every pre-activation of layer 2 is below 0 (by hand), so its ReLUs output 0, the gradient behind them is exactly 0 and the loss stays at ln 2', () => {
    const setup = doctorCase('3', 1);
    expect(setup.fault).toBe('dead');
    const { points, labels } = doctorData(setup);
    const weights = weightsOf(setup, true);
    expect(weights[1].b.every((b) => b === DEAD_BIAS)).toBe(true);
    const { pre2 } = plainForward(points.map(inputMap(points, false)), weights);
    expect(pre2).toHaveLength(points.length);
    expect(pre2.every((row) => row.length === WIDTH && row.every((v) => v < 0))).toBe(true);
    // Balanced classes: with layer 2 silent the logits are the output bias (0), p = ½ for every point.
    expect(labels.filter((y) => y === 1)).toHaveLength(labels.length / 2);
    const { broken, fixed } = caseQuote('3');
    expect(broken.active[1]).toBe(0);
    expect(broken.active[0]).toBeGreaterThan(0);
    expect(broken.grads[0]).toBe(0);
    expect(broken.grads[1]).toBe(0);
    for (const loss of broken.losses) expect(loss).toBeCloseTo(Math.LN2, 6);
    expect(broken.accuracy).toBe(0.5);
    expect(fixed.active.every((a) => a > 0)).toBe(true);
    expect(fixed.accuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('case 4: the loss of a softmax taken twice (checked by hand) never falls below ln(1 + 1/e); given the logits it falls far below', () => {
    const setup = doctorCase('4', 1);
    expect(setup.fault).toBe('loss');
    const floor = -Math.log(Math.E / (Math.E + 1));
    expect(softmaxTwiceFloor()).toBeCloseTo(floor, 12);
    const [lo, hi] = softmaxTwiceRange();
    expect(softmaxRow([1, 0])).toEqual([expect.closeTo(hi, 12), expect.closeTo(lo, 12)]);
    const { points, labels } = doctorData(setup);
    const { logits } = plainForward(points.map(inputMap(points, false)), weightsOf(setup, true));
    const twiceByHand = meanLoss(logits.map(softmaxRow), labels);
    const { broken, fixed } = caseQuote('4');
    expect(Math.abs(broken.firstLoss - twiceByHand)).toBeLessThan(1e-5);
    for (const loss of broken.losses) expect(loss).toBeGreaterThan(floor - 1e-6);
    expect(broken.divergedAt).toBeNull();
    expect(broken.lastLoss).toBeLessThan(broken.firstLoss);
    expect(fixed.lastLoss).toBeLessThan(floor / 10);
    expect(fixed.accuracy).toBeGreaterThanOrEqual(0.95);
    // Slowly: after 50 steps the broken loss is still more than twice the fixed one.
    expect(runDoctor(setup, false, 50).lastLoss).toBeGreaterThan(2 * runDoctor(setup, true, 50).lastLoss);
  }, 30_000);
});

describe('the random case', () => {
  it('is drawn from its number: the same number the same case, every fault and set among the first 40', () => {
    expect(doctorCase('random', 42)).toEqual(doctorCase('random', 42));
    const drawn = Array.from({ length: 40 }, (_, i) => doctorCase('random', i + 1));
    expect(new Set(drawn.map((c) => c.fault))).toEqual(new Set(faults));
    expect(new Set(drawn.map((c) => c.set))).toEqual(new Set(doctorSets));
    expect(drawn.map((c) => c.seed)).toEqual(drawn.map((_, i) => i + 1));
    // A number out of range or not a number is brought into range.
    expect(doctorCase('random', 1e9).seed).toBe(9999);
    expect(doctorCase('random', Number.NaN).seed).toBe(1);
  });
});

describe('same seed, same run; divergence as a state; no leak', () => {
  it('runDoctor twice gives the same losses; the training core gives them too, and again after a reset', async () => {
    const setup = doctorCase('4', 1);
    const a = runDoctor(setup, false, 25);
    expect(runDoctor(setup, false, 25)).toEqual(a);
    const baseline = liveTensorCount();
    const h = harness(doctorJob);
    await h.core.handle({ type: 'init', backend: 'cpu' });
    await h.core.handle({ type: 'setup', generation: 1, config: { fault: setup.fault, set: setup.set, fixed: false }, seed: setup.seed, live: undefined });
    expect(await stepLosses(h, 25)).toEqual(a.losses);
    await h.core.handle({ type: 'reset' });
    expect(await stepLosses(h, 25)).toEqual(a.losses);
    const snap = h.lastSnapshot();
    expect(snap.snapshot.metrics.accuracy).toBeCloseTo(a.accuracy, 6);
    expect(snap.snapshot.metrics.grad3).toBeCloseTo(a.grads[2], 6);
    const view = snap.view as DoctorView;
    expect(view.surface).toHaveLength(GRID * GRID);
    expect(view.surface.every((p) => p >= 0 && p <= 1)).toBe(true);
    await h.core.handle({ type: 'dispose' });
    expect(liveTensorCount()).toBe(baseline);
  });

  it('case 1 through the core: the run ends as diverged, with a finite loss and finite measures, and no tensor left', async () => {
    const baseline = liveTensorCount();
    const h = harness(doctorJob);
    await h.core.handle({ type: 'init', backend: 'cpu' });
    await h.core.handle({ type: 'setup', generation: 1, config: { fault: 'rate', set: 'moons', fixed: false }, seed: 1, live: undefined });
    await h.trainTo(STEPS);
    const { snapshot, view } = h.lastSnapshot();
    expect(snapshot.state).toBe('diverged');
    expect(Number.isFinite(snapshot.loss)).toBe(true);
    for (const v of Object.values(snapshot.metrics)) expect(Number.isFinite(v)).toBe(true);
    expect(snapshot.stop && 'step' in snapshot.stop ? snapshot.stop.step : 0).toBe(caseQuote('1').broken.divergedAt);
    // No picture is drawn from a diverged network; every earlier one is finite.
    expect(view).toBeNull();
    for (const m of h.of('snapshot')) for (const p of (m.view as DoctorView | null)?.surface ?? []) expect(Number.isFinite(p)).toBe(true);
    await h.core.handle({ type: 'dispose' });
    expect(liveTensorCount()).toBe(baseline);
  });

  it('runDoctor frees every tensor, broken or fixed, diverged or not', () => {
    const baseline = liveTensorCount();
    runDoctor(doctorCase('1', 1), false, 10);
    runDoctor(doctorCase('3', 1), true, 10);
    expect(liveTensorCount()).toBe(baseline);
  });

  it('the picture grid is the kit heat map’s: cell centres row by row from the bottom', () => {
    expect(gridPoints(4)).toEqual(gridCenters({ x: EXTENT, y: EXTENT }, 4, 4).map(([a, b]) => [a, b]));
  });
});
