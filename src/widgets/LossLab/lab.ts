// One small network, x → Linear(2, 8) → tanh → Linear(8, 1) → score s, trained by plain
// gradient descent on the whole data set with one of three losses. Only the last step differs:
//   'mse'          (σ(s) − y)² with y ∈ {0, 1}: squared error of a probability;
//   'crossEntropy' bceWithLogits(s, y) with y ∈ {0, 1}: −log σ(s) or −log(1 − σ(s));
//   'hinge'        max(0, 1 − t·s) with t = 2y − 1 ∈ {−1, +1}: the SVM loss on the raw score.
// All three predict class 1 where s > 0, so one decision surface serves for all.
import { data, losses, nn, noGrad, optim, Random, sigmoid, tensor, tidy, type Tensor } from '../../engine/index.ts';
import { gridCenters } from '../kit/plot/grid.ts';

export type LabLoss = 'mse' | 'crossEntropy' | 'hinge';
export const LAB_LOSSES: readonly LabLoss[] = ['mse', 'crossEntropy', 'hinge'];

export type LabDataset = data.ClassificationSetName;
export const LAB_DATASETS: readonly LabDataset[] = ['gaussians', 'moons', 'circle', 'xor', 'spiral'];

/** Noise per set: the two Gaussian clouds overlap a little; the other shapes stay recognisable. */
const NOISE: Record<LabDataset, number> = { gaussians: 0.8, moons: 0.25, circle: 0.2, xor: 0.15, spiral: 0.1 };
export const POINTS = 200;
/** Inputs are divided by this before the network sees them, so they lie in about [−1.5, 1.5]. */
export const INPUT_SCALE = 4;
export const HIDDEN = 8;
/** The plot's extent in data coordinates (the toy sets lie in about [−6, 6]²). */
export const EXTENT: [number, number] = [-6, 6];
export const GRID_SIZE = 40;

export const LR_RANGE: [number, number] = [0.001, 100];
/** A run stops here, so that the runs of the three losses compare over the same number of steps. */
export const MAX_STEPS = 1000;
export const DEFAULT_LR = 0.3;
/** From this rate on, cross-entropy and hinge blow up within a few steps on every one of these sets. */
export const LARGE_LR = 20;
/**
 * A run counts as diverged once its loss exceeds this many times its first value. The three
 * losses start near 0.25 (MSE), 0.7 (cross-entropy) and 1 (hinge); none of them comes back from
 * ten times that on these sets.
 */
export const DIVERGENCE_FACTOR = 10;

export function labDataset(name: LabDataset): data.Dataset2D {
  return data.toyDataset(name, { n: POINTS, noise: NOISE[name], seed: 3 });
}

export interface LabModel {
  model: nn.Sequential;
  optimizer: optim.SGD;
  dispose(): void;
}

/** The seed of the starting weights: the same start for every loss, so the runs compare. */
export const LAB_SEED = 11;

/** The network with seeded weights. */
export function createLabModel(lr: number, seed = LAB_SEED): LabModel {
  const rng = new Random(seed);
  const model = new nn.Sequential(new nn.Linear(2, HIDDEN, { rng }), new nn.Tanh(), new nn.Linear(HIDDEN, 1, { rng }));
  const optimizer = new optim.SGD(model, { lr });
  return {
    model,
    optimizer,
    dispose() {
      optimizer.dispose();
      model.dispose();
    },
  };
}

export interface LabTensors {
  /** Inputs [n, 2], already divided by INPUT_SCALE. */
  x: Tensor;
  /** Labels 0/1, [n, 1]. */
  y01: Tensor;
  /** The same labels as −1/+1, [n, 1], for the hinge loss. */
  yPm1: Tensor;
  dispose(): void;
}

export function labTensors(set: data.Dataset2D): LabTensors {
  const n = set.x.length;
  const x = tensor(set.x.flatMap(([a, b]) => [a / INPUT_SCALE, b / INPUT_SCALE]), [n, 2]);
  const y01 = tensor(set.y, [n, 1]);
  const yPm1 = tensor(set.y.map((v) => 2 * v - 1), [n, 1]);
  return {
    x,
    y01,
    yPm1,
    dispose() {
      x.dispose();
      y01.dispose();
      yPm1.dispose();
    },
  };
}

// #region step
/** The chosen loss of the scores s = model(x), each with the targets it expects. */
export function labLoss(name: LabLoss, scores: Tensor, t: LabTensors): Tensor {
  switch (name) {
    case 'mse':
      return losses.mseLoss(sigmoid(scores), t.y01); // a probability against 0/1
    case 'crossEntropy':
      return losses.bceWithLogits(scores, t.y01); // the logit against 0/1, fused and stable
    case 'hinge':
      return losses.hingeLoss(scores, t.yPm1); // the raw score against ±1
  }
}

/** One step of full-batch gradient descent: forward, loss, backward, update. */
export function trainingStep(lab: LabModel, t: LabTensors, name: LabLoss): { loss: Tensor } {
  lab.optimizer.zeroGrad();
  const loss = labLoss(name, lab.model.forward(t.x), t);
  loss.backward();
  lab.optimizer.step();
  return { loss };
}
// #endregion

/** Scores of the model on the data points and on the grid, read back. */
export function evaluate(lab: LabModel, t: LabTensors, grid: Tensor): { scores: number[]; gridScores: number[] } {
  return tidy(() =>
    noGrad(() => ({
      scores: Array.from(lab.model.forward(t.x).data()),
      gridScores: Array.from(lab.model.forward(grid).data()),
    })),
  );
}

/** The grid of the decision surface as one [size², 2] input, scaled as the data are. */
export function gridTensor(size = GRID_SIZE): Tensor {
  // Cell centres over EXTENT², rows from the bottom: value j·size + i belongs to cell (i, j).
  const points = gridCenters({ x: EXTENT, y: EXTENT }, size, size);
  return tensor(points.flatMap(([a, b]) => [a / INPUT_SCALE, b / INPUT_SCALE]), [points.length, 2]);
}

/** Fraction of points on the right side (score > 0 for class 1, < 0 for class 0). */
export function accuracy(scores: number[], labels: number[]): number {
  if (scores.length === 0) return 0;
  let right = 0;
  scores.forEach((s, i) => {
    if ((s > 0 ? 1 : 0) === labels[i]) right++;
  });
  return right / scores.length;
}

/**
 * What the surface shows: the model's probability of class 1 for MSE and cross-entropy (σ(s)),
 * and for hinge, whose score is not a probability, the score squashed the same way so the
 * colours compare; the boundary s = 0 is at 0.5 in all three.
 */
export function surfaceValues(gridScores: number[]): number[] {
  return gridScores.map((s) => (Number.isFinite(s) ? 1 / (1 + Math.exp(-Math.max(-30, Math.min(30, s)))) : 0.5));
}

/** A loss curve divided by its first value: the three losses have different units, so each starts at 1. */
export function normalisedCurve(losses: number[]): number[] {
  const first = losses.find((v) => Number.isFinite(v) && v > 0);
  if (first === undefined) return losses.map(() => 0);
  return losses.map((v) => v / first);
}

/** Keeps a learning rate in range (a link or a prop may carry anything). */
export const clampRate = (lr: number) => Math.min(LR_RANGE[1], Math.max(LR_RANGE[0], Number.isFinite(lr) ? lr : DEFAULT_LR));

/** The slider moves log10 of the rate, so 0.001, 0.01, … 10 are evenly spaced. */
export const rateFromSlider = (v: number) => clampRate(Number((10 ** v).toPrecision(2)));
export const sliderFromRate = (lr: number) => Math.log10(clampRate(lr));

