// Mini-batches: each epoch visits every example once, in an order drawn from a seeded generator,
// so a run is repeatable and every reader sees the same curve.
import type { Random } from '../random';

/**
 * The index batches of one epoch over `n` examples, shuffled with `rng`. The last batch holds the
 * remainder unless `dropLast` (then every batch has exactly `batchSize` indices).
 */
export function batches(n: number, batchSize: number, rng: Random, dropLast = false): number[][] {
  if (!Number.isInteger(n) || n < 1) throw new Error(`batches: n must be a positive integer, got ${n}`);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`batches: batchSize must be a positive integer, got ${batchSize}`);
  const order = rng.permutation(n);
  const out: number[][] = [];
  for (let start = 0; start < n; start += batchSize) {
    const batch = order.slice(start, start + batchSize);
    if (dropLast && batch.length < batchSize) break;
    out.push(batch);
  }
  if (out.length === 0) throw new Error(`batches: dropLast with batchSize ${batchSize} > n ${n} leaves no batch`);
  return out;
}

/**
 * An endless stream of batches, epoch after epoch, each epoch reshuffled: what a training loop
 * pulls one batch per step from.
 */
export class BatchSampler {
  private queue: number[][] = [];
  /** Completed epochs. */
  epoch = 0;

  constructor(
    readonly n: number,
    readonly batchSize: number,
    private readonly rng: Random,
    private readonly dropLast = false,
  ) {
    if (!Number.isInteger(n) || n < 1) throw new Error(`BatchSampler: n must be a positive integer, got ${n}`);
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`BatchSampler: batchSize must be a positive integer, got ${batchSize}`);
  }

  private started = false;

  next(): number[] {
    if (this.queue.length === 0) {
      if (this.started) this.epoch++;
      this.started = true;
      this.queue = batches(this.n, Math.min(this.batchSize, this.n), this.rng, this.dropLast);
    }
    return this.queue.shift()!;
  }
}

/** The rows of `rows` at `indices`. */
export function gatherRows<T>(rows: readonly T[], indices: readonly number[]): T[] {
  return indices.map((i) => {
    if (i < 0 || i >= rows.length) throw new Error(`gatherRows: index ${i} outside [0, ${rows.length})`);
    return rows[i];
  });
}
