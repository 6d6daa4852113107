// Every gradient route of src/engine/ops/routes.ts, forced one alternative at a time on each
// backend present. For each alternative the kernels that ran show that it was the one taken; its
// values and gradients agree with the backend's default route, with float64 finite differences
// and, where tfjs's stock gradient is right on this backend, with tf.grads. An alternative the
// table refuses on a backend must be refused by `withRoute`.
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { concat, conv2d, matmul, maxPool2d, mul, split } from '../../src/engine/ops';
import { defaultRoute, routeFor, routeRefused, ROUTES, withRoute, type RouteAlternative, type RouteName } from '../../src/engine/ops/routes';
import { tensor, tidy } from '../../src/engine/tensor';
import { candidateBackends, describeEachBackend, type BackendName } from '../support/backends';
import { gradcheck, gradTolerance, maxRelativeError, nd, sample, type GradCase } from '../support/gradcheck';
import { concatRef, conv2dRef, distinctValues, matmulRef, pads, poolRef, scaleRef, sliceRef, type Padding } from './op-references';

interface RouteCase {
  title: string;
  make: (backend: BackendName) => GradCase;
  /** The alternatives this case's shapes let run (default: all). */
  only?: readonly string[];
}

/** Kernels that tell the alternatives apart: each in `uses` must run, none in `avoids` may. */
type Signature = { uses: string[]; avoids: string[] };
const SIGNATURES: { [R in RouteName]: Record<RouteAlternative<R>, Signature> } = {
  matmulTranspose: {
    folded: { uses: ['BatchMatMul'], avoids: ['Transpose'] },
    explicit: { uses: ['BatchMatMul', 'Transpose'], avoids: [] },
  },
  convBackward: {
    stockKernels: { uses: ['Conv2DBackpropInput', 'Conv2DBackpropFilter'], avoids: [] },
    forwardConvs: { uses: ['Conv2D'], avoids: ['Conv2DBackpropInput', 'Conv2DBackpropFilter'] },
  },
  maxPoolBackward: {
    stockKernel: { uses: ['MaxPoolGrad'], avoids: ['ArgMax', 'StridedSlice'] },
    windowTiles: { uses: ['ArgMax'], avoids: ['MaxPoolGrad', 'StridedSlice'] },
    windowSlices: { uses: ['StridedSlice'], avoids: ['MaxPoolGrad', 'ArgMax'] },
  },
  // concat's own backward is a tf.split, so only the block route's unstack tells the two apart.
  splitPieces: {
    slices: { uses: ['SplitV'], avoids: ['Unpack'] },
    blockTranspose: { uses: ['Unpack', 'Transpose'], avoids: [] },
  },
};

const count = (shape: number[]) => shape.reduce((p, d) => p * d, 1);

function matmulCase(sa: number[], sb: number[]): RouteCase {
  return {
    title: `[${sa}]×[${sb}]`,
    make: () => ({
      op: 'matmul',
      inputs: [nd(sample(count(sa), 31), sa), nd(sample(count(sb), 32), sb)],
      engine: matmul,
      reference: matmulRef,
      tfReference:
        sa.length === 3 && sb.length === 2
          ? (a, b) => tf.reshape(tf.matMul(tf.reshape(a, [sa[0] * sa[1], sa[2]]), b), [sa[0], sa[1], sb[1]])
          : (a, b) => tf.matMul(a, b),
    }),
  };
}

function convCase(x: number[], w: number[], stride: number, padding: Padding): RouteCase {
  return {
    title: `x [${x}], w [${w}], stride ${stride}, padding ${padding}`,
    make: (backend) => ({
      op: 'conv2d',
      inputs: [nd(sample(count(x), 71), x), nd(sample(count(w), 72), w)],
      engine: (a, b) => conv2d(a, b, { stride, padding }),
      reference: (a, b) => conv2dRef(a, b, stride, padding, 1),
      // WASM has no stock conv2d gradient kernels.
      tfReference:
        backend === 'wasm'
          ? undefined
          : (a, b) => {
              const p = pads(padding, x[1], x[2], w[0], w[1], stride, 1);
              return tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, stride, [[0, 0], [p[0], p[1]], [p[2], p[3]], [0, 0]]);
            },
    }),
  };
}

function maxPoolCase(x: number[], kernel: number, stride: number, padding: 'valid' | 'same', only?: string[]): RouteCase {
  return {
    title: `x [${x}], kernel ${kernel}, stride ${stride}, padding ${padding}${only ? '' : ' (windows tile the input)'}`,
    only,
    make: (backend) => ({
      op: 'maxPool2d',
      inputs: [nd(distinctValues(sample(count(x), 73)), x)],
      engine: (a) => maxPool2d(a, { kernel, stride, padding }),
      reference: (a) => poolRef(a, 'max', kernel, stride, padding),
      // MaxPoolGrad is wrong on WASM; elsewhere it is right for windows without ties.
      tfReference: backend === 'wasm' ? undefined : (a) => tf.maxPool(a as tf.Tensor4D, kernel, stride, padding),
    }),
  };
}

const CASES: Record<RouteName, RouteCase[]> = {
  matmulTranspose: [matmulCase([3, 4], [4, 2]), matmulCase([2, 3, 4], [2, 4, 5]), matmulCase([2, 3, 4], [4, 5])],
  convBackward: [convCase([2, 5, 5, 2], [3, 3, 2, 3], 1, 'valid'), convCase([1, 6, 5, 2], [3, 3, 2, 2], 2, 'same'), convCase([1, 5, 5, 1], [3, 3, 1, 2], 2, 1)],
  maxPoolBackward: [
    maxPoolCase([2, 4, 4, 2], 2, 2, 'valid'),
    maxPoolCase([1, 6, 6, 3], 3, 3, 'valid'),
    maxPoolCase([1, 5, 5, 1], 3, 2, 'same', ['stockKernel', 'windowSlices']),
  ],
  splitPieces: [
    {
      title: 'four equal pieces along axis 1 of [2,12], each scaled differently',
      make: () => ({
        op: 'split',
        inputs: [nd(sample(24, 61), [2, 12])],
        engine: (x) => concat(split(x, 4, 1).map((p, k) => mul(p, k + 1)), 1),
        reference: (x) => concatRef([0, 1, 2, 3].map((k) => scaleRef(sliceRef(x, 1, 3 * k, 3), k + 1)), 1),
        tfReference: (x) => tf.concat(tf.split(x, 4, 1).map((p, k) => tf.mul(p, k + 1)), 1),
      }),
    },
    {
      title: 'two equal pieces along the last axis of [2,3,6], swapped',
      make: () => ({
        op: 'split',
        inputs: [nd(sample(36, 62), [2, 3, 6])],
        engine: (x) => concat(split(x, 2, 2).reverse(), 2),
        reference: (x) => concatRef([sliceRef(x, 2, 3, 3), sliceRef(x, 2, 0, 3)], 2),
        // A copy before reversing: tf.split's array is the one tfjs's gradient tape keeps.
        tfReference: (x) => tf.concat([...tf.split(x, 2, 2)].reverse(), 2),
      }),
    },
  ],
};

/** The forward value and every input gradient of a case, as plain numbers. */
function valuesAndGrads(c: GradCase): number[][] {
  return tidy(() => {
    const inputs = c.inputs.map((x) => tensor(x.data, x.shape, { requiresGrad: true }));
    const y = c.engine(...inputs);
    y.backward(tf.tensor(sample(y.size, 5), y.shape, 'float32'));
    return [Array.from(y.data()), ...inputs.map((x) => Array.from(x.grad!.data()))];
  });
}

/** Names of the kernels `fn` runs. */
async function kernelsRun(fn: () => void): Promise<Set<string>> {
  const info = await tf.profile(() => {
    fn();
    return [];
  });
  return new Set(info.kernelNames);
}

const routeNames = Object.keys(ROUTES) as RouteName[];

describe('the route table', () => {
  it('names, for each known backend, an alternative of the route that the backend does not refuse', () => {
    for (const name of routeNames) {
      const alternatives: readonly string[] = ROUTES[name].alternatives;
      for (const backend of ['cpu', 'wasm', 'webgl'] as const) {
        const take = defaultRoute(name, backend);
        expect(alternatives, `${name} on ${backend}`).toContain(take);
        expect(routeRefused(name, take as never, backend), `${name} on ${backend}`).toBeNull();
      }
      expect(defaultRoute(name, 'webgpu'), `${name} on an unknown backend`).toBe(ROUTES[name].portable);
    }
  });

  it('withRoute rejects an unknown alternative and restores the route when its function throws', () => {
    const before = routeFor('splitPieces');
    expect(() => withRoute('splitPieces', 'sideways' as never, () => 0)).toThrow(/^withRoute: splitPieces has no route "sideways"/);
    expect(() =>
      withRoute('splitPieces', 'blockTranspose', () => {
        expect(routeFor('splitPieces')).toBe('blockTranspose');
        throw new Error('inside');
      }),
    ).toThrow('inside');
    expect(routeFor('splitPieces')).toBe(before);
  });
});

describeEachBackend('gradient routes', (backend) => {
  for (const name of routeNames) {
    const alternatives = ROUTES[name].alternatives as readonly RouteAlternative<typeof name>[];
    for (const alternative of alternatives) {
      const refused = routeRefused(name, alternative, backend);
      if (refused) {
        it(`${name}: ${alternative} is refused on ${backend}`, () => {
          expect(() => withRoute(name, alternative, () => 0)).toThrow(`withRoute: ${name} cannot take "${alternative}" on ${backend}: ${refused}`);
        });
        continue;
      }
      const label = alternative === defaultRoute(name, backend) ? `${alternative} (the default)` : alternative;
      for (const c of CASES[name]) {
        if (c.only && !c.only.includes(alternative)) continue;
        it(`${name}: ${label}, ${c.title}`, async () => {
          const gradCase = c.make(backend);
          const signature = (SIGNATURES[name] as Record<string, Signature>)[alternative];
          const kernels = await kernelsRun(() => withRoute(name, alternative, () => valuesAndGrads(gradCase)));
          for (const k of signature.uses) expect(kernels.has(k), `${k} should run`).toBe(true);
          for (const k of signature.avoids) expect(kernels.has(k), `${k} should not run`).toBe(false);

          const tol = gradTolerance(backend);
          const forced = withRoute(name, alternative, () => valuesAndGrads(gradCase));
          const usual = valuesAndGrads(gradCase);
          usual.forEach((expected, i) => {
            const what = i === 0 ? 'value' : `gradient of input ${i - 1}`;
            expect(maxRelativeError(forced[i], expected), `${what} against the default route`).toBeLessThanOrEqual(tol);
          });
          withRoute(name, alternative, () => gradcheck(backend, gradCase));
        });
      }
    }
  }
  // Routes choose among TensorFlow.js kernels: the small path has none to choose.
}, candidateBackends, { small: false });
