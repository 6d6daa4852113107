// Worked numbers of chapter 3, "Loss functions". Every number the chapter prints about a
// computation comes from here, computed by the engine (float32, CPU backend) with the same loss
// functions the widgets use; tests/content/worked-losses.test.ts recomputes each in plain float64.
import {
  abs, add, div, exp, log, logSoftmax, losses, max, maximum, mean, minimum, mul, neg, pow, sigmoid, softmax, square, sub, sum, tensor, tidy,
  type Tensor,
} from '../engine/index.ts';
import { workedValues } from './define.ts';

// The running regression example: four predictions against four targets.
const PREDICTIONS = [2.5, 3.5, 6, 5];
const TARGETS = [2, 4, 6, 8];
// A small data set with one far-away value, for "MSE follows the mean, MAE the median".
const DATA = [1, 2, 3, 10];
// The confidently wrong binary example: the true class is 1 but the logit is −4.
const WRONG_LOGIT = -4;
// The three-class example (the CrossEntropyByHand widget's default): true class 0.
const LOGITS = [2, 1, -1];
// Logits large enough that e^z overflows float32 (largest float32 ≈ 3.4·10³⁸ = e^88.72…).
const BIG_LOGITS = [90, 88, 85];
// Scores and ±1 labels for the hinge example.
const SCORES = [2.5, 0.4, 0.3, -1];
const LABELS = [1, 1, -1, 1];

/** A scalar loss of a constant prediction c for every entry of DATA. */
function constantLoss(kind: 'mse' | 'mae', c: number): number {
  return tidy(() => {
    const pred = tensor(DATA.map(() => c));
    const target = tensor(DATA);
    return (kind === 'mse' ? losses.mseLoss(pred, target) : losses.l1Loss(pred, target)).item();
  });
}

/** Value and derivative dL/dz of a loss of one logit z, by the engine's autograd. */
function valueAndSlope(lossOf: (z: Tensor) => Tensor, z: number): { value: number; slope: number } {
  return tidy(() => {
    const logit = tensor([z], undefined, { requiresGrad: true });
    const loss = lossOf(logit);
    loss.backward();
    return { value: loss.item(), slope: logit.grad!.item() };
  });
}

const bceAtWrong = () => valueAndSlope((z) => losses.bceWithLogits(z, tensor([1])), WRONG_LOGIT);
// MSE on the sigmoid's output, the combination the chapter argues against.
const mseAtWrong = () => valueAndSlope((z) => losses.mseLoss(sigmoid(z), tensor([1])), WRONG_LOGIT);

/** Entry i of softmax(LOGITS) or of the cross-entropy gradient softmax − one-hot. */
function softmaxEntry(i: number, minusOneHot = false): number {
  return tidy(() => {
    const z = tensor([LOGITS], undefined, { requiresGrad: true });
    const loss = losses.crossEntropy(z, [0]);
    loss.backward();
    return (minusOneHot ? z.grad!.data() : softmax(z, 1).data())[i];
  });
}

function regression(kind: 'mse' | 'mae' | 'huber', reduction: 'mean' | 'sum' = 'mean', delta = 1): number {
  return tidy(() => {
    const p = tensor(PREDICTIONS);
    const t = tensor(TARGETS);
    if (kind === 'mse') return losses.mseLoss(p, t, { reduction }).item();
    if (kind === 'mae') return losses.l1Loss(p, t, { reduction }).item();
    return losses.huberLoss(p, t, { reduction, delta }).item();
  });
}

const bce = (p: number, y: number) => tidy(() => losses.binaryCrossEntropy(tensor([p]), tensor([y])).item());

/** PyTorch's SmoothL1Loss (mean): ½d²/β for |d| < β, |d| − ½β beyond; as ½m²/β + (|d| − m), m = min(|d|, β). */
function smoothL1(beta: number): number {
  return tidy(() => {
    const d = abs(sub(tensor(PREDICTIONS), tensor(TARGETS)));
    const m = minimum(d, beta);
    return mean(add(mul(square(m), 0.5 / beta), sub(d, m))).item();
  });
}

/** Mean pinball (quantile) loss at level q of one constant prediction c for every entry of DATA. */
function pinballOfConstant(q: number, c: number, data: number[] = DATA): number {
  return tidy(() => {
    const r = sub(tensor(data), tensor(data.map(() => c))); // y − ŷ: positive when the prediction is too low
    return mean(maximum(mul(r, q), mul(r, q - 1))).item();
  });
}

/** Gaussian negative log-likelihood without the constant (PyTorch's GaussianNLLLoss, full=False). */
function gaussianNll(residual: number, variance: number): number {
  return tidy(() => {
    const v = tensor([variance]);
    return mul(add(log(v), div(square(tensor([residual])), v)), 0.5).item();
  });
}

// A soft target for the three-class example, to split cross-entropy into entropy + KL.
const SOFT_TARGET = [0.7, 0.2, 0.1];
/** Entropy −Σ t log t of a distribution (every entry positive). */
const entropyOf = (t: number[]) => tidy(() => neg(sum(mul(tensor(t), log(tensor(t))))).item());
/** KL(t ‖ softmax(z)) = Σ t (log t − log softmax(z)), through the engine's fused log-softmax. */
const klOf = (t: number[], z: number[]) =>
  tidy(() => sum(mul(tensor([t]), sub(log(tensor([t])), logSoftmax(tensor([z]), 1)))).item());
/** Cross-entropy of logits z against a soft target t (the engine's crossEntropy with a target tensor). */
const softCe = (t: number[], z: number[]) => tidy(() => losses.crossEntropy(tensor([z]), tensor([t])).item());

// Label smoothing with ε = 0.1 on three classes, true class 0: (1 − ε + ε/K, ε/K, ε/K).
const SMOOTHING = 0.1;
const SMOOTHED = [1 - SMOOTHING + SMOOTHING / 3, SMOOTHING / 3, SMOOTHING / 3];

/** Focal loss −(1 − p_t)^γ log p_t of one example whose true class gets probability pt. */
const focal = (pt: number, gamma: number) =>
  tidy(() => {
    const p = tensor([pt]);
    return mul(pow(sub(1, p), gamma), neg(log(p))).item();
  });

// The imbalanced toy set: 99 negatives and 1 positive, and a model that predicts p = 0.01 for all.
const IMBALANCED_LABELS = [...Array.from({ length: 99 }, () => 0), 1];

export default workedValues('losses', {
  // --- Regression: MSE, MAE, Huber on PREDICTIONS vs TARGETS --------------------------------
  mseExample: { digits: 3, compute: () => regression('mse') },
  mseSumExample: { digits: 2, compute: () => regression('mse', 'sum') },
  maeExample: { digits: 0, compute: () => regression('mae') },
  huberExample: { digits: 4, compute: () => regression('huber', 'mean', 1) },
  huberWideExample: { digits: 4, compute: () => regression('huber', 'mean', 3) },
  // The largest single squared error, from the residual of −3: its share of the summed loss.
  mseOutlierShare: {
    digits: 1,
    compute: () => tidy(() => {
      const squares = square(sub(tensor(PREDICTIONS), tensor(TARGETS)));
      return (100 * max(squares).item()) / sum(squares).item();
    }),
  },

  // --- The mean, the median and an outlier -----------------------------------------------------
  dataMean: { digits: 0, compute: () => tidy(() => sum(tensor(DATA)).item() / DATA.length) },
  // The same data with the 10 moved out to 100: the mean follows it, the median does not.
  dataMeanFar: { digits: 1, compute: () => tidy(() => sum(tensor([1, 2, 3, 100])).item() / DATA.length) },
  mseAtMean: { digits: 2, compute: () => constantLoss('mse', 4) },
  mseAtMedian: { digits: 2, compute: () => constantLoss('mse', 2.5) },
  maeAtMean: { digits: 2, compute: () => constantLoss('mae', 4) },
  maeAtMedian: { digits: 2, compute: () => constantLoss('mae', 2.5) },

  // --- Binary cross-entropy ----------------------------------------------------------------------
  bceRightConfident: { digits: 3, compute: () => bce(0.8, 1) },
  bceP03Y1: { digits: 3, compute: () => bce(0.3, 1) },
  bceP03Y0: { digits: 3, compute: () => bce(0.3, 0) },
  bceWrongConfident: { digits: 2, compute: () => bce(0.01, 1) },
  // A coin-flip prediction p = ½ scores ln 2 whatever the label: the loss of knowing nothing.
  bceChance: { digits: 3, compute: () => bce(0.5, 1) },
  // The probability-based BCE clamps p to [1e-7, 1 − 1e-7]: the largest loss it can report.
  bceCap: { digits: 1, compute: () => bce(0, 1) },

  // --- The confidently wrong point z = −4, y = 1 ---------------------------------------------------
  wrongProbability: { digits: 4, compute: () => tidy(() => sigmoid(tensor([WRONG_LOGIT])).item()) },
  bceLossAtWrong: { digits: 3, compute: () => bceAtWrong().value },
  bceSlopeAtWrong: { digits: 4, compute: () => bceAtWrong().slope },
  mseLossAtWrong: { digits: 3, compute: () => mseAtWrong().value },
  mseSlopeAtWrong: { digits: 4, compute: () => mseAtWrong().slope },
  slopeRatioAtWrong: { digits: 0, compute: () => bceAtWrong().slope / mseAtWrong().slope },

  // --- Categorical cross-entropy on LOGITS, true class 0 -----------------------------------------
  expLogit0: { digits: 3, compute: () => tidy(() => exp(tensor([LOGITS[0]])).item()) },
  expLogit1: { digits: 3, compute: () => tidy(() => exp(tensor([LOGITS[1]])).item()) },
  expLogit2: { digits: 3, compute: () => tidy(() => exp(tensor([LOGITS[2]])).item()) },
  expSum: { digits: 3, compute: () => tidy(() => sum(exp(tensor(LOGITS))).item()) },
  softmax0: { digits: 3, compute: () => softmaxEntry(0) },
  softmax1: { digits: 3, compute: () => softmaxEntry(1) },
  softmax2: { digits: 3, compute: () => softmaxEntry(2) },
  ceExample: { digits: 3, compute: () => tidy(() => losses.crossEntropy(tensor([LOGITS]), [0]).item()) },
  logSumExpExample: { digits: 3, compute: () => tidy(() => log(sum(exp(tensor(LOGITS)))).item()) },
  ceGrad0: { digits: 3, compute: () => softmaxEntry(0, true) },
  ceGrad1: { digits: 3, compute: () => softmaxEntry(1, true) },
  ceGrad2: { digits: 3, compute: () => softmaxEntry(2, true) },
  ceUniformThree: { digits: 3, compute: () => tidy(() => losses.crossEntropy(tensor([[0, 0, 0]]), [0]).item()) },

  // --- Overflow and the log-sum-exp trick on BIG_LOGITS, true class 1 ------------------------------
  // ln(largest float32): the logit above which e^z is Infinity in float32.
  float32ExpLimit: { digits: 2, compute: () => tidy(() => log(tensor([3.4028234663852886e38])).item()) },
  bigLogSumExp: {
    digits: 3,
    compute: () => tidy(() => {
      const z = tensor([BIG_LOGITS]);
      // log-sum-exp = z_k − log softmax(z)_k for any k: read it off the engine's fused logSoftmax.
      return BIG_LOGITS[0] - logSoftmax(z, 1).data()[0];
    }),
  },
  bigCe: { digits: 3, compute: () => tidy(() => losses.crossEntropy(tensor([BIG_LOGITS]), [1]).item()) },

  // --- Hinge loss on SCORES with LABELS ±1 ---------------------------------------------------------
  hinge0: { digits: 1, compute: () => hingeAt(0) },
  hinge1: { digits: 1, compute: () => hingeAt(1) },
  hinge2: { digits: 1, compute: () => hingeAt(2) },
  hinge3: { digits: 1, compute: () => hingeAt(3) },
  hingeMean: { digits: 3, compute: () => tidy(() => losses.hingeLoss(tensor(SCORES), tensor(LABELS)).item()) },
  // The logistic loss log(1 + e^(−y·s)) of the first, comfortably right, example: small, never 0.
  logisticAtRight: { digits: 3, compute: () => tidy(() => losses.bceWithLogits(tensor([SCORES[0]]), tensor([1])).item()) },

  // --- Huber and PyTorch's SmoothL1Loss -------------------------------------------------------------
  huberDelta2Example: { digits: 4, compute: () => regression('huber', 'mean', 2) },
  smoothL1Beta2Example: { digits: 4, compute: () => smoothL1(2) },

  // --- The pinball (quantile) loss at q = 0.9 on DATA --------------------------------------------------
  pinballQ90AtMedian: { digits: 2, compute: () => pinballOfConstant(0.9, 2.5) },
  pinballQ90At3: { digits: 2, compute: () => pinballOfConstant(0.9, 3) },
  pinballQ90At10: { digits: 2, compute: () => pinballOfConstant(0.9, 10) },
  // At q = ½ the pinball loss is half the absolute error: at the median, half of maeAtMedian.
  pinballQ50AtMedian: { digits: 3, compute: () => pinballOfConstant(0.5, 2.5) },

  // --- Predicting a variance: Gaussian NLL (without the constant) ---------------------------------------
  gaussNllBigVar1: { digits: 3, compute: () => gaussianNll(3, 1) },
  gaussNllBigVar9: { digits: 3, compute: () => gaussianNll(3, 9) },
  gaussNllSmallVar1: { digits: 3, compute: () => gaussianNll(0.5, 1) },
  gaussNllSmallVarQuarter: { digits: 3, compute: () => gaussianNll(0.5, 0.25) },

  // --- Entropy, KL and cross-entropy with the soft target SOFT_TARGET against softmax(LOGITS) ----------
  entropySoft: { digits: 3, compute: () => entropyOf(SOFT_TARGET) },
  klSoft: { digits: 3, compute: () => klOf(SOFT_TARGET, LOGITS) },
  ceSoft: { digits: 3, compute: () => softCe(SOFT_TARGET, LOGITS) },

  // --- Calibration ---------------------------------------------------------------------------------------
  // Expected BCE when the true frequency of class 1 is 0.7 and the model reports q: BCE with a soft label 0.7.
  expectedBceHonest: { digits: 3, compute: () => tidy(() => losses.binaryCrossEntropy(tensor([0.7]), tensor([0.7])).item()) },
  expectedBceOverconfident: { digits: 3, compute: () => tidy(() => losses.binaryCrossEntropy(tensor([0.9]), tensor([0.7])).item()) },
  // Temperature scaling: the top probability of softmax(LOGITS / T) at T = 2 (at T = 1 it is softmax0).
  temperatureTop: { digits: 3, compute: () => tidy(() => softmax(tensor([LOGITS.map((z) => z / 2)]), 1).data()[0]) },

  // --- Class imbalance ------------------------------------------------------------------------------------
  // 99 negatives, 1 positive, the constant prediction p = 0.01: the plain mean BCE looks excellent.
  imbalanceConstant: {
    digits: 3,
    compute: () => tidy(() => losses.binaryCrossEntropy(tensor(IMBALANCED_LABELS.map(() => 0.01)), tensor(IMBALANCED_LABELS)).item()),
  },
  // The same with class weights 1 (negatives) and 99 (positives), divided by the total weight as
  // PyTorch's CrossEntropyLoss(weight=...) does.
  imbalanceWeighted: {
    digits: 3,
    compute: () => tidy(() => {
      const perExample = losses.binaryCrossEntropy(tensor(IMBALANCED_LABELS.map(() => 0.01)), tensor(IMBALANCED_LABELS), { reduction: 'none' });
      const w = tensor(IMBALANCED_LABELS.map((y) => (y === 1 ? 99 : 1)));
      return div(sum(mul(perExample, w)), sum(w)).item();
    }),
  },
  ceEasy: { digits: 3, compute: () => focal(0.9, 0) },
  ceHard: { digits: 3, compute: () => focal(0.1, 0) },
  focalEasy: { digits: 5, compute: () => focal(0.9, 2) },
  focalHard: { digits: 3, compute: () => focal(0.1, 2) },

  // --- Label smoothing, ε = 0.1, K = 3, true class 0 -------------------------------------------------------
  ceSmoothed: { digits: 3, compute: () => softCe(SMOOTHED, LOGITS) },
  // The lowest loss a model can reach against the smoothed target: its entropy (where p equals it).
  smoothedFloor: { digits: 3, compute: () => entropyOf(SMOOTHED) },
  // The logit gap z_true − z_other at that optimum: log(t_true / t_other), finite, unlike with one-hot targets.
  smoothedGap: { digits: 3, compute: () => tidy(() => sub(log(tensor([SMOOTHED[0]])), log(tensor([SMOOTHED[1]]))).item()) },

  // --- Floating point --------------------------------------------------------------------------------------
  // The smallest z on a grid of tenths at which the engine's float32 sigmoid (CPU backend) is exactly 1.
  sigmoidSaturates: {
    digits: 1,
    compute: () => tidy(() => {
      const grid = Array.from({ length: 101 }, (_, i) => (100 + i) / 10); // 10.0 … 20.0
      const values = sigmoid(tensor(grid)).data();
      const i = values.findIndex((v) => v === 1);
      if (i < 0) throw new Error('sigmoid never reached 1 on the grid');
      return grid[i];
    }),
  },

  // --- Exercises ---------------------------------------------------------------------------------------
  // ex1: MSE of predictions [3, −1, 2] against targets [2, 1, 2].
  ex1: { digits: 3, compute: () => tidy(() => losses.mseLoss(tensor([3, -1, 2]), tensor([2, 1, 2])).item()) },
  // ex2: Huber (δ = 1) of the same.
  ex2: { digits: 3, compute: () => tidy(() => losses.huberLoss(tensor([3, -1, 2]), tensor([2, 1, 2]), { delta: 1 }).item()) },
  // ex3: BCE of p = 0.9 when the true label is 0.
  ex3: { digits: 3, compute: () => bce(0.9, 0) },
  // ex4: cross-entropy of four equal logits (any true class).
  ex4: { digits: 3, compute: () => tidy(() => losses.crossEntropy(tensor([[0, 0, 0, 0]]), [2]).item()) },
  // ex5: dBCE/dz at z = 2 when the true label is 0.
  ex5: { digits: 3, compute: () => valueAndSlope((z) => losses.bceWithLogits(z, tensor([0])), 2).slope },
  // ex6: hinge loss of score −0.25 for label −1.
  ex6: { digits: 2, compute: () => tidy(() => losses.hingeLoss(tensor([-0.25]), tensor([-1])).item()) },
  // ex7: dMSE/dz at z = 2 when the true label is 0 (MSE on the sigmoid output).
  ex7: { digits: 3, compute: () => valueAndSlope((z) => losses.mseLoss(sigmoid(z), tensor([0])), 2).slope },
  // How many times cross-entropy's slope (ex5) exceeds squared error's (ex7) at z = 2, y = 0.
  ex7Ratio: {
    digits: 1,
    compute: () =>
      valueAndSlope((z) => losses.bceWithLogits(z, tensor([0])), 2).slope /
      valueAndSlope((z) => losses.mseLoss(sigmoid(z), tensor([0])), 2).slope,
  },
  // ex3's prediction p = 0.9 had the label been 1.
  ex3Right: { digits: 3, compute: () => bce(0.9, 1) },
  // ex8: pinball loss at q = 0.9 of a prediction 10 too low, and (ex8Over) 10 too high.
  ex8: { digits: 1, compute: () => pinballOfConstant(0.9, 30, [40]) },
  ex8Over: { digits: 1, compute: () => pinballOfConstant(0.9, 50, [40]) },
  // ex9: the Gaussian NLL of a residual of 2 at its best variance, 4.
  ex9: { digits: 3, compute: () => gaussianNll(2, 4) },
  // ex10: KL((½, ½) ‖ (0.8, 0.2)), and the cross-entropy of the same pair.
  ex10: { digits: 3, compute: () => klOf([0.5, 0.5], [Math.log(0.8), Math.log(0.2)]) },
  ex10Ce: { digits: 3, compute: () => softCe([0.5, 0.5], [Math.log(0.8), Math.log(0.2)]) },
});

function hingeAt(i: number): number {
  return tidy(() => losses.hingeLoss(tensor([SCORES[i]]), tensor([LABELS[i]])).item());
}
