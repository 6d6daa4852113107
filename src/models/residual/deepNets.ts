// Four networks of the same depth and width that differ by two switches only: a skip connection
// around each block, and normalisation inside it. A block is He et al.'s "full pre-activation" unit
// (Identity mappings in deep residual networks, 2016, fig. 4e) for vectors:
//
//   f(x) = Linear₂(ReLU(norm₂(Linear₁(ReLU(norm₁(x))))))      residual block: y = x + f(x)
//                                                              plain block:    y = f(x)
//
// Chaining plain blocks gives an ordinary deep MLP (Linear, norm, ReLU, Linear, norm, ReLU, …), so
// the plain network is the usual one and not a straw man; the residual one adds only the `add`.
// Every network is: a stem Linear(2 → width), the blocks, then norm, ReLU and a Linear(width → 1)
// read-out (a logit). Norm layers draw no random numbers, so from one seed all four start with
// the very same Linear weights.
import { abs, add, concat, div, max, mul, nn, Random, reshape, sqrt, square, sum, where, type Tensor } from '../../engine/index.ts';

export const NETWORKS = ['plain', 'plainNorm', 'residual', 'residualNorm'] as const;
export type NetworkName = (typeof NETWORKS)[number];

export const NORMS = ['batch', 'layer'] as const;
export type NormKind = (typeof NORMS)[number];

/** What sets a network apart from the other three. */
export interface NetworkSpec {
  skip: boolean;
  norm: NormKind | null;
}

export function specOf(name: NetworkName, norm: NormKind): NetworkSpec {
  return { skip: name === 'residual' || name === 'residualNorm', norm: name === 'plainNorm' || name === 'residualNorm' ? norm : null };
}

/** What the four share. */
export interface NetShape {
  /** Blocks of two Linear layers each. */
  blocks: number;
  width: number;
  seed: number;
}

// #region residual
/** y = x + f(x): the block's own layers `f`, with the input added back. */
export class Residual extends nn.Module {
  constructor(readonly f: nn.Sequential) {
    super();
    this.addModule('f', f);
  }

  forward(x: Tensor): Tensor {
    return add(x, this.f.forward(x));
  }
}
// #endregion

function normLayer(norm: NormKind | null, width: number): nn.TensorModule[] {
  if (norm === 'batch') return [new nn.BatchNorm1d(width)];
  if (norm === 'layer') return [new nn.LayerNorm(width)];
  return [];
}

/** A network and, block by block, its two Linear layers (for their gradients). */
export interface DeepNet {
  model: nn.Sequential;
  blocks: [nn.Linear, nn.Linear][];
}

/**
 * The network of `spec` and `shape`. Weights are PyTorch's default for nn.Linear, U(±1/√fanIn) for
 * weight and bias, drawn from the seed in layer order: what a network gets when nobody chooses.
 */
export function buildNet(spec: NetworkSpec, { blocks, width, seed }: NetShape): DeepNet {
  const rng = new Random(seed);
  const linear = (inputs: number, outputs: number) => new nn.Linear(inputs, outputs, { rng });
  const layers: nn.TensorModule[] = [linear(2, width)];
  const pairs: [nn.Linear, nn.Linear][] = [];
  for (let b = 0; b < blocks; b++) {
    const first = linear(width, width);
    const second = linear(width, width);
    pairs.push([first, second]);
    const f = new nn.Sequential(...normLayer(spec.norm, width), new nn.ReLU(), first, ...normLayer(spec.norm, width), new nn.ReLU(), second);
    layers.push(spec.skip ? new Residual(f) : f);
  }
  layers.push(...normLayer(spec.norm, width), new nn.ReLU(), linear(width, 1));
  return { model: new nn.Sequential(...layers), blocks: pairs };
}

/**
 * ‖∂L/∂W‖ of each block, block 1 (next to the input) first: the Frobenius norm of the gradients of
 * its two weights together, √(‖∂L/∂W₁‖² + ‖∂L/∂W₂‖²), as one [blocks] tensor. Read after
 * `backward()`. Scaled by each block's largest entry before squaring, since in a plain network the
 * gradients near the input can be so small that their squares underflow float32 to 0.
 */
export function blockGradientNorms(net: DeepNet): Tensor {
  const rows = net.blocks.map(([a, b]) => {
    if (!a.weight.grad || !b.weight.grad) throw new Error('blockGradientNorms: no gradient yet (call backward first)');
    return concat([reshape(a.weight.grad, [1, -1]), reshape(b.weight.grad, [1, -1])], 1);
  });
  const g = concat(rows, 0);
  const m = max(abs(g), 1, true);
  const scale = where(m, m, 1);
  return reshape(mul(scale, sqrt(sum(square(div(g, scale)), 1, true))), [net.blocks.length]);
}
