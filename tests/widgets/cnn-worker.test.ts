// The MNIST worker's message handler in Node on the WebAssembly backend: it takes the digits,
// builds a session, steps and trains with plain snapshots, evaluates whenever training stops and
// every `evalEvery` images while the weights hold still (no training step lands between the start
// and the end of an evaluation), looks inside the first model for any test digit, resets, trains
// two models on the same batches, keeps the tensor count flat and frees everything on dispose.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureMnist } from '../../src/build/mnist.ts';
import { decodeMnist, MNIST_FILES, type MnistArrays } from '../../src/engine/data/mnistFormat.ts';
import { cnnParameters, type CnnArchitecture } from '../../src/models/mnist/cnnModel.ts';
import { createMnistWorkerCore, type FromWorker, type SessionSpec } from '../../src/models/mnist/mnistWorkerCore.ts';

const root = resolve(import.meta.dirname, '..', '..');
let train: MnistArrays;
let test: MnistArrays;

beforeAll(() => {
  const dir = resolve(root, 'public', 'data');
  ensureMnist(dir);
  train = decodeMnist(readFileSync(resolve(dir, MNIST_FILES.train)), MNIST_FILES.train);
  test = decodeMnist(readFileSync(resolve(dir, MNIST_FILES.test)), MNIST_FILES.test);
});

const ARCH: CnnArchitecture = { filters1: 4, filters2: 0, kernel: 3 };
const SPEC: SessionSpec = { models: [{ name: 'cnn', kind: 'cnn', architecture: ARCH }], run: { batchSize: 32, learningRate: 0.005, seed: 1 }, maxSamples: 960, evalEvery: 320, trainEval: 200, lookInside: true };

function harness() {
  const messages: FromWorker[] = [];
  const core = createMnistWorkerCore((m) => messages.push(structuredClone(m)));
  const of = <T extends FromWorker['type']>(type: T) => messages.filter((m): m is Extract<FromWorker, { type: T }> => m.type === type);
  async function until(pred: () => boolean, ms = 60_000): Promise<void> {
    const end = Date.now() + ms;
    while (!pred()) {
      if (Date.now() > end) throw new Error('timed out waiting for the worker core');
      await new Promise((r) => setTimeout(r, 5));
    }
  }
  return { messages, core, of, until };
}

describe('createMnistWorkerCore', () => {
  it('trains, evaluates with the weights held still, looks inside, resets and frees its tensors', async () => {
    const h = harness();
    await h.core.handle({ type: 'init', backend: 'wasm' });
    expect(h.of('ready')[0].info.backend).toBe('wasm');
    const baseline = h.core.tensorCount();
    await h.core.handle({ type: 'data', train, test });

    await h.core.handle({ type: 'setup', generation: 1, spec: SPEC, digit: 3 });
    expect(h.of('built')[0]).toEqual({ type: 'built', generation: 1, parameters: [cnnParameters(ARCH)] });
    expect(h.of('snapshot').at(-1)).toMatchObject({ generation: 1, samples: 0, snapshot: { step: 0, state: 'paused', loss: null } });
    const first = h.of('inspection')[0];
    expect(first.digit).toBe(3);
    expect(first.inspection.layers.map((l) => [l.side, l.maps.length])).toEqual([[26, 4]]);
    expect(first.inspection.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);

    // One step while paused: a snapshot, then an evaluation of the model after that step.
    await h.core.handle({ type: 'step' });
    expect(h.of('snapshot').at(-1)).toMatchObject({ samples: 32, snapshot: { step: 1 } });
    await h.until(() => h.of('evaluation').length === 1);
    const e1 = h.of('evaluation')[0];
    expect(e1.samples).toBe(32);
    expect(e1.models).toHaveLength(1);
    expect(e1.models[0].test.count).toBe(test.count);
    expect(e1.models[0].test.confusion.flat().reduce((a, b) => a + b, 0)).toBe(test.count);
    expect(e1.models[0].test.predictions).toHaveLength(test.count);
    expect(e1.models[0].trainAccuracy).not.toBeNull();
    expect(e1.filters).toHaveLength(4);
    expect(e1.filters![0]).toHaveLength(9);
    expect(Object.keys(e1.state!).sort()).toEqual(['0.bias', '0.weight', '4.bias', '4.weight']);
    // The model, and Adam's two moments per parameter once it has stepped.
    const live = h.core.tensorCount();
    expect(live - baseline).toBe(4 * 3);

    // Play until the run stops itself at maxSamples.
    await h.core.handle({ type: 'play' });
    await h.until(() => h.of('snapshot').some((s) => s.snapshot.state === 'running'));
    await h.until(() => {
      const s = h.of('snapshot').at(-1)!;
      return s.snapshot.state === 'paused' && s.samples >= SPEC.maxSamples;
    });
    await h.until(() => h.of('evaluation').at(-1)!.samples === SPEC.maxSamples);
    const evaluations = h.of('evaluation');
    // At each multiple of evalEvery (a tick of training stops there), and where training stopped.
    expect(evaluations.map((e) => e.samples)).toEqual([32, 320, 640, 960]);
    // The weights held still while each evaluation ran: no snapshot in between saw more images.
    let measuring: number | null = null;
    for (const m of h.messages) {
      if (m.type === 'evaluating') measuring = m.samples;
      if (m.type === 'evaluation') measuring = null;
      if (m.type === 'snapshot' && measuring !== null) expect(m.samples).toBe(measuring);
    }
    const last = evaluations.at(-1)!;
    expect(last.models[0].test.accuracy).toBeGreaterThan(0.8);
    expect(last.models[0].test.accuracy).toBeGreaterThan(e1.models[0].test.accuracy);
    const paused = h.of('snapshot').at(-1)!;
    expect(paused.losses.length).toBe(paused.steps.length);
    expect(paused.losses.every(Number.isFinite)).toBe(true);
    expect(paused.seconds).toBeGreaterThan(0);
    expect(paused.stepsPerTick).toBeGreaterThanOrEqual(1);
    expect(h.core.tensorCount()).toBe(live);

    // Any test digit, on request.
    await h.core.handle({ type: 'inspect', digit: 7 });
    expect(h.of('inspection').at(-1)!.digit).toBe(7);

    // Reset: a fresh model, announced, with the counters at zero and no tensors gained.
    const builtBefore = h.of('built').length;
    await h.core.handle({ type: 'reset' });
    expect(h.of('built')).toHaveLength(builtBefore + 1);
    expect(h.of('snapshot').at(-1)).toMatchObject({ samples: 0, seconds: 0, losses: [], snapshot: { step: 0, state: 'paused' } });
    expect(h.core.tensorCount()).toBeLessThanOrEqual(live);

    // Two models on the same batches: both evaluated, the second one's loss as a metric.
    await h.core.handle({
      type: 'setup',
      generation: 2,
      spec: { ...SPEC, models: [SPEC.models[0], { name: 'mlp', kind: 'mlp', hidden: 16 }], maxSamples: 64, trainEval: 0, lookInside: false },
      digit: 0,
    });
    expect(h.of('built').at(-1)).toEqual({ type: 'built', generation: 2, parameters: [cnnParameters(ARCH), 784 * 16 + 16 + 16 * 10 + 10] });
    await h.core.handle({ type: 'play' });
    await h.until(() => h.of('evaluation').some((e) => e.generation === 2 && e.samples === 64));
    const two = h.of('evaluation').filter((e) => e.generation === 2).at(-1)!;
    expect(two.models).toHaveLength(2);
    expect(two.models[1].trainAccuracy).toBeNull();
    expect(two.filters).toBeNull();
    expect(two.state).toBeNull();
    expect(Number.isFinite(h.of('snapshot').filter((s) => s.generation === 2).at(-1)!.snapshot.metrics.mlpLoss)).toBe(true);

    await h.core.handle({ type: 'dispose' });
    expect(h.of('disposed')[0].tensors).toBe(baseline);
    expect(h.of('error')).toEqual([]);
  }, 120_000);

  it('reports a setup before the digits or the engine as an error, not a crash', async () => {
    const h = harness();
    await h.core.handle({ type: 'setup', generation: 1, spec: SPEC, digit: 0 });
    expect(h.of('error')).toHaveLength(1);
    await h.core.handle({ type: 'play' });
    await h.core.handle({ type: 'dispose' });
    expect(h.of('disposed')).toHaveLength(1);
  });
});
