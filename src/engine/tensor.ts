// The engine's Tensor: a TensorFlow.js tensor plus the bookkeeping reverse-mode autodiff needs.
//
// Every op creates its result through `record`, handing over the forward value, its inputs and a
// backward rule that maps the output's gradient to one gradient per input (told which inputs want
// one, so that no work is spent on data); an op with several outputs (`split`) goes through
// `recordJoint` instead, so that its outputs share one backward step. `backward()` walks the
// recorded graph in reverse topological order (iteratively: deep graphs such as an RNN unrolled
// over hundreds of steps must not hit a recursion limit) and accumulates gradients with `add`, so a
// node used twice receives both contributions.
//
// Memory: tfjs tensors are not garbage-collected. Run forward, backward and the optimiser step in
// `tidy(() => ...)`; parameters are tfjs variables, which `tidy` leaves alone, and are disposed with
// their module.
import * as tf from '@tensorflow/tfjs-core';

export type Shape = number[];

/**
 * Maps the gradient of an op's output to one gradient per input (null: no gradient flows).
 * `needs[k]` tells whether input k wants a gradient at all (data and constants do not): a rule
 * skips the work for an input that does not, as tfjs does, where that saves a kernel (the input
 * gradient of a network's first matmul is a product as large as the forward one).
 */
export type BackwardRule = (dy: tf.Tensor, needs: readonly boolean[]) => (tf.Tensor | null)[];

/**
 * The outputs of one op with several outputs (`split`) share a joint: `backward` collects the
 * gradients of all of them and asks for the input's gradient once (one concat), instead of adding
 * up one zero-padded gradient per output.
 */
interface Joint {
  input: Tensor;
  outputs: number;
  combine: (dys: (tf.Tensor | null)[]) => tf.Tensor;
}

let nextId = 1;
let gradEnabled = true;
const recordListeners = new Set<(t: Tensor) => void>();

export class Tensor {
  readonly id: number = nextId++;
  /** The forward value. For a parameter this is a `tf.Variable`, updated in place by optimisers. */
  value: tf.Tensor;
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
  /** @internal the op's backward rule; `backward` calls it with the inputs' `needs`. */
  readonly rule: BackwardRule | null;
  /** @internal set on the outputs of a multi-output op: which joint, and which output this is. */
  joint: { joint: Joint; index: number } | null = null;

  constructor(
    value: tf.Tensor,
    opts: {
      requiresGrad?: boolean;
      op?: string;
      inputs?: readonly Tensor[];
      rule?: BackwardRule | null;
      attrs?: Record<string, unknown>;
      name?: string;
    } = {},
  ) {
    this.value = value;
    this.requiresGrad = opts.requiresGrad ?? false;
    this.op = opts.op ?? 'leaf';
    this.inputs = opts.inputs ?? [];
    this.rule = opts.rule ?? null;
    this.attrs = opts.attrs ?? {};
    this.name = opts.name;
  }

  get shape(): Shape {
    return this.value.shape;
  }

  get size(): number {
    return this.value.size;
  }

  get rank(): number {
    return this.value.rank;
  }

  get isLeaf(): boolean {
    return this.op === 'leaf';
  }

  /** The value as nested arrays (synchronous read-back). */
  toArray(): number | number[] | number[][] | number[][][] | number[][][][] {
    return this.value.arraySync() as number | number[] | number[][] | number[][][] | number[][][][];
  }

  /** The value as a flat Float32Array copy (synchronous read-back). */
  data(): Float32Array {
    return Float32Array.from(this.value.dataSync() as ArrayLike<number>);
  }

  /** The single number of a one-element tensor. */
  item(): number {
    if (this.size !== 1) throw new Error(`item() needs a tensor with one element, got shape [${this.shape}]`);
    return this.value.dataSync()[0];
  }

  /** The same value, cut from the graph: no gradient flows through it. */
  detach(): Tensor {
    return new Tensor(this.value, { op: 'leaf' });
  }

  /** Releases the tfjs memory of this tensor's value and gradient. */
  dispose(): void {
    this.value.dispose();
    this.grad?.value.dispose();
    this.grad = null;
  }

  /** Reverse-mode autodiff from this tensor; `seed` defaults to ones (so a scalar loss gets 1). */
  backward(seed?: tf.Tensor): void {
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
    return (dy) => rule(dy, needs);
  }
}

/**
 * Creates an op's output. `rule` is only kept when gradients are enabled and some input needs one,
 * so inference under `noGrad` records no closures.
 */
export function record(
  op: string,
  value: tf.Tensor,
  inputs: readonly Tensor[],
  rule: BackwardRule,
  attrs?: Record<string, unknown>,
): Tensor {
  const requiresGrad = gradEnabled && inputs.some((t) => t.requiresGrad);
  const out = new Tensor(value, { op, inputs, rule: requiresGrad ? rule : null, requiresGrad, attrs });
  for (const listen of recordListeners) listen(out);
  return out;
}

/**
 * Creates the outputs of an op with several outputs, all computed from one `input`. `combine` maps
 * the outputs' gradients (null for an output that received none) to the input's gradient.
 */
export function recordJoint(
  op: string,
  values: tf.Tensor[],
  input: Tensor,
  combine: (dys: (tf.Tensor | null)[]) => tf.Tensor,
  attrs: Record<string, unknown> = {},
): Tensor[] {
  const joint: Joint = { input, outputs: values.length, combine };
  return values.map((value, index) => {
    const alone = (dy: tf.Tensor) => [combine(values.map((_, k) => (k === index ? dy : null)))];
    const out = record(op, value, [input], alone, { ...attrs, output: index });
    out.joint = { joint, index };
    return out;
  });
}

/** Calls `listener` for every tensor an op creates until the returned function is called. */
export function onRecord(listener: (t: Tensor) => void): () => void {
  recordListeners.add(listener);
  return () => recordListeners.delete(listener);
}

/** Runs `fn` without recording gradients (inference, optimiser updates, evaluation). */
export function noGrad<T>(fn: () => T): T {
  const before = gradEnabled;
  gradEnabled = false;
  try {
    return fn();
  } finally {
    gradEnabled = before;
  }
}

export function isGradEnabled(): boolean {
  return gradEnabled;
}

/**
 * Sums a gradient back to the shape of an input that was broadcast in the forward pass:
 * leading axes the input did not have are summed away, and so are axes where it had size 1.
 * Every broadcasting op's backward rule goes through here.
 */
export function unbroadcast(grad: tf.Tensor, shape: Shape): tf.Tensor {
  if (arraysEqual(grad.shape, shape)) return grad;
  const lead = grad.rank - shape.length;
  const axes: number[] = [];
  for (let i = 0; i < grad.rank; i++) {
    if (i < lead || (shape[i - lead] === 1 && grad.shape[i] !== 1)) axes.push(i);
  }
  const summed = axes.length ? tf.sum(grad, axes) : grad;
  return tf.reshape(summed, shape);
}

function arraysEqual(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Nodes reachable from `root` that carry gradients, inputs before outputs, without recursion. */
export function topologicalOrder(root: Tensor): Tensor[] {
  const order: Tensor[] = [];
  const visited = new Set<number>();
  const stack: { node: Tensor; expanded: boolean }[] = [{ node: root, expanded: false }];
  while (stack.length) {
    const top = stack.pop()!;
    if (top.expanded) {
      order.push(top.node);
      continue;
    }
    if (visited.has(top.node.id)) continue;
    visited.add(top.node.id);
    stack.push({ node: top.node, expanded: true });
    for (const input of top.node.inputs) {
      if (input.requiresGrad && !visited.has(input.id)) stack.push({ node: input, expanded: false });
    }
  }
  return order;
}

function backward(root: Tensor, seed?: tf.Tensor): void {
  if (!root.requiresGrad) {
    throw new Error('backward(): this tensor does not require a gradient (no parameter or input with requiresGrad led to it)');
  }
  const seedGrad = seed ?? tf.onesLike(root.value);
  if (!arraysEqual(seedGrad.shape, root.shape)) {
    throw new Error(`backward(): seed shape [${seedGrad.shape}] differs from tensor shape [${root.shape}]`);
  }
  const grads = new Map<number, tf.Tensor>([[root.id, seedGrad]]);
  const accumulate = (node: Tensor, input: Tensor, k: number, g: tf.Tensor) => {
    if (!arraysEqual(g.shape, input.shape)) {
      throw new Error(`${node.op}: gradient for input ${k} has shape [${g.shape}] but the input has shape [${input.shape}]`);
    }
    const acc = grads.get(input.id);
    grads.set(input.id, acc ? tf.add(acc, g) : g);
  };
  // Gradients of a joint's outputs wait here until the walk reaches the joint's input: every output
  // is a consumer of that input, so by then all of them have been visited.
  const waiting = new Map<Joint, { node: Tensor; dys: (tf.Tensor | null)[] }>();
  const order = topologicalOrder(root);
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i];
    for (const [joint, { node: output, dys }] of waiting) {
      if (joint.input !== node) continue;
      waiting.delete(joint);
      accumulate(output, node, 0, joint.combine(dys));
    }
    const dy = grads.get(node.id);
    if (!dy) continue;
    if (node.isLeaf || node.retainGrad) {
      const prev = node.grad;
      node.grad = new Tensor(prev ? tf.add(prev.value, dy) : dy);
    }
    const rule = node.rule;
    if (!rule) continue;
    if (node.joint) {
      const { joint, index } = node.joint;
      const entry = waiting.get(joint) ?? { node, dys: new Array<tf.Tensor | null>(joint.outputs).fill(null) };
      entry.dys[index] = dy;
      waiting.set(joint, entry);
      continue;
    }
    const needs = node.inputs.map((t) => t.requiresGrad);
    const inputGrads = rule(dy, needs);
    if (inputGrads.length !== node.inputs.length) {
      throw new Error(`${node.op}: backward rule returned ${inputGrads.length} gradients for ${node.inputs.length} inputs`);
    }
    node.inputs.forEach((input, k) => {
      const g = inputGrads[k];
      if (g && needs[k]) accumulate(node, input, k, g);
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Creating tensors

export type NestedNumbers = number | number[] | number[][] | number[][][] | number[][][][];

/** A data tensor (float32) from numbers or nested arrays; `shape` reshapes a flat array. */
export function tensor(
  values: NestedNumbers | Float32Array,
  shape?: Shape,
  opts: { requiresGrad?: boolean; name?: string } = {},
): Tensor {
  const value = tf.tensor(values as tf.TensorLike, shape, 'float32');
  return new Tensor(value, { requiresGrad: opts.requiresGrad ?? false, name: opts.name });
}

/** Wraps an existing tfjs tensor (ownership moves to the engine Tensor). */
export function fromTf(value: tf.Tensor, opts: { requiresGrad?: boolean; name?: string } = {}): Tensor {
  return new Tensor(value, { requiresGrad: opts.requiresGrad ?? false, name: opts.name });
}

/**
 * A trainable parameter: its value is a `tf.Variable`, which `tidy` does not dispose and
 * optimisers update in place with `assign`. Dispose it with its module.
 */
export function parameter(initial: tf.Tensor, name?: string): Tensor {
  const variable = tf.variable(initial, true, undefined, 'float32');
  initial.dispose();
  return new Tensor(variable, { requiresGrad: true, name });
}

/** A trainable parameter from numbers, as `torch.nn.Parameter(torch.tensor(values))`. */
export function parameterFrom(values: NestedNumbers | Float32Array, shape?: Shape, name?: string): Tensor {
  return parameter(tf.tensor(values as tf.TensorLike, shape, 'float32'), name);
}

export function zeros(shape: Shape): Tensor {
  return new Tensor(tf.zeros(shape));
}

export function ones(shape: Shape): Tensor {
  return new Tensor(tf.ones(shape));
}

/**
 * Runs `fn` in a tfjs memory scope: every tfjs tensor it creates is freed when it returns, except
 * the values (and gradients) of engine Tensors it returns, alone or in an array or plain object.
 * `fn` must be synchronous.
 */
export function tidy<T>(fn: () => T): T {
  let result!: T;
  tf.tidy(() => {
    result = fn();
    keepReturned(result);
  });
  return result;
}

function keepReturned(x: unknown): void {
  if (x instanceof Tensor) {
    tf.keep(x.value);
    if (x.grad) tf.keep(x.grad.value);
  } else if (x instanceof tf.Tensor) {
    tf.keep(x);
  } else if (Array.isArray(x)) {
    x.forEach(keepReturned);
  } else if (x && typeof x === 'object' && Object.getPrototypeOf(x) === Object.prototype) {
    Object.values(x).forEach(keepReturned);
  }
}

/** Number of live tfjs tensors: the memory tests compare it with a baseline. */
export function liveTensorCount(): number {
  return tf.memory().numTensors;
}
