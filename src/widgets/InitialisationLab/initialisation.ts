// A deep stack at step 0, measured with the engine: `depth` square layers of `width` units, each
// z = m·(h·W) followed by the activation, then a read-out to CLASSES logits, all weights drawn by
// one scheme; a batch of N(0, 1) inputs with random labels; the loss is the cross-entropy summed
// over the batch, so the gradient at each example's pre-activation is that example's own
// ∂loss/∂z (a mean would divide every gradient by the batch size, which changes with the width).
// One forward and one backward pass, no training: what the network looks like before it learns.
//
// The weights are drawn by the engine's own initialisers at multiplier 1 and the multiplier m
// applied in the forward pass: m·(h·W) = h·(m·W), the same network as the initialiser given gain m,
// so moving the multiplier (or the depth, or the activation) needs no new draw. They are drawn in
// one seeded stream, data and read-out first and then layer after layer, so a deeper network keeps
// the shallower one's layers.
import { fromTf, losses, matmul, mul, nn, Random, relu, sigmoid, tanh, tensor, tidy, type Tensor } from '../../engine/index.ts';

export const activations = ['tanh', 'relu', 'sigmoid', 'linear'] as const;
export type Activation = (typeof activations)[number];
export const schemes = ['normal', 'xavier', 'he', 'orthogonal', 'zero'] as const;
export type Scheme = (typeof schemes)[number];

export const MIN_DEPTH = 1;
export const MAX_DEPTH = 50;
export const MIN_WIDTH = 16;
export const MAX_WIDTH = 512;
/** The multiplier on the scheme's standard deviation (for 'normal', the standard deviation itself). */
export const MIN_SCALE = 0.01;
export const MAX_SCALE = 4;
export const CLASSES = 10;
/**
 * Orthogonal weights come from a Gram–Schmidt QR in plain JavaScript (the engine's `orthogonal`):
 * about 0.1 s for a 256-wide layer and 1 s for a 512-wide one, which would hold the page for most
 * of a minute at 50 layers. The figure draws them at most this wide.
 */
export const MAX_ORTHOGONAL_WIDTH = 256;
/** About this many values per layer: enough for a histogram, and the work stays ≈ batch·width². */
export const VALUES_PER_LAYER = 32768;

export interface InitConfig {
  activation: Activation;
  scheme: Scheme;
  depth: number;
  width: number;
  /** Multiplier m on the scheme's standard deviation; for 'normal' the standard deviation σ. */
  scale: number;
  seed: number;
}

/** The width actually drawn (orthogonal is capped, see MAX_ORTHOGONAL_WIDTH). */
export function drawnWidth(scheme: Scheme, width: number): number {
  const w = Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width)));
  return scheme === 'orthogonal' ? Math.min(w, MAX_ORTHOGONAL_WIDTH) : w;
}

/** Examples in the batch: 512 for narrow layers, fewer for wide ones (≈ VALUES_PER_LAYER values). */
export function batchFor(width: number): number {
  return Math.min(512, Math.max(64, Math.round(VALUES_PER_LAYER / width)));
}

/** A weight [fanIn, fanOut] at multiplier 1, by the engine's initialiser for the scheme. */
function drawWeight(scheme: Scheme, shape: [number, number], rng: Random): Tensor {
  switch (scheme) {
    case 'normal':
      return fromTf(nn.init.normal(shape, 0, 1, rng));
    case 'xavier':
      return fromTf(nn.init.xavierNormal(shape, { rng }));
    case 'he':
      return fromTf(nn.init.kaimingNormal(shape, { rng }));
    case 'orthogonal':
      return fromTf(nn.init.orthogonal(shape, { rng }));
    case 'zero':
      return fromTf(nn.init.initWeight('zeros', shape, rng));
  }
}

/**
 * The network's weights and data for one seed, width and scheme, drawn layer by layer as a deeper
 * network asks for them. It owns engine tensors: dispose it.
 */
export class WeightBank {
  readonly width: number;
  readonly batch: number;
  readonly inputs: Float32Array;
  readonly labels: number[];
  readonly readout: Tensor;
  readonly layers: Tensor[] = [];
  private readonly rng: Random;

  constructor(
    readonly seed: number,
    width: number,
    readonly scheme: Scheme,
  ) {
    this.width = drawnWidth(scheme, width);
    this.batch = batchFor(this.width);
    this.rng = new Random(seed);
    this.inputs = this.rng.normalArray(this.batch * this.width);
    this.labels = Array.from({ length: this.batch }, () => this.rng.int(CLASSES));
    this.readout = drawWeight(scheme, [this.width, CLASSES], this.rng);
  }

  /** Whether this bank holds the network of `config` (any depth, multiplier or activation). */
  fits(config: InitConfig): boolean {
    return config.seed === this.seed && config.scheme === this.scheme && drawnWidth(config.scheme, config.width) === this.width;
  }

  /** Draws the next hidden layer's weights. */
  drawLayer(): void {
    this.layers.push(drawWeight(this.scheme, [this.width, this.width], this.rng));
  }

  ensure(depth: number): void {
    while (this.layers.length < depth) this.drawLayer();
  }

  dispose(): void {
    this.readout.dispose();
    this.layers.forEach((w) => w.dispose());
    this.layers.length = 0;
  }
}

const activationOps: Record<Activation, (z: Tensor) => Tensor> = {
  tanh,
  relu,
  sigmoid,
  linear: (z) => z,
};

export interface RawPass {
  /** Each hidden layer's activations h = f(z), [batch × width] row-major, layer 1 first. */
  activations: Float32Array[];
  /** Each hidden layer's ∂loss/∂z for every example, same layout. */
  gradients: Float32Array[];
  /** The summed cross-entropy (not a finite number once the forward pass overflows). */
  loss: number;
  batch: number;
  width: number;
}

// #region pass
/** One forward and one backward pass through the bank's first `depth` layers. */
export function forwardBackward(bank: WeightBank, activation: Activation, depth: number, scale: number): RawPass {
  bank.ensure(depth);
  const f = activationOps[activation];
  return tidy(() => {
    // The inputs require a gradient so that the backward pass runs without the weights needing one.
    const x = tensor(bank.inputs, [bank.batch, bank.width], { requiresGrad: true });
    const zs: Tensor[] = [];
    const hs: Tensor[] = [];
    let h = x;
    for (let k = 0; k < depth; k++) {
      const z = mul(matmul(h, bank.layers[k]), scale);
      z.retainGrad = true;
      h = f(z);
      zs.push(z);
      hs.push(h);
    }
    const loss = losses.crossEntropy(mul(matmul(h, bank.readout), scale), bank.labels, { reduction: 'sum' });
    loss.backward();
    const size = bank.batch * bank.width;
    return {
      activations: hs.map((t) => t.data()),
      gradients: zs.map((z) => (z.grad ? z.grad.data() : new Float32Array(size))),
      loss: loss.item(),
      batch: bank.batch,
      width: bank.width,
    };
  });
}
// #endregion

/** Draws the network of `config`, runs the pass and disposes it: for the chapter's numbers and tests. */
export function measure(config: InitConfig): RawPass {
  const bank = new WeightBank(config.seed, config.width, config.scheme);
  try {
    return forwardBackward(bank, config.activation, config.depth, config.scale);
  } finally {
    bank.dispose();
  }
}
