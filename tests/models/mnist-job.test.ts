// The MNIST job on the training core, in Node on the WebAssembly backend, driven as the page drives
// it: the digits arrive once by `load`; a setup builds the model; it steps and trains with plain
// snapshots, is measured whenever training stops and at every `evalEvery` images while the weights
// hold still (no training step lands between the start and the end of an evaluation), looks inside
// the first model at any test digit, resets to the same run, trains two models on the same batches,
// keeps the tensor count flat and frees everything on dispose. Same seed, same run, resets included.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureMnist } from '../../src/build/mnist.ts';
import { decodeMnist, MNIST_FILES } from '../../src/engine/data/mnistFormat.ts';
import { cnnParameters, type CnnArchitecture } from '../../src/models/mnist/cnnModel.ts';
import { checkpointsUpTo, mnistJob, nextCheckpoint, type MnistDigits, type MnistEvent, type MnistSpec } from '../../src/models/mnist/mnistJob.ts';
import { harness, stepLosses } from './support.ts';

let digits: MnistDigits;

beforeAll(() => {
  const dir = resolve(import.meta.dirname, '..', '..', 'public', 'data');
  ensureMnist(dir);
  digits = {
    train: decodeMnist(readFileSync(resolve(dir, MNIST_FILES.train)), MNIST_FILES.train),
    test: decodeMnist(readFileSync(resolve(dir, MNIST_FILES.test)), MNIST_FILES.test),
  };
});

const ARCH: CnnArchitecture = { filters1: 4, filters2: 0, kernel: 3 };
const SPEC: MnistSpec = { models: [{ name: 'cnn', kind: 'cnn', architecture: ARCH }], run: { batchSize: 32, learningRate: 0.005 }, maxSamples: 960, evalEvery: 320, trainEval: 200, lookInside: true };
const SEED = 1;

async function started(spec: MnistSpec, digit = 3) {
  const h = harness(mnistJob);
  await h.core.handle({ type: 'init', backend: 'wasm' });
  await h.core.handle({ type: 'load', data: digits });
  await h.core.handle({ type: 'setup', generation: 1, config: spec, seed: SEED, live: { digit } });
  const events = () => h.of('event').map((m) => m.payload as MnistEvent);
  return { ...h, events, latest: () => events().at(-1) };
}

describe('the MNIST job', () => {
  it('trains, evaluates with the weights held still, looks inside, resets and frees its tensors', async () => {
    const h = harness(mnistJob);
    await h.core.handle({ type: 'init', backend: 'wasm' });
    expect(h.of('ready')[0].info.backend).toBe('wasm');
    const baseline = h.core.tensorCount();
    await h.core.handle({ type: 'load', data: digits });
    await h.core.handle({ type: 'setup', generation: 1, config: SPEC, seed: SEED, live: { digit: 3 } });
    const events = () => h.of('event').map((m) => m.payload as MnistEvent);
    expect(h.of('built')[0]).toEqual({ type: 'built', generation: 1, maxSteps: SPEC.maxSamples / 32 });
    expect(h.lastSnapshot().snapshot).toMatchObject({ step: 0, state: 'paused', loss: null });
    // The first look inside comes on its own, once the model is built.
    await h.until(() => events().some((e) => e.inspection !== null));
    const first = events().find((e) => e.inspection)!.inspection!;
    expect(first.digit).toBe(3);
    expect(first.inspection.layers.map((l) => [l.side, l.maps.length])).toEqual([[26, 4]]);
    expect(first.inspection.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);

    // One step while paused: a snapshot, then an evaluation of the model after that step.
    await h.core.handle({ type: 'step' });
    expect(h.lastSnapshot().snapshot.step).toBe(1);
    await h.until(() => events().at(-1)!.latest?.samples === 32);
    const e1 = events().at(-1)!.latest!;
    expect(e1.models).toHaveLength(1);
    const t1 = e1.models[0].test;
    expect(t1.count).toBe(digits.test.count);
    expect(t1.confusion.flat().reduce((a, b) => a + b, 0)).toBe(digits.test.count);
    expect(t1.predictions).toHaveLength(digits.test.count);
    expect(e1.models[0].trainAccuracy).not.toBeNull();
    expect(e1.filters).toHaveLength(4);
    expect(e1.filters![0]).toHaveLength(9);
    expect(Object.keys(e1.state!).sort()).toEqual(['0.bias', '0.weight', '4.bias', '4.weight']);
    // The model, and Adam's two moments per parameter once it has stepped.
    const live = h.core.tensorCount();
    expect(live - baseline).toBe(4 * 3);

    // Play until the run stops itself after maxSamples images.
    await h.core.handle({ type: 'play' });
    await h.until(() => h.of('snapshot').some((s) => s.snapshot.state === 'running'));
    await h.until(() => h.lastSnapshot().snapshot.state === 'paused' && events().at(-1)!.latest?.samples === SPEC.maxSamples, 90_000);
    // Measured at each multiple of evalEvery (a tick of training stops there) and where training stopped.
    expect(events().at(-1)!.history.map((p) => p.samples)).toEqual([32, 320, 640, 960]);
    expect(h.lastSnapshot().snapshot.step).toBe(SPEC.maxSamples / 32);
    // The weights held still while each evaluation ran: no snapshot in between saw another step.
    let measuring: number | null = null;
    for (const m of h.messages) {
      if (m.type === 'event') measuring = (m.payload as MnistEvent).evaluating;
      if (m.type === 'snapshot' && measuring !== null) expect(m.snapshot.step * 32).toBe(measuring);
    }
    const last = events().at(-1)!.latest!;
    expect(last.models[0].test.accuracy).toBeGreaterThan(0.8);
    expect(last.models[0].test.accuracy).toBeGreaterThan(t1.accuracy);
    const paused = h.lastSnapshot();
    expect(paused.losses.length).toBe(paused.steps.length);
    expect(paused.losses.every(Number.isFinite)).toBe(true);
    expect((paused.view as { seconds: number }).seconds).toBeGreaterThan(0);
    expect(h.core.tensorCount()).toBe(live);

    // Any test digit, by the live setting: a new look inside, no rebuild.
    await h.core.handle({ type: 'set', live: { digit: 7 } });
    await h.until(() => events().at(-1)!.inspection?.digit === 7);
    expect(h.of('built')).toHaveLength(1);

    // Reset: a fresh model, announced, with the counters at zero and no tensors gained.
    await h.core.handle({ type: 'reset' });
    expect(h.of('built')).toHaveLength(2);
    expect(h.lastSnapshot()).toMatchObject({ losses: [], snapshot: { step: 0, state: 'paused' } });
    expect(h.core.tensorCount()).toBeLessThanOrEqual(live);

    // Two models on the same batches: both measured, the second one's loss as a metric and a curve.
    const two: MnistSpec = { ...SPEC, models: [SPEC.models[0], { name: 'mlp', kind: 'mlp', hidden: 16 }], maxSamples: 64, trainEval: 0, lookInside: false };
    await h.core.handle({ type: 'setup', generation: 2, config: two, seed: SEED, live: { digit: 0 } });
    await h.core.handle({ type: 'play' });
    await h.until(() => h.of('event').some((m) => m.generation === 2 && (m.payload as MnistEvent).latest?.samples === 64));
    const both = (h.of('event').filter((m) => m.generation === 2).at(-1)!.payload as MnistEvent).latest!;
    expect(both.models).toHaveLength(2);
    expect(both.models[1].trainAccuracy).toBeNull();
    expect(both.filters).toBeNull();
    expect(both.state).toBeNull();
    expect(cnnParameters(ARCH)).toBeGreaterThan(0);
    expect(Number.isFinite(h.lastSnapshot().snapshot.metrics.mlpLoss)).toBe(true);

    await h.core.handle({ type: 'dispose' });
    expect(h.of('disposed')[0].tensors).toBe(baseline);
    expect(h.of('error')).toEqual([]);
  }, 150_000);

  it('places early points before the first regular one, then every evalEvery images', () => {
    const early = [500, 1000, 2000, 5000];
    // 5000 is past the first regular point (4000): not an early point.
    expect([0, 499, 500, 1999, 2000, 3999, 4000, 7999, 8000].map((n) => checkpointsUpTo(n, 4000, early))).toEqual([0, 0, 1, 2, 3, 3, 4, 4, 5]);
    expect([0, 500, 1500, 2000, 4000, 4001].map((n) => nextCheckpoint(n, 4000, early))).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
    expect(nextCheckpoint(320, 320)).toBe(640);
  });

  it('measures early points on a few digits while training runs, leaving the full measurement alone', async () => {
    const spec: MnistSpec = { ...SPEC, maxSamples: 640, trainEval: 0, lookInside: false, early: { at: [64, 128], digits: 100 } };
    const h = await started(spec);
    await h.core.handle({ type: 'play' });
    await h.until(() => h.lastSnapshot().snapshot.state === 'paused' && h.latest()?.latest?.samples === 640, 60_000);
    const history = h.latest()!.history;
    // The first step's point, the two early ones, then the regular points: the curve starts at once.
    expect(history.map((p) => [p.samples, p.digits])).toEqual([
      [32, 100],
      [64, 100],
      [128, 100],
      [320, digits.test.count],
      [640, digits.test.count],
    ]);
    // `latest` (confusion matrix, predictions) only ever holds a full measurement.
    expect(h.events().every((e) => e.latest === null || e.latest.models[0].test.count === digits.test.count)).toBe(true);
    await h.core.handle({ type: 'dispose' });
  }, 60_000);

  it('gives the same run for the same seed, resets included', async () => {
    const spec: MnistSpec = { ...SPEC, evalEvery: 10_000, trainEval: 0, lookInside: false, maxSamples: 10_000 };
    const a = await started(spec);
    const b = await started(spec);
    const first = await stepLosses(a, 4);
    expect(await stepLosses(b, 4)).toEqual(first);
    await a.core.handle({ type: 'reset' });
    expect(await stepLosses(a, 4)).toEqual(first);
    await a.core.handle({ type: 'dispose' });
    await b.core.handle({ type: 'dispose' });
  }, 60_000);

  it('fails the run with a message, not a crash, when set up before the digits arrive', async () => {
    const h = harness(mnistJob);
    await h.core.handle({ type: 'init', backend: 'wasm' });
    await h.core.handle({ type: 'setup', generation: 1, config: SPEC, seed: SEED, live: { digit: 0 } });
    expect(h.lastSnapshot().snapshot.state).toBe('failed');
    expect(h.lastSnapshot().failure).toMatch(/digits/);
    await h.core.handle({ type: 'play' });
    await h.core.handle({ type: 'dispose' });
    expect(h.of('disposed')).toHaveLength(1);
  });
});
