// The optimiser race in Node (CPU backend), on a small synthetic MNIST-shaped data set: the MNIST
// job with four optimiser specs builds four copies of one network (the same first-layer weights as
// the model built alone) and steps them on the same batches; each optimiser is the engine's of its
// kind and rate, and its first updates follow the published rule, written out here in plain
// arithmetic from the gradient the model holds; the schedule's factor at each step and the rate the
// job sets from it; the same seed gives the same race; a racer whose loss diverges stops while the
// others go on, with nothing but finite numbers sent to the page; when all diverge the run stops;
// the race is measured at 0 and every EVAL_EVERY images on EVAL_DIGITS digits; no tensor leaks.
import { beforeAll, describe, expect, it } from 'vitest';
import { initialState } from '../../src/book/urlState.ts';
import { initEngine, liveTensorCount, nn, optim, Random, tidy } from '../../src/engine/index.ts';
import type { MnistArrays } from '../../src/engine/data/mnistFormat.ts';
import { buildMlp } from '../../src/models/mnist/cnnModel.ts';
import { mnistJob, type MnistDigits, type MnistEvent, type MnistSpec, type MnistView } from '../../src/models/mnist/mnistJob.ts';
import { MOMENTUM, type OptimizerSpec } from '../../src/models/training/optimizerChoice.ts';
import { RUN_SCHEDULES, scheduleFactor, STEP_GAMMA, warmupSteps } from '../../src/models/training/runSchedule.ts';
import { BATCH, DEFAULT_RATES, EVAL_DIGITS, EVAL_EVERY, MAX_SAMPLES, RACERS, raceResults, raceSpec } from '../../src/widgets/OptimiserRace/race.ts';
import { optimiserRaceSchema } from '../../src/widgets/OptimiserRace/OptimiserRace.tsx';
import { harness } from '../models/support.ts';

/** Ten classes, each a bar across and a bar down at its own place, with seeded noise. */
function synthetic(count: number, seed: number): MnistArrays {
  const rng = new Random(seed);
  const labels = new Uint8Array(count);
  const pixels = new Uint8Array(count * 784);
  for (let i = 0; i < count; i++) {
    const c = rng.int(10);
    labels[i] = c;
    for (let p = 0; p < 784; p++) {
      const [r, col] = [Math.floor(p / 28), p % 28];
      const ink = r === 3 + 2 * c || col === 3 + 2 * c ? 200 : 0;
      pixels[i * 784 + p] = Math.min(255, ink + rng.int(56));
    }
  }
  return { rows: 28, cols: 28, classes: 10, seed, count, labels, pixels };
}

const digits: MnistDigits = { train: synthetic(320, 11), test: synthetic(120, 12) };
const HIDDEN = 16;
const RATES = { sgd: 0.1, momentum: 0.05, rmsprop: 0.002, adam: 0.003 };
const four = (extra: Partial<MnistSpec> = {}, rates: Record<string, number> = RATES): MnistSpec => ({
  ...raceSpec({ rates: rates as typeof RATES, schedule: 'constant', hidden: HIDDEN }),
  maxSamples: 640,
  evalEvery: 320,
  evalDigits: 100,
  ...extra,
});

/** The job built directly, with a scheduler whose tasks the test runs when it likes. */
function built(spec: MnistSpec, seed = 1) {
  const tasks: (() => void)[] = [];
  const events: MnistEvent[] = [];
  const job = mnistJob.build(spec, {
    seed,
    live: { digit: 0 },
    data: digits,
    emit: (e) => events.push(structuredClone(e)),
    schedule: (cb) => {
      tasks.push(cb);
      return () => {
        const i = tasks.indexOf(cb);
        if (i >= 0) tasks.splice(i, 1);
      };
    },
  });
  let index = 0;
  return {
    job,
    events,
    drain: () => {
      while (tasks.length) tasks.shift()!();
    },
    /**
     * One step as the loop takes it (inside tidy, its tensors disposed after the read); `during`
     * runs inside the tidy, while the step's gradients still exist.
     */
    step(during?: () => void): number {
      const out = tidy(() => {
        const result = job.step(index++);
        during?.();
        return result;
      });
      const loss = out.loss.item();
      for (const t of Object.values(out)) t.dispose();
      return loss;
    },
    view: () => job.view!({} as never) as MnistView,
    models: () => job.keep().filter((x): x is nn.Sequential => x instanceof nn.Sequential),
    optimizers: () => job.keep().filter((x): x is optim.Optimizer => x instanceof optim.Optimizer),
  };
}

const firstWeights = (m: nn.Sequential) => Array.from(m.parameters()[0].data());
const firstGrad = (m: nn.Sequential) => Array.from(m.parameters()[0].grad!.data());

beforeAll(async () => {
  await initEngine({ prefer: 'cpu' });
});

describe('the optimiser race', () => {
  it('builds four copies of one network, each with the engine optimiser of its kind and rate', () => {
    const r = built(four());
    const models = r.models();
    expect(models).toHaveLength(4);
    const alone = buildMlp(HIDDEN, 1);
    const reference = firstWeights(alone);
    alone.dispose();
    for (const m of models) expect(firstWeights(m)).toEqual(reference);
    const [sgd, momentum, rmsprop, adam] = r.optimizers();
    expect(sgd).toBeInstanceOf(optim.SGD);
    expect((sgd as optim.SGD).momentum).toBe(0);
    expect(momentum).toBeInstanceOf(optim.SGD);
    expect((momentum as optim.SGD).momentum).toBe(0.9);
    expect((momentum as optim.SGD).nesterov).toBe(false);
    expect(rmsprop).toBeInstanceOf(optim.RMSprop);
    expect(adam).toBeInstanceOf(optim.Adam);
    expect(adam).not.toBeInstanceOf(optim.AdamW);
    expect([sgd.lr, momentum.lr, rmsprop.lr, adam.lr]).toEqual([0.1, 0.05, 0.002, 0.003]);
    r.job.dispose();
  });

  it('steps all four on the same batch, and each update follows its published rule', () => {
    const r = built(four());
    const models = r.models();
    const w0 = firstWeights(models[0]);
    let grads: number[][] = [];
    r.step(() => (grads = models.map(firstGrad)));
    // One batch, one starting point: one gradient.
    const g = grads[0];
    for (const other of grads.slice(1)) expect(other).toEqual(g);
    const eps = 1e-8;
    const rule: Record<string, (w: number, g: number) => number> = {
      sgd: (w, g) => w - RATES.sgd * g,
      // The first step of momentum: the velocity starts as the gradient (PyTorch's convention).
      momentum: (w, g) => w - RATES.momentum * g,
      // v = (1 − α)·g², α = 0.99.
      rmsprop: (w, g) => w - (RATES.rmsprop * g) / (Math.sqrt(0.01 * g * g) + eps),
      // m̂ = g and v̂ = g² after the bias correction of the first step.
      adam: (w, g) => w - (RATES.adam * ((0.1 * g) / 0.1)) / (Math.sqrt((0.001 * g * g) / 0.001) + eps),
    };
    RACERS.forEach((kind, k) => {
      const w1 = firstWeights(models[k]);
      let checked = 0;
      for (let i = 0; i < w0.length; i += 37) {
        const expected = rule[kind](w0[i], g[i]);
        expect(Math.abs(w1[i] - expected)).toBeLessThanOrEqual(1e-6 + 1e-5 * Math.abs(expected));
        checked += g[i] !== 0 ? 1 : 0;
      }
      expect(checked).toBeGreaterThan(100);
    });
    // The second step tells momentum from SGD: v₂ = μ·g₁ + g₂, w₂ = w₁ − lr·v₂.
    const w1 = firstWeights(models[1]);
    let g2: number[] = [];
    r.step(() => (g2 = firstGrad(models[1])));
    const w2 = firstWeights(models[1]);
    for (let i = 0; i < w1.length; i += 37) {
      const expected = w1[i] - RATES.momentum * (MOMENTUM * g[i] + g2[i]);
      expect(Math.abs(w2[i] - expected)).toBeLessThanOrEqual(1e-6 + 1e-5 * Math.abs(expected));
    }
    r.job.dispose();
  });

  it('two copies under the same optimiser take the same steps', () => {
    const same: OptimizerSpec = { kind: 'adam', lr: 0.003 };
    const spec = four();
    spec.models = [spec.models[0], { ...spec.models[3], name: 'a' }, { ...spec.models[3], name: 'b', optimizer: same }];
    const r = built(spec);
    for (let i = 0; i < 6; i++) {
      r.step();
      const runs = r.view().runs!;
      expect(runs[2].loss).toBe(runs[1].loss);
      // The first batch meets one starting point; from the second on, SGD has gone its own way.
      if (i === 0) expect(runs[0].loss).toBe(runs[1].loss);
      else expect(runs[0].loss).not.toBe(runs[1].loss);
    }
    const [, a, b] = r.models();
    expect(firstWeights(b)).toEqual(firstWeights(a));
    r.job.dispose();
  });

  it('the schedule’s factor at every step, and each rate set from it', () => {
    const T = 100;
    for (let s = 0; s <= T; s++) {
      expect(scheduleFactor('constant', s, T)).toBe(1);
      expect(scheduleFactor('step', s, T)).toBeCloseTo(STEP_GAMMA ** Math.floor(s / 34), 12);
      expect(scheduleFactor('cosine', s, T)).toBeCloseTo((1 + Math.cos((Math.PI * s) / T)) / 2, 12);
      const w = 10;
      const warm = s < w ? s / w : (1 + Math.cos((Math.PI * (s - w)) / (T - w))) / 2;
      expect(scheduleFactor('warmupCosine', s, T)).toBeCloseTo(warm, 12);
    }
    expect(warmupSteps(T)).toBe(10);
    for (const kind of RUN_SCHEDULES) {
      for (let s = 0; s <= T; s++) {
        const f = scheduleFactor(kind, s, T);
        expect(f).toBeGreaterThanOrEqual(0);
        expect(f).toBeLessThanOrEqual(1);
      }
    }
    // The job: before step i, every rate is its base rate times the factor at i.
    const spec = four({ lrSchedule: 'warmupCosine' });
    const total = spec.maxSamples / BATCH;
    const r = built(spec);
    for (let i = 0; i < 5; i++) {
      r.step();
      const f = scheduleFactor('warmupCosine', i, total);
      r.optimizers().forEach((o, k) => expect(o.lr).toBeCloseTo(RATES[RACERS[k]] * f, 12));
    }
    r.job.dispose();
  });

  it('the same seed gives the same race; another seed another', () => {
    const losses = (seed: number) => {
      const r = built(four(), seed);
      const out: (number | null)[][] = [];
      for (let i = 0; i < 5; i++) {
        r.step();
        out.push(r.view().runs!.map((w) => w.loss));
      }
      r.job.dispose();
      return out;
    };
    const a = losses(3);
    expect(losses(3)).toEqual(a);
    expect(losses(4)).not.toEqual(a);
  });

  it('a racer whose loss diverges stops with finite numbers sent, and the others go on', () => {
    const baseline = liveTensorCount();
    const r = built(four({}, { ...RATES, sgd: 100 }));
    r.drain();
    let steps = 0;
    while (r.view().runs![0].stop === null && steps < 30) {
      r.step();
      steps++;
    }
    const view = r.view();
    const stop = view.runs![0].stop!;
    expect(stop).not.toBeNull();
    expect(['lossGrew', 'nonFiniteLoss']).toContain(stop.code);
    // Its model and optimiser are gone; the other three carry on.
    expect(r.models()).toHaveLength(3);
    const live = liveTensorCount();
    for (let i = 0; i < 5; i++) r.step();
    expect(liveTensorCount()).toBe(live);
    const after = r.view().runs!;
    expect(after[0].steps).toBe(view.runs![0].steps);
    for (const k of [1, 2, 3]) expect(after[k].steps).toBe(steps + 5);
    // Nothing but finite numbers goes to the page.
    JSON.stringify(after, (_, v: unknown) => {
      if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
      return v;
    });
    // Measured again: the stopped racer keeps its last measurement, and its curve ends before the stop.
    r.job.onFrame!({ state: 'paused' } as never);
    r.drain();
    const history = r.events.at(-1)!.history;
    expect(history.map((p) => p.samples)).toEqual([0, (steps + 5) * BATCH]);
    expect(history[1].test[0]).toBe(history[0].test[0]);
    const results = raceResults(after, history);
    expect(results[0].stop).toEqual(stop);
    expect(results[0].accuracy).toEqual([[0, history[0].test[0]]]);
    expect(results[0].lastLoss).toBeNull();
    expect(results[1].accuracy).toHaveLength(2);
    expect(results[1].lastLoss).toBeGreaterThan(0);
    r.job.dispose();
    expect(liveTensorCount()).toBe(baseline);
  });

  it('when every racer diverges the run stops there, as diverged, with a way back', async () => {
    const h = harness(mnistJob);
    await h.core.handle({ type: 'init', backend: 'cpu' });
    await h.core.handle({ type: 'load', data: digits });
    const wild = { sgd: 100, momentum: 100, rmsprop: 100, adam: 100 };
    await h.core.handle({ type: 'setup', generation: 1, config: four({ maxSamples: 3200 }, wild), seed: 1, live: { digit: 0 } });
    await h.core.handle({ type: 'play' });
    await h.until(() => ['diverged', 'paused'].includes(h.lastSnapshot().snapshot.state) && h.lastSnapshot().snapshot.step > 0);
    const snap = h.lastSnapshot().snapshot;
    expect(snap.state).toBe('diverged');
    expect(snap.step).toBeLessThan(100);
    // The figure: every racer diverged by the race's last step, with no loss or accuracy shown as current.
    const step = (snap.stop as { step: number }).step;
    const lastView = h.of('snapshot').filter((m) => m.view).at(-1)!.view as MnistView;
    const history = (h.of('event').at(-1)!.payload as MnistEvent).history;
    const results = raceResults(lastView.runs, history, step);
    for (const r of results) {
      expect(r.divergedBy).toBe(r.stop?.step ?? step);
      expect(r.divergedBy).toBeLessThanOrEqual(step);
      expect([r.lastLoss, r.lastAccuracy]).toEqual([null, null]);
      for (const [x] of r.accuracy) expect(x).toBeLessThan(step * BATCH);
    }
    await h.core.handle({ type: 'reset' });
    expect(h.lastSnapshot().snapshot).toMatchObject({ state: 'paused', step: 0 });
    await h.core.handle({ type: 'dispose' });
    expect(h.of('error')).toEqual([]);
  });

  it('is measured before the first step and every evalEvery images, on evalDigits digits, with each racer timed', async () => {
    const h = harness(mnistJob);
    await h.core.handle({ type: 'init', backend: 'cpu' });
    const baseline = h.core.tensorCount();
    await h.core.handle({ type: 'load', data: digits });
    await h.core.handle({ type: 'setup', generation: 1, config: four(), seed: 1, live: { digit: 0 } });
    const events = () => h.of('event').map((m) => m.payload as MnistEvent);
    await h.core.handle({ type: 'play' });
    await h.until(() => h.lastSnapshot().snapshot.state === 'paused' && events().at(-1)?.latest?.samples === 640);
    expect(events().at(-1)!.history.map((p) => p.samples)).toEqual([0, 320, 640]);
    const latest = events().at(-1)!.latest!;
    expect(latest.models.map((m) => m.test.count)).toEqual([100, 100, 100, 100]);
    const view = h.lastSnapshot().view as MnistView;
    expect(view.runs).toHaveLength(4);
    for (const run of view.runs!) {
      expect(run.steps).toBe(20);
      expect(run.msPerStep).toBeGreaterThan(0);
      expect(run.curve.steps.at(-1)).toBe(20);
      expect(run.smoothed).toBeGreaterThan(0);
    }
    // The synthetic digits are easy: every racer at the default settings learns them.
    for (const m of latest.models) expect(m.test.accuracy).toBeGreaterThan(0.5);
    await h.core.handle({ type: 'dispose' });
    expect(h.of('disposed')[0].tensors).toBe(baseline);
  });

  it('leaks no tensor: flat from step to step, back to the baseline after dispose', () => {
    const baseline = liveTensorCount();
    const r = built(four());
    r.drain();
    r.step();
    const after1 = liveTensorCount();
    for (let i = 0; i < 4; i++) r.step();
    expect(liveTensorCount()).toBe(after1);
    r.job.dispose();
    expect(liveTensorCount()).toBe(baseline);
  });

  it('the figure’s defaults: the usual rates, a constant rate, 64 hidden units, seed 1; its session', () => {
    const { state } = initialState(optimiserRaceSchema, {});
    expect(state).toEqual({ sgd: 0.1, momentum: 0.01, rmsprop: 0.001, adam: 0.001, schedule: 'constant', hidden: '64', seed: 1 });
    expect(DEFAULT_RATES).toEqual({ sgd: 0.1, momentum: 0.01, rmsprop: 0.001, adam: 0.001 });
    const spec = raceSpec({ rates: DEFAULT_RATES, schedule: 'cosine', hidden: 64 });
    expect(spec.models.map((m) => [m.name, m.kind, m.optimizer])).toEqual(RACERS.map((k) => [k, 'mlp', { kind: k, lr: DEFAULT_RATES[k] }]));
    expect(spec).toMatchObject({ race: true, lrSchedule: 'cosine', maxSamples: MAX_SAMPLES, evalEvery: EVAL_EVERY, evalDigits: EVAL_DIGITS, trainEval: 0 });
  });
});
