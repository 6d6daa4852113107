// Weight initialisation, drawn from the seeded Random so that the same seed gives the same
// weights on every reader's screen and every backend.
//
// Shapes follow the engine's layout: a dense weight is [fanIn, fanOut], a convolution kernel is
// [kh, kw, inChannels, outChannels], a recurrent weight is [in, gates * hidden]. So the last axis
// is the output, the one before it the input, and the leading axes (if any) the receptive field.
import * as tf from '@tensorflow/tfjs-core';
import { defaultRandom, type Random } from '../random';

export interface InitOptions {
  rng?: Random;
  /** Scale for the activation that follows (see `gain`); 1 by default. */
  gain?: number;
}

/** Fan-in and fan-out of a weight of this shape (see the layout note above). */
export function fans(shape: readonly number[]): { fanIn: number; fanOut: number } {
  if (shape.length < 2) {
    throw new Error(`fans: a weight needs at least 2 axes, got shape [${shape}]`);
  }
  const receptive = shape.slice(0, -2).reduce((n, d) => n * d, 1);
  return { fanIn: shape[shape.length - 2] * receptive, fanOut: shape[shape.length - 1] * receptive };
}

/**
 * The gain PyTorch's `torch.nn.init.calculate_gain` gives for each nonlinearity: the factor that
 * keeps the variance of activations steady through that function (√2 for ReLU, He et al. 2015).
 */
export function gain(nonlinearity: 'linear' | 'sigmoid' | 'tanh' | 'relu' | 'leakyRelu', slope = 0.01): number {
  switch (nonlinearity) {
    case 'linear':
    case 'sigmoid':
      return 1;
    case 'tanh':
      return 5 / 3;
    case 'relu':
      return Math.SQRT2;
    case 'leakyRelu':
      return Math.sqrt(2 / (1 + slope * slope));
  }
}

function size(shape: readonly number[]): number {
  return shape.reduce((n, d) => n * d, 1);
}

/** U(lo, hi) from the seeded generator. */
export function uniform(shape: number[], lo: number, hi: number, rng: Random = defaultRandom()): tf.Tensor {
  return tf.tensor(rng.uniformArray(size(shape), lo, hi), shape, 'float32');
}

/** N(mean, std²) from the seeded generator. */
export function normal(shape: number[], mean: number, std: number, rng: Random = defaultRandom()): tf.Tensor {
  return tf.tensor(rng.normalArray(size(shape), mean, std), shape, 'float32');
}

/**
 * Glorot & Bengio (2010): U(−a, a) with a = gain·√(6 / (fanIn + fanOut)), so the variance
 * 2 / (fanIn + fanOut) balances the forward and the backward pass.
 */
export function xavierUniform(shape: number[], opts: InitOptions = {}): tf.Tensor {
  const { fanIn, fanOut } = fans(shape);
  const a = (opts.gain ?? 1) * Math.sqrt(6 / (fanIn + fanOut));
  return uniform(shape, -a, a, opts.rng);
}

/** Glorot & Bengio (2010), normal form: N(0, gain²·2 / (fanIn + fanOut)). */
export function xavierNormal(shape: number[], opts: InitOptions = {}): tf.Tensor {
  const { fanIn, fanOut } = fans(shape);
  return normal(shape, 0, (opts.gain ?? 1) * Math.sqrt(2 / (fanIn + fanOut)), opts.rng);
}

export interface KaimingOptions {
  rng?: Random;
  /** Keep the variance of the forward pass ('fanIn', the default) or of the backward pass ('fanOut'). */
  mode?: 'fanIn' | 'fanOut';
  /** Defaults to √2, the ReLU gain. */
  gain?: number;
}

/**
 * He et al. (2015): U(−b, b) with b = gain·√(3 / fan), which has variance gain²/fan: with the
 * ReLU gain √2, each layer's output keeps the variance of its input.
 */
export function kaimingUniform(shape: number[], opts: KaimingOptions = {}): tf.Tensor {
  const f = fans(shape);
  const fan = opts.mode === 'fanOut' ? f.fanOut : f.fanIn;
  const b = (opts.gain ?? Math.SQRT2) * Math.sqrt(3 / fan);
  return uniform(shape, -b, b, opts.rng);
}

/** He et al. (2015), normal form: N(0, gain² / fan). */
export function kaimingNormal(shape: number[], opts: KaimingOptions = {}): tf.Tensor {
  const f = fans(shape);
  const fan = opts.mode === 'fanOut' ? f.fanOut : f.fanIn;
  return normal(shape, 0, (opts.gain ?? Math.SQRT2) / Math.sqrt(fan), opts.rng);
}

/**
 * PyTorch's default for Linear and Conv2d weights and biases: U(−1/√fanIn, 1/√fanIn). (It is
 * `kaiming_uniform_` with a = √5, which reduces to this bound.) The engine's layers use it by
 * default so that a model here starts with the same statistics as its PyTorch twin.
 */
export function pytorchDefault(shape: number[], fanIn: number, rng: Random = defaultRandom()): tf.Tensor {
  const bound = 1 / Math.sqrt(fanIn);
  return uniform(shape, -bound, bound, rng);
}

/**
 * Saxe, McClelland & Ganguli (2014): a random (semi-)orthogonal matrix times `gain`, as PyTorch's
 * `orthogonal_`. The weight is seen as a matrix [prod(shape[:-1]), shape[-1]] (inputs × outputs,
 * the transpose of PyTorch's [out, in], so the same matrix up to layout). Its columns are
 * orthonormal when it has at least as many rows (WᵀW = I), else its rows (WWᵀ = I): every singular
 * value is 1, so a square layer keeps the length of every input exactly.
 *
 * The QR factorisation of a Gaussian matrix is done by Gram–Schmidt in float64. Gram–Schmidt
 * makes diag(R) positive, which is the sign correction by diag(R) that makes Q uniformly
 * (Haar) distributed. O(rows·cols²) in plain JS: milliseconds at 64 × 64, a tenth of a second
 * at 256 × 256, seconds past 1,000 × 1,000.
 */
export function orthogonal(shape: number[], opts: InitOptions = {}): tf.Tensor {
  if (shape.length < 2) {
    throw new Error(`orthogonal: a weight needs at least 2 axes, got shape [${shape}]`);
  }
  const cols = shape[shape.length - 1];
  const rows = size(shape) / Math.max(cols, 1);
  // Orthonormalise the columns of a tall Gaussian matrix, transposed at the end if the weight is wide.
  const [m, n] = rows >= cols ? [rows, cols] : [cols, rows];
  const rng = opts.rng ?? defaultRandom();
  const q = Array.from({ length: n }, () => Float64Array.from({ length: m }, () => rng.normal()));
  for (let j = 0; j < n; j++) {
    // Modified Gram–Schmidt, run twice ("twice is enough", Giraud et al. 2005) so the columns stay
    // orthogonal to float64 rounding even when the Gaussian draw is badly conditioned.
    for (let pass = 0; pass < 2; pass++) {
      for (let k = 0; k < j; k++) {
        let dot = 0;
        for (let i = 0; i < m; i++) dot += q[k][i] * q[j][i];
        for (let i = 0; i < m; i++) q[j][i] -= dot * q[k][i];
      }
    }
    let norm = 0;
    for (let i = 0; i < m; i++) norm += q[j][i] * q[j][i];
    norm = Math.sqrt(norm);
    for (let i = 0; i < m; i++) q[j][i] /= norm;
  }
  const g = opts.gain ?? 1;
  const out = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) out[r * cols + c] = g * (rows >= cols ? q[c][r] : q[r][c]);
  }
  return tf.tensor(out, shape, 'float32');
}

export type InitName =
  | 'default'
  | 'xavierUniform'
  | 'xavierNormal'
  | 'kaimingUniform'
  | 'kaimingNormal'
  | 'orthogonal'
  | 'zeros';

/**
 * A weight initialiser: by name (with gain 1, or √2 for the Kaiming ones), or a function of the
 * shape and the generator, e.g. `(shape, rng) => orthogonal(shape, { rng, gain: gain('relu') })`.
 */
export type Init = InitName | ((shape: number[], rng: Random) => tf.Tensor);

/** Draws a weight of `shape` with `init`; 'default' is PyTorch's bound 1/√fanIn. */
export function initWeight(init: Init, shape: number[], rng: Random): tf.Tensor {
  if (typeof init === 'function') {
    const t = init(shape, rng);
    if (t.shape.length !== shape.length || t.shape.some((d, i) => d !== shape[i])) {
      t.dispose();
      throw new Error(`init: initialiser returned shape [${t.shape}], expected [${shape}]`);
    }
    return t;
  }
  switch (init) {
    case 'default':
      return pytorchDefault(shape, fans(shape).fanIn, rng);
    case 'xavierUniform':
      return xavierUniform(shape, { rng });
    case 'xavierNormal':
      return xavierNormal(shape, { rng });
    case 'kaimingUniform':
      return kaimingUniform(shape, { rng });
    case 'kaimingNormal':
      return kaimingNormal(shape, { rng });
    case 'orthogonal':
      return orthogonal(shape, { rng });
    case 'zeros':
      return tf.zeros(shape);
  }
}
