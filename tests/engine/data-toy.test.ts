import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  batches,
  BatchSampler,
  CharVocab,
  charBatch,
  classificationSets,
  gridPoints,
  oneHotIds,
  regressionSets,
  slidingWindows,
  stripHeader,
  sumOfSines,
  toTensors,
  toyDataset,
  trainTestSplit,
  windowsToTensors,
  type ToySetName,
} from '../../src/engine/data';
import { Random } from '../../src/engine/random';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('toy 2-D data sets', () => {
  const all: ToySetName[] = [...classificationSets, ...regressionSets];

  it.each(all)('%s: same seed, same points; another seed, other points', (name) => {
    const a = toyDataset(name, { n: 100, noise: 0.3, seed: 7 });
    const b = toyDataset(name, { n: 100, noise: 0.3, seed: 7 });
    const c = toyDataset(name, { n: 100, noise: 0.3, seed: 8 });
    expect(a).toEqual(b);
    expect(a.x).not.toEqual(c.x);
    expect(a.x).toHaveLength(100);
    expect(a.y).toHaveLength(100);
    for (const p of a.x) {
      expect(p).toHaveLength(2);
      expect(p.every(Number.isFinite)).toBe(true);
    }
  });

  it.each(classificationSets)('%s: labels are 0 and 1, balanced, points within [-9, 9]', (name) => {
    const d = toyDataset(name, { n: 200, noise: 0.5, seed: 3 });
    expect(new Set(d.y)).toEqual(new Set([0, 1]));
    expect(d.y.filter((v) => v === 1).length).toBe(100);
    for (const p of d.x) for (const v of p) expect(Math.abs(v)).toBeLessThan(9);
  });

  it('clean sets follow their rule: circle by radius, xor by quadrant', () => {
    const circle = toyDataset('circle', { n: 300, seed: 1 });
    circle.x.forEach((p, i) => {
      const r = Math.hypot(p[0], p[1]);
      expect(circle.y[i] === 1 ? r <= 2.5 : r >= 3.5).toBe(true);
    });
    const xor = toyDataset('xor', { n: 300, seed: 1 });
    xor.x.forEach((p, i) => expect(xor.y[i]).toBe(p[0] * p[1] > 0 ? 1 : 0));
  });

  it('regression targets: the plane is exact without noise, the bumps stay in [-1, 1]', () => {
    const plane = toyDataset('plane', { n: 50, seed: 2 });
    plane.x.forEach((p, i) => expect(plane.y[i]).toBeCloseTo((p[0] + 2 * p[1]) / 10, 12));
    const bumps = toyDataset('bumps', { n: 200, seed: 2 });
    for (const v of bumps.y) expect(Math.abs(v)).toBeLessThanOrEqual(1);
    expect(Math.max(...bumps.y)).toBeGreaterThan(0.3);
    expect(Math.min(...bumps.y)).toBeLessThan(-0.3);
  });

  it('noise blurs a class boundary: some noisy circle points cross it', () => {
    const d = toyDataset('circle', { n: 400, noise: 0.6, seed: 5 });
    const crossed = d.x.filter((p, i) => (d.y[i] === 1 ? Math.hypot(p[0], p[1]) > 3 : Math.hypot(p[0], p[1]) < 3)).length;
    expect(crossed).toBeGreaterThan(5);
  });

  it('rejects bad options with the set name', () => {
    expect(() => toyDataset('spiral', { noise: 2 })).toThrow(/spiral.*noise/);
    expect(() => toyDataset('moons', { n: 1 })).toThrow(/moons.*n must/);
  });

  it('train/test split: disjoint, complete, seeded', () => {
    const d = toyDataset('moons', { n: 101, seed: 4 });
    const s = trainTestSplit(d, 0.3, 9);
    expect(s.test.x.length).toBe(30);
    expect(s.train.x.length).toBe(71);
    const key = (p: number[]) => p.join(',');
    const trainKeys = new Set(s.train.x.map(key));
    for (const p of s.test.x) expect(trainKeys.has(key(p))).toBe(false);
    expect(new Set([...s.train.x, ...s.test.x].map(key))).toEqual(new Set(d.x.map(key)));
    expect(trainTestSplit(d, 0.3, 9)).toEqual(s);
  });

  it('tensors: x [n, 2] and y [n, 1] with the same numbers, no tensor left behind', () => {
    const before = tf.memory().numTensors;
    const d = toyDataset('gaussians', { n: 6, seed: 1 });
    const t = toTensors(d);
    expect(t.x.shape).toEqual([6, 2]);
    expect(t.y.shape).toEqual([6, 1]);
    expect(Array.from(t.x.data())).toEqual(Array.from(Float32Array.from(d.x.flat())));
    expect(Array.from(t.y.data())).toEqual(d.y);
    t.x.dispose();
    t.y.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('grid points run row by row from the top-left corner', () => {
    const g = gridPoints(3, -1, 1);
    expect(g).toEqual([[-1, 1], [0, 1], [1, 1], [-1, 0], [0, 0], [1, 0], [-1, -1], [0, -1], [1, -1]]);
  });
});

describe('mini-batches', () => {
  it('one epoch covers every index once, shuffled by the seed', () => {
    const b = batches(10, 4, new Random(1));
    expect(b.map((x) => x.length)).toEqual([4, 4, 2]);
    expect(b.flat().sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(batches(10, 4, new Random(1))).toEqual(b);
    expect(batches(10, 4, new Random(2))).not.toEqual(b);
    expect(batches(10, 4, new Random(1), true).map((x) => x.length)).toEqual([4, 4]);
  });

  it('the sampler reshuffles each epoch and counts epochs', () => {
    const s = new BatchSampler(6, 3, new Random(3));
    const first = [s.next(), s.next()];
    expect(s.epoch).toBe(0);
    const second = [s.next(), s.next()];
    expect(s.epoch).toBe(1);
    expect(first.flat().sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(second.flat().sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(second).not.toEqual(first);
  });
});

describe('sequences', () => {
  it('a sum of sines has the value of its formula', () => {
    const s = sumOfSines([{ frequency: 0.5 }, { frequency: 2, amplitude: 0.5, phase: 1 }], { length: 20, dt: 0.1 });
    s.forEach((v, i) => {
      const t = i * 0.1;
      expect(v).toBeCloseTo(Math.sin(Math.PI * t) + 0.5 * Math.sin(4 * Math.PI * t + 1), 12);
    });
  });

  it('noise is seeded and has about the requested spread', () => {
    const clean = sumOfSines([{ frequency: 1 }], { length: 2000 });
    const noisy = sumOfSines([{ frequency: 1 }], { length: 2000, noise: 0.2, seed: 5 });
    expect(sumOfSines([{ frequency: 1 }], { length: 2000, noise: 0.2, seed: 5 })).toEqual(noisy);
    const diffs = noisy.map((v, i) => v - clean[i]);
    const std = Math.sqrt(diffs.reduce((s, d) => s + d * d, 0) / diffs.length);
    expect(std).toBeGreaterThan(0.18);
    expect(std).toBeLessThan(0.22);
  });

  it('windows predict the value after each window', () => {
    const w = slidingWindows([0, 1, 2, 3, 4, 5], 3);
    expect(w.x).toEqual([[0, 1, 2], [1, 2, 3], [2, 3, 4]]);
    expect(w.y).toEqual([3, 4, 5]);
    expect(slidingWindows([0, 1, 2, 3, 4, 5], 3, 2).y).toEqual([4, 5]);
    expect(() => slidingWindows([1, 2], 3)).toThrow(/too short/);
    const t = windowsToTensors(w, [2, 0]);
    expect(t.x.shape).toEqual([2, 3, 1]);
    expect(Array.from(t.x.data())).toEqual([2, 3, 4, 0, 1, 2]);
    expect(Array.from(t.y.data())).toEqual([5, 3]);
    t.x.dispose();
    t.y.dispose();
  });
});

describe('characters', () => {
  it('the vocabulary round-trips and is sorted', () => {
    const v = new CharVocab('hello, world\n');
    expect(v.chars).toEqual(['\n', ' ', ',', 'd', 'e', 'h', 'l', 'o', 'r', 'w']);
    expect(v.decode(v.encode('hello'))).toBe('hello');
    expect(() => v.encode('z')).toThrow(/"z" is not in the vocabulary/);
    expect(() => v.decode([10])).toThrow(/no character with id 10/);
  });

  it('the header is stripped; batches are shifted by one character', () => {
    expect(stripHeader('# Title\n# Source\n\nFirst line\nSecond')).toBe('First line\nSecond');
    const ids = Array.from({ length: 50 }, (_, i) => i);
    const b = charBatch(ids, 5, 3, new Random(2));
    expect(b.inputs).toHaveLength(3);
    b.inputs.forEach((row, i) => {
      expect(row).toHaveLength(5);
      expect(b.targets[i]).toEqual(row.map((x) => x + 1));
    });
    const oh = oneHotIds([2, 0], 3);
    expect(Array.from(oh.data())).toEqual([0, 0, 1, 1, 0, 0]);
    oh.dispose();
  });
});
