// Gradient routes: the backward rules that can be computed more than one way, and the way each
// backend takes. Every alternative a backend does not refuse gives the same gradient there
// (tests/engine/ops-routes.test.ts forces each one on each backend and checks it against the
// default route and against finite differences); they differ in speed and in which TensorFlow.js
// kernels they need. The reasons are
// measurements with TensorFlow.js 4.22 in Node and headless Chromium; the notes at the top of
// matmul.ts, conv.ts, pool.ts and shape.ts say more.
//
// An op asks `routeFor(name)`; a shape the chosen route cannot handle is noted in the op, which
// then takes the route that can (conv2d with dilation, max-pooling windows that do not tile).
import * as tf from '@tensorflow/tfjs-core';
import type { BackendName } from '../backend';

/** The backends the table knows; any other takes each route's `portable` alternative. */
type KnownBackend = BackendName;

interface RouteEntry<A extends string> {
  /** What the choice is about. */
  about: string;
  alternatives: readonly A[];
  /** The alternative built from forward ops only: what a backend not in the table takes. */
  portable: A;
  /** Per backend, the alternative it takes and, in one line, why. */
  take: Record<KnownBackend, readonly [A, string]>;
  /** Alternatives a backend must not take, and why: a kernel it lacks, or wrong values. */
  refuse?: Partial<Record<KnownBackend, Partial<Record<A, string>>>>;
}

function entry<const A extends string>(e: RouteEntry<A>): RouteEntry<A> {
  return e;
}

export const ROUTES = {
  matmulTranspose: entry({
    about: "where the backward rule's products dy·bᵀ and aᵀ·dy put the transposed operand",
    alternatives: ['folded', 'explicit'],
    portable: 'explicit',
    take: {
      cpu: ['folded', 'the plain-JS kernel reads a transposed operand in place; an explicit transpose is one more copy'],
      wasm: ['explicit', 'matMul with transposeA/transposeB runs 4–10× slower than a transpose and a plain matMul'],
      webgl: ['explicit', 'the folded route gives wrong values later on WebGL (refused below)'],
    },
    refuse: {
      webgl: { folded: 'a forward matMul on weights updated from a transposeA product returned wrong values (off by 2⁻⁵)' },
    },
  }),
  convBackward: entry({
    about: "how conv2d's dx and dW are computed",
    alternatives: ['stockKernels', 'forwardConvs'],
    portable: 'forwardConvs',
    take: {
      cpu: ['forwardConvs', 'the plain-JS Conv2DBackpropFilter is 2.4–4× slower than a forward convolution'],
      wasm: ['forwardConvs', 'WASM has no Conv2DBackpropInput or Conv2DBackpropFilter kernel'],
      webgl: ['stockKernels', "WebGL's backprop kernels are 1.4–2× faster than the forward convolutions (dW's has a large kernel)"],
    },
    refuse: { wasm: { stockKernels: 'WASM has no Conv2DBackpropInput or Conv2DBackpropFilter kernel' } },
  }),
  maxPoolBackward: entry({
    about: "how maxPool2d's gradient finds each window's maximum",
    alternatives: ['stockKernel', 'windowTiles', 'windowSlices'],
    portable: 'windowTiles',
    take: {
      cpu: ['stockKernel', 'the plain-JS MaxPoolGrad is right and sends a tie to the first maximum, the engine rule'],
      wasm: ['windowTiles', 'MaxPoolGrad gives wrong positions on WASM; tiles take ~6 kernels, slices ~15 per window entry'],
      webgl: ['windowTiles', 'MaxPoolGrad sends a tie to the last maximum on WebGL; tiles take ~6 kernels, slices ~15 per window entry'],
    },
    refuse: {
      wasm: { stockKernel: 'MaxPoolGrad on WASM sends the gradient of an all-negative window to its first entry' },
      webgl: { stockKernel: "MaxPoolGrad on WebGL sends a tie to the last maximum; the engine's rule is the first" },
    },
  }),
  splitPieces: entry({
    about: 'how split cuts equal pieces along an inner axis',
    alternatives: ['slices', 'blockTranspose'],
    portable: 'slices',
    take: {
      cpu: ['blockTranspose', 'plain-JS slices along an inner axis copy entry by entry, ~10× slower than one transpose'],
      wasm: ['slices', 'only the plain-JS slices were measured slow; the block route adds a transpose and an unstack'],
      webgl: ['slices', 'only the plain-JS slices were measured slow; the block route adds a transpose and an unstack'],
    },
  }),
};

export type RouteName = keyof typeof ROUTES;
export type RouteAlternative<R extends RouteName> = (typeof ROUTES)[R]['alternatives'][number];

/** The backend now in use ('cpu', 'wasm', 'webgl', …). */
function backendName(): string {
  return tf.getBackend();
}

function known(backend: string): backend is KnownBackend {
  return backend === 'cpu' || backend === 'wasm' || backend === 'webgl';
}

/** The alternative `backend` takes for `name` when nothing is forced. */
export function defaultRoute<R extends RouteName>(name: R, backend: string = backendName()): RouteAlternative<R> {
  const e = ROUTES[name] as RouteEntry<RouteAlternative<R>>;
  return known(backend) ? e.take[backend][0] : e.portable;
}

/** Why `backend` must not take `alternative` for `name`, or null when it may. */
export function routeRefused<R extends RouteName>(name: R, alternative: RouteAlternative<R>, backend: string = backendName()): string | null {
  const e = ROUTES[name] as RouteEntry<RouteAlternative<R>>;
  return (known(backend) && e.refuse?.[backend]?.[alternative]) || null;
}

const forced = new Map<RouteName, string>();

/** The alternative to take for `name` now: the forced one inside `withRoute`, else the backend's. */
export function routeFor<R extends RouteName>(name: R): RouteAlternative<R> {
  return (forced.get(name) as RouteAlternative<R> | undefined) ?? defaultRoute(name);
}

/**
 * Runs `fn` with route `name` forced to `alternative` (forward and backward passes both inside
 * `fn`, synchronously), then restores what was there before. Throws when the current backend
 * refuses that alternative.
 */
export function withRoute<R extends RouteName, T>(name: R, alternative: RouteAlternative<R>, fn: () => T): T {
  const e = ROUTES[name] as RouteEntry<RouteAlternative<R>>;
  if (!e.alternatives.includes(alternative)) throw new Error(`withRoute: ${name} has no route "${alternative}"`);
  const refused = routeRefused(name, alternative);
  if (refused) throw new Error(`withRoute: ${name} cannot take "${alternative}" on ${backendName()}: ${refused}`);
  const before = forced.get(name);
  forced.set(name, alternative);
  try {
    const out = fn();
    if (out instanceof Promise) throw new Error('withRoute: fn must be synchronous (the route is restored when it returns)');
    return out;
  } finally {
    if (before === undefined) forced.delete(name);
    else forced.set(name, before);
  }
}
