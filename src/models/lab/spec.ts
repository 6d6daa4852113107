// What a Lab run is made of, as plain data: the data set, the input features, the network and how
// it trains. The Lab's page state (its link), its training job, its pictures and its exported code
// all read these types, so one description of a network serves all of them.
import type { OptimizerKind } from '../training/optimizerChoice.ts';

/** Binary classification sets (labels 0 and 1), drawn by the engine's toy data. */
export const BINARY_SETS = ['circle', 'xor', 'gaussians', 'spiral', 'moons'] as const;
/** Classification sets with 3 to 5 classes. */
export const MULTI_CLASS_SETS = ['blobs', 'arms'] as const;
/** Regression sets: a surface over the plane, or a curve y = f(x₁). */
export const REGRESSION_SETS = ['plane', 'bumps', 'curve'] as const;
/** The reader's own points (clicked on the plane or pasted as CSV). */
export const OWN_SET = 'own' as const;

export type BinarySet = (typeof BINARY_SETS)[number];
export type MultiClassSet = (typeof MULTI_CLASS_SETS)[number];
export type RegressionSet = (typeof REGRESSION_SETS)[number];
export type LabSetName = BinarySet | MultiClassSet | RegressionSet | typeof OWN_SET;
export const LAB_SETS: readonly LabSetName[] = [...BINARY_SETS, ...MULTI_CLASS_SETS, ...REGRESSION_SETS, OWN_SET];

export type LabTask = 'classification' | 'regression';

export const MIN_CLASSES = 2;
export const MAX_CLASSES = 5;

/** Every data set lies in [−EXTENT, EXTENT]² (the plane the pictures show). */
export const EXTENT = 6;

/** A point of a data set: its two coordinates and its label (a class index) or target. */
export interface LabPoint {
  x1: number;
  x2: number;
  /** Class index 0…classes−1 for classification, a real target for regression. */
  y: number;
}

export interface LabData {
  task: LabTask;
  /** Classes (2 to 5) for classification; 1 for regression. */
  classes: number;
  train: LabPoint[];
  test: LabPoint[];
  /**
   * Points set aside from the training share for early stopping to watch (never trained on);
   * absent or empty when early stopping is off.
   */
  validation?: LabPoint[];
  /** A curve y = f(x₁): the pictures plot the fit against x₁ and x₂ is not an input. */
  oneDimensional: boolean;
}

/** The inputs the network can be given, each computed from the point's two coordinates. */
export const FEATURES = ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'] as const;
export type LabFeature = (typeof FEATURES)[number];

export const ACTIVATIONS = ['relu', 'tanh', 'sigmoid', 'linear', 'gelu'] as const;
export type LabActivation = (typeof ACTIVATIONS)[number];

/** Losses: MSE fits every task; cross-entropy and hinge fit classification only. */
export const LOSSES = ['mse', 'crossEntropy', 'hinge'] as const;
export type LabLoss = (typeof LOSSES)[number];

export const LAB_OPTIMIZERS = ['sgd', 'momentum', 'adam'] as const satisfies readonly OptimizerKind[];
export type LabOptimizer = (typeof LAB_OPTIMIZERS)[number];

export const REGULARIZERS = ['none', 'l1', 'l2'] as const;
export type LabRegularizer = (typeof REGULARIZERS)[number];

export const MAX_LAYERS = 6;
export const MAX_UNITS = 8;

export interface LabLayer {
  units: number;
  activation: LabActivation;
  /** Probability of dropping each of this layer's units in training (0 = no dropout). */
  dropout: number;
}

/** The network and how it is trained: everything that decides a run, with the data and the seed. */
export interface LabNetwork {
  features: LabFeature[];
  /** Hidden layers, input side first (none: a linear model of the features). */
  layers: LabLayer[];
  loss: LabLoss;
  optimizer: LabOptimizer;
  learningRate: number;
  regularizer: LabRegularizer;
  regularizationRate: number;
  batchSize: number;
}

/**
 * The trained network's parameters, layer by layer from the input side (the hidden layers, then
 * the output layer): `weights[i][j]` joins input unit i to unit j of the layer (the engine's
 * [in, out] layout), `biases[j]` is unit j's bias.
 */
export interface LabLayerWeights {
  weights: number[][];
  biases: number[];
}

/** Units of the output layer: one per class beyond two, else one (a logit or a value). */
export function outputUnits(data: Pick<LabData, 'task' | 'classes'>): number {
  return data.task === 'classification' && data.classes > 2 ? data.classes : 1;
}

/** Whether a loss fits the task (cross-entropy and hinge need classes). */
export function lossFits(loss: LabLoss, task: LabTask): boolean {
  return task === 'classification' || loss === 'mse';
}
