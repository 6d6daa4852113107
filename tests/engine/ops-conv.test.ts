import * as tf from '@tensorflow/tfjs-core';
import { expect, it } from 'vitest';
import { avgPool2d, conv2d, maxPool2d } from '../../src/engine/ops';
import { tensor, tidy } from '../../src/engine/tensor';
import { describeEachBackend } from '../support/backends';
import { gradcheck, nd, sample } from '../support/gradcheck';
import { conv2dRef, distinctValues, pads, poolRef, type Padding } from './op-references';

const convCases: { name: string; x: number[]; w: number[]; stride: number; padding: Padding; dilation: number }[] = [
  { name: '1×1 on one pixel', x: [1, 1, 1, 1], w: [1, 1, 1, 1], stride: 1, padding: 'valid', dilation: 1 },
  { name: '3×3 valid, batch 2, 2→3 channels', x: [2, 5, 5, 2], w: [3, 3, 2, 3], stride: 1, padding: 'valid', dilation: 1 },
  { name: '3×3 same, stride 2, odd width', x: [1, 6, 5, 2], w: [3, 3, 2, 2], stride: 2, padding: 'same', dilation: 1 },
  { name: '3×3 padding 1, stride 2', x: [1, 5, 5, 1], w: [3, 3, 1, 2], stride: 2, padding: 1, dilation: 1 },
  { name: '2×2 stride 3 leaving rows unused', x: [1, 7, 8, 1], w: [2, 2, 1, 1], stride: 3, padding: 'valid', dilation: 1 },
  { name: '3×3 dilation 2, same', x: [1, 7, 6, 1], w: [3, 3, 1, 2], stride: 1, padding: 'same', dilation: 2 },
  { name: '1×1 with padding 2 (padding wider than the kernel)', x: [1, 3, 3, 2], w: [1, 1, 2, 1], stride: 1, padding: 2, dilation: 1 },
];

describeEachBackend('conv2d', (backend) => {
  for (const { name, x, w, stride, padding, dilation } of convCases) {
    it(`${name}: dx and dW match float64 finite differences${backend === 'cpu' && dilation === 1 ? ' and tf.grads' : ''}`, () => {
      const n = (s: number[]) => s.reduce((p, d) => p * d, 1);
      gradcheck(backend, {
        op: 'conv2d',
        inputs: [nd(sample(n(x), 71), x), nd(sample(n(w), 72), w)],
        engine: (a, b) => conv2d(a, b, { stride, padding, dilation }),
        reference: (a, b) => conv2dRef(a, b, stride, padding, dilation),
        // tfjs's stock conv2d gradients exist on cpu only (WASM lacks Conv2DBackpropFilter) and
        // reject dilation above 1.
        tfReference:
          backend === 'cpu' && dilation === 1
            ? (a, b) => {
                const p = pads(padding, x[1], x[2], w[0], w[1], stride, dilation);
                return tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, stride, [[0, 0], [p[0], p[1]], [p[2], p[3]], [0, 0]]);
              }
            : undefined,
      });
    });
  }

  it('errors name the op: channel mismatch, stride with dilation', () => {
    tidy(() => {
      expect(() => conv2d(tensor(new Float32Array(9), [1, 3, 3, 1]), tensor(new Float32Array(8), [2, 2, 2, 1]))).toThrow(/^conv2d: input has 1 channels/);
      expect(() =>
        conv2d(tensor(new Float32Array(9), [1, 3, 3, 1]), tensor(new Float32Array(4), [2, 2, 1, 1]), { stride: 2, dilation: 2 }),
      ).toThrow(/^conv2d: a stride and a dilation/);
    });
  });
});

const poolCases: { kind: 'max' | 'avg'; x: number[]; kernel: number; stride?: number; padding: Padding }[] = [
  { kind: 'max', x: [1, 1, 1, 1], kernel: 1, padding: 'valid' },
  { kind: 'max', x: [2, 4, 4, 2], kernel: 2, padding: 'valid' },
  { kind: 'max', x: [1, 5, 5, 1], kernel: 3, stride: 2, padding: 'same' },
  { kind: 'max', x: [1, 4, 4, 1], kernel: 3, stride: 1, padding: 1 },
  { kind: 'avg', x: [2, 4, 4, 2], kernel: 2, padding: 'valid' },
  { kind: 'avg', x: [1, 5, 5, 1], kernel: 3, stride: 1, padding: 'same' },
  { kind: 'avg', x: [1, 4, 4, 1], kernel: 3, stride: 2, padding: 1 },
];

describeEachBackend('pooling', (backend) => {
  for (const { kind, x, kernel, stride, padding } of poolCases) {
    it(`${kind}Pool2d kernel ${kernel}, stride ${stride ?? kernel}, padding ${padding} on [${x}]`, () => {
      const n = x.reduce((p, d) => p * d, 1);
      // Distinct values (a shuffled ramp), so no window has a tie for its maximum.
      const values = distinctValues(sample(n, 73));
      const engineOp = kind === 'max' ? maxPool2d : avgPool2d;
      gradcheck(backend, {
        op: `${kind}Pool2d`,
        inputs: [nd(values, x)],
        engine: (a) => engineOp(a, { kernel, stride, padding }),
        reference: (a) => poolRef(a, kind, kernel, stride ?? kernel, padding),
        // tfjs's stock gradients are a reference only where they are right: MaxPoolGrad is wrong on
        // WASM (all-negative windows), AvgPoolGrad divides by the full window where it overlaps
        // padding, and the stock ops take no numeric padding.
        tfReference:
          typeof padding === 'number' || (kind === 'max' && backend === 'wasm') || (kind === 'avg' && padding !== 'valid')
            ? undefined
            : (a) => (kind === 'max' ? tf.maxPool : tf.avgPool)(a as tf.Tensor4D, kernel, stride ?? kernel, padding),
      });
    });
  }

  it('maxPool2d routes the gradient of an all-negative window to its maximum', () => {
    const g = tidy(() => {
      const x = tensor([-3, -1, -2, -4], [1, 2, 2, 1], { requiresGrad: true });
      maxPool2d(x, { kernel: 2 }).backward();
      return Array.from(x.grad!.data());
    });
    expect(g).toEqual([0, 1, 0, 0]);
  });

  it('maxPool2d sends the gradient of a tied window to its first maximum', () => {
    const g = tidy(() => {
      const x = tensor([1, 1, 1, 1], [1, 2, 2, 1], { requiresGrad: true });
      maxPool2d(x, { kernel: 2 }).backward();
      return Array.from(x.grad!.data());
    });
    expect(g).toEqual([1, 0, 0, 0]);
  });
});
