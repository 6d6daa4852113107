// Embedding: a lookup table from token index to a learnt vector, weight [numEmbeddings, dim],
// initialised N(0, 1) as PyTorch's nn.Embedding.
import { gather, reshape } from '../ops';
import { defaultRandom, type Random } from '../random';
import type { Tensor } from '../tensor';
import { initWeight, normal, type Init } from './init';
import { Module } from './module';

export interface EmbeddingOptions {
  /** Defaults to N(0, 1), PyTorch's choice. */
  init?: Init;
  rng?: Random;
}

export class Embedding extends Module {
  readonly weight: Tensor;

  constructor(
    readonly numEmbeddings: number,
    readonly embeddingDim: number,
    opts: EmbeddingOptions = {},
  ) {
    super();
    const rng = opts.rng ?? defaultRandom();
    const shape = [numEmbeddings, embeddingDim];
    this.weight = this.addParameter('weight', opts.init ? initWeight(opts.init, shape, rng) : normal(shape, 0, 1, rng));
  }

  /** indices [n] → [n, dim]; indices [batch][time] → [batch, time, dim]. */
  forward(indices: number[] | number[][]): Tensor {
    const nested = Array.isArray(indices[0]);
    const flat = nested ? (indices as number[][]).flat() : (indices as number[]);
    if (nested) {
      const width = (indices as number[][])[0].length;
      if ((indices as number[][]).some((row) => row.length !== width)) {
        throw new Error('Embedding: every row of indices must have the same length');
      }
    }
    for (const i of flat) {
      if (!Number.isInteger(i) || i < 0 || i >= this.numEmbeddings) {
        throw new Error(`Embedding(${this.numEmbeddings}, ${this.embeddingDim}): index ${i} out of range`);
      }
    }
    const rows = gather(this.weight, flat, 0);
    if (!nested) return rows;
    const batch = indices.length;
    return reshape(rows, [batch, flat.length / batch, this.embeddingDim]);
  }
}
