// The small convolutional network the chapter trains on MNIST, and the multilayer perceptron it is
// compared with. Pure engine code (no React, no DOM): the widgets, the training script that makes
// the shipped weights (scripts/train-mnist.ts) and the benchmark all build their models here, so
// the model the page trains is the model the numbers are about.
import { nn, Random, type Tensor } from '../../engine/index.ts';

export interface CnnArchitecture {
  /** Filters of the first convolution. */
  filters1: number;
  /** Filters of the second convolution; 0 leaves the second convolution out. */
  filters2: number;
  /** Side of every (square) kernel. */
  kernel: 3 | 5;
}

export const DEFAULT_ARCHITECTURE: CnnArchitecture = { filters1: 8, filters2: 16, kernel: 5 };

/** Limits the trainer's controls keep to (a model that stays fast enough to train live). */
export const ARCHITECTURE_LIMITS = { filters1: [1, 16], filters2: [0, 32] } as const;

export const IMAGE_SIDE = 28;
export const CLASSES = 10;

/** Output side of a 'valid' convolution or pooling: ⌊(n + 2p − d(k − 1) − 1)/s⌋ + 1. */
export function outputSide(n: number, k: number, s = 1, p = 0, d = 1): number {
  return Math.floor((n + 2 * p - d * (k - 1) - 1) / s) + 1;
}

export interface LayerShape {
  /** Name as in the model's state dict ("0" for the first layer), or the layer's kind. */
  label: string;
  /** [height, width, channels] after the layer. */
  shape: [number, number, number] | [number];
}

/** The side and channels after each layer: what the architecture table in the widget shows. */
export function layerShapes(a: CnnArchitecture): LayerShape[] {
  const out: LayerShape[] = [{ label: 'input', shape: [IMAGE_SIDE, IMAGE_SIDE, 1] }];
  let side = IMAGE_SIDE;
  let channels = 1;
  for (const filters of a.filters2 > 0 ? [a.filters1, a.filters2] : [a.filters1]) {
    side = outputSide(side, a.kernel);
    channels = filters;
    out.push({ label: `conv ${filters}@${a.kernel}×${a.kernel} + ReLU`, shape: [side, side, channels] });
    side = outputSide(side, 2, 2);
    out.push({ label: 'max pool 2×2', shape: [side, side, channels] });
  }
  out.push({ label: 'flatten', shape: [side * side * channels] });
  out.push({ label: 'dense', shape: [CLASSES] });
  return out;
}

/** Number of features the dense layer receives. */
export function flatFeatures(a: CnnArchitecture): number {
  const last = layerShapes(a).find((l) => l.label === 'flatten');
  return (last?.shape as [number])[0];
}

/** Weights and biases of the model buildCnn makes, counted from the architecture alone. */
export function cnnParameters(a: CnnArchitecture): number {
  const k2 = a.kernel * a.kernel;
  const conv1 = k2 * a.filters1 + a.filters1;
  const conv2 = a.filters2 > 0 ? k2 * a.filters1 * a.filters2 + a.filters2 : 0;
  return conv1 + conv2 + flatFeatures(a) * CLASSES + CLASSES;
}

/**
 * conv(filters1, k) → ReLU → max pool 2 → [conv(filters2, k) → ReLU → max pool 2] → flatten →
 * dense 10. Layer indices in the state dict: 0 conv, 1 ReLU, 2 pool, (3 conv, 4 ReLU, 5 pool),
 * then flatten and the dense layer. He (Kaiming) initialisation suits the ReLUs.
 */
// #region model
export function buildCnn(a: CnnArchitecture, seed: number): nn.Sequential {
  const rng = new Random(seed);
  const layers: nn.TensorModule[] = [new nn.Conv2d(1, a.filters1, a.kernel, { rng, init: 'kaimingUniform' }), new nn.ReLU(), new nn.MaxPool2d(2)];
  if (a.filters2 > 0) layers.push(new nn.Conv2d(a.filters1, a.filters2, a.kernel, { rng, init: 'kaimingUniform' }), new nn.ReLU(), new nn.MaxPool2d(2));
  layers.push(new nn.Flatten(), new nn.Linear(flatFeatures(a), CLASSES, { rng }));
  return new nn.Sequential(...layers);
}
// #endregion

/** The convolution layers of a model built by buildCnn, in order (their outputs are feature maps). */
export function convIndices(a: CnnArchitecture): number[] {
  return a.filters2 > 0 ? [0, 3] : [0];
}

/** A 784-hidden-10 perceptron on the flattened image (input [batch, 28, 28, 1] is flattened first). */
export function buildMlp(hidden: number, seed: number): nn.Sequential {
  const rng = new Random(seed);
  return new nn.Sequential(
    new nn.Flatten(),
    new nn.Linear(IMAGE_SIDE * IMAGE_SIDE, hidden, { rng, init: 'kaimingUniform' }),
    new nn.ReLU(),
    new nn.Linear(hidden, CLASSES, { rng }),
  );
}

export type Model = nn.Sequential;
export type { Tensor };
