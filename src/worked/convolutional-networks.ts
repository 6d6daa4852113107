// The worked numbers of the chapter "Convolutional networks", each computed by the engine: output
// sizes from real convolutions, feature maps and pooled maps of the chapter's small examples,
// parameter counts from the engine's modules, receptive fields from a backward pass, gradients of a
// convolution and of pooling from the engine's autodiff, multiply–add counts from the shapes of real
// forward passes, the sizes of the MNIST split from its files, and the accuracy of the shipped model
// on the test digits (with the per-epoch history its training script logged).
// tests/content/worked-convolutional-networks.test.ts recomputes every one without the engine.
import { avgPool2d, conv2d, maxPool2d, mul, nn, Random, sum, tensor, tidy, zeros, type Tensor } from '../engine/index.ts';
import { buildCnn, buildMlp, DEFAULT_ARCHITECTURE } from '../models/mnist/cnnModel.ts';
import { dependence, STACK_LAYERS, support, type LayerSpec } from '../widgets/ReceptiveField/receptive.ts';
import { workedValues } from './define.ts';
import {
  buildCnnFeatures,
  cifarCount,
  cifarFlat,
  cifarModel,
  cifarSide,
  cnnLayerParams,
  cnnSides,
  evaluateShipped,
  firstEpochAtLeast,
  logged,
  maxPairConfusions,
  mnistCount,
  pretrainedAccuracy,
} from './convolutional-networks/models.ts';


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

function fieldOf(layers: LayerSpec[]): number {
  // The unit at the middle of the last layer, on an input big enough for every stack.
  const side = 40;
  let s = side;
  for (const l of layers) s = Math.floor((s - (l.d * (l.k - 1) + 1)) / l.s) + 1;
  const mid = Math.floor(s / 2);
  return support(dependence(layers, layers.length, mid, mid, side))!.rows;
}

/**
 * Multiply–adds of one convolution on one image: every output value (counted from the shape of a
 * real forward pass) is a dot product of k·k·C_in products.
 */
function convMacs(side: number, cin: number, cout: number, k: number): number {
  const shape = tidy(() => conv2d(zeros([1, side, side, cin]), zeros([k, k, cin, cout])).shape);
  return shape[1] * shape[2] * shape[3] * k * k * cin;
}

// The 1-D backward example: input x, kernel w, and the gradient ∂L/∂z the layers above send back.
export const BACKWARD_X = [1, 3, 0, 2, 2];
export const BACKWARD_W = [1, 2, -1];
export const BACKWARD_DZ = [1, -1, 2];

/** z = conv(x, w) in 1-D (as a 1-row image), and the engine's gradients of L = Σ dz·z. */
function backward1d(): { z: number[]; dx: number[]; dw: number[] } {
  return tidy(() => {
    const x = tensor(BACKWARD_X, [1, 1, BACKWARD_X.length, 1], { requiresGrad: true });
    const w = tensor(BACKWARD_W, [1, BACKWARD_W.length, 1, 1], { requiresGrad: true });
    const z = conv2d(x, w);
    sum(mul(z, tensor(BACKWARD_DZ, [1, 1, BACKWARD_DZ.length, 1]))).backward();
    return { z: Array.from(z.data()), dx: Array.from(x.grad!.data()), dw: Array.from(w.grad!.data()) };
  });
}

/** Gradient of L = Σ pool(POOL_MAP) (every upstream gradient 1) with respect to each input cell. */
function poolGradient(kind: 'max' | 'avg'): number[] {
  return tidy(() => {
    const x = tensor(POOL_MAP.flat(), [1, 4, 4, 1], { requiresGrad: true });
    sum((kind === 'max' ? maxPool2d : avgPool2d)(x, { kernel: 2 })).backward();
    return Array.from(x.grad!.data());
  });
}

/** Every cell's share under average pooling: the same for all sixteen (checked here). */
function avgShare(): number {
  const g = poolGradient('avg');
  if (g.some((v) => v !== g[0])) throw new Error('average pooling gave unequal shares');
  return g[0];
}

// The transposed convolution: two inputs, the kernel of the backward example, stride 2.
export const TRANSPOSED_U = [1, 2];
export const TRANSPOSED_STRIDE = 2;
/** Output side of a transposed convolution: (n − 1)·s + k, the input side of the convolution it reverses. */
function transposedSide(): number {
  const side = (TRANSPOSED_U.length - 1) * TRANSPOSED_STRIDE + BACKWARD_W.length;
  if (convSide(side, BACKWARD_W.length, { stride: TRANSPOSED_STRIDE }) !== TRANSPOSED_U.length) throw new Error('transposed side does not invert the convolution');
  return side;
}

/**
 * A transposed convolution of u with w, computed as the engine computes it: the gradient, with
 * respect to its input, of a stride-s convolution whose output's gradient is u.
 */
function transposed(u: number[], w: number[]): number[] {
  const side = transposedSide();
  return tidy(() => {
    const x = tensor(new Array<number>(side).fill(0), [1, 1, side, 1], { requiresGrad: true });
    const z = conv2d(x, tensor(w, [1, w.length, 1, 1]), { stride: TRANSPOSED_STRIDE });
    sum(mul(z, tensor(u, [1, 1, u.length, 1]))).backward();
    return Array.from(x.grad!.data());
  });
}

/** One pixel with three channels through a 1×1 convolution with two filters. */
export const PIXEL = [1, 2, 3];
export const ONE_BY_ONE = [
  [1, 0],
  [0, 1],
  [1, -1],
]; // [C_in = 3][C_out = 2]
function oneByOne(o: number): number {
  return tidy(() => conv2d(tensor(PIXEL, [1, 1, 1, 3]), tensor(ONE_BY_ONE.flat(), [1, 1, 3, 2])).data()[o]);
}

/** The max-pooling exercise's map, and the same map shifted one column right (zeros in on the left). */
export const EXERCISE_MAP = [
  [0, 5, 1, 1],
  [2, 3, 0, 4],
  [7, 1, 2, 2],
  [0, 0, 3, 1],
];
function exercisePool(shifted: boolean, i: number, j: number): number {
  const m = shifted ? EXERCISE_MAP.map((row) => [0, ...row.slice(0, -1)]) : EXERCISE_MAP;
  return tidy(() => maxPool2d(image4(m), { kernel: 2 }).data()[i * 2 + j]);
}

export default workedValues('convolutional-networks', {
  // Output sizes, each from a real convolution.
  outMnist5: { digits: 0, compute: () => convSide(28, 5) },
  outSame5: { digits: 0, compute: () => convSide(28, 5, { padding: 2 }) },
  outStride2: { digits: 0, compute: () => convSide(28, 3, { stride: 2, padding: 1 }) },
  outDilated: { digits: 0, compute: () => convSide(32, 3, { dilation: 2 }) },
  outAlexNet: { digits: 0, compute: () => convSide(227, 11, { stride: 4 }) },
  dilatedSpan: { digits: 0, compute: () => fieldOf([{ kind: 'conv', k: 3, s: 1, d: 2 }]) },
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
  shippedErrors: { digits: 0, compute: () => evaluateShipped().count - Math.round(evaluateShipped().accuracy * evaluateShipped().count) },
  maxPairConfusions: { digits: 0, compute: maxPairConfusions },

  // The size of the digit split, from its files.
  trainCount: { digits: 0, compute: () => mnistCount('train') },
  testCount: { digits: 0, compute: () => mnistCount('test') },

  // The shipped model's training, as scripts/train-mnist.ts logged it after each epoch.
  historyEpochs: { digits: 0, compute: () => logged().length },
  epoch1Accuracy: { digits: 1, compute: () => logged()[0] },
  firstEpoch97: { digits: 0, compute: () => firstEpochAtLeast(97) },
  firstEpoch97Accuracy: { digits: 1, compute: () => logged()[firstEpochAtLeast(97) - 1] },
  historyBest: { digits: 1, compute: () => Math.max(...logged()) },
  historyBestEpoch: { digits: 0, compute: () => logged().indexOf(Math.max(...logged())) + 1 },

  // Sides of the default CNN's maps: conv 1, pool 1, conv 2, pool 2.
  cnnPool1Side: { digits: 0, compute: () => cnnSides()[2] },
  cnnConv2Side: { digits: 0, compute: () => cnnSides()[3] },
  cnnPool2Side: { digits: 0, compute: () => cnnSides()[5] },

  // The 1-D backward pass of a convolution, by the engine's autodiff.
  bwdZ0: { digits: 0, compute: () => backward1d().z[0] },
  bwdZ1: { digits: 0, compute: () => backward1d().z[1] },
  bwdZ2: { digits: 0, compute: () => backward1d().z[2] },
  bwdDx0: { digits: 0, compute: () => backward1d().dx[0] },
  bwdDx1: { digits: 0, compute: () => backward1d().dx[1] },
  bwdDx2: { digits: 0, compute: () => backward1d().dx[2] },
  bwdDx3: { digits: 0, compute: () => backward1d().dx[3] },
  bwdDx4: { digits: 0, compute: () => backward1d().dx[4] },
  bwdDw0: { digits: 0, compute: () => backward1d().dw[0] },
  bwdDw1: { digits: 0, compute: () => backward1d().dw[1] },
  bwdDw2: { digits: 0, compute: () => backward1d().dw[2] },

  // Pooling's backward pass: the gradient of the sum of the pooled map.
  maxGrad00: { digits: 0, compute: () => poolGradient('max')[0] },
  maxGrad01: { digits: 0, compute: () => poolGradient('max')[1] },
  maxGrad02: { digits: 0, compute: () => poolGradient('max')[2] },
  maxGrad03: { digits: 0, compute: () => poolGradient('max')[3] },
  maxGrad10: { digits: 0, compute: () => poolGradient('max')[4] },
  maxGrad11: { digits: 0, compute: () => poolGradient('max')[5] },
  maxGrad12: { digits: 0, compute: () => poolGradient('max')[6] },
  maxGrad13: { digits: 0, compute: () => poolGradient('max')[7] },
  maxGrad20: { digits: 0, compute: () => poolGradient('max')[8] },
  maxGrad21: { digits: 0, compute: () => poolGradient('max')[9] },
  maxGrad22: { digits: 0, compute: () => poolGradient('max')[10] },
  maxGrad23: { digits: 0, compute: () => poolGradient('max')[11] },
  maxGrad30: { digits: 0, compute: () => poolGradient('max')[12] },
  maxGrad31: { digits: 0, compute: () => poolGradient('max')[13] },
  maxGrad32: { digits: 0, compute: () => poolGradient('max')[14] },
  maxGrad33: { digits: 0, compute: () => poolGradient('max')[15] },
  avgGradShare: { digits: 2, compute: avgShare },

  // A transposed convolution (stride 2), as the backward pass of a convolution; then with ones.
  tconvSide: { digits: 0, compute: transposedSide },
  tconv0: { digits: 0, compute: () => transposed(TRANSPOSED_U, BACKWARD_W)[0] },
  tconv1: { digits: 0, compute: () => transposed(TRANSPOSED_U, BACKWARD_W)[1] },
  tconv2: { digits: 0, compute: () => transposed(TRANSPOSED_U, BACKWARD_W)[2] },
  tconv3: { digits: 0, compute: () => transposed(TRANSPOSED_U, BACKWARD_W)[3] },
  tconv4: { digits: 0, compute: () => transposed(TRANSPOSED_U, BACKWARD_W)[4] },
  tones0: { digits: 0, compute: () => transposed([1, 1], [1, 1, 1])[0] },
  tones1: { digits: 0, compute: () => transposed([1, 1], [1, 1, 1])[1] },
  tones2: { digits: 0, compute: () => transposed([1, 1], [1, 1, 1])[2] },
  tones3: { digits: 0, compute: () => transposed([1, 1], [1, 1, 1])[3] },
  tones4: { digits: 0, compute: () => transposed([1, 1], [1, 1, 1])[4] },

  // A 1×1 convolution mixes the channels of each pixel.
  oneByOne0: { digits: 0, compute: () => oneByOne(0) },
  oneByOne1: { digits: 0, compute: () => oneByOne(1) },
  conv1x1_256: { digits: 0, compute: () => params((rng) => new nn.Conv2d(256, 64, 1, { rng })) },
  conv3x3_256: { digits: 0, compute: () => params((rng) => new nn.Conv2d(256, 64, 3, { rng })) },

  // Multiply–adds per image.
  macsConv1: { digits: 0, compute: () => convMacs(28, 1, 8, 5) },
  macsConv2: { digits: 0, compute: () => convMacs(cnnSides()[2], 8, 16, 5) },
  macsDense: { digits: 0, compute: () => tidy(() => new nn.Flatten().forward(buildCnnFeatures()).shape[1]) * 10 },
  macsCnn: {
    digits: 0,
    compute: () => convMacs(28, 1, 8, 5) + convMacs(cnnSides()[2], 8, 16, 5) + tidy(() => new nn.Flatten().forward(buildCnnFeatures()).shape[1]) * 10,
  },
  cnnDenseParamShare: { digits: 0, compute: () => (100 * cnnLayerParams(7)) / params(() => buildCnn(DEFAULT_ARCHITECTURE, 1)) },
  cnnDenseMacShare: {
    digits: 1,
    compute: () => {
      const dense = tidy(() => new nn.Flatten().forward(buildCnnFeatures()).shape[1]) * 10;
      return (100 * dense) / (convMacs(28, 1, 8, 5) + convMacs(cnnSides()[2], 8, 16, 5) + dense);
    },
  },
  macsPhoto: { digits: 0, compute: () => convMacs(64, 3, 100, 3) },
  photoPositions: { digits: 0, compute: () => convSide(64, 3) ** 2 },
  photoInputs: { digits: 0, compute: () => tidy(() => zeros([64, 64, 3]).size) },

  // Data augmentation: 32×32 crops of a CIFAR image padded by 4 pixels, and their mirror images.
  augCropSide: { digits: 0, compute: () => convSide(32, 32, { padding: 4 }) },
  augVariants: { digits: 0, compute: () => 2 * convSide(32, 32, { padding: 4 }) ** 2 },

  // Other figures of the text, from the same computations.
  strideFraction: { digits: 1, compute: () => (28 + 2 * 1 - 1 * (3 - 1) - 1) / 2 },
  rfOne3x3: { digits: 0, compute: () => fieldOf(STACK_LAYERS.three3x3.slice(0, 1)) },
  rfTwo3x3: { digits: 0, compute: () => fieldOf(STACK_LAYERS.three3x3.slice(0, 2)) },
  cifarSide: { digits: 0, compute: cifarSide },
  cifarDenseShare: { digits: 0, compute: () => (100 * params((rng) => new nn.Linear(cifarFlat(), 64, { rng }))) / params(cifarModel) },

  // Exercises.
  ex1: { digits: 0, compute: () => convSide(64, 3, { stride: 2, padding: 1 }) },
  ex2: { digits: 0, compute: () => params((rng) => new nn.Conv2d(16, 32, 3, { rng })) },
  ex3: { digits: 0, compute: () => fieldOf([1, 2, 3, 4].map(() => ({ kind: 'conv' as const, k: 3, s: 1, d: 1 }))) },
  ex4: { digits: 0, compute: () => params((rng) => new nn.Linear(7 * 7 * 64, 10, { rng })) },
  ex5: { digits: 0, compute: () => convSide(100, 5, { stride: 3 }) },
  ex1Fraction: { digits: 1, compute: () => (64 + 2 * 1 - 1 * (3 - 1) - 1) / 2 },
  ex4Flat: { digits: 0, compute: () => tidy(() => new nn.Flatten().forward(zeros([1, 7, 7, 64])).shape[1]) },
  ex4Gap: { digits: 0, compute: () => params((rng) => new nn.Linear(64, 10, { rng })) },
  ex5LastStart: { digits: 0, compute: () => (convSide(100, 5, { stride: 3 }) - 1) * 3 },
  ex5LastEnd: { digits: 0, compute: () => (convSide(100, 5, { stride: 3 }) - 1) * 3 + 5 - 1 },
  ex5Unused: { digits: 0, compute: () => 100 - ((convSide(100, 5, { stride: 3 }) - 1) * 3 + 5) },
  exPool00: { digits: 0, compute: () => exercisePool(false, 0, 0) },
  exPool01: { digits: 0, compute: () => exercisePool(false, 0, 1) },
  exPool10: { digits: 0, compute: () => exercisePool(false, 1, 0) },
  exPool11: { digits: 0, compute: () => exercisePool(false, 1, 1) },
  exPoolShift00: { digits: 0, compute: () => exercisePool(true, 0, 0) },
  exPoolShift01: { digits: 0, compute: () => exercisePool(true, 0, 1) },
  exPoolShift10: { digits: 0, compute: () => exercisePool(true, 1, 0) },
  exPoolShift11: { digits: 0, compute: () => exercisePool(true, 1, 1) },
  lcConvWeights: { digits: 0, compute: () => tidy(() => zeros([3, 3, 3, 16]).size) },
  lcPositions: { digits: 0, compute: () => convSide(32, 3) ** 2 },
  lcWeights: { digits: 0, compute: () => convSide(32, 3) ** 2 * tidy(() => zeros([3, 3, 3, 16]).size) },
});
