// The training core in Node on the cpu backend, with a small job made for the purpose (a line fitted
// by gradient descent): setup, play, pause, one step, reset and dispose; snapshots throttled while
// running and sent on every change of state; a new setup silencing the old run; a divergence and
// its reset; a job that throws; live settings by one message; events, requests and a busy job; and
// the tensor count back at its baseline once the core is disposed.
import { beforeAll, describe, expect, it } from 'vitest';
import { initEngine, liveTensorCount, losses, mul, nn, optim, Random, tensor } from '../../src/engine/index.ts';
import type { JobDefinition } from '../../src/models/training/job.ts';
import { harness, stepLosses } from './support.ts';

interface LineConfig {
  lr: number;
  /** Make the job throw here, to see the core report it. */
  fail?: 'build' | 'view' | 'request' | 'step' | 'finished';
  /** Stop the run after this many steps. */
  maxSteps?: number;
  /** The job says it is finished once this many steps are done (a fit that settled). */
  finishAt?: number;
}

/** The job says it is busy for this many more checks (an evaluation under way). */
let busyTicks = 0;

const lineJob: JobDefinition<LineConfig, { scale: number }, { weight: number }, { answer: number }, { times: number }> = {
  name: 'test-line',
  curves: ['double'],
  maxSteps: (config) => config.maxSteps ?? 10_000,
  build(config, { seed, live, emit, schedule }) {
    if (config.fail === 'build') throw new Error('the build failed on purpose');
    const model = new nn.Linear(1, 1, { rng: new Random(seed) });
    const opt = new optim.SGD(model, { lr: config.lr * live.scale });
    const x = tensor([[0], [1], [2], [3]]);
    const y = tensor([[1], [3], [5], [7]]);
    let taken = 0;
    return {
      step: () => {
        if (config.fail === 'step') throw new Error('the step failed on purpose');
        taken++;
        opt.zeroGrad();
        const loss = losses.mseLoss(model.forward(x), y);
        loss.backward();
        opt.step();
        return { loss, double: mul(loss, 2) };
      },
      keep: () => [model, x, y],
      setLive: (next) => {
        opt.lr = config.lr * next.scale;
      },
      view: () => {
        if (config.fail === 'view') throw new Error('the picture failed on purpose');
        return { weight: model.weight.data()[0] };
      },
      request: ({ times }) => {
        if (config.fail === 'request') throw new Error('the request failed on purpose');
        let left = times;
        const tick = () => {
          emit({ answer: times - left });
          if (--left > 0) schedule(tick);
        };
        schedule(tick);
      },
      busy: () => busyTicks-- > 0,
      finished: () => {
        if (config.fail === 'finished') throw new Error('the end test failed on purpose');
        return taken >= (config.finishAt ?? Infinity);
      },
      dispose() {
        opt.dispose();
        model.dispose();
        x.dispose();
        y.dispose();
      },
    };
  },
};

const LIVE = { scale: 1 };

beforeAll(async () => {
  await initEngine({ prefer: 'cpu' });
});

async function ready(opts = {}) {
  const h = harness(lineJob, opts);
  await h.core.handle({ type: 'init', backend: 'cpu' });
  expect(h.of('ready')[0].info.backend).toBe('cpu');
  return h;
}

describe('the training core', () => {
  it('builds, steps, trains, pauses and resets, with a snapshot on every change of state', async () => {
    const h = await ready();
    await h.core.handle({ type: 'setup', generation: 1, config: { lr: 0.02 }, seed: 3, live: LIVE });
    expect(h.of('built')[0]).toEqual({ type: 'built', generation: 1, maxSteps: 10_000 });
    const first = h.lastSnapshot();
    expect(first.snapshot).toMatchObject({ state: 'paused', step: 0, loss: null });
    expect(first.view).toEqual({ weight: expect.any(Number) });
    expect(first.losses).toEqual([]);

    await h.core.handle({ type: 'step' });
    expect(h.lastSnapshot().snapshot).toMatchObject({ state: 'paused', step: 1 });
    expect(h.lastSnapshot().losses).toHaveLength(1);

    const before = h.of('snapshot').length;
    await h.trainTo(200);
    const paused = h.lastSnapshot();
    expect(paused.snapshot.state).toBe('paused');
    expect(paused.snapshot.step).toBeGreaterThanOrEqual(200);
    // Throttled while running: far fewer snapshots than steps.
    expect(h.of('snapshot').length - before).toBeLessThan(paused.snapshot.step / 2);
    expect(h.of('snapshot').some((m) => m.snapshot.state === 'running')).toBe(true);
    // Each step once, in order; the loss falls; the metric curve follows the loss at twice its size.
    expect(paused.steps.every((s, i) => i === 0 || s > paused.steps[i - 1])).toBe(true);
    expect(paused.losses.at(-1)!).toBeLessThan(paused.losses[0]);
    const double = paused.curves.double;
    expect(double.values.length).toBeGreaterThan(1);
    double.steps.forEach((step, i) => {
      const k = paused.steps.indexOf(step);
      if (k >= 0) expect(double.values[i]).toBeCloseTo(2 * paused.losses[k], 4);
    });

    await h.core.handle({ type: 'reset' });
    expect(h.of('built')).toHaveLength(2);
    expect(h.lastSnapshot().snapshot).toMatchObject({ state: 'paused', step: 0, loss: null });
    expect(h.lastSnapshot().losses).toEqual([]);
    expect(h.lastSnapshot().view).toEqual(first.view);
    await h.core.handle({ type: 'dispose' });
  });

  it('adapts the steps per tick to its time budget, within the job’s limit', async () => {
    const h = await ready({ tickBudgetMs: 1000 });
    await h.core.handle({ type: 'setup', generation: 1, config: { lr: 0.02 }, seed: 1, live: LIVE });
    await h.trainTo(300);
    expect(Math.max(...h.of('snapshot').map((m) => m.stepsPerTick))).toBe(16);
    await h.core.handle({ type: 'dispose' });
  });

  it('drops the old run when a new setup arrives: nothing of generation 1 after generation 2 is built', async () => {
    const h = await ready();
    await h.core.handle({ type: 'setup', generation: 1, config: { lr: 0.02 }, seed: 1, live: LIVE });
    void h.core.handle({ type: 'play' });
    await h.until(() => h.lastSnapshot().snapshot.step > 20);
    void h.core.handle({ type: 'request', payload: { times: 50 } });
    await h.core.handle({ type: 'setup', generation: 2, config: { lr: 0.01 }, seed: 2, live: LIVE });
    const at = h.messages.findIndex((m) => m.type === 'built' && m.generation === 2);
    await new Promise((r) => setTimeout(r, 50));
    const after = h.messages.slice(at);
    expect(after.every((m) => !('generation' in m) || m.generation === 2)).toBe(true);
    expect(h.lastSnapshot()).toMatchObject({ generation: 2, snapshot: { step: 0, state: 'paused' } });
    await h.core.handle({ type: 'dispose' });
  });

  it('stops as diverged, with a reason; a reset runs again from the start', async () => {
    const h = await ready();
    await h.core.handle({ type: 'setup', generation: 1, config: { lr: 5 }, seed: 1, live: LIVE });
    await h.core.handle({ type: 'play' });
    await h.until(() => h.lastSnapshot().snapshot.state !== 'running' && h.lastSnapshot().snapshot.step > 0);
    const stopped = h.lastSnapshot();
    expect(stopped.snapshot.state).toBe('diverged');
    expect(stopped.snapshot.stop?.code).toMatch(/nonFiniteLoss|lossGrew|weightsNotFinite/);
    expect(stopped.view).toBeNull();
    expect(stopped.losses.every(Number.isFinite)).toBe(true);
    // Play does nothing until a reset; after it, with a smaller rate set live, training runs again.
    await h.core.handle({ type: 'play' });
    expect(h.lastSnapshot().snapshot.state).toBe('diverged');
    await h.core.handle({ type: 'set', live: { scale: 0.004 } });
    await h.core.handle({ type: 'reset' });
    expect(h.lastSnapshot().snapshot).toMatchObject({ state: 'paused', step: 0 });
    await h.trainTo(50);
    expect(h.lastSnapshot().snapshot.state).toBe('paused');
    expect(h.lastSnapshot().snapshot.step).toBeGreaterThanOrEqual(50);
    await h.core.handle({ type: 'dispose' });
  });

  it('reports a job that throws as a failed run, with the reason, until a reset', async () => {
    for (const fail of ['build', 'view', 'step', 'request', 'finished'] as const) {
      const h = await ready();
      await h.core.handle({ type: 'setup', generation: 1, config: { lr: 0.02, fail }, seed: 1, live: LIVE });
      if (fail === 'step' || fail === 'finished') await h.core.handle({ type: 'step' });
      if (fail === 'request') await h.core.handle({ type: 'request', payload: { times: 1 } });
      const last = h.lastSnapshot();
      expect(last.snapshot.state, fail).toBe('failed');
      // The job's own failure, in its message; a step that threw is the loop's, with its code.
      if (fail === 'step') expect(last.snapshot.stop).toMatchObject({ code: 'stepFailed', message: expect.stringMatching(/on purpose/) });
      else expect(last.failure, fail).toMatch(/on purpose/);
      await h.core.handle({ type: 'play' });
      expect(h.lastSnapshot().snapshot.state, fail).toBe('failed');
      await h.core.handle({ type: 'reset' });
      // The same configuration fails the same way again (a reset rebuilds it); a request only on asking.
      expect(h.lastSnapshot().snapshot.state, fail).toBe(fail === 'build' || fail === 'view' ? 'failed' : 'paused');
      await h.core.handle({ type: 'dispose' });
    }
  });

  it('starts at once on a setup with play, and ends the run where the job says it is finished', async () => {
    const h = await ready();
    await h.core.handle({ type: 'setup', generation: 1, config: { lr: 0.02, finishAt: 23 }, seed: 1, live: LIVE, play: true });
    await h.until(() => h.lastSnapshot().snapshot.state === 'paused' && h.lastSnapshot().snapshot.step > 0);
    const end = h.lastSnapshot();
    expect(end.snapshot.step).toBe(23);
    expect(end.steps.at(-1)).toBe(23);
    // Finished: play and one step run nothing more; a reset starts the run again.
    await h.core.handle({ type: 'play' });
    await h.until(() => h.lastSnapshot().snapshot.state === 'paused');
    await h.core.handle({ type: 'step' });
    expect(h.lastSnapshot().snapshot.step).toBe(23);
    await h.core.handle({ type: 'reset' });
    expect(await stepLosses(h, 2)).toEqual(end.losses.slice(0, 2));
    await h.core.handle({ type: 'dispose' });
  });

  it('applies a live setting by one message, without rebuilding', async () => {
    const h = await ready();
    await h.core.handle({ type: 'setup', generation: 1, config: { lr: 0.02 }, seed: 1, live: LIVE });
    const a = await stepLosses(h, 3);
    await h.core.handle({ type: 'set', live: { scale: 0 } });
    const b = await stepLosses(h, 3);
    expect(h.of('built')).toHaveLength(1);
    expect(b[0]).toBeLessThan(a[0]);
    // A zero rate: the weights no longer move, so the loss stays where it is.
    expect(b[2]).toBe(b[1]);
    await h.core.handle({ type: 'dispose' });
  });

  it('answers a request with events spread over ticks, and holds training while the job is busy', async () => {
    const h = await ready();
    await h.core.handle({ type: 'setup', generation: 1, config: { lr: 0.02 }, seed: 1, live: LIVE });
    await h.core.handle({ type: 'request', payload: { times: 4 } });
    await h.until(() => h.of('event').length === 4);
    expect(h.of('event').map((m) => m.payload)).toEqual([{ answer: 0 }, { answer: 1 }, { answer: 2 }, { answer: 3 }]);
    busyTicks = 5;
    await h.core.handle({ type: 'step' });
    expect(busyTicks).toBeLessThan(0);
    expect(h.lastSnapshot().snapshot.step).toBe(1);
    await h.core.handle({ type: 'dispose' });
  });

  it('stops at maxSteps until a reset', async () => {
    const h = await ready();
    await h.core.handle({ type: 'setup', generation: 1, config: { lr: 0.02, maxSteps: 30 }, seed: 1, live: LIVE });
    expect(h.of('built')[0].maxSteps).toBe(30);
    await h.core.handle({ type: 'play' });
    await h.until(() => h.lastSnapshot().snapshot.state === 'paused' && h.lastSnapshot().snapshot.step > 0);
    expect(h.lastSnapshot().snapshot.step).toBe(30);
    await h.core.handle({ type: 'step' });
    expect(h.lastSnapshot().snapshot.step).toBe(30);
    await h.core.handle({ type: 'dispose' });
  });

  it('frees every tensor on dispose and handles nothing after', async () => {
    const baseline = liveTensorCount();
    const h = await ready();
    await h.core.handle({ type: 'setup', generation: 1, config: { lr: 0.02 }, seed: 1, live: LIVE });
    await h.trainTo(100);
    await h.core.handle({ type: 'reset' });
    await h.trainTo(20);
    await h.core.handle({ type: 'setup', generation: 2, config: { lr: 0.01 }, seed: 2, live: LIVE });
    await h.core.handle({ type: 'dispose' });
    expect(h.of('disposed')[0].tensors).toBe(baseline);
    expect(liveTensorCount()).toBe(baseline);
    const count = h.messages.length;
    await h.core.handle({ type: 'play' });
    expect(h.messages.length).toBe(count);
  });

  it('refuses a setup before the engine is ready, as an error message', async () => {
    const h = harness(lineJob);
    await h.core.handle({ type: 'setup', generation: 1, config: { lr: 0.02 }, seed: 1, live: LIVE });
    expect(h.of('error')[0].message).toMatch(/engine is not ready/);
  });
});
