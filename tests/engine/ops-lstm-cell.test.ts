// The fused LSTM cell (ops/lstmCell.ts): values and gradients of every output (h', c' and the four
// gates) against float64 finite differences and tf.grads of the composed TensorFlow.js ops, on each
// backend and on the small path; there, that it is one node, that it gives the composed ops' numbers
// to the bit, and that its TensorFlow.js rule (the one graph inspection asks for) agrees with it.
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { add, concat, mul, sigmoid, split, tanh } from '../../src/engine/ops';
import { lstmCell } from '../../src/engine/ops/lstmCell';
import { withSmallLimits } from '../../src/engine/small/limits';
import { tensor, tidy, type Tensor } from '../../src/engine/tensor';
import { describeEachBackend, useBackend } from '../support/backends';
import { gradcheck, nd, sample, type Nd } from '../support/gradcheck';

const [B, H] = [2, 3];
const sigma = (v: number) => 1 / (1 + Math.exp(-v));

/** Float64 reference: each row of the result is [h' | c' | i | f | g | o]. */
function cellRef(z: Nd, c: Nd): Nd {
  const batch = c.shape[0];
  const hidden = c.shape[1];
  const out: number[] = [];
  for (let b = 0; b < batch; b++) {
    const at = (k: number, j: number) => z.data[b * 4 * hidden + k * hidden + j];
    const row: number[][] = [[], [], [], [], [], []];
    for (let j = 0; j < hidden; j++) {
      const [i, f, g, o] = [sigma(at(0, j)), sigma(at(1, j)), Math.tanh(at(2, j)), sigma(at(3, j))];
      const next = f * c.data[b * hidden + j] + i * g;
      [o * Math.tanh(next), next, i, f, g, o].forEach((v, k) => row[k].push(v));
    }
    out.push(...row.flat());
  }
  return nd(out, [batch, 6 * hidden]);
}

/** Columns [from, from + width) of each row. */
function columns(x: Nd, from: number, width: number): Nd {
  const [rows, cols] = x.shape;
  const data: number[] = [];
  for (let r = 0; r < rows; r++) data.push(...x.data.slice(r * cols + from, r * cols + from + width));
  return nd(data, [rows, width]);
}

function joinColumns(parts: Nd[]): Nd {
  const rows = parts[0].shape[0];
  const data: number[] = [];
  for (let r = 0; r < rows; r++) for (const p of parts) data.push(...p.data.slice(r * p.shape[1], (r + 1) * p.shape[1]));
  return nd(data, [rows, parts.reduce((n, p) => n + p.shape[1], 0)]);
}

/** The same cell composed of TensorFlow.js ops, for tf.grads. */
function cellTf(z: tf.Tensor, c: tf.Tensor): tf.Tensor[] {
  const [i, f, g, o] = tf.split(z, 4, 1).map((p, k) => (k === 2 ? tf.tanh(p) : tf.sigmoid(p)));
  const next = tf.add(tf.mul(f, c), tf.mul(i, g));
  return [tf.mul(o, tf.tanh(next)), next, i, f, g, o];
}

const everything = (z: Tensor, c: Tensor) => {
  const { h, c: next, gates } = lstmCell(z, c, true);
  return concat([h, next, gates.input, gates.forget, gates.cell, gates.output], 1);
};

describeEachBackend('lstmCell', (backend, path) => {
  const inputs = () => [nd(sample(B * 4 * H, 81, -3, 3), [B, 4 * H]), nd(sample(B * H, 82, -1.5, 1.5), [B, H])];

  it("every output (h', c' and the gates), each weighted differently", () => {
    gradcheck(backend, { op: 'lstmCell', inputs: inputs(), engine: everything, reference: cellRef, tfReference: (z, c) => tf.concat(cellTf(z, c), 1) });
  });

  it("h' and c' only: the gates' pieces receive no gradient", () => {
    gradcheck(backend, {
      op: 'lstmCell',
      inputs: inputs(),
      engine: (z, c) => {
        const out = lstmCell(z, c);
        return concat([out.h, out.c], 1);
      },
      reference: (z, c) => columns(cellRef(z, c), 0, 2 * H),
      tfReference: (z, c) => tf.concat(cellTf(z, c).slice(0, 2), 1),
    });
  });

  it("two steps: the second takes the first's c', whose gradient then comes from h' and from the next step; the first c needs none", () => {
    gradcheck(backend, {
      op: 'lstmCell',
      inputs: [...inputs(), nd(sample(B * 4 * H, 83, -3, 3), [B, 4 * H])],
      wrt: [0, 2],
      engine: (z1, c, z2) => {
        const first = lstmCell(z1, c);
        const second = lstmCell(z2, first.c);
        return concat([first.h, second.h, second.c], 1);
      },
      reference: (z1, c, z2) => {
        const first = cellRef(z1, c);
        const second = cellRef(z2, columns(first, H, H));
        return joinColumns([columns(first, 0, H), columns(second, 0, 2 * H)]);
      },
      tfReference: (z1, c, z2) => {
        const [h1, c1] = cellTf(z1, c);
        const [h2, c2] = cellTf(z2, c1);
        return tf.concat([h1, h2, c2], 1);
      },
    });
  });

  it(path === 'small' ? 'is one node on the small path' : 'is the composed ops in TensorFlow.js', () => {
    tidy(() => {
      const [z, c] = inputs().map((x) => tensor(x.data, x.shape, { requiresGrad: true }));
      const { h } = lstmCell(z, c);
      if (path === 'small') {
        expect(h.op).toBe('split');
        expect(h.inputs[0].op).toBe('lstmCell');
      } else {
        expect(h.small).toBeNull();
        expect(h.op).toBe('mul');
      }
    });
  });

  it('rejects shapes that do not match', () => {
    tidy(() => {
      expect(() => lstmCell(tensor(new Float32Array(12), [2, 6]), tensor(new Float32Array(6), [2, 3]))).toThrow(/lstmCell: z must be \[batch, 4·hidden\]/);
    });
  });
});

/** The cell composed of the engine's element-wise ops, as the layer computed it before it was one op. */
function composed(z: Tensor, c: Tensor): Tensor {
  const [i, f, g, o] = split(z, 4, 1);
  const [si, sf, tg, so] = [sigmoid(i), sigmoid(f), tanh(g), sigmoid(o)];
  const next = add(mul(sf, c), mul(si, tg));
  return concat([mul(so, tanh(next)), next, si, sf, tg, so], 1);
}

describe('lstmCell on the small path', () => {
  const unlimited = { elements: Infinity, product: Infinity };
  const zValues = Float32Array.from(sample(5 * 4 * 7, 84, -12, 12));
  const cValues = Float32Array.from(sample(5 * 7, 85, -3, 3));
  const weights = Float32Array.from(sample(5 * 6 * 7, 86, -1, 1));

  /** Values and gradients of one form of the cell, with every output weighted. */
  function run(cell: (z: Tensor, c: Tensor) => Tensor): number[][] {
    return withSmallLimits(unlimited, () =>
      tidy(() => {
        const z = tensor(zValues, [5, 28], { requiresGrad: true });
        const c = tensor(cValues, [5, 7], { requiresGrad: true });
        const y = cell(z, c);
        expect(y.small).not.toBeNull();
        y.backward(tensor(weights, y.shape));
        return [y, z.grad!, c.grad!].map((t) => Array.from(t.data()));
      }),
    );
  }

  it("gives the composed ops' numbers to the bit, forward and back (saturated gates included)", async () => {
    await useBackend('cpu');
    expect(run(everything)).toEqual(run(composed));
  });

  it('has a TensorFlow.js rule (graph inspection) that agrees with its small-path rule', async () => {
    await useBackend('cpu');
    const before = tf.memory().numTensors;
    withSmallLimits(unlimited, () =>
      tidy(() => {
        const z = tensor(zValues, [5, 28], { requiresGrad: true });
        const c = tensor(cValues, [5, 7], { requiresGrad: true });
        const packed = lstmCell(z, c).h.inputs[0];
        packed.backward(tensor(weights, packed.shape));
        const [dz, dc] = packed.backwardRule!(tf.tensor(weights, packed.shape));
        const close = (a: ArrayLike<number>, b: ArrayLike<number>) =>
          Array.from(a).forEach((v, i) => expect(Math.abs(v - b[i])).toBeLessThan(1e-5 * Math.max(1, Math.abs(b[i]))));
        close(dz!.dataSync(), z.grad!.data());
        close(dc!.dataSync(), c.grad!.data());
      }),
    );
    expect(tf.memory().numTensors).toBe(before);
  });
});
