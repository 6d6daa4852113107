// Where the small path and TensorFlow.js cross: the time of one op, forward and backward in `tidy`,
// on the small path (limits lifted) and in TensorFlow.js (limits at 0), for a matrix product and two
// element-wise ops at growing sizes, on the backend tfjs is using now. The engine's limits
// (src/engine/small/limits.ts) were chosen from this table: `npm run bench -- --crossover`.
import { add, matmul, sum, tanh } from '../../src/engine/ops';
import { setSmallLimits, smallLimits } from '../../src/engine/small/limits';
import * as tf from '@tensorflow/tfjs-core';
import { parameter, tidy, type Tensor } from '../../src/engine/tensor';
import { Random } from '../../src/engine/random';

interface Case {
  name: string;
  /** Multiply-adds of a product, entries of an element-wise op. */
  size: number;
  run: (inputs: Tensor[]) => Tensor;
  shapes: number[][];
}

const products: [number, number, number][] = [
  [10, 8, 8],
  [1, 128, 128],
  [1, 128, 512],
  [16, 128, 128],
  [25, 128, 59],
  [32, 128, 128],
  [64, 128, 128],
];
const elementwise = [256, 1024, 4096, 16384, 65536];

const CASES: Case[] = [
  ...products.map(([m, k, n]): Case => ({ name: `matmul [${m},${k}]×[${k},${n}]`, size: m * k * n, run: ([a, b]) => matmul(a, b), shapes: [[m, k], [k, n]] })),
  ...elementwise.map((n): Case => ({ name: `add [${n}]`, size: n, run: ([a, b]) => add(a, b), shapes: [[n], [n]] })),
  ...elementwise.map((n): Case => ({ name: `tanh [${n}]`, size: n, run: ([a]) => tanh(a), shapes: [[n]] })),
];

/**
 * Microseconds per forward and backward of `c`, the median of a few timed runs. The operands are
 * parameters made once, under the limits in force (small-path arrays or tf.Variables), as a
 * model's weights are: the timing is the op's, not an upload's.
 */
function time(c: Case, rng: Random): number {
  const xs = c.shapes.map((s) => parameter(tf.tensor(rng.uniformArray(s.reduce((x, y) => x * y, 1), -1, 1), s)));
  const once = () =>
    tidy(() => {
      sum(c.run(xs)).backward();
      for (const x of xs) x.grad = null;
    });
  for (let i = 0; i < 20; i++) once();
  const samples: number[] = [];
  for (let r = 0; r < 7; r++) {
    let reps = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < 40) {
      once();
      reps++;
    }
    samples.push(((performance.now() - t0) * 1000) / reps);
  }
  xs.forEach((x) => x.dispose());
  return samples.sort((a, b) => a - b)[3];
}

/** One row per case: µs on the small path, µs in TensorFlow.js, and their ratio. */
export function crossoverTable(backend: string): string {
  const before = smallLimits();
  const rng = new Random(3);
  const lines = [`| backend | op | size | small path µs | TensorFlow.js µs | small / tfjs |`, `|---|---|---:|---:|---:|---:|`];
  try {
    for (const c of CASES) {
      setSmallLimits({ elements: Infinity, product: Infinity });
      const small = time(c, rng);
      setSmallLimits({ elements: 0, product: 0 });
      const large = time(c, rng);
      lines.push(`| ${backend} | ${c.name} | ${c.size} | ${small.toFixed(1)} | ${large.toFixed(1)} | ${(small / large).toFixed(2)} |`);
    }
  } finally {
    setSmallLimits(before);
  }
  return lines.join('\n');
}
