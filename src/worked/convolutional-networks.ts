// The worked numbers of the chapter "Convolutional networks", each computed by the engine: output
// sizes from real convolutions, feature maps and pooled maps of the chapter's small examples,
// parameter counts from the engine's modules, receptive fields from a backward pass, and the
// accuracy of the shipped model on the test digits. tests/content/worked-convolutional-networks.test.ts
// recomputes every one without the engine.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { avgPool2d, conv2d, maxPool2d, nn, Random, tensor, tidy, zeros, type Tensor } from '../engine/index.ts';
import { decodeMnist, MNIST_FILES } from '../engine/data/mnistFormat.ts';
import { MnistSplit } from '../engine/data/mnist.ts';
import { ensureMnist } from '../build/mnist.ts';
import { buildCnn, buildMlp, DEFAULT_ARCHITECTURE } from '../widgets/MnistTrainer/cnnModel.ts';
import { checkPretrained } from '../widgets/MnistTrainer/pretrained.ts';
import { evaluate } from '../widgets/MnistTrainer/mnistTraining.ts';
import { dependence, STACK_LAYERS, support, type LayerSpec } from '../widgets/ReceptiveField/receptive.ts';
import { workedValues } from './define.ts';

const root = resolve(import.meta.dirname, '..', '..');

/** Output side of a real convolution of an n×n one-channel image with a k×k kernel. */
function convSide(n: number, k: number, opts: { stride?: number; padding?: number; dilation?: number } = {}): number {
  return tidy(() => conv2d(zeros([1, n, n, 1]), zeros([k, k, 1, 1]), opts).shape[1]);
}

/** The chapter's 4×4 example image and 3×3 vertical-edge kernel. */
export const EXAMPLE_IMAGE = [
  [1, 2, 0, 1],
  [0, 1, 3, 1],
  [2, 1, 0, 0],
  [1, 0, 1, 2],
];
export const EXAMPLE_KERNEL = [
  [1, 0, -1],
  [1, 0, -1],
  [1, 0, -1],
];
/** The pooling example's 4×4 feature map. */
export const POOL_MAP = [
  [1, 3, 2, 0],
  [4, 2, 1, 5],
  [0, 1, 3, 2],
  [2, 6, 1, 1],
];

const image4 = (m: number[][]): Tensor => tensor(m.flat(), [1, m.length, m[0].length, 1]);

function exampleConv(i: number, j: number): number {
  return tidy(() => conv2d(image4(EXAMPLE_IMAGE), tensor(EXAMPLE_KERNEL.flat(), [3, 3, 1, 1])).data()[i * 2 + j]);
}

function pooled(kind: 'max' | 'avg', i: number, j: number): number {
  return tidy(() => (kind === 'max' ? maxPool2d : avgPool2d)(image4(POOL_MAP), { kernel: 2 }).data()[i * 2 + j]);
}

/** Parameters of a module built by `make`, counted by the engine, then freed. */
function params(make: (rng: Random) => nn.Module): number {
  const m = make(new Random(1));
  const n = m.numParameters();
  m.dispose();
  return n;
}

/** Parameters of layer `index` of the chapter's default CNN. */
function cnnLayerParams(index: number): number {
  const m = buildCnn(DEFAULT_ARCHITECTURE, 1);
  const n = m.layers[index].numParameters();
  m.dispose();
  return n;
}

function fieldOf(layers: LayerSpec[]): number {
  // The unit at the middle of the last layer, on an input big enough for every stack.
  const side = 40;
  let s = side;
  for (const l of layers) s = Math.floor((s - (l.d * (l.k - 1) + 1)) / l.s) + 1;
  const mid = Math.floor(s / 2);
  return support(dependence(layers, layers.length, mid, mid, side))!.rows;
}

/** The CIFAR-10 model of the chapter (the classic Keras tutorial's), built with the engine. */
export function cifarModel(rng: Random): nn.Sequential {
  return new nn.Sequential(
    new nn.Conv2d(3, 32, 3, { rng }),
    new nn.ReLU(),
    new nn.MaxPool2d(2),
    new nn.Conv2d(32, 64, 3, { rng }),
    new nn.ReLU(),
    new nn.MaxPool2d(2),
    new nn.Conv2d(64, 64, 3, { rng }),
    new nn.ReLU(),
    new nn.Flatten(),
    new nn.Linear(4 * 4 * 64, 64, { rng }),
    new nn.ReLU(),
    new nn.Linear(64, 10, { rng }),
  );
}

function cifarCount(kind: 'conv' | 'pool' | 'dense'): number {
  const m = cifarModel(new Random(1));
  const type = { conv: nn.Conv2d, pool: nn.MaxPool2d, dense: nn.Linear }[kind];
  const n = m.layers.filter((l) => l instanceof type).length;
  m.dispose();
  return n;
}

/** Features reaching the CIFAR model's first dense layer, from a forward pass of one blank image. */
function cifarFlat(): number {
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

/** Accuracy (in %) of public/models/mnist-cnn.json on the book's 2,000 test digits. */
function pretrainedAccuracy(): number {
  const shipped = checkPretrained(JSON.parse(readFileSync(resolve(root, 'public', 'models', 'mnist-cnn.json'), 'utf8')));
  const dataDir = resolve(root, 'public', 'data');
  ensureMnist(dataDir);
  const test = new MnistSplit(decodeMnist(readFileSync(resolve(dataDir, MNIST_FILES.test)), MNIST_FILES.test));
  const model = buildCnn(shipped.architecture, 1);
  model.loadStateDict(shipped.state);
  const acc = evaluate(model, test).accuracy;
  model.dispose();
  return 100 * acc;
}

export default workedValues('convolutional-networks', {
  // Output sizes, each from a real convolution.
  outMnist5: { digits: 0, compute: () => convSide(28, 5) },
  outSame5: { digits: 0, compute: () => convSide(28, 5, { padding: 2 }) },
  outStride2: { digits: 0, compute: () => convSide(28, 3, { stride: 2, padding: 1 }) },
  outDilated: { digits: 0, compute: () => convSide(32, 3, { dilation: 2 }) },
  outAlexNet: { digits: 0, compute: () => convSide(227, 11, { stride: 4 }) },
  outResNetStem: { digits: 0, compute: () => convSide(224, 7, { stride: 2, padding: 3 }) },

  // The 4×4 example convolved with the vertical-edge kernel.
  conv11: { digits: 0, compute: () => exampleConv(0, 0) },
  conv12: { digits: 0, compute: () => exampleConv(0, 1) },
  conv21: { digits: 0, compute: () => exampleConv(1, 0) },
  conv22: { digits: 0, compute: () => exampleConv(1, 1) },

  // Max and average pooling, 2×2 windows, stride 2.
  max11: { digits: 0, compute: () => pooled('max', 0, 0) },
  max12: { digits: 0, compute: () => pooled('max', 0, 1) },
  max21: { digits: 0, compute: () => pooled('max', 1, 0) },
  max22: { digits: 0, compute: () => pooled('max', 1, 1) },
  avg11: { digits: 2, compute: () => pooled('avg', 0, 0) },
  avg12: { digits: 2, compute: () => pooled('avg', 0, 1) },
  avg21: { digits: 2, compute: () => pooled('avg', 1, 0) },
  avg22: { digits: 2, compute: () => pooled('avg', 1, 1) },

  // Parameter counts.
  mlpMnist100: { digits: 0, compute: () => params((rng) => new nn.Linear(28 * 28, 100, { rng })) },
  mlpPhoto: { digits: 0, compute: () => params((rng) => new nn.Linear(64 * 64 * 3, 100, { rng })) },
  convPhoto: { digits: 0, compute: () => params((rng) => new nn.Conv2d(3, 100, 3, { rng })) },
  photoRatio: {
    digits: 0,
    compute: () => params((rng) => new nn.Linear(64 * 64 * 3, 100, { rng })) / params((rng) => new nn.Conv2d(3, 100, 3, { rng })),
  },
  cnnConv1: { digits: 0, compute: () => cnnLayerParams(0) },
  cnnConv2: { digits: 0, compute: () => cnnLayerParams(3) },
  cnnDense: { digits: 0, compute: () => cnnLayerParams(7) },
  cnnTotal: { digits: 0, compute: () => params(() => buildCnn(DEFAULT_ARCHITECTURE, 1)) },
  cnnFlat: { digits: 0, compute: () => tidy(() => new nn.Flatten().forward(buildCnnFeatures()).shape[1]) },
  mlp64: { digits: 0, compute: () => params(() => buildMlp(64, 1)) },
  mlpOverCnn: { digits: 1, compute: () => params(() => buildMlp(64, 1)) / params(() => buildCnn(DEFAULT_ARCHITECTURE, 1)) },
  twoThree64: { digits: 0, compute: () => 2 * params((rng) => new nn.Conv2d(64, 64, 3, { rng })) },
  oneFive64: { digits: 0, compute: () => params((rng) => new nn.Conv2d(64, 64, 5, { rng })) },
  threeThree64: { digits: 0, compute: () => 3 * params((rng) => new nn.Conv2d(64, 64, 3, { rng })) },
  oneSeven64: { digits: 0, compute: () => params((rng) => new nn.Conv2d(64, 64, 7, { rng })) },

  // Receptive fields, from the engine's backward pass.
  rfThree3x3: { digits: 0, compute: () => fieldOf(STACK_LAYERS.three3x3) },
  rfLenet: { digits: 0, compute: () => fieldOf(STACK_LAYERS.lenet) },
  rfDilated: { digits: 0, compute: () => fieldOf(STACK_LAYERS.dilated) },
  rfStrided: { digits: 0, compute: () => fieldOf(STACK_LAYERS.strided) },

  // The CIFAR-10 model, counted by the engine.
  cifarConv: { digits: 0, compute: () => cifarCount('conv') },
  cifarPool: { digits: 0, compute: () => cifarCount('pool') },
  cifarDense: { digits: 0, compute: () => cifarCount('dense') },
  cifarFlat: { digits: 0, compute: cifarFlat },
  cifarParams: { digits: 0, compute: () => params(cifarModel) },

  // The shipped model.
  pretrainedAccuracy: { digits: 1, compute: pretrainedAccuracy },

  // Exercises.
  ex1: { digits: 0, compute: () => convSide(64, 3, { stride: 2, padding: 1 }) },
  ex2: { digits: 0, compute: () => params((rng) => new nn.Conv2d(16, 32, 3, { rng })) },
  ex3: { digits: 0, compute: () => fieldOf([1, 2, 3, 4].map(() => ({ kind: 'conv' as const, k: 3, s: 1, d: 1 }))) },
  ex4: { digits: 0, compute: () => params((rng) => new nn.Linear(7 * 7 * 64, 10, { rng })) },
  ex5: { digits: 0, compute: () => convSide(100, 5, { stride: 3 }) },
});

/** The default CNN's features just before its flatten layer, for one blank image. */
function buildCnnFeatures(): Tensor {
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
