// Worked numbers of chapter 3, "Loss functions". Every number the chapter prints about a
// computation comes from here, computed by the engine (float32, CPU backend) with the same loss
// functions the widgets use; tests/content/worked-losses.test.ts recomputes each in plain float64.
import { exp, log, logSoftmax, losses, max, sigmoid, softmax, square, sub, sum, tensor, tidy, type Tensor } from '../engine/index.ts';
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
});

function hingeAt(i: number): number {
  return tidy(() => losses.hingeLoss(tensor([SCORES[i]]), tensor([LABELS[i]])).item());
}
