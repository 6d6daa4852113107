// Random labels (Zhang et al. 2017): the label corruption (exactly the fraction asked for, seeded,
// nested, the true labels untouched at 0 %), the two networks (the same start, the same batches,
// only the labels differ), the accuracy they report checked against a forward pass in plain
// JavaScript, the chapter's numbers at their setting, the job on the training core (an epoch's
// measurement, a divergence reported as a state, nothing leaked), and the link schema's defaults.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { initialState } from '../../src/book/urlState.ts';
import { ensureMnist } from '../../src/build/mnist.ts';
import { decodeMnist, MNIST_FILES } from '../../src/engine/data/mnistFormat.ts';
import { initEngine, liveTensorCount, tidy } from '../../src/engine/index.ts';
import { corruptLabels } from '../../src/models/generalisation/randomLabels/corruptLabels.ts';
import { CHAPTER_SETTING, randomLabelsExperiment } from '../../src/models/generalisation/randomLabels/experiment.ts';
import { LabelPair, type LabelDigits, type PairSetting } from '../../src/models/generalisation/randomLabels/labelPair.ts';
import { randomLabelsJob, type RandomLabelsView } from '../../src/models/generalisation/randomLabels/randomLabelsJob.ts';
import { randomLabelsSchema } from '../../src/widgets/RandomLabels/RandomLabels.tsx';
import { harness } from '../models/support.ts';

let digits: LabelDigits;

beforeAll(async () => {
  await initEngine({ prefer: 'cpu' });
  const dir = resolve(import.meta.dirname, '..', '..', 'public', 'data');
  ensureMnist(dir);
  digits = {
    train: decodeMnist(readFileSync(resolve(dir, MNIST_FILES.train)), MNIST_FILES.train),
    test: decodeMnist(readFileSync(resolve(dir, MNIST_FILES.test)), MNIST_FILES.test),
  };
});

const TINY: PairSetting = { images: 48, hidden: 6, fraction: 1, learningRate: 0.01, batchSize: 16, testDigits: 40 };

describe('label corruption', () => {
  const labels = Array.from({ length: 1001 }, (_, i) => (i * 7) % 10);

  it('redraws exactly round(fraction · n) labels and leaves every other one as it was', () => {
    for (const fraction of [0, 0.001, 0.25, 0.5, 0.999, 1]) {
      const c = corruptLabels(labels, fraction, 3);
      const expected = Math.round(fraction * labels.length);
      expect(c.replacedCount).toBe(expected);
      expect(c.replaced.filter(Boolean)).toHaveLength(expected);
      labels.forEach((l, i) => {
        if (!c.replaced[i]) expect(c.labels[i]).toBe(l);
        expect(Number.isInteger(c.labels[i]) && c.labels[i] >= 0 && c.labels[i] < 10).toBe(true);
      });
      expect(c.wrongCount).toBe(c.labels.filter((l, i) => l !== labels[i]).length);
    }
  });

  it('at 0 % the labels are the true ones; out-of-range fractions are clamped', () => {
    expect(corruptLabels(labels, 0, 9).labels).toEqual(labels);
    expect(corruptLabels(labels, -2, 9).labels).toEqual(labels);
    expect(corruptLabels(labels, Number.NaN, 9).replacedCount).toBe(0);
    expect(corruptLabels(labels, 7, 9).replacedCount).toBe(labels.length);
  });

  it('is seeded, and a larger fraction redraws the same images with the same classes, then more', () => {
    expect(corruptLabels(labels, 0.4, 5)).toEqual(corruptLabels(labels, 0.4, 5));
    expect(corruptLabels(labels, 0.4, 5).labels).not.toEqual(corruptLabels(labels, 0.4, 6).labels);
    const small = corruptLabels(labels, 0.3, 5);
    const large = corruptLabels(labels, 0.7, 5);
    small.replaced.forEach((r, i) => {
      if (r) {
        expect(large.replaced[i]).toBe(true);
        expect(large.labels[i]).toBe(small.labels[i]);
      }
    });
  });

  it('draws uniform classes: about nine redrawn labels in ten come out wrong, each class about as often', () => {
    const many = Array.from({ length: 20000 }, (_, i) => i % 10);
    const c = corruptLabels(many, 1, 11);
    // Binomial(20000, 0.9): standard deviation about 42, so ±300 cannot fail by chance.
    expect(Math.abs(c.wrongCount - 18000)).toBeLessThan(300);
    const counts = new Array<number>(10).fill(0);
    c.labels.forEach((l) => counts[l]++);
    for (const n of counts) expect(Math.abs(n - 2000)).toBeLessThan(200);
  });
});

/** Logits of a 784 → h → 10 ReLU network written out in plain JavaScript from its state dict. */
function plainAccuracy(pair: LabelPair, k: number, split: 'train' | 'test', count: number, labels: readonly number[]): number {
  const state = pair.models[k].stateDict();
  // buildMlp: 0 flatten, 1 linear (weight [784, h]), 2 ReLU, 3 linear (weight [h, 10]).
  const w1 = state['1.weight'].values;
  const b1 = state['1.bias'].values;
  const w2 = state['3.weight'].values;
  const b2 = state['3.bias'].values;
  const h = b1.length;
  let right = 0;
  for (let i = 0; i < count; i++) {
    const px = digits[split].pixels.subarray(i * 784, (i + 1) * 784);
    const hidden = Array.from({ length: h }, (_, j) => {
      let z = b1[j];
      for (let p = 0; p < 784; p++) z += (px[p] / 255) * w1[p * h + j];
      return Math.max(0, z);
    });
    const logits = Array.from({ length: 10 }, (_, c) => hidden.reduce((z, a, j) => z + a * w2[j * 10 + c], b2[c]));
    if (logits.indexOf(Math.max(...logits)) === labels[i]) right++;
  }
  return right / count;
}

describe('the two networks', () => {
  it('start from the same weights, see the same batches, and differ only by their labels', () => {
    const clean = new LabelPair(digits, { ...TINY, fraction: 0 }, 4);
    expect(clean.models[0].stateDict()).toEqual(clean.models[1].stateDict());
    // With no label redrawn the two are one network trained twice: equal losses at every step.
    for (let i = 0; i < 4; i++) {
      const [a, b] = tidy(() => clean.step().map((l) => l.item()));
      expect(a).toBe(b);
    }
    clean.dispose();
    const noisy = new LabelPair(digits, TINY, 4);
    const [a, b] = tidy(() => noisy.step().map((l) => l.item()));
    expect(a).not.toBe(b);
    expect(noisy.labels[0]).toEqual(Array.from(digits.train.labels.subarray(0, TINY.images)));
    noisy.dispose();
  });

  it('measure their accuracy as a plain forward pass does: own labels on training images, true labels on test digits', () => {
    const pair = new LabelPair(digits, TINY, 2);
    for (let i = 0; i < 6; i++) tidy(() => void pair.step());
    const m = pair.measure();
    expect(m.epoch).toBe(2);
    const testLabels = Array.from(digits.test.labels.subarray(0, TINY.testDigits));
    for (const k of [0, 1]) {
      expect(m.train[k]).toBeCloseTo(plainAccuracy(pair, k, 'train', TINY.images, pair.labels[k]), 10);
      expect(m.test[k]).toBeCloseTo(plainAccuracy(pair, k, 'test', TINY.testDigits, testLabels), 10);
    }
    pair.dispose();
  });

  it('the same seed gives the same run; another seed another', () => {
    const run = (seed: number) => {
      const pair = new LabelPair(digits, TINY, seed);
      const losses = Array.from({ length: 5 }, () => tidy(() => pair.step().map((l) => l.item())));
      const m = pair.measure();
      pair.dispose();
      return { losses, m };
    };
    expect(run(7)).toEqual(run(7));
    expect(run(7).losses).not.toEqual(run(8).losses);
  });

  it('free every tensor they made', () => {
    const before = liveTensorCount();
    const pair = new LabelPair(digits, TINY, 1);
    for (let i = 0; i < 3; i++) tidy(() => void pair.step());
    pair.measure();
    pair.dispose();
    expect(liveTensorCount()).toBe(before);
  });
});

describe('the chapter’s numbers', () => {
  it('at their setting both fit their training labels; only the true labels carry over to the test digits', () => {
    const before = liveTensorCount();
    const r = randomLabelsExperiment(digits, CHAPTER_SETTING);
    expect(liveTensorCount()).toBe(before);
    expect(CHAPTER_SETTING).toMatchObject({ images: 200, hidden: 32, fraction: 1, epochs: 16, seed: 1 });
    expect(r.trueLabels.train).toBeGreaterThanOrEqual(0.95);
    expect(r.randomLabels.train).toBeGreaterThanOrEqual(0.95);
    expect(r.trueLabels.test).toBeGreaterThan(0.7);
    // Chance is one in ten; 500 test digits put two standard errors at about ±0.03.
    expect(Math.abs(r.randomLabels.test - 0.1)).toBeLessThan(0.05);
    expect(r.wrongLabels).toBe(corruptLabels(Array.from(digits.train.labels.subarray(0, 200)), 1, 1).wrongCount);
    expect(r.wrongLabels).toBeGreaterThan(150);
  });
});

describe('the random-labels job', () => {
  const CONFIG = { images: 64, hidden: 8, fraction: 1, learningRate: 0.01 };

  async function started(config: typeof CONFIG) {
    const h = harness(randomLabelsJob);
    await h.core.handle({ type: 'init', backend: 'cpu' });
    const baseline = h.core.tensorCount();
    await h.core.handle({ type: 'load', data: digits });
    await h.core.handle({ type: 'setup', generation: 1, config, seed: 3, live: undefined });
    return { ...h, baseline, view: () => h.of('snapshot').findLast((m) => m.view)?.view as RandomLabelsView | undefined };
  }

  it('measures both networks at the start and after each epoch, and frees everything on dispose', async () => {
    const h = await started(CONFIG);
    expect(h.of('built')[0].maxSteps).toBe(150 * 2);
    expect(h.view()!.history).toHaveLength(1);
    expect(h.view()!.history[0].epoch).toBe(0);
    for (let i = 0; i < 2; i++) await h.core.handle({ type: 'step' });
    const v = h.view()!;
    expect(v.history.map((p) => p.epoch)).toEqual([0, 1]);
    expect(v.images).toBe(64);
    expect(v.wrong).toBe(corruptLabels(Array.from(digits.train.labels.subarray(0, 64)), 1, 3).wrongCount);
    for (const p of v.history) for (const a of [...p.train, ...p.test]) expect(a >= 0 && a <= 1).toBe(true);
    await h.core.handle({ type: 'reset' });
    expect(h.lastSnapshot().snapshot.step).toBe(0);
    await h.core.handle({ type: 'dispose' });
    expect(h.of('disposed')[0].tensors).toBe(h.baseline);
  });

  it('a rate far too large diverges as a state, with no number that is not finite on the way', async () => {
    const h = await started({ ...CONFIG, learningRate: 1e6 });
    await h.trainTo(60);
    const snap = h.lastSnapshot().snapshot;
    expect(snap.state).toBe('diverged');
    for (const p of h.view()!.history) for (const a of [...p.train, ...p.test]) expect(Number.isFinite(a)).toBe(true);
    await h.core.handle({ type: 'dispose' });
    expect(h.of('disposed')[0].tensors).toBe(h.baseline);
  });
});

describe('the figure’s link', () => {
  it('starts with every label redrawn, 1,000 images, 256 hidden units, Adam at 0.001, seed 1', () => {
    expect(initialState(randomLabelsSchema, {}).state).toEqual({ fraction: 100, images: '1000', hidden: '256', learningRate: 0.001, seed: 1 });
    expect(initialState(randomLabelsSchema, { fraction: 250 }).state.fraction).toBe(100);
  });
});
