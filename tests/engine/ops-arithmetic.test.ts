import * as tf from '@tensorflow/tfjs-core';
import { expect, it } from 'vitest';
import { add, clamp, div, exp, log, abs, maximum, minimum, mul, neg, pow, sqrt, square, sub, where } from '../../src/engine/ops';
import { tensor, tidy } from '../../src/engine/tensor';
import { describeEachBackend } from '../support/backends';
import { gradcheck, map, nd, sample, zip, zip3, type Nd } from '../support/gradcheck';

const binaryOps = [
  { op: 'add', engine: add, f: (x: number, y: number) => x + y, tfOp: tf.add },
  { op: 'sub', engine: sub, f: (x: number, y: number) => x - y, tfOp: tf.sub },
  { op: 'mul', engine: mul, f: (x: number, y: number) => x * y, tfOp: tf.mul },
  { op: 'div', engine: div, f: (x: number, y: number) => x / y, tfOp: tf.div },
  { op: 'maximum', engine: maximum, f: Math.max, tfOp: tf.maximum },
  { op: 'minimum', engine: minimum, f: Math.min, tfOp: tf.minimum },
] as const;

// Shapes: scalar with scalar, same shape, and two kinds of broadcast (trailing and size-1 axes).
const shapeCases: [number[], number[]][] = [
  [[], []],
  [[2, 3], [2, 3]],
  [[2, 3], [3]],
  [[4, 1, 3], [2, 1]],
];

describeEachBackend('arithmetic ops', (backend) => {
  for (const { op, engine, f, tfOp } of binaryOps) {
    for (const [sa, sb] of shapeCases) {
      it(`${op} of [${sa}] and [${sb}] matches float64 finite differences and tf.grads`, () => {
        const n = (s: number[]) => s.reduce((p, d) => p * d, 1);
        // Positive, separated values for b keep div away from 0 and max/min away from ties.
        const a = nd(sample(n(sa), 1, -2, 2), sa);
        const b = nd(sample(n(sb), 2, 0.5, 1.5).map((v, i) => (i % 2 ? v : -v)), sb);
        const bAway = nd(b.data.map((v, i) => (Math.abs(v - (a.data[i] ?? 0)) < 0.05 ? v + 0.2 : v)), sb);
        gradcheck(backend, {
          op,
          inputs: [a, bAway],
          engine: (x, y) => engine(x, y),
          reference: (x, y) => zip(x, y, f),
          // tfjs's own Maximum/Minimum gradients do not sum over broadcast axes (they fail on
          // their shape check), so tf.grads is only a reference for same-shape operands there.
          tfReference: sa.join() !== sb.join() && (op === 'maximum' || op === 'minimum') ? undefined : (x, y) => tfOp(x, y),
        });
      });
    }
  }

  it('binary ops accept plain numbers on either side, as constants', () => {
    const v = tidy(() => {
      const x = tensor([1, 2, 3], undefined, { requiresGrad: true });
      const y = add(mul(2, x), sub(x, 1)); // 3x - 1
      const z = div(1, y);
      z.backward();
      return { y: Array.from(y.data()), g: Array.from(x.grad!.data()) };
    });
    expect(v.y).toEqual([2, 5, 8]);
    // d/dx 1/(3x-1) = -3/(3x-1)²
    v.g.forEach((g, i) => expect(g).toBeCloseTo(-3 / (3 * (i + 1) - 1) ** 2, 5));
  });

  it('maximum and minimum split the gradient evenly at a tie', () => {
    const g = tidy(() => {
      const a = tensor([1, 2], undefined, { requiresGrad: true });
      const b = tensor([1, 0], undefined, { requiresGrad: true });
      add(maximum(a, b), minimum(a, b)).backward();
      return [Array.from(a.grad!.data()), Array.from(b.grad!.data())];
    });
    expect(g).toEqual([[1, 1], [1, 1]]);
    const h = tidy(() => {
      const a = tensor([1], undefined, { requiresGrad: true });
      const b = tensor([1], undefined, { requiresGrad: true });
      maximum(a, b).backward();
      return [a.grad!.item(), b.grad!.item()];
    });
    expect(h).toEqual([0.5, 0.5]);
  });

  const unary: { op: string; engine: (x: import('../../src/engine/tensor').Tensor) => import('../../src/engine/tensor').Tensor; f: (x: number) => number; tfOp: (x: tf.Tensor) => tf.Tensor; values: number[] }[] = [
    { op: 'neg', engine: neg, f: (x) => -x, tfOp: tf.neg, values: sample(6, 3) },
    { op: 'exp', engine: exp, f: Math.exp, tfOp: tf.exp, values: [...sample(5, 4), -30, 20] },
    { op: 'log', engine: log, f: Math.log, tfOp: tf.log, values: [...sample(5, 5, 0.1, 3), 1e-30, 1e30] },
    { op: 'sqrt', engine: sqrt, f: Math.sqrt, tfOp: tf.sqrt, values: [...sample(5, 6, 0.1, 3), 1e-20, 1e20] },
    { op: 'abs', engine: abs, f: Math.abs, tfOp: tf.abs, values: sample(6, 7, -2, 2, [0]) },
    { op: 'square', engine: square, f: (x) => x * x, tfOp: tf.square, values: [...sample(5, 8), 1e15] },
    { op: 'pow 3', engine: (x) => pow(x, 3), f: (x) => x ** 3, tfOp: (x) => tf.pow(x, 3), values: sample(6, 9) },
    { op: 'pow 0.5', engine: (x) => pow(x, 0.5), f: Math.sqrt, tfOp: (x) => tf.pow(x, 0.5), values: sample(6, 10, 0.1, 4) },
    {
      op: 'clamp',
      engine: (x) => clamp(x, -1, 0.5),
      f: (x) => Math.min(Math.max(x, -1), 0.5),
      tfOp: (x) => tf.clipByValue(x, -1, 0.5),
      values: sample(8, 11, -2, 2, [-1, 0.5]),
    },
  ];
  for (const { op, engine, f, tfOp, values } of unary) {
    it(`${op}: scalar and vector (with extreme inputs) match float64 finite differences and tf.grads`, () => {
      const ref = (x: Nd) => map(x, f);
      gradcheck(backend, { op, inputs: [nd([values[0]], [])], engine, reference: ref, tfReference: tfOp });
      gradcheck(backend, { op, inputs: [nd(values, [values.length])], engine, reference: ref });
    });
  }

  it('log of a tiny positive value has the gradient 1/x', () => {
    gradcheck(backend, { op: 'log', inputs: [nd([1e-30, 1e-36], [2])], engine: log, reference: (x) => map(x, Math.log) });
  });

  it('abs has gradient 0 at 0, clamp passes the gradient at its bounds', () => {
    const g = tidy(() => {
      const x = tensor([0, -1, 0.5], undefined, { requiresGrad: true });
      add(abs(x), clamp(x, -1, 0.5)).backward();
      return Array.from(x.grad!.data());
    });
    expect(g).toEqual([1, 0, 2]); // abs'(0)=0 + clamp'=1; -1: -1 + 1; 0.5: 1 + 1
  });

  it('pow with a tensor exponent differentiates both operands', () => {
    gradcheck(backend, {
      op: 'pow',
      inputs: [nd(sample(6, 12, 0.2, 3), [2, 3]), nd(sample(3, 13, -2, 2), [3])],
      engine: (a, e) => pow(a, e),
      reference: (a, e) => zip(a, e, Math.pow),
      tfReference: (a, e) => tf.pow(a, e),
    });
  });

  it('where picks by a 0/1 condition, broadcasts, and routes gradients to the chosen side', () => {
    gradcheck(backend, {
      op: 'where',
      inputs: [nd([1, 0, 1, 0, 0, 1], [2, 3]), nd(sample(6, 14), [2, 3]), nd(sample(3, 15), [3])],
      wrt: [1, 2],
      engine: (c, a, b) => where(c, a, b),
      reference: (c, a, b) => zip3(c, a, b, (cond, x, y) => (cond !== 0 ? x : y)),
    });
  });

  it('a shape mismatch names the op', () => {
    tidy(() => {
      expect(() => add(tensor([1, 2]), tensor([1, 2, 3]))).toThrow(/^add: shapes \[2\] and \[3\] do not broadcast/);
    });
  });
});
