// The worked numbers of the chapter on generalisation, recomputed without the engine where they
// have a closed form (label smoothing's targets, gap and floor; one step of weight decay and of
// soft-thresholding; the exercises), and held to what the text says of them where they come from
// training (the Lab's overfitting run and its remedies; the figures' own measures).
import { beforeAll, describe, expect, it } from 'vitest';
import { computeWorkedValues, type ComputedValue } from '../../src/worked/index.ts';
import { EXERCISE_LOSSES } from '../../src/worked/generalisation.ts';

let table: Map<string, ComputedValue>;
beforeAll(async () => {
  table = await computeWorkedValues('generalisation');
});
const worked = (key: string) => table.get(`generalisation.${key}`)!.value;

describe('the chapter on generalisation: worked numbers', () => {
  it('the Lab’s overfitting network: 50 points, 177 parameters; the test loss turns up while the training loss falls', () => {
    // 10% of 500 points; layers 2→8→8→8→1: (2·8 + 8) + 2·(8·8 + 8) + (8 + 1).
    expect(worked('overfitPoints')).toBe(Math.round(0.1 * 500));
    expect(worked('overfitParams')).toBe(2 * 8 + 8 + 2 * (8 * 8 + 8) + 8 + 1);
    expect(worked('overfitLateTrain')).toBeLessThan(worked('overfitEarlyTrain'));
    expect(worked('overfitLateTest')).toBeGreaterThan(2 * worked('overfitEarlyTest'));
  });

  it('L2 keeps the training loss higher and the test loss lower; early stopping stops patience epochs after its best', () => {
    expect(worked('l2LateTrain')).toBeGreaterThan(worked('overfitLateTrain'));
    expect(worked('l2LateTest')).toBeLessThan(worked('overfitLateTest') / 3);
    expect(worked('l2LateAccuracy')).toBeGreaterThan(worked('overfitLateAccuracy'));
    expect(worked('esStopEpoch')).toBe(worked('esBestEpoch') + worked('esPatience'));
    // 40 points trained on, in batches of 10: four steps an epoch.
    expect(worked('esSteps')).toBe(4 * worked('esStopEpoch'));
    expect(worked('esTest')).toBeLessThan(worked('overfitLateTest'));
    // The text: early stopping recovers the loss but not the accuracy (it trains on ten fewer points).
    expect(worked('esAccuracy')).toBeLessThan(worked('overfitLateAccuracy'));
  });

  it('the capacity figure: a U for the polynomials, a second descent past the threshold for the ReLU features', () => {
    expect(worked('polyTest3')).toBeLessThan(worked('polyTest1'));
    expect(worked('polyTest11')).toBeGreaterThan(100 * worked('polyTest3'));
    expect(worked('polyTrain11Exp')).toBeLessThanOrEqual(-8);
    // Validation and cross-validation choose near the true best without seeing the test points.
    expect(Math.abs(worked('polyByValidation') - worked('polyByTest'))).toBeLessThanOrEqual(2);
    expect(Math.abs(worked('polyByCv') - worked('polyByTest'))).toBeLessThanOrEqual(2);
    expect(worked('reluPeakWidth')).toBe(worked('capN'));
    expect(worked('reluNarrowWidth')).toBeLessThan(worked('capN'));
    expect(worked('reluPeakTest')).toBeGreaterThan(100 * worked('reluWidestTest'));
    // "close to the best narrow model"
    expect(worked('reluWidestTest')).toBeLessThan(1.25 * worked('reluNarrowTest'));
    expect(worked('reluRidgePeak')).toBeLessThan(worked('reluPeakTest') / 100);
    expect(worked('polyRidge11')).toBeLessThan(worked('polyTest11') / 100);
  });

  it('the weight-penalty figure: only soft-thresholding makes weights exactly zero; L2 halves their size', () => {
    expect(worked('wpTotal')).toBe(8 * 16 + 16 * 16 + 16);
    expect(worked('wpL2Zeros')).toBe(0);
    expect(worked('wpProxZeros')).toBeGreaterThan(0.9 * worked('wpTotal'));
    expect(worked('wpSubZeros')).toBeLessThanOrEqual(2);
    expect(worked('wpL2L1')).toBeLessThan(0.6 * worked('wpNoneL1'));
    expect(worked('wpProxNoiseOff')).toBeGreaterThanOrEqual(1);
    expect(worked('wpL2Test')).toBeLessThan(worked('wpNoneTest'));
    expect(worked('wpProxTest')).toBeLessThan(worked('wpNoneTest'));
    // "does not change much"
    expect(Math.abs(worked('wpProxAccuracy') - worked('wpNoneAccuracy'))).toBeLessThan(3);
  });

  it('random labels: both networks fit their training labels; only the true labels carry over to the test digits', () => {
    expect(worked('rlTrueTrain')).toBeGreaterThanOrEqual(95);
    expect(worked('rlRandomTrain')).toBeGreaterThanOrEqual(95);
    expect(worked('rlTrueTest')).toBeGreaterThan(70);
    // Chance on ten classes, within sampling error on a few hundred digits.
    expect(Math.abs(worked('rlRandomTest') - 10)).toBeLessThan(5);
    // About nine redrawn labels in ten differ from the true one.
    expect(Math.abs(worked('rlWrong') - 0.9 * worked('rlImages'))).toBeLessThan(4 * Math.sqrt(0.09 * worked('rlImages')));
  });

  it('augmentation on 100 digits: a one-pixel shift helps, a mirror (at this seed) hurts', () => {
    expect(worked('augShifted')).toBeGreaterThan(worked('augPlain') + 1);
    expect(worked('augFlipped')).toBeLessThan(worked('augPlain'));
    expect(worked('augPlain')).toBeGreaterThan(50);
  });

  it('the dropout figure: the scaled mean is the inference value, the unscaled one (1 − p) of it; the logit average closes in and levels off', () => {
    expect(Math.abs(worked('dropMeanScaled') - worked('dropA'))).toBeLessThan(0.05 * Math.abs(worked('dropA')));
    expect(worked('dropMeanUnscaled')).toBeCloseTo((1 - worked('dropP')) * worked('dropMeanScaled'), 6);
    expect(worked('dropGap10')).toBeLessThan(worked('dropGap1') / 3);
    expect(worked('dropGap100')).toBeLessThan(worked('dropGap10'));
    // Levels off: a hundred networks gain far less over ten than ten over one.
    expect(worked('dropGap10') - worked('dropGap100')).toBeLessThan((worked('dropGap1') - worked('dropGap10')) / 10);
    expect(worked('dropProbGap100')).toBeGreaterThan(worked('dropProbGap1'));
  });

  it('the early-stopping figure: stops patience epochs after the best; the end is over three times worse on the test grid', () => {
    expect(worked('esfStop')).toBe(worked('esfBest') + 30);
    expect(worked('esfEndVal')).toBeGreaterThan(worked('esfBestVal'));
    expect(worked('esfEndTest')).toBeGreaterThan(3 * worked('esfBestTest'));
    expect(worked('esfStop5')).toBe(worked('esfBest5') + 5);
    expect(worked('esfStop5')).toBeLessThan(worked('esfBest'));
    expect(worked('esfStop300')).toBe(worked('esfBest') + 300);
    expect(worked('esfStop300')).toBeLessThanOrEqual(worked('esfEpochs'));
  });

  it('label smoothing, K = 10 and ε = 0.1: targets, the logit gap and the loss at its best', () => {
    const right = 1 - 0.1 + 0.1 / 10;
    const other = 0.1 / 10;
    expect(worked('lsRight')).toBeCloseTo(right, 6);
    expect(worked('lsOther')).toBeCloseTo(other, 6);
    expect(worked('lsGap')).toBeCloseTo(Math.log(right / other), 4);
    // At its best the loss is the entropy of the smoothed targets.
    expect(worked('lsFloor')).toBeCloseTo(-(right * Math.log(right) + 9 * other * Math.log(other)), 4);
  });

  it('the exercises’ closed forms', () => {
    expect(worked('ex1')).toBeCloseTo(2 - 0.1 * (0.5 + 0.01 * 2), 5);
    expect(worked('ex2a')).toBeCloseTo(0.25, 6);
    expect(worked('ex2b')).toBe(0);
    expect(worked('ex3')).toBeCloseTo(1.25, 9);
    expect(worked('ex4')).toBeCloseTo(1 - 0.2 + 0.2 / 5, 9);
    expect(worked('ex6')).toBeCloseTo(0.5 ** 2 / 2 ** 2, 6);
    expect([worked('ex7'), worked('ex7Points')]).toEqual([5 * 10 + 1, 60 - 60 / 5]);
    // Early stopping by hand: the best so far and the epochs since it.
    let best = Infinity;
    let bestEpoch = 0;
    let stop = 0;
    for (const [i, loss] of EXERCISE_LOSSES.entries()) {
      if (loss < best) [best, bestEpoch] = [loss, i + 1];
      else if (i + 1 - bestEpoch >= 3) {
        stop = i + 1;
        break;
      }
    }
    expect([worked('ex5'), worked('ex5Stop')]).toEqual([bestEpoch, stop]);
    expect([bestEpoch, stop]).toEqual([5, 8]);
  });
});
