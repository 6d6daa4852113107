// A small fully connected network and its forward pass, one layer at a time, with every
// intermediate value read back as plain numbers for the figure. Pure engine code: no React here.
import { add, matmul, nn, relu, sigmoid, tanh, tensor, tidy, Random, type Tensor } from '../../engine/index.ts';

export const FORWARD_ACTIVATIONS = ['relu', 'sigmoid', 'tanh'] as const;
export type ForwardActivation = (typeof FORWARD_ACTIVATIONS)[number];
const activationFns: Record<ForwardActivation, (z: Tensor) => Tensor> = { relu, sigmoid, tanh };

export const MIN_LAYERS = 2;
export const MAX_LAYERS = 4;
export const MIN_UNITS = 1;
export const MAX_UNITS = 6;

/** Layer sizes made valid: 2 to 4 whole numbers, each from 1 to 6. */
export function sanitizeLayers(sizes: readonly number[]): number[] {
  const clean = sizes
    .filter((n) => Number.isFinite(n))
    .map((n) => Math.min(MAX_UNITS, Math.max(MIN_UNITS, Math.round(n))))
    .slice(0, MAX_LAYERS);
  while (clean.length < MIN_LAYERS) clean.push(2);
  return clean;
}

// #region forward
/**
 * The forward pass, layer by layer: z⁽ᵏ⁾ = h⁽ᵏ⁻¹⁾·W⁽ᵏ⁾ + b⁽ᵏ⁾, then h⁽ᵏ⁾ = σ(z⁽ᵏ⁾), starting from
 * h⁽⁰⁾ = x of shape [1, d₀]. The last layer applies no σ: its outputs are the network's scores.
 * (`layers[i]` is layer k = i + 1.)
 */
export function forwardPass(x: Tensor, layers: readonly nn.Linear[], sigma: (z: Tensor) => Tensor) {
  const steps: { product: Tensor; z: Tensor; h: Tensor }[] = [];
  let h = x;
  layers.forEach((layer, i) => {
    const product = matmul(h, layer.weight); // [1, d_{k-1}]·[d_{k-1}, d_k] → [1, d_k]
    const z = layer.bias ? add(product, layer.bias) : product; // + [d_k], added to the row
    h = i < layers.length - 1 ? sigma(z) : z;
    steps.push({ product, z, h });
  });
  return steps;
}
// #endregion

/** One layer's computation as plain numbers, for the figure. */
export interface LayerStep {
  /** Which layer, from 1. */
  index: number;
  input: number[];
  /** The weight matrix [n_{k-1}][n_k]. */
  W: number[][];
  b: number[];
  product: number[];
  z: number[];
  out: number[];
  /** The activation applied, or null for the output layer. */
  activation: ForwardActivation | null;
}

/** The network the figure shows: engine layers drawn from a seeded generator, disposed with it. */
export class ForwardNetwork {
  readonly sizes: number[];
  readonly layers: nn.Linear[];
  private isDisposed = false;

  constructor(sizes: readonly number[], seed: number) {
    this.sizes = sanitizeLayers(sizes);
    const rng = new Random(seed);
    this.layers = this.sizes.slice(1).map((n, k) => new nn.Linear(this.sizes[k], n, { rng }));
  }

  /** Every layer's weights [in][out] and biases, as plain numbers. */
  parameters(): { W: number[][]; b: number[] }[] {
    return this.layers.map((layer) => ({
      W: layer.weight.toArray() as number[][],
      b: layer.bias ? (layer.bias.toArray() as number[]) : new Array<number>(layer.outFeatures).fill(0),
    }));
  }

  /** The forward pass on one input row; `inputs` is cut or padded with zeros to the input size. */
  run(inputs: readonly number[], activation: ForwardActivation): LayerStep[] {
    const n0 = this.sizes[0];
    const x0 = Array.from({ length: n0 }, (_, i) => (Number.isFinite(inputs[i]) ? inputs[i] : 0));
    const params = this.parameters();
    return tidy(() => {
      const steps = forwardPass(tensor([x0]), this.layers, activationFns[activation]);
      let input = x0;
      return steps.map((s, k) => {
        const out = Array.from(s.h.data());
        const step: LayerStep = {
          index: k + 1,
          input,
          W: params[k].W,
          b: params[k].b,
          product: Array.from(s.product.data()),
          z: Array.from(s.z.data()),
          out,
          activation: k < steps.length - 1 ? activation : null,
        };
        input = out;
        return step;
      });
    });
  }

  /** True once disposed: a figure must not run it any more. */
  get disposed(): boolean {
    return this.isDisposed;
  }

  dispose(): void {
    if (this.isDisposed) return;
    this.isDisposed = true;
    for (const layer of this.layers) layer.dispose();
  }
}

/** The shapes of layer k's product, e.g. "[1×2]·[2×3] + [1×3] → [1×3]". */
export function shapeText(nIn: number, nOut: number): string {
  return `[1×${nIn}]·[${nIn}×${nOut}] + [1×${nOut}] → [1×${nOut}]`;
}

/** The default inputs for an input layer of n units. */
export function defaultInputs(n: number): number[] {
  return [1, 0.5, -0.5, 2, -1, 0].slice(0, n);
}
