// Plain against residual as a training job: the same seed gives the same run (two cores, a reset,
// ticks of several steps), each network in the race trains exactly as it would alone, the
// gradients shown before the first step are those of the first step, a network that diverges stops
// while the others go on, a run where all diverge stops with a way back, and nothing leaks.
import { beforeAll, describe, expect, it } from 'vitest';
import { initEngine, liveTensorCount, losses, tensor, tidy } from '../../src/engine/index.ts';
import { buildNet, NETWORKS, specOf } from '../../src/models/residual/deepNets.ts';
import { residualJob, type ResidualView } from '../../src/models/residual/residualJob.ts';
import { ResidualRace, spiralPoints, type RaceConfig } from '../../src/models/residual/residualRace.ts';
import { makeOptimizer } from '../../src/models/training/optimizerChoice.ts';
import { harness, stepLosses } from './support.ts';

beforeAll(async () => {
  await initEngine({ prefer: 'cpu' });
});

const SMALL: RaceConfig = { blocks: 3, width: 8, norm: 'batch', optimizer: 'adam', learningRate: 0.01 };

async function started(config: RaceConfig, seed: number) {
  const h = harness(residualJob, { snapshotEveryMs: 0 });
  await h.core.handle({ type: 'init', backend: 'cpu' });
  await h.core.handle({ type: 'setup', generation: 1, config, seed, live: undefined });
  expect(h.lastSnapshot().snapshot.state, h.lastSnapshot().snapshot.reason ?? '').toBe('paused');
  return h;
}

const viewOf = (h: ReturnType<typeof harness>) => h.lastSnapshot().view as ResidualView;

/** Each network of `config` trained alone for `steps` full-batch steps: its losses. */
function alone(config: RaceConfig, seed: number, steps: number): number[][] {
  const points = spiralPoints();
  const x = tensor(points.x);
  const y = tensor(points.y.map((v) => [v]));
  const out = NETWORKS.map((name) => {
    const net = buildNet(specOf(name, config.norm), { blocks: config.blocks, width: config.width, seed });
    const opt = makeOptimizer(net.model, { kind: config.optimizer, lr: config.learningRate });
    const run = Array.from({ length: steps }, () =>
      tidy(() => {
        opt.zeroGrad();
        const loss = losses.bceWithLogits(net.model.forward(x), y);
        loss.backward();
        opt.step();
        return loss.item();
      }),
    );
    opt.dispose();
    net.model.dispose();
    return run;
  });
  x.dispose();
  y.dispose();
  return out;
}

/** Every number anywhere in a plain value. */
function numbersIn(v: unknown): number[] {
  if (typeof v === 'number') return [v];
  if (Array.isArray(v)) return v.flatMap(numbersIn);
  if (v && typeof v === 'object') return Object.values(v).flatMap(numbersIn);
  return [];
}

describe('plain against residual, as a job', () => {
  it('same seed, same run; each network trains exactly as it would alone; nothing leaks', async () => {
    const baseline = liveTensorCount();
    const steps = 8;
    const a = await started(SMALL, 7);
    const b = await started(SMALL, 7);
    const first = await stepLosses(a, steps);
    expect(await stepLosses(b, steps)).toEqual(first);
    expect(viewOf(a)).toEqual(viewOf(b));
    // Each network's curve is its own run, step for step, and the loop's loss is their mean.
    const byItself = alone(SMALL, 7, steps);
    const nets = viewOf(a).nets;
    nets.forEach((net, k) => {
      expect(net.name).toBe(NETWORKS[k]);
      expect(net.curve.steps).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(net.curve.values).toEqual(byItself[k]);
      expect(net.loss).toBe(byItself[k][steps - 1]);
    });
    first.forEach((loss, i) => expect(loss).toBeCloseTo(byItself.reduce((sum, run) => sum + run[i], 0) / 4, 6));
    // A reset repeats the run; ticks of several steps give the same losses as single steps.
    await a.core.handle({ type: 'reset' });
    expect(await stepLosses(a, steps)).toEqual(first);
    await b.core.handle({ type: 'reset' });
    await b.trainTo(steps);
    expect(b.lastSnapshot().losses.slice(0, steps)).toEqual(first);
    // Another seed, another run.
    const c = await started(SMALL, 8);
    expect(await stepLosses(c, 2)).not.toEqual(first.slice(0, 2));
    for (const h of [a, b, c]) await h.core.handle({ type: 'dispose' });
    expect(liveTensorCount()).toBe(baseline);
  });

  it('before the first step the figure shows the gradients of the starting weights: those of step 1', async () => {
    const h = await started({ ...SMALL, norm: 'layer' }, 3);
    const before = viewOf(h).nets;
    for (const net of before) {
      expect(net.norms).toHaveLength(SMALL.blocks);
      expect(net.norms).toEqual(net.startNorms);
      expect(net.curve.values).toEqual([]);
      expect(net.accuracy).toBeNull();
    }
    await stepLosses(h, 1);
    viewOf(h).nets.forEach((net, k) => {
      expect(net.norms).toEqual(before[k].startNorms);
      expect(net.accuracy! >= 0 && net.accuracy! <= 1).toBe(true);
    });
    await stepLosses(h, 1);
    viewOf(h).nets.forEach((net, k) => expect(net.norms).not.toEqual(before[k].startNorms));
    await h.core.handle({ type: 'dispose' });
  });

  it('the accuracy is the share of points on the right side of the boundary', () => {
    const race = new ResidualRace(SMALL, 5);
    const points = spiralPoints();
    const x = tensor(points.x);
    // The logits the first step sees are those of the starting weights, in training mode.
    const logits = race.nets.map((net) => tidy(() => Array.from(net.model.forward(x).data())));
    tidy(() => race.step(1));
    race.view().forEach((net, k) => {
      const right = logits[k].filter((z, i) => (z > 0 ? 1 : 0) === points.y[i]).length;
      expect(net.accuracy).toBeCloseTo(right / points.y.length, 6);
    });
    x.dispose();
    race.dispose();
  });

  it('a network that diverges stops, its numbers kept finite; the others train on', async () => {
    const baseline = liveTensorCount();
    // SGD with momentum at η = 10: the residual network without normalisation blows up first.
    const h = await started({ blocks: 4, width: 8, norm: 'batch', optimizer: 'momentum', learningRate: 10 }, 1);
    await stepLosses(h, 20);
    const nets = viewOf(h).nets;
    const stopped = nets.filter((n) => n.stop !== null);
    const going = nets.filter((n) => n.stop === null);
    expect(stopped.length).toBeGreaterThan(0);
    expect(going.length).toBeGreaterThan(0);
    for (const n of stopped) {
      expect(n.stop!.step).toBeLessThanOrEqual(20);
      expect(n.steps).toBe(n.stop!.step - 1);
      expect(n.curve.steps.at(-1)!).toBeLessThanOrEqual(n.stop!.step);
    }
    for (const n of going) expect(n.steps).toBe(20);
    expect(numbersIn(viewOf(h)).every(Number.isFinite)).toBe(true);
    expect(h.lastSnapshot().snapshot.state).toBe('paused');
    await h.core.handle({ type: 'dispose' });
    expect(liveTensorCount()).toBe(baseline);
  });

  it('when every network diverges the run stops as diverged, never NaN on screen, and a reset starts again', async () => {
    const baseline = liveTensorCount();
    const h = await started({ blocks: 4, width: 8, norm: 'batch', optimizer: 'momentum', learningRate: 1000 }, 1);
    await h.trainTo(100);
    const last = h.lastSnapshot();
    expect(last.snapshot.state).toBe('diverged');
    expect(last.snapshot.step).toBeLessThan(100);
    expect(numbersIn(last.losses).every(Number.isFinite)).toBe(true);
    await h.core.handle({ type: 'reset' });
    expect(h.lastSnapshot().snapshot.state).toBe('paused');
    expect(h.lastSnapshot().snapshot.step).toBe(0);
    expect(viewOf(h).nets.every((n) => n.stop === null && n.steps === 0)).toBe(true);
    await h.core.handle({ type: 'dispose' });
    expect(liveTensorCount()).toBe(baseline);
  });
});
