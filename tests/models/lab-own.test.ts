// The reader's own points as a data set: the task and classes read from the labels, points moved
// onto the plane or dropped when unusable, a split with a point on each side, and the sentence
// shown when there is not yet anything to train on.
import { describe, expect, it } from 'vitest';
import { makeLabData, MIN_OWN_POINTS, ownClasses, ownDataProblem, ownTask, setClasses, setTask, type LabDataSpec } from '../../src/models/lab/data.ts';
import type { LabPoint } from '../../src/models/lab/spec.ts';
import { labDataStrings } from '../../src/models/lab/strings.ts';

const own = (points: LabPoint[], over: Partial<LabDataSpec> = {}) =>
  makeLabData({ set: 'own', classes: 3, noise: 0.5, trainFraction: 0.5, seed: 1, points, ...over });
const at = (y: number, x1 = 0, x2 = 0): LabPoint => ({ x1, x2, y });
const labels = (...ys: number[]) => ys.map((y, i) => at(y, i - 2, 1));

describe('own points', () => {
  it('class indices 0…4 make a classification with the largest label + 1 classes, at least 2', () => {
    expect([ownTask(labels(0, 1, 0)), ownClasses(labels(0, 1, 0))]).toEqual(['classification', 2]);
    expect([ownTask(labels(0, 0, 0)), ownClasses(labels(0, 0, 0))]).toEqual(['classification', 2]);
    expect(ownClasses(labels(0, 3))).toBe(4);
    expect(ownClasses(labels(4, 1, 2))).toBe(5);
    const d = own(labels(2, 0, 1, 2, 0));
    expect([d.task, d.classes, d.oneDimensional]).toEqual(['classification', 3, false]);
    expect([setTask('own', labels(2, 0)), setClasses('own', 5, labels(2, 0))]).toEqual(['classification', 3]);
  });

  it('any other label makes a regression: a fraction, a negative number, 5 or more', () => {
    for (const ys of [
      [0, 1, 0.5],
      [1, -1, 1],
      [0, 5, 1],
    ]) {
      expect([ownTask(labels(...ys)), ownClasses(labels(...ys))]).toEqual(['regression', 1]);
      const d = own(labels(...ys));
      expect([d.task, d.classes]).toEqual(['regression', 1]);
      expect([...d.train, ...d.test].map((p) => p.y).sort()).toEqual([...ys].sort());
    }
  });

  it('no points at all is a data set with nothing in it, and a sentence saying to add some', () => {
    const d = own([]);
    expect(d).toEqual({ task: 'classification', classes: 2, train: [], test: [], oneDimensional: false });
    expect(makeLabData({ set: 'own', classes: 2, noise: 0, trainFraction: 0.5, seed: 1 })).toEqual(d);
    expect(ownDataProblem([])).toBe('Add at least 4 points to train on: there are none yet.');
  });

  it('fewer than four points: a sentence with the count; four of two classes: no problem', () => {
    expect(MIN_OWN_POINTS).toBe(4);
    expect(ownDataProblem(labels(1))).toBe('Add at least 4 points to train on: there is 1 so far.');
    expect(ownDataProblem(labels(0, 1, 1))).toBe('Add at least 4 points to train on: there are 3 so far.');
    expect(ownDataProblem(labels(0, 1, 1, 0))).toBeNull();
    expect(ownDataProblem(labels(0.5, 1.5, 2, 7))).toBeNull();
  });

  it('points all of one class: a sentence asking for another class (a regression may have one value)', () => {
    expect(ownDataProblem(labels(1, 1, 1, 1, 1))).toBe(labDataStrings.ownOneClass);
    expect(labDataStrings.ownOneClass).toMatch(/same class/);
    expect(ownDataProblem(labels(7, 7, 7, 7))).toBeNull();
  });

  it('one point trains and tests on nothing else; two or more have a point on each side', () => {
    expect([own(labels(1)).train.length, own(labels(1)).test.length]).toEqual([1, 0]);
    for (const trainFraction of [0.1, 0.5, 0.9]) {
      const two = own(labels(0, 1), { trainFraction });
      expect([two.train.length, two.test.length]).toEqual([1, 1]);
    }
    expect(own(labels(0, 1, 0, 1), { trainFraction: 0.9 }).train).toHaveLength(3);
    expect(own(labels(0, 1, 0, 1), { trainFraction: 0.1 }).train).toHaveLength(1);
  });

  it('moves points off the plane onto its edge, drops points with a number that is not finite, ignores count and noise', () => {
    const points = [at(0, 9, -2), at(1, -1, -40), at(0, NaN, 1), at(1, 2, Infinity), at(NaN, 1, 1), at(1, 3, 3)];
    const d = own(points, { count: 50, noise: 1, trainFraction: 0.5 });
    const kept = [...d.train, ...d.test].sort((a, b) => a.x1 - b.x1);
    expect(kept).toEqual([at(1, -1, -6), at(1, 3, 3), at(0, 6, -2)]);
    expect(ownDataProblem(points)).toBe('Add at least 4 points to train on: there are 3 so far.');
    // The reader's array is left as it was.
    expect(points[0]).toEqual(at(0, 9, -2));
  });
});
