// The Lab's training job and network: same seed, same run (through the training core, in ticks or
// step by step); the penalty's gradient as written; a weight typed by the reader reaching the
// network and the picture; divergence as a state; the pictures' shapes for every kind of task;
// and no tensor left behind.
import { beforeAll, describe, expect, it } from 'vitest';
import { initEngine, liveTensorCount, tidy, tensor } from '../../src/engine/index.ts';
import { makeLabData } from '../../src/models/lab/data.ts';
import { featureMatrix } from '../../src/models/lab/features.ts';
import { labJob, type LabConfig, type LabLive, type LabView } from '../../src/models/lab/labJob.ts';
import { buildLabNet, labOptimizer, labStep, labTargets, labWeights } from '../../src/models/lab/network.ts';
import { CURVE_SAMPLES, OUTPUT_GRID, UNIT_GRID } from '../../src/models/lab/picture.ts';
import type { LabNetwork } from '../../src/models/lab/spec.ts';
import { harness, stepLosses } from './support.ts';

beforeAll(async () => {
  await initEngine({ prefer: 'cpu' });
});

const spiral: LabConfig = {
  data: { set: 'spiral', classes: 2, noise: 0, trainFraction: 0.5, seed: 1 },
  network: { features: ['x1', 'x2'], layers: [{ units: 8, activation: 'tanh', dropout: 0 }, { units: 8, activation: 'tanh', dropout: 0 }], loss: 'mse', optimizer: 'sgd' },
};
const live: LabLive = { learningRate: 0.03, regularizer: 'none', regularizationRate: 0, batchSize: 10 };

async function started(config: LabConfig, seed = 1, settings: LabLive = live) {
  const h = harness(labJob, { snapshotEveryMs: 0 });
  await h.core.handle({ type: 'init', backend: 'cpu' });
  await h.core.handle({ type: 'setup', generation: 1, config, seed, live: settings });
  expect(h.lastSnapshot().snapshot.state, h.lastSnapshot().snapshot.reason ?? '').toBe('paused');
  return h;
}

const viewOf = (h: Awaited<ReturnType<typeof started>>) => h.lastSnapshot().view as LabView;

describe('the Lab job', () => {
  it('gives the same run for the same seed, in ticks or step by step, and again after a reset', async () => {
    const baseline = liveTensorCount();
    const a = await started(spiral);
    const b = await started(spiral);
    const first = await stepLosses(a, 30);
    expect(await stepLosses(b, 30)).toEqual(first);
    await a.core.handle({ type: 'reset' });
    expect(await stepLosses(a, 30)).toEqual(first);
    await b.core.handle({ type: 'reset' });
    await b.trainTo(30);
    expect(b.lastSnapshot().losses.slice(0, 30)).toEqual(first);
    const other = await started(spiral, 2);
    expect(await stepLosses(other, 30)).not.toEqual(first);
    for (const h of [a, b, other]) await h.core.handle({ type: 'dispose' });
    expect(liveTensorCount()).toBe(baseline);
  });

  it('counts epochs as examples seen over the training set, and measures the full sets', async () => {
    const h = await started(spiral);
    await stepLosses(h, 25);
    const view = viewOf(h);
    // 500 points, half to train on: 25 steps of 10 examples are one epoch.
    expect(view.epoch).toBeCloseTo(1, 10);
    expect(view.trainAccuracy).not.toBeNull();
    expect(Number.isFinite(view.trainLoss) && Number.isFinite(view.testLoss)).toBe(true);
    expect(view.trainCurve.steps.at(-1)).toBe(25);
    await h.core.handle({ type: 'dispose' });
  });

  it('draws the output over the plane and every unit on its grid', async () => {
    const h = await started(spiral);
    await stepLosses(h, 1);
    const view = viewOf(h);
    expect(view.surface.kind).toBe('probability');
    if (view.surface.kind === 'probability') expect(view.surface.values.length).toBe(OUTPUT_GRID ** 2);
    expect(view.units.map((l) => l.length)).toEqual([8, 8]);
    expect(view.units[0][0].length).toBe(UNIT_GRID ** 2);
    // tanh units stay within (−1, 1).
    expect(view.units.flat().every((u) => u.every((v) => v > -1 && v < 1))).toBe(true);
    expect(view.parameters.map((p) => [p.weights.length, p.biases.length])).toEqual([
      [2, 8],
      [8, 8],
      [8, 1],
    ]);
    await h.core.handle({ type: 'dispose' });
  });

  it('gives several classes one output unit each and a map of the chosen class', async () => {
    const config: LabConfig = { data: { set: 'blobs', classes: 4, noise: 0.2, trainFraction: 0.5, seed: 3 }, network: { ...spiral.network, loss: 'crossEntropy' } };
    const h = await started(config);
    await stepLosses(h, 5);
    const view = viewOf(h);
    expect(view.parameters.at(-1)!.biases.length).toBe(4);
    expect(view.surface.kind).toBe('classes');
    if (view.surface.kind === 'classes') {
      expect(Math.max(...view.surface.classes)).toBeLessThan(4);
      expect(view.surface.confidence.every((p) => p >= 0.25 - 1e-6 && p <= 1)).toBe(true);
    }
    await h.core.handle({ type: 'dispose' });
  });

  it('fits a curve along x₁ with a hinge-free regression loss', async () => {
    const config: LabConfig = { data: { set: 'curve', classes: 1, noise: 0.1, trainFraction: 0.5, seed: 1 }, network: { features: ['x1'], layers: [{ units: 4, activation: 'relu', dropout: 0.2 }], loss: 'mse', optimizer: 'adam' } };
    const h = await started(config);
    await stepLosses(h, 3);
    const view = viewOf(h);
    expect(view.surface.kind).toBe('curve');
    if (view.surface.kind === 'curve') expect(view.surface.values.length).toBe(CURVE_SAMPLES);
    expect(view.trainAccuracy).toBeNull();
    await h.core.handle({ type: 'dispose' });
  });

  it('takes a weight the reader typed, and repaints a paused run at once', async () => {
    const h = await started(spiral);
    await stepLosses(h, 2);
    const before = h.of('snapshot').length;
    await h.core.handle({ type: 'request', payload: { type: 'setParameter', at: { layer: 1, kind: 'weight', from: 3, to: 5 }, value: 1.25 } });
    await h.core.handle({ type: 'request', payload: { type: 'setParameter', at: { layer: 2, kind: 'bias', unit: 0 }, value: -0.5 } });
    expect(h.of('snapshot').length).toBe(before + 2);
    const view = viewOf(h);
    expect(view.parameters[1].weights[3][5]).toBe(1.25);
    expect(view.parameters[2].biases[0]).toBe(-0.5);
    // An address outside the network changes nothing and sends nothing.
    await h.core.handle({ type: 'request', payload: { type: 'setParameter', at: { layer: 1, kind: 'weight', from: 8, to: 0 }, value: 3 } });
    expect(h.of('snapshot').length).toBe(before + 2);
    await h.core.handle({ type: 'dispose' });
  });

  it('stops as diverged, never showing a non-finite number, when the rate is far too large', async () => {
    const config: LabConfig = { data: { set: 'plane', classes: 1, noise: 0, trainFraction: 0.5, seed: 1 }, network: { features: ['x1', 'x2'], layers: [{ units: 4, activation: 'relu', dropout: 0 }], loss: 'mse', optimizer: 'sgd' } };
    const h = await started(config, 1, { ...live, learningRate: 0.3 });
    await h.trainTo(100);
    const last = h.lastSnapshot();
    expect(last.snapshot.state).toBe('diverged');
    for (const m of h.of('snapshot')) {
      const v = m.view as LabView | null;
      if (v) expect([v.trainLoss, v.testLoss, ...v.parameters.flatMap((p) => [...p.biases, ...p.weights.flat()])].every(Number.isFinite)).toBe(true);
    }
    await h.core.handle({ type: 'dispose' });
  });
});

describe('the Lab network', () => {
  const network: LabNetwork = { ...spiral.network, layers: [{ units: 3, activation: 'tanh', dropout: 0 }], loss: 'crossEntropy', learningRate: 0.1, regularizer: 'none', regularizationRate: 0, batchSize: 10 };

  /** One SGD step on the first ten training points; the parameters before and after. */
  function oneStep(net: LabNetwork) {
    const data = makeLabData({ set: 'moons', classes: 2, noise: 0.1, trainFraction: 0.5, seed: 4 });
    const rows = data.train.slice(0, 10);
    const lab = buildLabNet(net, 2, 1, 7);
    const opt = labOptimizer(lab, net);
    const before = labWeights(lab);
    tidy(() => {
      labStep(lab, opt, tensor(featureMatrix(rows, net.features), [10, 2]), labTargets(rows.map((p) => p.y), 'classification', 1), net, 'classification');
    });
    const after = labWeights(lab);
    opt.dispose();
    lab.net.dispose();
    return { before, after };
  }

  it('adds rate·w (L2) or rate·sign(w) (L1) to the weights’ gradients, and nothing to the biases’', () => {
    const baseline = liveTensorCount();
    const plain = oneStep(network);
    const rate = 0.05;
    for (const regularizer of ['l2', 'l1'] as const) {
      const reg = oneStep({ ...network, regularizer, regularizationRate: rate });
      reg.after.forEach((layer, l) => {
        layer.weights.forEach((row, i) =>
          row.forEach((w, j) => {
            const w0 = reg.before[l].weights[i][j];
            const extra = regularizer === 'l2' ? rate * w0 : rate * Math.sign(w0);
            expect(w).toBeCloseTo(plain.after[l].weights[i][j] - network.learningRate * extra, 6);
          }),
        );
        layer.biases.forEach((b, j) => expect(b).toBeCloseTo(plain.after[l].biases[j], 7));
      });
    }
    expect(liveTensorCount()).toBe(baseline);
  });
});
