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

/** The file scripts/train-mnist.ts writes (public/models/mnist-cnn.json). */
export interface PretrainedFile extends SharedModel {
  format: 'deep-learning-live/cnn-state-dict';
  version: 1;
  seed: number;
  batchSize: number;
  learningRate: number;
}

export const PRETRAINED_FILE = 'mnist-cnn.json';

export function checkPretrained(file: unknown): SharedModel {
  const f = file as Partial<PretrainedFile> | null;
  if (!f || f.format !== 'deep-learning-live/cnn-state-dict' || f.version !== 1 || !f.architecture || !f.state) {
    throw new Error('the pretrained model file is not in the expected format');
  }
  return { architecture: f.architecture, state: f.state, testAccuracy: f.testAccuracy ?? null, samples: f.samples ?? 0 };
}

