// The worked numbers of the chapter on generalisation and regularisation, each computed by the
// engine: the Lab's overfitting run and its remedies (the presets the chapter embeds), label
// smoothing's targets and the loss they leave, one step of weight decay and of the L1 proximal
// step, and the exercises. The test in tests/content/worked-generalisation.test.ts recomputes them
// without the engine, or checks the claims the text makes of them.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { div, log, losses, mul, optim, parameterFrom, square, sum, tensor, tidy, type Tensor } from '../engine/index.ts';
import { labJob, type LabView } from '../models/lab/labJob.ts';
import { makeLabData } from '../models/lab/data.ts';
import { labConfig, labLive, labSchema, type LabState } from '../widgets/Lab/labState.ts';
import { presets, type PresetName } from '../widgets/Lab/presets.ts';
import { EarlyStopping } from '../models/training/earlyStopping.ts';
import { capacityNumbers } from '../models/generalisation/capacity/numbers.ts';
import { kFolds } from '../models/generalisation/capacity/sweep.ts';
import { ensureMnist } from '../build/mnist.ts';
import { decodeMnist, MNIST_FILES } from '../engine/data/mnistFormat.ts';
import { MnistSplit } from '../engine/data/mnist.ts';
import { augmentationEffect, CHAPTER_FLIP, CHAPTER_SETTING as AUGMENT_SETTING, CHAPTER_SHIFT } from '../models/generalisation/augmentation/effect.ts';
import { CHAPTER_SETTING as LABELS_SETTING, randomLabelsExperiment } from '../models/generalisation/randomLabels/experiment.ts';
import { CHAPTER_SETTING, ensembleGapNumbers, unitMeanNumbers } from '../models/generalisation/dropout/chapterNumbers.ts';
import { FIGURE_SETTINGS, penaltyOutcome } from '../models/generalisation/penalty/figures.ts';
import { earlyStoppingNumbers } from '../models/generalisation/earlyStop/earlyStopNumbers.ts';
import { once, workedValues, type WorkedValue } from './define.ts';

const v = (digits: number, compute: () => number): WorkedValue => ({ digits, compute });
const scalar = (f: () => Tensor) => tidy(() => f().item());

// #region the Lab's runs
/** The steps at which the chapter reads the overfitting run: early, and at the end. */
export const EARLY_STEP = 300;
export const LAST_STEP = 3000;

const defaults = Object.fromEntries(Object.entries(labSchema).map(([k, f]) => [k, f.default])) as LabState;
export const presetState = (name: PresetName): LabState => ({ ...defaults, ...presets[name] });

/**
 * Trains a Lab state as the Lab does (its job, its seeds) for `steps` steps or until early
 * stopping ends the run; the picture at each checkpoint and at the end, and the steps taken.
 */
export function labRun(state: LabState, checkpoints: number[]): { views: LabView[]; steps: number } {
  const built = labJob.build(labConfig(state), { seed: state.seed, live: labLive(state), data: undefined, emit() {}, schedule: () => () => {} });
  try {
    const views: LabView[] = [];
    let steps = 0;
    const last = Math.max(...checkpoints);
    while (steps < last && !built.finished!()) {
      tidy(() => built.step(steps).loss.item());
      steps++;
      if (checkpoints.includes(steps)) views.push(built.view!({ step: steps } as never)!);
    }
    if (!checkpoints.includes(steps)) views.push(built.view!({ step: steps } as never)!);
    return { views, steps };
  } finally {
    built.dispose();
  }
}

const overfit = once(() => labRun(presetState('overfit'), [EARLY_STEP, LAST_STEP]).views);
const withL2 = once(() => labRun(presetState('overfit-l2'), [LAST_STEP]).views[0]);
const earlyStopped = once(() => labRun(presetState('overfit-early-stop'), [LAST_STEP]));
const parameterCount = (view: LabView) => view.parameters.reduce((n, p) => n + p.weights.flat().length + p.biases.length, 0);
// #endregion

// #region label smoothing
/** Label smoothing's target for the right class and for each other one, K classes, ε. */
const smoothedTargets = (classes: number, eps: number) => ({ right: 1 - eps + eps / classes, other: eps / classes });

/**
 * The loss that label smoothing leaves at its best: logits that give exactly the smoothed targets
 * (log-probabilities as logits), through the engine's cross-entropy with `labelSmoothing`.
 */
function smoothedFloor(classes: number, eps: number): number {
  const { right, other } = smoothedTargets(classes, eps);
  const logits = Array.from({ length: classes }, (_, k) => Math.log(k === 0 ? right : other));
  return scalar(() => losses.crossEntropy(tensor([logits]), [0], { labelSmoothing: eps }));
}

/** The gap between the right class's logit and the others' at that best point: ln(right / other). */
function smoothedGap(classes: number, eps: number): number {
  const { right, other } = smoothedTargets(classes, eps);
  return scalar(() => log(tensor(right / other)));
}
// #endregion

// #region one step of each penalty
/** One SGD step of rate `lr` on a weight w whose data gradient is g, with weight decay λ: w − lr·(g + λw). */
function decayStep(w: number, g: number, lr: number, lambda: number): number {
  const p = parameterFrom([w]);
  const opt = new optim.SGD([p], { lr, weightDecay: lambda });
  try {
    // Backward and update in one tidy, as a training step does: the gradient lives until the update.
    tidy(() => {
      sum(mul(p, g)).backward();
      opt.step();
    });
    return p.data()[0];
  } finally {
    opt.dispose();
    p.dispose();
  }
}

/** The L1 proximal step: soft-thresholding w by the threshold t = lr·λ. */
function proximalStep(w: number, threshold: number): number {
  const p = parameterFrom([w]);
  try {
    optim.proximalL1([p], threshold);
    return p.data()[0];
  } finally {
    p.dispose();
  }
}
// #endregion

/** The exercise's validation losses, epochs 1 to 9, watched with a patience of 3. */
export const EXERCISE_LOSSES = [0.9, 0.72, 0.65, 0.66, 0.61, 0.63, 0.64, 0.62, 0.7];
function exerciseStop(): { best: number; stop: number } {
  const stopper = new EarlyStopping({ patience: 3 });
  for (const [i, loss] of EXERCISE_LOSSES.entries()) if (stopper.observe(i + 1, loss) === 'stop') break;
  return { best: stopper.bestEpoch!, stop: stopper.stopEpoch! };
}

/** λ of the MAP estimate under a Gaussian prior of deviation τ, noise of deviation σ: σ²/τ². */
const mapLambda = (sigma: number, tau: number) => scalar(() => div(square(tensor(sigma)), square(tensor(tau))));

const capacity = once(capacityNumbers);
const stopping = once(() => earlyStoppingNumbers());
const stopAtPatience = (patience: number) => stopping().byPatience.find((p) => p.patience === patience)!;

const penalty = {
  none: once(() => penaltyOutcome('none')),
  l2: once(() => penaltyOutcome('l2')),
  l1prox: once(() => penaltyOutcome('l1prox')),
  l1sub: once(() => penaltyOutcome('l1sub')),
};

const unitMean = once(() => unitMeanNumbers());
const gapLogits = once(() => ensembleGapNumbers());
const gapProbabilities = once(() => ensembleGapNumbers({ average: 'probabilities' }));

/** The book's MNIST files, both splits, as the worker receives them. */
function bookDigits() {
  const dir = resolve(import.meta.dirname, '..', '..', 'public', 'data');
  ensureMnist(dir);
  return {
    train: decodeMnist(readFileSync(resolve(dir, MNIST_FILES.train)), MNIST_FILES.train),
    test: decodeMnist(readFileSync(resolve(dir, MNIST_FILES.test)), MNIST_FILES.test),
  };
}
const digits = once(bookDigits);
const labels = once(() => randomLabelsExperiment(digits()));
const splits = once(() => ({ train: new MnistSplit(digits().train), test: new MnistSplit(digits().test) }));
const shifted = once(() => augmentationEffect(splits(), CHAPTER_SHIFT));
const flipped = once(() => augmentationEffect(splits(), CHAPTER_FLIP));

/** The exercise's cross-validation: 60 points in 5 folds, 10 candidates, then one fit on all. */
const cvFolds = once(() => kFolds(60, 5));

export default workedValues('generalisation', {
  // The capacity figure at its defaults (12 points, noise 0.2, seed 1).
  capN: v(0, () => capacity().n),
  polyTest1: v(3, () => capacity().polynomial.testAtDegree[1]),
  polyTest3: v(3, () => capacity().polynomial.testAtDegree[3]),
  polyTest11: v(1, () => capacity().polynomial.testAtDegree[11]),
  polyTrain11Exp: v(0, () => Math.round(Math.log10(capacity().polynomial.trainAtDegree[11]))),
  polyByValidation: v(0, () => capacity().polynomial.degreeByValidation),
  polyByCv: v(0, () => capacity().polynomial.degreeByCv),
  polyByTest: v(0, () => capacity().polynomial.degreeByTest),
  polyRidge11: v(3, () => capacity().polynomial.thresholdTestWithRidge),
  reluPeakWidth: v(0, () => capacity().relu.peakWidth),
  reluPeakTest: v(1, () => capacity().relu.testAtPeak),
  reluNarrowWidth: v(0, () => capacity().relu.bestNarrowWidth),
  reluNarrowTest: v(3, () => capacity().relu.testBestNarrow),
  reluWidest: v(0, () => capacity().relu.widest),
  reluWidestTest: v(3, () => capacity().relu.testWidest),
  reluRidgePeak: v(3, () => capacity().relu.thresholdTestWithRidge),

  // The weight-penalty figure at its defaults (λ = 0.01, rate 0.5, 2,000 steps of full-batch SGD).
  wpLambda: v(2, () => FIGURE_SETTINGS.lambda),
  wpSteps: v(0, () => FIGURE_SETTINGS.steps),
  wpTotal: v(0, () => penalty.none().total),
  wpNoneTest: v(2, () => penalty.none().test.loss),
  wpNoneL1: v(0, () => penalty.none().l1),
  wpL2Test: v(2, () => penalty.l2().test.loss),
  wpL2L1: v(0, () => penalty.l2().l1),
  wpL2Zeros: v(0, () => penalty.l2().zeros),
  wpProxTest: v(2, () => penalty.l1prox().test.loss),
  wpProxZeros: v(0, () => penalty.l1prox().zeros),
  wpProxNoiseOff: v(0, () => penalty.l1prox().noiseInputsOff),
  wpSubZeros: v(0, () => penalty.l1sub().zeros),
  wpNoneAccuracy: v(0, () => 100 * penalty.none().test.accuracy),
  wpProxAccuracy: v(1, () => 100 * penalty.l1prox().test.accuracy),

  // Random labels: the figure's two networks at a setting small enough to train here.
  rlImages: v(0, () => LABELS_SETTING.images),
  rlHidden: v(0, () => LABELS_SETTING.hidden),
  rlEpochs: v(0, () => LABELS_SETTING.epochs),
  rlTestDigits: v(0, () => LABELS_SETTING.testDigits),
  rlWrong: v(0, () => labels().wrongLabels),
  rlTrueTrain: v(0, () => 100 * labels().trueLabels.train),
  rlTrueTest: v(0, () => 100 * labels().trueLabels.test),
  rlRandomTrain: v(0, () => 100 * labels().randomLabels.train),
  rlRandomTest: v(0, () => 100 * labels().randomLabels.test),

  // Augmentation: the same network on 100 digits, plain and augmented, 30 epochs.
  augDigits: v(0, () => AUGMENT_SETTING.trainSize),
  augHidden: v(0, () => AUGMENT_SETTING.hidden ?? Number.NaN),
  augEpochs: v(0, () => AUGMENT_SETTING.epochs),
  augTestDigits: v(0, () => AUGMENT_SETTING.testDigits),
  augPlain: v(1, () => 100 * shifted().plain),
  augShifted: v(1, () => 100 * shifted().augmented),
  augFlipped: v(1, () => 100 * flipped().augmented),

  // The dropout figure's chapter setting (p = 0.5, 1,000 steps, seed 1), unit 3 at the probe point.
  dropP: v(1, () => CHAPTER_SETTING.p),
  dropSteps: v(0, () => CHAPTER_SETTING.steps),
  dropUnit: v(0, () => CHAPTER_SETTING.unit),
  dropMasks: v(0, () => unitMean().masks),
  dropA: v(3, () => unitMean().inference),
  dropMeanScaled: v(3, () => unitMean().meanScaled),
  dropMeanUnscaled: v(3, () => unitMean().meanUnscaled),
  dropGap1: v(3, () => gapLogits().meanGap[0]),
  dropGap10: v(3, () => gapLogits().meanGap[1]),
  dropGap100: v(4, () => gapLogits().meanGap[2]),
  dropProbGap1: v(3, () => gapProbabilities().meanGap[0]),
  dropProbGap100: v(3, () => gapProbabilities().meanGap[2]),

  // The early-stopping figure at its defaults (seed 4, patience 30), run 600 epochs.
  esfEpochs: v(0, () => stopping().epochs),
  esfBest: v(0, () => stopping().bestEpoch),
  esfStop: v(0, () => stopping().stopEpoch),
  esfBestVal: v(3, () => stopping().bestValLoss),
  esfBestTest: v(4, () => stopping().bestTestLoss),
  esfEndVal: v(3, () => stopping().endValLoss),
  esfEndTest: v(4, () => stopping().endTestLoss),
  esfStop5: v(0, () => stopAtPatience(5).stopEpoch!),
  esfBest5: v(0, () => stopAtPatience(5).bestEpoch!),
  esfStop300: v(0, () => stopAtPatience(300).stopEpoch!),

  // The Lab's overfitting run and its remedies.
  overfitPoints: v(0, () => makeLabData(labConfig(presetState('overfit')).data).train.length),
  overfitParams: v(0, () => parameterCount(overfit()[1])),
  overfitEarlyTest: v(2, () => overfit()[0].testLoss),
  overfitLateTest: v(2, () => overfit()[1].testLoss),
  overfitEarlyTrain: v(2, () => overfit()[0].trainLoss),
  overfitLateTrain: v(3, () => overfit()[1].trainLoss),
  overfitLateAccuracy: v(0, () => 100 * overfit()[1].testAccuracy!),
  l2Rate: v(2, () => presetState('overfit-l2').regRate),
  l2LateTest: v(2, () => withL2().testLoss),
  l2LateTrain: v(2, () => withL2().trainLoss),
  l2LateAccuracy: v(0, () => 100 * withL2().testAccuracy!),
  esPatience: v(0, () => presetState('overfit-early-stop').patience),
  esBestEpoch: v(0, () => earlyStopped().views[0].stopping!.bestEpoch!),
  esStopEpoch: v(0, () => earlyStopped().views[0].stopping!.stoppedAt!),
  esSteps: v(0, () => earlyStopped().steps),
  esTest: v(2, () => earlyStopped().views[0].testLoss),
  esAccuracy: v(0, () => 100 * earlyStopped().views[0].testAccuracy!),

  // Label smoothing, K = 10 classes, ε = 0.1.
  lsRight: v(2, () => smoothedTargets(10, 0.1).right),
  lsOther: v(2, () => smoothedTargets(10, 0.1).other),
  lsGap: v(2, () => smoothedGap(10, 0.1)),
  lsFloor: v(3, () => smoothedFloor(10, 0.1)),

  // Exercises.
  ex1: v(3, () => decayStep(2, 0.5, 0.1, 0.01)),
  ex2a: v(2, () => proximalStep(0.3, 0.05)),
  ex2b: v(2, () => proximalStep(-0.03, 0.05)),
  ex3: v(2, () => 1 / (1 - 0.2)),
  ex4: v(2, () => smoothedTargets(5, 0.2).right),
  ex5: v(0, () => exerciseStop().best),
  ex5Stop: v(0, () => exerciseStop().stop),
  ex6: v(4, () => mapLambda(0.5, 2)),
  ex7: v(0, () => cvFolds().length * 10 + 1),
  ex7Points: v(0, () => 60 - cvFolds()[0].length),
});
