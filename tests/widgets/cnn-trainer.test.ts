// The MNIST widgets' logic in Node (WebAssembly backend): the model builder's shapes and parameter
// counts for the architectures the trainer allows, a short training run that learns and leaks no
// tensors, the sliced evaluation, the look inside a model, the shipped weights, and the link
// schemas.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { initialState } from '../../src/book/urlState.ts';
import { initEngine, liveTensorCount, noGrad, tensor, tidy } from '../../src/engine/index.ts';
import { loadMnist, type Mnist } from '../../src/engine/data/mnist.ts';
import { ensureMnist } from '../../src/build/mnist.ts';
import { ARCHITECTURE_LIMITS, buildCnn, buildMlp, cnnParameters, DEFAULT_ARCHITECTURE, flatFeatures, layerShapes, type CnnArchitecture } from '../../src/models/mnist/cnnModel.ts';
import { convolutionAt } from '../../src/models/mnist/convolutionAt.ts';
import { firstLayerFilters, inspect } from '../../src/models/mnist/inspect.ts';
import { ChunkedEvaluation, DEFAULT_RUN, evaluate, MnistRun } from '../../src/models/mnist/mnistTraining.ts';
import { checkPretrained } from '../../src/models/mnist/pretrained.ts';
import { mnistTrainerSchema } from '../../src/widgets/MnistTrainer/MnistTrainer.tsx';
import { drawDigitSchema } from '../../src/widgets/DrawDigit/DrawDigit.tsx';
import { mlpVsCnnSchema } from '../../src/widgets/MlpVsCnn/MlpVsCnn.tsx';

const root = resolve(import.meta.dirname, '..', '..');
let mnist: Mnist;

beforeAll(async () => {
  await initEngine({ prefer: 'wasm' });
  const dir = resolve(root, 'public', 'data');
  ensureMnist(dir);
  mnist = await loadMnist(async (f) => {
    const b = readFileSync(resolve(dir, f));
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  });
}, 60_000);

describe('the trainer’s CNN', () => {
  it('layer shapes match a forward pass, and parameters match the formula, across the allowed range', () => {
    const archs: CnnArchitecture[] = [
      DEFAULT_ARCHITECTURE,
      { filters1: ARCHITECTURE_LIMITS.filters1[0], filters2: ARCHITECTURE_LIMITS.filters2[0], kernel: 3 },
      { filters1: ARCHITECTURE_LIMITS.filters1[1], filters2: ARCHITECTURE_LIMITS.filters2[1], kernel: 5 },
      { filters1: 4, filters2: 0, kernel: 5 },
    ];
    for (const a of archs) {
      const model = buildCnn(a, 1);
      const shape = tidy(() => noGrad(() => model.forward(tensor(new Float32Array(2 * 784), [2, 28, 28, 1])).shape));
      expect(shape).toEqual([2, 10]);
      const k2 = a.kernel * a.kernel;
      const expected = (k2 + 1) * a.filters1 + (a.filters2 ? (k2 * a.filters1 + 1) * a.filters2 : 0) + (flatFeatures(a) + 1) * 10;
      expect(model.numParameters()).toBe(expected);
      expect(cnnParameters(a)).toBe(expected);
      expect(layerShapes(a).at(-1)!.shape).toEqual([10]);
      model.dispose();
    }
    expect(layerShapes(DEFAULT_ARCHITECTURE).map((l) => l.shape.join('×'))).toEqual(['28×28×1', '24×24×8', '12×12×8', '8×8×16', '4×4×16', '256', '10']);
  });

  it('a short run learns, and the tensor count stays flat from step to step', () => {
    const model = buildCnn(DEFAULT_ARCHITECTURE, 1);
    const run = new MnistRun(model, mnist.train, DEFAULT_RUN);
    const before = evaluate(model, mnist.test, 500).accuracy;
    // The loop disposes each step's loss after reading it; here nothing keeps it.
    tidy(() => void run.step());
    const counts: number[] = [];
    for (let i = 0; i < 150; i++) {
      tidy(() => void run.step());
      if (i % 50 === 49) counts.push(liveTensorCount());
    }
    expect(new Set(counts).size).toBe(1);
    expect(run.samplesSeen).toBe(151 * DEFAULT_RUN.batchSize);
    const after = evaluate(model, mnist.test, 500).accuracy;
    expect(before).toBeLessThan(0.3);
    expect(after).toBeGreaterThan(0.8);
    run.dispose();
    model.dispose();
  }, 120_000);

  it('the sliced evaluation gives the one-pass result, confusion counts included', () => {
    const model = buildCnn(DEFAULT_ARCHITECTURE, 2);
    const whole = evaluate(model, mnist.test, 600, 600);
    const sliced = new ChunkedEvaluation(model, mnist.test, 600);
    let r = null;
    let slices = 0;
    while (!r) {
      r = sliced.advance(250);
      slices++;
    }
    expect(slices).toBe(3);
    expect(r.predictions).toEqual(whole.predictions);
    expect(r.confusion).toEqual(whole.confusion);
    expect(r.accuracy).toBeCloseTo(whole.accuracy, 10);
    expect(r.confusion.flat().reduce((a, b) => a + b, 0)).toBe(600);
    model.dispose();
  });

  it('inspect: probabilities that sum to 1 and one map per filter; filters are the first layer’s weights', () => {
    const model = buildCnn(DEFAULT_ARCHITECTURE, 1);
    const before = liveTensorCount();
    const look = inspect(model, DEFAULT_ARCHITECTURE, mnist.test.image(0));
    expect(liveTensorCount()).toBe(before);
    expect(look.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    expect(look.layers.map((l) => [l.side, l.maps.length])).toEqual([[24, 8], [8, 16]]);
    expect(look.layers.every((l) => l.maps.every((m) => m.every((v) => v >= 0)))).toBe(true); // after ReLU
    const filters = firstLayerFilters(model, DEFAULT_ARCHITECTURE);
    const w = model.layers[0] as unknown as { weight: { toArray(): number[][][][] } };
    const weights = w.weight.toArray();
    expect(filters).toHaveLength(8);
    expect(filters[3][7]).toBeCloseTo(weights[1][2][0][3], 6); // p = 7 is row 1, column 2
    model.dispose();
  });

  it('convolutionAt redoes every value of a first-layer map from the inspection’s own kernel and bias', () => {
    const model = buildCnn(DEFAULT_ARCHITECTURE, 1);
    // A model whose biases are not zero, so that the bias has to be counted.
    model.loadStateDict(checkPretrained(JSON.parse(readFileSync(resolve(root, 'public/models/mnist-cnn.json'), 'utf8')) as unknown).state);
    const image = mnist.test.image(4);
    const look = inspect(model, DEFAULT_ARCHITECTURE, image);
    const k = DEFAULT_ARCHITECTURE.kernel;
    const { side, maps } = look.layers[0];
    expect(look.first.kernels).toHaveLength(maps.length);
    expect(look.first.bias.some((b) => Math.abs(b) > 1e-3)).toBe(true);
    let worst = 0;
    for (let f = 0; f < maps.length; f++) {
      for (let r = 0; r < side; r++) {
        for (let c = 0; c < side; c++) {
          const step = convolutionAt(image, 28, look.first.kernels[f], k, look.first.bias[f], r, c);
          worst = Math.max(worst, Math.abs(step.a - maps[f][r * side + c]));
          expect(step.z).toBeCloseTo(step.products.reduce((a, b) => a + b, 0) + look.first.bias[f], 9);
        }
      }
    }
    expect(worst).toBeLessThan(1e-5);
    // Leaving the bias out makes it wrong somewhere: the check can fail.
    const f = look.first.bias.findIndex((b) => Math.abs(b) > 1e-3);
    const wrong = Array.from({ length: side * side }, (_, p) => convolutionAt(image, 28, look.first.kernels[f], k, 0, Math.floor(p / side), p % side).a);
    expect(wrong.some((v, p) => Math.abs(v - maps[f][p]) > 1e-4)).toBe(true);
    expect(() => convolutionAt(image, 28, look.first.kernels[0], k, 0, side, 0)).toThrow(/outside/);
    model.dispose();
  });

  it('the shipped model loads into the default architecture and reads the test digits', () => {
    const file = JSON.parse(readFileSync(resolve(root, 'public/models/mnist-cnn.json'), 'utf8')) as unknown;
    const shipped = checkPretrained(file);
    expect(shipped.architecture).toEqual(DEFAULT_ARCHITECTURE);
    const model = buildCnn(shipped.architecture, 1);
    model.loadStateDict(shipped.state);
    const acc = evaluate(model, mnist.test).accuracy;
    expect(acc).toBeGreaterThanOrEqual(0.97);
    expect(acc).toBeCloseTo(shipped.testAccuracy!, 3);
    model.dispose();
    expect(() => checkPretrained({ format: 'other' })).toThrow(/format/);
    expect(() => checkPretrained(null)).toThrow();
  });

  it('the MLP of the comparison flattens the image first', () => {
    const mlp = buildMlp(64, 1);
    expect(mlp.numParameters()).toBe(784 * 64 + 64 + 64 * 10 + 10);
    expect(tidy(() => mlp.forward(tensor(new Float32Array(784), [1, 28, 28, 1])).shape)).toEqual([1, 10]);
    mlp.dispose();
  });
});

describe('link schemas', () => {
  it('the trainer starts from the defaults the speed target is measured with', () => {
    const { state } = initialState(mnistTrainerSchema, {});
    expect(state).toMatchObject({ filters1: 8, filters2: 16, kernel: '5', lr: String(DEFAULT_RUN.learningRate), batch: String(DEFAULT_RUN.batchSize) });
    expect(initialState(mnistTrainerSchema, { filters1: 99 }).state.filters1).toBe(ARCHITECTURE_LIMITS.filters1[1]);
  });

  it('the drawing widget starts with the shipped model; the comparison with 64 hidden units', () => {
    expect(initialState(drawDigitSchema, {}).state).toEqual({ source: 'shipped', test: 1 });
    expect(initialState(mlpVsCnnSchema, {}).state).toEqual({ hidden: '64' });
  });
});
