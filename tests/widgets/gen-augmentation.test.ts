// The augmentation figure's logic in Node (CPU backend): each augmentation on hand-made images
// whose answer is known (a pixel moved, turned a quarter or mirrored lands where the geometry puts
// it; noise is seeded and clamped), the pair of networks (same initial weights, same batches, the
// only difference the augmentation), the training job's measurements with no tensor left behind
// and no test digit ever trained on or augmented, and the figure's link schema.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { initialState } from '../../src/book/urlState.ts';
import { data, initEngine, liveTensorCount, noGrad, Random, softmax, tidy, type TrainingSnapshot } from '../../src/engine/index.ts';
import { ensureMnist } from '../../src/build/mnist.ts';
import { addNoise, applyDraw, augment, augmentedCopies, drawAugmentation, flipHorizontal, NO_AUGMENTATION, rotateImage, safeSettings, shiftImage, SIDE } from '../../src/models/generalisation/augmentation/augment.ts';
import { augmentationJob, TEST_DIGITS, type AugmentationEvent } from '../../src/models/generalisation/augmentation/augmentationJob.ts';
import { AugmentedPair, PAIR_DEFAULTS } from '../../src/models/generalisation/augmentation/augmentedPair.ts';
import { augmentationEffect, CHAPTER_SETTING, CHAPTER_SHIFT } from '../../src/models/generalisation/augmentation/effect.ts';
import { augmentationLabSchema } from '../../src/widgets/AugmentationLab/AugmentationLab.tsx';
import { generalisationWidgets } from '../../src/widgets/registry/generalisation.ts';
import { workerJob } from '../../src/widgets/workers/jobs.ts';

const N = SIDE * SIDE;
/** An image with ones at the given (row, col) pixels. */
function pixels(...at: [number, number][]): Float32Array {
  const img = new Float32Array(N);
  for (const [r, c] of at) img[r * SIDE + c] = 1;
  return img;
}
/** The (row, col) of every pixel above `min`. */
const lit = (img: ArrayLike<number>, min = 1e-6) => Array.from(img, (v, i) => [v, i] as const).filter(([v]) => v > min).map(([, i]) => [Math.floor(i / SIDE), i % SIDE]);
const randomImage = (seed: number) => new Random(seed).uniformArray(N);

describe('the augmentations on hand-made images', () => {
  it('a whole-pixel shift moves a pixel exactly, and what leaves the frame is lost', () => {
    expect(lit(shiftImage(pixels([10, 5]), 3, -2))).toEqual([[8, 8]]);
    expect(lit(shiftImage(pixels([0, 27]), 1, 0))).toEqual([]);
    const img = randomImage(1);
    const moved = shiftImage(img, -4, 6);
    for (let r = 0; r < SIDE; r++)
      for (let c = 0; c < SIDE; c++) {
        const sr = r - 6;
        const sc = c + 4;
        expect(moved[r * SIDE + c]).toBe(sr < 0 || sc >= SIDE ? 0 : img[sr * SIDE + sc]);
      }
  });

  it('half a pixel splits the ink evenly between two neighbours', () => {
    const out = shiftImage(pixels([12, 12]), 0.5, 0);
    expect(lit(out)).toEqual([
      [12, 12],
      [12, 13],
    ]);
    expect(out[12 * SIDE + 12]).toBeCloseTo(0.5, 6);
    expect(out[12 * SIDE + 13]).toBeCloseTo(0.5, 6);
  });

  it('rotation by 0 is the identity; by 90° anticlockwise (r, c) goes to (27 − c, r)', () => {
    const img = randomImage(2);
    expect(Array.from(rotateImage(img, 0))).toEqual(Array.from(img));
    // Screen coordinates about the centre 13.5: (x, y) → (−y, x) for a quarter turn anticlockwise.
    const out = rotateImage(pixels([3, 20]), 90);
    expect(out[7 * SIDE + 3]).toBeCloseTo(1, 5);
    expect(out.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    // The top-right corner goes to the top-left.
    expect(rotateImage(pixels([0, 27]), 90)[0]).toBeCloseTo(1, 5);
    // Four quarter turns, and a half turn against both mirrors.
    let back: Float32Array = img;
    for (let k = 0; k < 4; k++) back = rotateImage(back, 90);
    back.forEach((v, i) => expect(v).toBeCloseTo(img[i], 4));
    const half = rotateImage(img, 180);
    for (let r = 0; r < SIDE; r++) for (let c = 0; c < SIDE; c++) expect(half[r * SIDE + c]).toBeCloseTo(img[(27 - r) * SIDE + (27 - c)], 4);
  });

  it('a small rotation keeps the ink near where it was and the centre pixel still', () => {
    const centre = pixels([13, 13], [13, 14], [14, 13], [14, 14]);
    const out = rotateImage(centre, 10);
    const mass = (img: ArrayLike<number>) => Array.from(img).reduce((a, b) => a + b, 0);
    expect(mass(out)).toBeCloseTo(mass(centre), 1);
    expect(Math.min(...lit(out, 0.05).flat())).toBeGreaterThanOrEqual(12);
  });

  it('the flip mirrors exactly, and twice is the identity', () => {
    const img = randomImage(3);
    const f = flipHorizontal(img);
    for (let r = 0; r < SIDE; r++) for (let c = 0; c < SIDE; c++) expect(f[r * SIDE + c]).toBe(img[r * SIDE + 27 - c]);
    expect(Array.from(flipHorizontal(f))).toEqual(Array.from(img));
  });

  it('noise is seeded, has the asked spread, and stays within [0, 1]', () => {
    const grey = new Float32Array(N).fill(0.5);
    const a = addNoise(grey, 0.1, new Random(7));
    expect(Array.from(addNoise(grey, 0.1, new Random(7)))).toEqual(Array.from(a));
    expect(Array.from(addNoise(grey, 0.1, new Random(8)))).not.toEqual(Array.from(a));
    const d = Array.from(a, (v) => v - 0.5);
    const mean = d.reduce((s, v) => s + v, 0) / N;
    const sd = Math.sqrt(d.reduce((s, v) => s + (v - mean) ** 2, 0) / (N - 1));
    expect(Math.abs(mean)).toBeLessThan(0.015);
    expect(sd).toBeGreaterThan(0.09);
    expect(sd).toBeLessThan(0.11);
    const harsh = addNoise(pixels([1, 1], [2, 2]), 0.5, new Random(1));
    expect(Math.min(...harsh)).toBe(0);
    expect(Math.max(...harsh)).toBe(1);
    expect(harsh.every((v) => v >= 0 && v <= 1)).toBe(true);
  });

  it('draws stay within the settings, reach both ends, and shifts are whole pixels', () => {
    const rng = new Random(4);
    const seen = new Set<number>();
    for (let i = 0; i < 400; i++) {
      const d = drawAugmentation({ shift: 2, rotation: 15, noise: 0, flip: false }, rng);
      for (const v of [d.dx, d.dy]) {
        expect(Number.isInteger(v) && Math.abs(v) <= 2).toBe(true);
        seen.add(v);
      }
      expect(Math.abs(d.degrees)).toBeLessThanOrEqual(15);
      expect(d.flipped).toBe(false);
    }
    expect([...seen].sort()).toEqual([-1, -2, 0, 1, 2]);
    const flips = Array.from({ length: 400 }, () => drawAugmentation({ ...NO_AUGMENTATION, flip: true }, rng).flipped).filter(Boolean).length;
    expect(flips).toBeGreaterThan(160);
    expect(flips).toBeLessThan(240);
  });

  it('no augmentation gives back the image as it is; a draw composes flip, turn and shift', () => {
    const img = randomImage(5);
    const same = augment(img, NO_AUGMENTATION, new Random(1));
    expect(same).not.toBe(img);
    expect(Array.from(same)).toEqual(Array.from(img));
    const composed = applyDraw(img, { dx: 1, dy: 2, degrees: 90, flipped: true });
    const byHand = shiftImage(rotateImage(flipHorizontal(img), 90), 1, 2);
    composed.forEach((v, i) => expect(v).toBeCloseTo(byHand[i], 6));
  });

  it('the same seed draws the same copies; settings out of range are clamped, not numbers made 0', () => {
    const img = randomImage(6);
    const s = { shift: 2, rotation: 20, noise: 0.2, flip: true };
    const a = augmentedCopies(img, s, 8, 3);
    const b = augmentedCopies(img, s, 8, 3);
    expect(a.map((c) => Array.from(c.image))).toEqual(b.map((c) => Array.from(c.image)));
    expect(a.map((c) => Array.from(c.image))).not.toEqual(augmentedCopies(img, s, 8, 4).map((c) => Array.from(c.image)));
    expect(safeSettings({ shift: Number.NaN, rotation: 1e9, noise: -1, flip: true })).toEqual({ shift: 0, rotation: 180, noise: 0, flip: true });
    const wild = augment(img, { shift: Infinity, rotation: Number.NaN, noise: 99, flip: false }, new Random(1));
    expect(wild.every((v) => Number.isFinite(v) && v >= 0 && v <= 1)).toBe(true);
  });
});

describe('two networks trained side by side', () => {
  let mnist: data.Mnist;
  const pairSpec = { trainSize: 100, model: 'mlp' as const, hidden: 16, testDigits: 200, ...PAIR_DEFAULTS };

  beforeAll(async () => {
    await initEngine({ prefer: 'cpu' });
    const dir = resolve(import.meta.dirname, '..', '..', 'public', 'data');
    ensureMnist(dir);
    mnist = await data.loadMnist(async (f) => {
      const b = readFileSync(resolve(dir, f));
      return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
    });
  }, 60_000);

  it('start from the same weights, see every digit once an epoch, and differ only by the augmentation', () => {
    const base = liveTensorCount();
    const same = new AugmentedPair(mnist.train, mnist.test, { ...pairSpec, settings: NO_AUGMENTATION }, 1);
    const state = (k: number) => Object.values(same.models[k].stateDict()).map((t) => Array.from(t.values));
    expect(state(1)).toEqual(state(0));
    const batches: number[][] = [];
    for (let i = 0; i < same.stepsPerEpoch; i++) {
      batches.push(same.nextBatch());
      same.steps++;
    }
    expect(batches.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    // With nothing to augment, the two see identical batches and stay identical.
    for (let i = 0; i < 3; i++) tidy(() => void same.step());
    expect(state(1)).toEqual(state(0));
    same.dispose();
    // The batch order does not depend on how many numbers augmentation draws.
    const [p, q] = [NO_AUGMENTATION, { shift: 2, rotation: 15, noise: 0.1, flip: true }].map((settings) => new AugmentedPair(mnist.train, mnist.test, { ...pairSpec, settings }, 3));
    const orders = [p, q].map((pair) => Array.from({ length: 6 }, () => {
      const b = pair.nextBatch();
      tidy(() => void pair.step());
      return b;
    }));
    expect(orders[1]).toEqual(orders[0]);
    p.dispose();
    q.dispose();
    expect(liveTensorCount()).toBe(base);
  });

  it('no test digit is a training digit, and the test digits are measured as they are', () => {
    const pair = new AugmentedPair(mnist.train, mnist.test, { ...pairSpec, settings: { shift: 3, rotation: 30, noise: 0.3, flip: true } }, 2);
    const key = (split: data.MnistSplit, i: number) => split.pixels.subarray(i * N, (i + 1) * N).join(',');
    const train = new Set(Array.from({ length: pair.train.count }, (_, i) => key(pair.train, i)));
    for (let i = 0; i < pair.test.count; i++) expect(train.has(key(pair.test, i))).toBe(false);
    expect(pair.test.count).toBe(200);
    for (let i = 0; i < 3; i++) tidy(() => void pair.step());
    // The job's measurement of the augmented network against a forward pass on the raw test digits.
    const measured = pair.evaluations(1).test.advance(1000)!.accuracy;
    const indices = Array.from({ length: 200 }, (_, i) => i);
    const probs = tidy(() => noGrad(() => softmax(pair.models[1].forward(mnist.test.batch(indices).x), 1).data()));
    const right = indices.filter((i) => {
      const row = Array.from(probs.slice(i * 10, i * 10 + 10));
      return row.indexOf(Math.max(...row)) === mnist.test.labels[i];
    }).length;
    expect(measured).toBe(right / 200);
    pair.dispose();
  });

  it('the job measures both before the first step and after each epoch, the same seed the same run, leaving no tensor', () => {
    const digits = { train: mnist.train, test: mnist.test };
    const run = () => {
      const events: AugmentationEvent[] = [];
      let queue: (() => void)[] = [];
      const drain = () => {
        while (queue.length) {
          const next = queue;
          queue = [];
          next.forEach((f) => f());
        }
      };
      const built = augmentationJob.build(
        { trainSize: 100, model: 'mlp', settings: { shift: 2, rotation: 10, noise: 0, flip: false }, epochs: 1 },
        { seed: 5, live: undefined, data: digits, emit: (e) => events.push(e), schedule: (f) => (queue.push(f), () => (queue = queue.filter((g) => g !== f))) },
      );
      expect(built.busy!()).toBe(true);
      drain();
      expect(built.busy!()).toBe(false);
      const steps = built.stepLimit!();
      expect(steps).toBe(Math.ceil(100 / PAIR_DEFAULTS.batchSize));
      const losses: number[] = [];
      for (let i = 0; i < steps; i++) losses.push(...tidy(() => Object.values(built.step(i)).map((t) => t.item())));
      built.onFrame!({ state: 'paused' } as TrainingSnapshot);
      drain();
      built.dispose();
      return { events, losses };
    };
    const base = liveTensorCount();
    const a = run();
    expect(liveTensorCount()).toBe(base);
    const history = a.events.at(-1)!.history;
    expect(history.map((p) => p.epoch)).toEqual([0, 1]);
    // Same initial weights: the same accuracy before the first step, on all TEST_DIGITS digits.
    expect(history[0].test[0]).toBe(history[0].test[1]);
    expect(history[0].train[0]).toBe(history[0].train[1]);
    expect(TEST_DIGITS).toBe(1000);
    for (const p of history) for (const v of [...p.test, ...p.train]) expect(v >= 0 && v <= 1).toBe(true);
    expect(a.losses.every(Number.isFinite)).toBe(true);
    expect(run()).toEqual(a);
  });

  it('the chapter’s function is seeded and returns two accuracies (at a tiny setting)', () => {
    const tiny = { ...CHAPTER_SETTING, hidden: 8, epochs: 1, testDigits: 100 };
    const a = augmentationEffect(mnist, CHAPTER_SHIFT, 1, tiny);
    expect(augmentationEffect(mnist, CHAPTER_SHIFT, 1, tiny)).toEqual(a);
    for (const v of [a.plain, a.augmented]) expect(v >= 0 && v <= 1 && Math.round(v * 100) === v * 100).toBe(true);
  });
});

describe('the figure’s link schema', () => {
  it('starts at a shift of ±2 px and ±15° on 300 digits with the MLP for 40 epochs', () => {
    expect(initialState(augmentationLabSchema, {}).state).toEqual({ shift: 2, rotation: 15, noise: 0, flip: false, trainSize: 300, model: 'mlp', epochs: 40, seed: 1, digit: 1, draw: 1 });
    expect(initialState(augmentationLabSchema, { shift: 40, rotation: -5 }).state).toMatchObject({ shift: 6, rotation: 0 });
  });

  it('the registry names the figure and the worker knows its job', () => {
    expect(Object.keys(generalisationWidgets)).toContain('AugmentationLab');
    expect(workerJob('augmentation')).toBe(augmentationJob);
  });
});
