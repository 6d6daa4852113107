// What the Lab shows of its network, as plain numbers: the output over the plane (or along x₁ for
// a curve), every hidden unit's output on a coarser grid, the parameters, and the loss and accuracy
// on the training and test points. One forward pass per grid in evaluation mode (no dropout), the
// hidden layers' outputs read on the way.
import { argmax, noGrad, sigmoid, softmax, tensor, tidy, type Tensor } from '../../engine/index.ts';
import { featureMatrix } from './features.ts';
import { labLoss, labTargets, labWeights, type LabNet } from './network.ts';
import { EXTENT, type LabData, type LabFeature, type LabLayerWeights, type LabNetwork, type LabPoint } from './spec.ts';

/** Cells per side of the output surface, and of every unit's small map. */
export const OUTPUT_GRID = 50;
export const UNIT_GRID = 24;
/** Samples along x₁ for a curve's fit and for each unit's small plot. */
export const CURVE_SAMPLES = 121;
export const UNIT_SAMPLES = 49;

/**
 * Points at the centres of a size×size grid over the plane: index j·size + i is cell (i, j), i along
 * x₁ and j along x₂ from the bottom (the kit's surface convention).
 */
export function planeGrid(size: number): LabPoint[] {
  const out: LabPoint[] = [];
  const cell = (2 * EXTENT) / size;
  for (let j = 0; j < size; j++) for (let i = 0; i < size; i++) out.push({ x1: -EXTENT + (i + 0.5) * cell, x2: -EXTENT + (j + 0.5) * cell, y: 0 });
  return out;
}

/** Evenly spaced points along x₁ from −EXTENT to EXTENT, at x₂ = 0. */
export function lineGrid(samples: number): LabPoint[] {
  return Array.from({ length: samples }, (_, i) => ({ x1: -EXTENT + (2 * EXTENT * i) / (samples - 1), x2: 0, y: 0 }));
}

export type LabSurface =
  /** Binary classification: P(class 1) per cell. */
  | { kind: 'probability'; values: Float32Array }
  /** K classes: the most likely class and its probability per cell. */
  | { kind: 'classes'; classes: Uint8Array; confidence: Float32Array }
  /** Regression over the plane: the predicted value per cell. */
  | { kind: 'value'; values: Float32Array }
  /** Regression of a curve: the prediction at each sample along x₁. */
  | { kind: 'curve'; values: Float32Array };

export interface LabMeasures {
  trainLoss: number;
  testLoss: number;
  /** Fraction classified right (classification only; null for regression or no points). */
  trainAccuracy: number | null;
  testAccuracy: number | null;
}

export interface LabPicture extends LabMeasures {
  surface: LabSurface;
  /** units[l][u]: hidden layer l's unit u on the unit grid (or along x₁ for a curve). */
  units: Float32Array[][];
  parameters: LabLayerWeights[];
}

/** Runs the network on `points` in evaluation mode; returns the output and every hidden layer's. */
function forwardAll(lab: LabNet, x: Tensor): { out: Tensor; hidden: Tensor[] } {
  const hidden: Tensor[] = [];
  let h = x;
  let layer = 0;
  for (const module of lab.net.layers) {
    h = module.forward(h);
    if (module === lab.activations[layer]) {
      hidden.push(h);
      layer++;
    }
  }
  return { out: h, hidden };
}

function inputs(points: readonly LabPoint[], features: readonly LabFeature[]): Tensor {
  return tensor(featureMatrix(points as LabPoint[], features as LabFeature[]), [points.length, features.length]);
}

/** Splits a [n, units] matrix into one array per unit. */
function columns(values: Float32Array, units: number): Float32Array[] {
  const n = values.length / units;
  return Array.from({ length: units }, (_, u) => Float32Array.from({ length: n }, (_, i) => values[i * units + u]));
}

function surfaceOf(out: Tensor, data: LabData): LabSurface {
  if (data.oneDimensional) return { kind: 'curve', values: out.data().slice() };
  if (data.task === 'regression') return { kind: 'value', values: out.data().slice() };
  if (out.shape[1] === 1) return { kind: 'probability', values: sigmoid(out).data().slice() };
  const p = softmax(out);
  const cls = argmax(p, 1);
  const pv = p.data();
  const k = out.shape[1];
  return { kind: 'classes', classes: Uint8Array.from(cls), confidence: Float32Array.from(cls, (c, i) => pv[i * k + c]) };
}

/** Loss (without the penalty) and accuracy on a set of points, in evaluation mode. */
function measure(lab: LabNet, points: readonly LabPoint[], network: LabNetwork, data: LabData): { loss: number; accuracy: number | null } {
  if (points.length === 0) return { loss: 0, accuracy: null };
  const out = lab.net.forward(inputs(points, network.features));
  const labels = points.map((p) => p.y);
  const loss = labLoss(out, labTargets(labels, data.task, out.shape[1]), network.loss, data.task).item();
  if (data.task === 'regression') return { loss, accuracy: null };
  const predicted = out.shape[1] === 1 ? Array.from(out.data(), (v) => (v > 0 ? 1 : 0)) : argmax(out, 1);
  return { loss, accuracy: predicted.filter((c, i) => c === labels[i]).length / labels.length };
}

export function labMeasures(lab: LabNet, network: LabNetwork, data: LabData): LabMeasures {
  return evaluating(lab, () => {
    const train = measure(lab, data.train, network, data);
    const test = measure(lab, data.test, network, data);
    return { trainLoss: train.loss, testLoss: test.loss, trainAccuracy: train.accuracy, testAccuracy: test.accuracy };
  });
}

/** The data loss (no penalty) on `points`, in evaluation mode: what early stopping watches. */
export function labHeldOutLoss(lab: LabNet, points: readonly LabPoint[], network: LabNetwork, data: LabData): number {
  return evaluating(lab, () => measure(lab, points, network, data).loss);
}

/** Runs `f` in evaluation mode without gradients inside tidy, then restores training mode. */
function evaluating<T>(lab: LabNet, f: () => T): T {
  lab.net.eval();
  try {
    return tidy(() => noGrad(f));
  } finally {
    lab.net.train();
  }
}

/** The whole picture: surface, unit maps, parameters and measures. */
export function labPicture(lab: LabNet, network: LabNetwork, data: LabData, grids: { output: LabPoint[]; units: LabPoint[] }): LabPicture {
  const measures = labMeasures(lab, network, data);
  return evaluating(lab, () => {
    const surface = surfaceOf(forwardAll(lab, inputs(grids.output, network.features)).out, data);
    const { hidden } = forwardAll(lab, inputs(grids.units, network.features));
    const units = hidden.map((h) => columns(h.data(), h.shape[1]));
    return { ...measures, surface, units, parameters: labWeights(lab) };
  });
}
