// The models behind the chapter "Convolutional networks"'s worked numbers: the default MNIST CNN
// (parameters per layer, map sides, its features), the CIFAR-10 model the chapter shows as code,
// the MNIST files, and the shipped model with the accuracy history its training script logged.
// ../convolutional-networks.ts names the numbers; this module builds what they are read from.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { nn, Random, tidy, zeros, type Tensor } from '../../engine/index.ts';
import { decodeMnist, MNIST_FILES } from '../../engine/data/mnistFormat.ts';
import { MnistSplit } from '../../engine/data/mnist.ts';
import { ensureMnist } from '../../build/mnist.ts';
import { buildCnn, DEFAULT_ARCHITECTURE } from '../../models/mnist/cnnModel.ts';
import { checkPretrained, type PretrainedFile } from '../../models/mnist/pretrained.ts';
import { evaluate, type Evaluation } from '../../models/mnist/mnistTraining.ts';

const root = resolve(import.meta.dirname, '..', '..', '..');

/** Parameters of layer `index` of the chapter's default CNN. */
export function cnnLayerParams(index: number): number {
  const m = buildCnn(DEFAULT_ARCHITECTURE, 1);
  const n = m.layers[index].numParameters();
  m.dispose();
  return n;
}

/** The CIFAR-10 model of the chapter (the classic Keras tutorial's), built with the engine. */
export function cifarModel(rng: Random): nn.Sequential {
  // #region cifar
  // Images [batch, 32, 32, 3], channels last; the sides in the comments follow ⌊(n − k)/s⌋ + 1.
  return new nn.Sequential(
    new nn.Conv2d(3, 32, 3, { rng }), // conv 1 → 30×30×32
    new nn.ReLU(),
    new nn.MaxPool2d(2), // → 15×15×32
    new nn.Conv2d(32, 64, 3, { rng }), // conv 2 → 13×13×64
    new nn.ReLU(),
    new nn.MaxPool2d(2), // → 6×6×64
    new nn.Conv2d(64, 64, 3, { rng }), // conv 3 → 4×4×64
    new nn.ReLU(),
    new nn.Flatten(), // → 1024
    new nn.Linear(4 * 4 * 64, 64, { rng }), // dense 1
    new nn.ReLU(),
    new nn.Linear(64, 10, { rng }), // dense 2: the 10 scores (logits)
  );
  // #endregion
}

export function cifarCount(kind: 'conv' | 'pool' | 'dense'): number {
  const m = cifarModel(new Random(1));
  const type = { conv: nn.Conv2d, pool: nn.MaxPool2d, dense: nn.Linear }[kind];
  const n = m.layers.filter((l) => l instanceof type).length;
  m.dispose();
  return n;
}

/** Features reaching the CIFAR model's first dense layer, from a forward pass of one blank image. */
export function cifarFlat(): number {
  const m = cifarModel(new Random(1));
  const n = tidy(() => {
    let y: Tensor = zeros([1, 32, 32, 3]);
    for (const layer of m.layers) {
      if (layer instanceof nn.Flatten) return layer.forward(y).shape[1];
      y = layer.forward(y);
    }
    return -1;
  });
  m.dispose();
  return n;
}

/** Side of the CIFAR model's last maps, from a forward pass of one blank image. */
export function cifarSide(): number {
  const m = cifarModel(new Random(1));
  const n = tidy(() => {
    let y: Tensor = zeros([1, 32, 32, 3]);
    for (const layer of m.layers) {
      if (layer instanceof nn.Flatten) return y.shape[1];
      y = layer.forward(y);
    }
    return -1;
  });
  m.dispose();
  return n;
}

/** The shipped model (public/models/mnist-cnn.json) evaluated on the book's test digits, once. */
let shippedEvaluation: Evaluation | null = null;
export function evaluateShipped(): Evaluation {
  if (shippedEvaluation) return shippedEvaluation;
  const shipped = checkPretrained(JSON.parse(readFileSync(resolve(root, 'public', 'models', 'mnist-cnn.json'), 'utf8')));
  const dataDir = resolve(root, 'public', 'data');
  ensureMnist(dataDir);
  const test = new MnistSplit(decodeMnist(readFileSync(resolve(dataDir, MNIST_FILES.test)), MNIST_FILES.test));
  const model = buildCnn(shipped.architecture, 1);
  model.loadStateDict(shipped.state);
  shippedEvaluation = evaluate(model, test);
  model.dispose();
  return shippedEvaluation;
}

/** Accuracy (in %) of the shipped model on the test digits. */
export const pretrainedAccuracy = () => 100 * evaluateShipped().accuracy;

/** The most test digits of one unordered pair of classes that the shipped model mixes up. */
export function maxPairConfusions(): number {
  const c = evaluateShipped().confusion;
  let most = 0;
  for (let a = 0; a < 10; a++) for (let b = a + 1; b < 10; b++) most = Math.max(most, c[a][b] + c[b][a]);
  return most;
}

/** The shipped model file, as scripts/train-mnist.ts wrote it. */
function shippedFile(): PretrainedFile {
  return JSON.parse(readFileSync(resolve(root, 'public', 'models', 'mnist-cnn.json'), 'utf8')) as PretrainedFile;
}

/** Test accuracy (in %) the training script logged after each epoch, first epoch first. */
export function logged(): number[] {
  const history = shippedFile().history;
  if (!history?.length) throw new Error('public/models/mnist-cnn.json has no training history: run npm run train:mnist');
  return history.map((h) => 100 * h.testAccuracy);
}

/** The first epoch whose logged test accuracy reached `percent`. */
export function firstEpochAtLeast(percent: number): number {
  const i = logged().findIndex((a) => a >= percent);
  if (i < 0) throw new Error(`no epoch reached ${percent}%`);
  return i + 1;
}

/** Images in a split of the book's MNIST files, counted from the file itself. */
export function mnistCount(which: 'train' | 'test'): number {
  const dataDir = resolve(root, 'public', 'data');
  ensureMnist(dataDir);
  return new MnistSplit(decodeMnist(readFileSync(resolve(dataDir, MNIST_FILES[which])), MNIST_FILES[which])).count;
}

/** Sides of the default CNN's maps after each of its layers up to the flatten, from a forward pass. */
export function cnnSides(): number[] {
  const m = buildCnn(DEFAULT_ARCHITECTURE, 1);
  const sides = tidy(() => {
    const out: number[] = [];
    let y: Tensor = zeros([1, 28, 28, 1]);
    for (const layer of m.layers) {
      if (layer instanceof nn.Flatten) break;
      y = layer.forward(y);
      out.push(y.shape[1]);
    }
    return out;
  });
  m.dispose();
  return sides; // conv, ReLU, pool, conv, ReLU, pool
}

/** The default CNN's features just before its flatten layer, for one blank image. */
export function buildCnnFeatures(): Tensor {
  const m = buildCnn(DEFAULT_ARCHITECTURE, 1);
  let y: Tensor = zeros([1, 28, 28, 1]);
  for (const layer of m.layers) {
    if (layer instanceof nn.Flatten) break;
    y = layer.forward(y);
  }
  const out = y.detach();
  m.dispose();
  return out;
}
