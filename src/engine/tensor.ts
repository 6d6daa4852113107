// The engine's Tensor: a value plus the bookkeeping reverse-mode autodiff needs.
//
// A value lives in one of two places (small/limits.ts says which, and in what precision): a plain
// Float32Array for a small tensor, or a TensorFlow.js tensor. Every op creates its result through
// `record` (a TensorFlow.js value) or `recordSmall` (a Float32Array), handing over its inputs and
// the backward rule that maps the output's gradient to one gradient per input (told which inputs
// want one, so that no work is spent on data); an op with several outputs (`split`) goes through
// `recordJoint`. autograd.ts walks the graph back.
//
// Memory: TensorFlow.js tensors are not garbage-collected. Run forward, backward and the optimiser
// step in `tidy(() => ...)`; parameters are variables, which `tidy` leaves alone, and are disposed
// with their module. A small tensor holds no TensorFlow.js memory until an op or a caller asks for
// its value there (`value`); that copy belongs to the memory scope it was made in.
import * as tf from '@tensorflow/tfjs-core';
import { backward, type Grad } from './autograd';
import { release } from './small/pool';
import { joinScope } from './scope';

export type Shape = number[];
export type { Grad } from './autograd';

/**
 * Maps the gradient of an op's output to one gradient per input (null: no gradient flows).
 * `needs[k]` tells whether input k wants a gradient at all (data and constants do not): a rule
 * skips the work for an input that does not, as tfjs does, where that saves a kernel (the input
 * gradient of a network's first matmul is a product as large as the forward one). `node` is the
 * op's output, so that a rule can be one function for every call, reading the inputs from it.
 */
export type BackwardRule = (dy: tf.Tensor, needs: readonly boolean[], node: Tensor) => (tf.Tensor | null)[];

/**
 * The same on the small path: the output's gradient and the inputs' as Float32Arrays. `into(input)`
 * is the sum of gradients that input has collected so far in this pass, when the pass owns it
 * alone, or null: a rule may add its gradient for that input into it and return that array (a
 * weight used at every step of a sequence then costs neither a new array nor a separate add per
 * step); it is added as `sum = fround(sum + g)` with each g rounded, as a separate add would.
 */
export type SmallRule = (dy: Float32Array, needs: readonly boolean[], node: Tensor, into: (input: Tensor) => Float32Array | null) => (Float32Array | null)[];

/**
 * The outputs of one op with several outputs (`split`) share a joint: `backward` collects the
 * gradients of all of them and asks for the input's gradient once (one concat), instead of adding
 * up one zero-padded gradient per output.
 */
export interface Joint {
  input: Tensor;
  outputs: number;
  combine: (dys: (Grad | null)[]) => Grad;
}

let nextId = 1;

export interface TensorOptions {
  requiresGrad?: boolean;
  op?: string;
  inputs?: readonly Tensor[];
  rule?: BackwardRule | null;
  smallRule?: SmallRule | null;
  attrs?: Record<string, unknown>;
  name?: string;
  /** The shape of a Float32Array value (required with one). */
  shape?: Shape;
  /** A trainable parameter: optimisers update its value in place. */
  parameter?: boolean;
  /** False for a tensor that shares another's Float32Array (`detach`): it never frees it. */
  owns?: boolean;
  /** What the op keeps for its backward rule, beyond its inputs and output. */
  saved?: unknown;
}

export class Tensor {
  readonly id: number = nextId++;
  /** Accumulated gradient of the last `backward()` with respect to this tensor, if it wants one. */
  grad: Tensor | null = null;
  requiresGrad: boolean;
  /** `'leaf'` for data and parameters, otherwise the op that produced this tensor. */
  readonly op: string;
  readonly inputs: readonly Tensor[];
  /** Op attributes worth showing in a graph (axis, stride, …); plain data only. */
  readonly attrs: Readonly<Record<string, unknown>>;
  /** Optional human-readable label, shown by graph inspection ("w1", "loss"). */
  name: string | undefined;
  /** Keep `grad` on this non-leaf node after backward (graph inspection sets it on every node). */
  retainGrad = false;
  /** @internal the op's backward rule on TensorFlow.js values. */
  readonly rule: BackwardRule | null;
  /** @internal the op's backward rule on the small path, used when the gradient arrives there. */
  readonly smallRule: SmallRule | null;
  /** @internal set on the outputs of a multi-output op: which joint, and which output this is. */
  joint: { joint: Joint; index: number } | null = null;
  /** A trainable parameter (updated in place by optimisers). */
  readonly isParameter: boolean;
  /** @internal what the op kept for its backward rule (an op's kernel, an index map), if anything. */
  readonly saved: unknown;
  /** @internal the backward pass that last visited this node (autograd.ts), and its gradient there. */
  visited = 0;
  pending: Grad | null = null;
  /** @internal the value on the small path (row-major float32), or null when it lives in TensorFlow.js. */
  small: Float32Array | null;
  /** @internal the value in TensorFlow.js, or null while it lives on the small path. */
  stored: tf.Tensor | null;
  private copy: tf.Tensor | null = null;
  private dims: Shape;
  private disposed = false;
  private readonly owns: boolean;

  constructor(value: tf.Tensor | Float32Array, opts: TensorOptions = {}) {
    if (value instanceof Float32Array) {
      if (!opts.shape) throw new Error('Tensor: a Float32Array value needs its shape');
      this.small = value;
      this.stored = null;
      this.dims = opts.shape;
    } else {
      this.small = null;
      this.stored = value;
      this.dims = value.shape;
    }
    this.requiresGrad = opts.requiresGrad ?? false;
    this.op = opts.op ?? 'leaf';
    this.inputs = opts.inputs ?? [];
    this.rule = opts.rule ?? null;
    this.smallRule = opts.smallRule ?? null;
    this.attrs = opts.attrs ?? {};
    this.name = opts.name;
    this.isParameter = opts.parameter ?? false;
    this.saved = opts.saved ?? null;
    this.owns = opts.owns ?? true;
    // A small tensor made inside `tidy` belongs to its scope, as a TensorFlow.js tensor does.
    if (this.small && !this.isParameter) joinScope(this);
  }

  /**
   * The value as a TensorFlow.js tensor. A parameter on the small path moves to TensorFlow.js for
   * good (the caller may `assign` to the variable it gets); any other small tensor hands out a copy
   * made in the current memory scope.
   */
  get value(): tf.Tensor {
    if (this.stored) return this.stored;
    if (this.isParameter && this.small) this.moveToTf();
    return this.asTf();
  }

  /** Replaces the value with a TensorFlow.js tensor (a backend change re-creates values). */
  set value(v: tf.Tensor) {
    this.dropCopy();
    this.small = null;
    this.stored = v;
    this.dims = v.shape;
  }

  /** @internal the value in TensorFlow.js, without moving a parameter: a copy in the current scope. */
  asTf(): tf.Tensor {
    if (this.stored) return this.stored;
    const small = this.checkedSmall();
    if (this.copy && !this.copy.isDisposed) return this.copy;
    // A copy: the cpu backend would keep the array itself, which changes in place (a parameter) or
    // goes back to the small path's free buffers when this tensor's scope ends.
    this.copy = tf.tensor(small.slice(), this.dims, 'float32');
    return this.copy;
  }

  /** @internal moves a small parameter into a tf.Variable (used in an op too large for the small path). */
  moveToTf(): void {
    if (this.stored) return;
    const small = this.checkedSmall();
    const initial = tf.tensor(small.slice(), this.dims, 'float32');
    this.stored = tf.variable(initial, true, undefined, 'float32');
    initial.dispose();
    this.dropCopy();
    this.small = null;
  }

  /** @internal a parameter's values were changed in place: its TensorFlow.js copy is stale. */
  changed(): void {
    this.dropCopy();
  }

  /** @internal writes new values into a parameter, wherever it lives. */
  assignValues(values: ArrayLike<number>): void {
    if (this.small) {
      this.small.set(values);
      this.dropCopy();
    } else {
      const v = this.stored as tf.Variable;
      tf.tidy(() => v.assign(tf.tensor(values as Float32Array, v.shape, 'float32')));
    }
  }

  private dropCopy(): void {
    if (this.copy && !this.copy.isDisposed) this.copy.dispose();
    this.copy = null;
  }

  private checkedSmall(): Float32Array {
    if (this.small) return this.small;
    throw new Error(this.disposed ? `Tensor ${this.name ?? this.id} is disposed` : 'Tensor has no value');
  }

  get shape(): Shape {
    return this.dims;
  }

  get size(): number {
    if (this.small) return this.small.length;
    let n = 1;
    for (const d of this.dims) n *= d;
    return n;
  }

  get rank(): number {
    return this.dims.length;
  }

  get isLeaf(): boolean {
    return this.op === 'leaf';
  }

  /** The value as nested arrays (synchronous read-back). */
  toArray(): number | number[] | number[][] | number[][][] | number[][][][] {
    if (!this.small) return this.asTf().arraySync() as number | number[] | number[][] | number[][][] | number[][][][];
    return nest(this.small, this.dims, 0, 0) as number | number[] | number[][] | number[][][] | number[][][][];
  }

  /** The value as a flat Float32Array copy (synchronous read-back). */
  data(): Float32Array {
    if (this.small) return this.small.slice();
    if (this.disposed) this.checkedSmall();
    return Float32Array.from(this.asTf().dataSync() as ArrayLike<number>);
  }

  /** The single number of a one-element tensor. */
  item(): number {
    if (this.size !== 1) throw new Error(`item() needs a tensor with one element, got shape [${this.shape}]`);
    return this.small ? this.small[0] : this.asTf().dataSync()[0];
  }

  /** The same value, cut from the graph: no gradient flows through it. */
  detach(): Tensor {
    return this.small ? new Tensor(this.small, { shape: this.dims, owns: false }) : new Tensor(this.asTf(), { op: 'leaf' });
  }

  /** Releases the memory of this tensor's value and gradient. */
  dispose(): void {
    this.stored?.dispose();
    this.dropCopy();
    if (this.small || this.stored) this.disposed = true;
    if (this.small && this.owns) release(this.small);
    this.small = null;
    this.grad?.dispose();
    this.grad = null;
  }

  /** @internal the end of this small tensor's scope: its buffer goes back, its value is gone. */
  endOfScope(): void {
    if (!this.small) return;
    if (this.owns) release(this.small);
    this.small = null;
    this.disposed = true;
    this.copy = null;
  }

  /** @internal a small tensor leaving the last scope: its value moves to a buffer of its own. */
  leaveScopes(): void {
    const small = this.small;
    if (!small || !this.owns || small.length <= 16) return;
    this.small = small.slice();
    release(small);
  }

  /** Reverse-mode autodiff from this tensor; `seed` defaults to ones (so a scalar loss gets 1). */
  backward(seed?: tf.Tensor | Tensor): void {
    backward(this, seed);
  }

  /**
   * @internal this node's backward rule on its own, asked for the gradient of every input that
   * wants one (graph inspection shows each node's local gradients with it).
   */
  get backwardRule(): ((dy: tf.Tensor) => (tf.Tensor | null)[]) | null {
    const rule = this.rule;
    if (!rule) return null;
    const needs = this.inputs.map((t) => t.requiresGrad);
    return (dy) => rule(dy, needs, this);
  }
}

function nest(data: Float32Array, shape: Shape, axis: number, offset: number): number | unknown[] {
  if (axis === shape.length) return data[offset];
  let stride = 1;
  for (let i = axis + 1; i < shape.length; i++) stride *= shape[i];
  return Array.from({ length: shape[axis] }, (_, i) => nest(data, shape, axis + 1, offset + i * stride));
}

export { record, recordSmall, recordJoint, smallValues, toTf, onRecord, noGrad, isGradEnabled } from './record';
export { openTensorScope, closeTensorScope } from './scope';
export { unbroadcast, topologicalOrder } from './autograd';
export { tensor, fromTf, parameter, parameterFrom, zeros, ones, tidy, liveTensorCount, type NestedNumbers } from './create';

