// The shipped model's file format (public/models/mnist-cnn.json, written by scripts/train-mnist.ts)
// and the model the widgets share: an architecture and a state dict of plain numbers.
import type { nn } from '../../engine/index.ts';
import type { CnnArchitecture } from './cnnModel.ts';

export interface SharedModel {
  architecture: CnnArchitecture;
  state: nn.StateDict;
  /** Accuracy on the 2,000 held-out test digits when it was saved, if measured. */
  testAccuracy: number | null;
  /** Training images seen. */
  samples: number;
}

/** The test accuracy of the weights as shipped (rounded), measured after one epoch of training. */
export interface EpochRecord {
  /** 1 for the first pass over the training images. */
  epoch: number;
  /** Training images seen by the end of this epoch. */
  samples: number;
  /** testCorrect / testCount. */
  testAccuracy: number;
  testCorrect: number;
  testCount: number;
}

/** The file scripts/train-mnist.ts writes (public/models/mnist-cnn.json). */
export interface PretrainedFile extends SharedModel {
  format: 'deep-learning-live/cnn-state-dict';
  version: 1;
  seed: number;
  batchSize: number;
  learningRate: number;
  /** Training images in the split it was trained on. */
  trainCount?: number;
  /** One record per epoch, in order; the last one is the shipped weights' own accuracy. */
  history?: EpochRecord[];
}

export const PRETRAINED_FILE = 'mnist-cnn.json';

export function checkPretrained(file: unknown): SharedModel {
  const f = file as Partial<PretrainedFile> | null;
  if (!f || f.format !== 'deep-learning-live/cnn-state-dict' || f.version !== 1 || !f.architecture || !f.state) {
    throw new Error('the pretrained model file is not in the expected format');
  }
  return { architecture: f.architecture, state: f.state, testAccuracy: f.testAccuracy ?? null, samples: f.samples ?? 0 };
}

