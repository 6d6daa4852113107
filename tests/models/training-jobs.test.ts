// Same seed, same run, for every figure that trains through the training core: two fresh cores
// with the same configuration give the same losses step for step, a reset gives them again, and
// they are the losses the model's own functions give when stepped by hand (the numbers the figure
// showed before it ran as a job). Every core frees its tensors on dispose.
import { beforeAll, describe, expect, it } from 'vitest';
import { data, initEngine, liveTensorCount, optim, tensor, tidy } from '../../src/engine/index.ts';
import type { AnyJobDefinition } from '../../src/models/training/job.ts';
import { linearVsNonlinearJob, linearVsNonlinearSet } from '../../src/widgets/LinearVsNonlinear/linearVsNonlinearJob.ts';
import { LEARNING_RATE, makeNet, trainingStep as lvnStep } from '../../src/widgets/LinearVsNonlinear/models.ts';
import { createLabModel, LAB_SEED, labDataset, labTensors, trainingStep as labStep } from '../../src/widgets/LossLab/lab.ts';
import { lossLabJob } from '../../src/widgets/LossLab/lossLabJob.ts';
import { createSeriesTrainer, makeSeries, seriesStep } from '../../src/models/sequence/sequence.ts';
import { sequenceJob, type FreeRunEvent } from '../../src/models/sequence/sequenceJob.ts';
import { buildDeepNet, deepStep, makeData, makeOptimizer as deepOptimizer } from '../../src/widgets/VanishingGradients/deep.ts';
import { vanishingJob } from '../../src/widgets/VanishingGradients/vanishingJob.ts';
import { makeOptimizer, makeXorNet, xorStep, XOR_X, XOR_Y } from '../../src/widgets/XorLive/xor.ts';
import { xorJob } from '../../src/widgets/XorLive/xorJob.ts';
import { createLineFit, fitStep, OUTLIER, seededPoints } from '../../src/widgets/RegressionLoss/regression.ts';
import { regressionFitJob, type RegressionFitView } from '../../src/widgets/RegressionLoss/regressionFitJob.ts';
import { harness, stepLosses } from './support.ts';

beforeAll(async () => {
  await initEngine({ prefer: 'cpu' });
});

interface Case {
  job: AnyJobDefinition;
  config: unknown;
  live?: unknown;
  seed: number;
  /** The losses of the first `steps` steps, stepped by hand with the model's own functions. */
  reference: (steps: number) => number[];
}

async function started(c: Case) {
  // A snapshot every tick, so `trainTo` stops within a tick of its target: a run that went on past
  // the curve's limit would be thinned, and its first steps no longer all in it.
  const h = harness(c.job, { snapshotEveryMs: 0 });
  await h.core.handle({ type: 'init', backend: 'cpu' });
  await h.core.handle({ type: 'setup', generation: 1, config: c.config, seed: c.seed, live: c.live });
  expect(h.lastSnapshot().snapshot.state, h.lastSnapshot().snapshot.reason ?? '').toBe('paused');
  return h;
}

/** Two cores, a reset, and the reference: the same losses, and no tensor left behind. */
async function expectSameRun(c: Case, steps: number): Promise<number[]> {
  const baseline = liveTensorCount();
  const a = await started(c);
  const b = await started(c);
  const first = await stepLosses(a, steps);
  expect(await stepLosses(b, steps)).toEqual(first);
  await a.core.handle({ type: 'reset' });
  expect(await stepLosses(a, steps)).toEqual(first);
  // Training in ticks of several steps gives the same losses as stepping one at a time.
  await b.core.handle({ type: 'reset' });
  await b.trainTo(steps);
  const curve = b.lastSnapshot();
  expect(curve.losses.slice(0, steps)).toEqual(first);
  expect(curve.steps.slice(0, steps)).toEqual(first.map((_, i) => i + 1));
  const reference = c.reference(steps);
  expect(first).toEqual(reference);
  await a.core.handle({ type: 'dispose' });
  await b.core.handle({ type: 'dispose' });
  expect(liveTensorCount()).toBe(baseline);
  return first;
}

/** Runs `step` by hand `steps` times and frees what `make` made. */
function byHand<T extends { dispose(): void }>(make: () => T, step: (made: T) => { loss: { item(): number } }, steps: number): number[] {
  const made = make();
  try {
    return Array.from({ length: steps }, () => tidy(() => step(made).loss.item()));
  } finally {
    made.dispose();
  }
}

describe('same seed, same run', () => {
  it('XorLive', async () => {
    const config = { hidden: 3, learningRate: 1 };
    await expectSameRun(
      {
        job: xorJob,
        config,
        seed: 7,
        reference: (steps) =>
          byHand(
            () => {
              const net = makeXorNet(3, 7);
              const opt = makeOptimizer(net, 1);
              const x = tensor(XOR_X);
              const y = tensor(XOR_Y.map((v) => [v]));
              return { net, opt, x, y, dispose: () => (opt.dispose(), net.dispose(), x.dispose(), y.dispose()) };
            },
            (m) => xorStep(m.net, m.opt, m.x, m.y),
            steps,
          ),
      },
      20,
    );
    // Another seed, another run.
    const other = await started({ job: xorJob, config, seed: 8, reference: () => [] });
    const a = await stepLosses(other, 3);
    await other.core.handle({ type: 'dispose' });
    const again = await started({ job: xorJob, config, seed: 7, reference: () => [] });
    expect(await stepLosses(again, 3)).not.toEqual(a);
    await again.core.handle({ type: 'dispose' });
  });

  it('LossLab, with its learning rate live', async () => {
    const reference = (lrs: number[]) => {
      const t = labTensors(labDataset('moons'));
      const lab = createLabModel(lrs[0], LAB_SEED);
      const out = lrs.map((lr) => {
        lab.optimizer.lr = lr;
        return tidy(() => labStep(lab, t, 'hinge').loss.item());
      });
      lab.dispose();
      t.dispose();
      return out;
    };
    await expectSameRun({ job: lossLabJob, config: { dataset: 'moons', loss: 'hinge' }, live: { lr: 0.3 }, seed: LAB_SEED, reference: (n) => reference(Array(n).fill(0.3)) }, 20);
    // The rate changed after five steps reaches the optimiser by the `set` message alone.
    const h = await started({ job: lossLabJob, config: { dataset: 'moons', loss: 'hinge' }, live: { lr: 0.3 }, seed: LAB_SEED, reference: () => [] });
    const before = await stepLosses(h, 5);
    await h.core.handle({ type: 'set', live: { lr: 3 } });
    const after = await stepLosses(h, 5);
    const expected = reference([...Array(5).fill(0.3), ...Array(5).fill(3)]);
    expect([...before, ...after]).toEqual(expected);
    // A reset keeps the rate as it is now.
    await h.core.handle({ type: 'reset' });
    const reset = await stepLosses(h, 3);
    expect(reset).toEqual(reference(Array(3).fill(3)));
    expect(h.of('built')).toHaveLength(2);
    await h.core.handle({ type: 'dispose' });
  });

  it('LinearVsNonlinear: both networks, step for step', async () => {
    const set = linearVsNonlinearSet('circle');
    const handTrained = (activation: 'identity' | 'tanh', steps: number) =>
      byHand(
        () => {
          const net = makeNet(activation, 8, 1);
          const opt = new optim.Adam(net, { lr: LEARNING_RATE });
          const { x, y } = data.toTensors(set);
          return { net, opt, x, y, dispose: () => (opt.dispose(), net.dispose(), x.dispose(), y.dispose()) };
        },
        (m) => lvnStep(m.net, m.opt, m.x, m.y),
        steps,
      );
    const c: Case = { job: linearVsNonlinearJob, config: { dataset: 'circle', hidden: 8, activation: 'tanh' }, seed: 1, reference: (n) => handTrained('identity', n) };
    await expectSameRun(c, 12);
    // The second network's loss: the `nonlinear` metric of each step, and its own curve.
    const h = await started(c);
    const nonlinear: number[] = [];
    for (let i = 0; i < 12; i++) {
      await h.core.handle({ type: 'step' });
      nonlinear.push(h.lastSnapshot().snapshot.metrics.nonlinear);
    }
    expect(nonlinear).toEqual(handTrained('tanh', 12));
    expect(h.lastSnapshot().curves.nonlinear.values).toEqual(nonlinear);
    const view = h.lastSnapshot().view as { linear: { collapsed: unknown; surface: number[] }; nonlinear: { collapsed: unknown } };
    expect(view.linear.collapsed).not.toBeNull();
    expect(view.nonlinear.collapsed).toBeNull();
    expect(view.linear.surface).toHaveLength(40 * 40);
    await h.core.handle({ type: 'dispose' });
  });

  it('VanishingGradients', async () => {
    const setup = { activation: 'tanh' as const, depth: 4, scale: 1, seed: 2 };
    await expectSameRun(
      {
        job: vanishingJob,
        config: { activation: 'tanh', depth: 4, scale: 1 },
        seed: 2,
        reference: (steps) =>
          byHand(
            () => {
              const { model, hidden } = buildDeepNet(setup);
              const { x, y } = data.toTensors(makeData(setup.seed));
              const opt = deepOptimizer(model);
              return { model, hidden, opt, x, y, dispose: () => (opt.dispose(), model.dispose(), x.dispose(), y.dispose()) };
            },
            (m) => deepStep(m.model, m.hidden, m.opt, m.x, m.y),
            steps,
          ),
      },
      12,
    );
  });

  it('RegressionLoss: the fit, and where it ends', async () => {
    const points = [...seededPoints(), OUTLIER];
    const start = { slope: -1.5, intercept: 3 };
    const config = { points, loss: 'huber', delta: 0.5, start, run: 1 };
    // By hand: step t at the fit's rate for step t.
    const reference = (steps: number) => {
      const f = createLineFit(points, start);
      try {
        return Array.from({ length: steps }, (_, t) => tidy(() => fitStep(f, 'huber', 0.5, t).loss.item()));
      } finally {
        f.dispose();
      }
    };
    await expectSameRun({ job: regressionFitJob, config, seed: 1, reference }, 12);
    // Played to its end: the same step, line and path every time, however the ticks fell.
    const ends: unknown[] = [];
    for (let i = 0; i < 2; i++) {
      const h = await started({ job: regressionFitJob, config, seed: 1, reference: () => [] });
      await h.core.handle({ type: 'play' });
      await h.until(() => h.lastSnapshot().snapshot.state === 'paused' && h.lastSnapshot().snapshot.step > 0);
      const last = h.lastSnapshot();
      const view = last.view as RegressionFitView;
      expect(view.settled).toBe(true);
      ends.push([last.snapshot.step, view.line, view.path, last.losses]);
      await h.core.handle({ type: 'dispose' });
    }
    expect(ends[1]).toEqual(ends[0]);
  });

  it('SequencePrediction, and its free run on request', async () => {
    const config = { frequency: 0.25, noise: 0.1, twoSines: true };
    const series = makeSeries({ ...config, seed: 4 });
    const c: Case = { job: sequenceJob, config, seed: 4, reference: (steps) => byHand(() => createSeriesTrainer(series, 4), seriesStep, steps) };
    await expectSameRun(c, 6);
    const h = await started(c);
    await stepLosses(h, 2);
    expect((h.lastSnapshot().view as { oneStep: number[] }).oneStep).toHaveLength(120);
    await h.core.handle({ type: 'request', payload: { kind: 'runFree' } });
    await h.until(() => h.of('event').some((m) => (m.payload as FreeRunEvent).done));
    const events = h.of('event').map((m) => m.payload as FreeRunEvent);
    expect(events[0]).toEqual({ values: [], done: false });
    expect(events.at(-1)!.values).toHaveLength(120);
    // A reset rebuilds the model: a new free run starts from it.
    await h.core.handle({ type: 'reset' });
    expect(h.lastSnapshot().snapshot.step).toBe(0);
    await h.core.handle({ type: 'dispose' });
  });
});
