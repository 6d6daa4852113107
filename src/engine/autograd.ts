// Reverse-mode autodiff over the recorded graph. `backward` walks the graph in reverse topological
// order (iteratively: deep graphs such as an RNN unrolled over hundreds of steps must not hit a
// recursion limit) and accumulates gradients, so a node used twice receives both contributions.
//
// A gradient is a Float32Array while it stays on the small path and a TensorFlow.js tensor once it
// has passed through an op that ran there; a node takes its small rule when its gradient is small,
// its TensorFlow.js rule otherwise (an op too large for the small path hands TensorFlow.js
// gradients to its small inputs), and two gradients from different worlds add up in TensorFlow.js.
import * as tf from '@tensorflow/tfjs-core';
import { buffer, release } from './small/pool';
import { Tensor, type Joint, type Shape } from './tensor';

/** A gradient: on the small path (the shape is the node's) or in TensorFlow.js. */
export type Grad = tf.Tensor | Float32Array;

// A copy: TensorFlow.js's cpu backend would keep the array itself, which goes back to the free
// buffers when the pass is over.
function toTf(g: Grad, shape: Shape): tf.Tensor {
  return g instanceof Float32Array ? tf.tensor(g.slice(), shape, 'float32') : g;
}

/**
 * Sums a gradient back to the shape of an input that was broadcast in the forward pass:
 * leading axes the input did not have are summed away, and so are axes where it had size 1.
 * Every broadcasting op's backward rule on TensorFlow.js goes through here (small/broadcast.ts
 * does the same on the small path).
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
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

// Each walk marks the nodes it reaches with its own number (fields on the nodes rather than a set
// and a map: a small model's step is a few microseconds, and these would be a good part of it).
let walks = 0;

/** Nodes reachable from `root` that carry gradients, inputs before outputs, without recursion. */
export function topologicalOrder(root: Tensor): Tensor[] {
  return walk(root, ++walks);
}

function walk(root: Tensor, mark: number): Tensor[] {
  const order: Tensor[] = [];
  const nodes: Tensor[] = [root];
  const expanded: boolean[] = [false];
  while (nodes.length) {
    const node = nodes.pop()!;
    if (expanded.pop()) {
      order.push(node);
      continue;
    }
    if (node.visited === mark) continue;
    node.visited = mark;
    node.pending = null;
    nodes.push(node);
    expanded.push(true);
    for (const input of node.inputs) {
      if (input.requiresGrad && input.visited !== mark) {
        nodes.push(input);
        expanded.push(false);
      }
    }
  }
  return order;
}

function sizeOf(shape: Shape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

function shapeOf(g: Grad, like: Shape): readonly number[] {
  // A small gradient has its node's shape when it has its node's number of entries.
  return g instanceof Float32Array ? (g.length === sizeOf(like) ? like : [g.length]) : g.shape;
}

function addGrads(a: Grad, b: Grad, shape: Shape): Grad {
  if (a instanceof Float32Array && b instanceof Float32Array) {
    const out = buffer(a.length);
    for (let i = 0; i < a.length; i++) out[i] = a[i] + b[i];
    return out;
  }
  return tf.add(toTf(a, shape), toTf(b, shape));
}

/** The seed as a gradient in the root's world: ones by default. */
function seedFor(root: Tensor, seed: tf.Tensor | Tensor | undefined): Grad {
  if (seed === undefined) return root.small ? buffer(root.small.length).fill(1) : tf.onesLike(root.asTf());
  const given: Grad = (seed as Tensor).small ?? (seed instanceof tf.Tensor ? seed : seed.asTf());
  if (!arraysEqual(shapeOf(given, seed.shape), root.shape)) {
    throw new Error(`backward(): seed shape [${seed.shape}] differs from tensor shape [${root.shape}]`);
  }
  // A small root goes back on the small path: read a TensorFlow.js seed once. A small seed is
  // copied, so that every array the pass propagates is its own.
  if (root.small && !(given instanceof Float32Array)) return Float32Array.from(given.dataSync() as ArrayLike<number>);
  if (given instanceof Float32Array) {
    const copy = buffer(given.length);
    copy.set(given);
    return copy;
  }
  return given;
}

export function backward(root: Tensor, seed?: tf.Tensor | Tensor): void {
  if (!root.requiresGrad) {
    throw new Error('backward(): this tensor does not require a gradient (no parameter or input with requiresGrad led to it)');
  }
  new Pass().run(root, seedFor(root, seed));
}

/**
 * One backward pass. It keeps the small gradients it made and those that became a tensor's `grad`:
 * the others go back to the free buffers at the end (small/pool.ts).
 */
class Pass {
  private readonly made: Float32Array[] = [];
  private readonly claimed = new Set<Float32Array>();
  /**
   * Sums this pass made that are still only a pending gradient (no rule has seen them yet): the
   * next contribution is added into them in place. A weight used at every step of a sequence
   * collects one gradient per step, and a fresh array per addition would cost its size each time.
   */
  private readonly sums = new Set<Float32Array>();
  /** A small rule's way to add into an input's collected gradient (SmallRule). */
  private readonly into = (input: Tensor): Float32Array | null => {
    const acc = input.pending;
    return acc instanceof Float32Array && this.sums.has(acc) ? acc : null;
  };

  run(root: Tensor, seed: Grad): void {
    const order = walk(root, ++walks);
    root.pending = seed;
    if (seed instanceof Float32Array) this.made.push(seed);
    try {
      this.propagate(order);
    } finally {
      for (const node of order) node.pending = null;
      const released = new Set<Float32Array>();
      for (const g of this.made) {
        if (this.claimed.has(g) || released.has(g)) continue;
        released.add(g);
        release(g);
      }
    }
  }

  private accumulate(node: Tensor, input: Tensor, k: number, g: Grad): void {
    const small = g instanceof Float32Array;
    if (small ? g.length !== input.size : !arraysEqual(g.shape, input.shape)) {
      throw new Error(`${node.op}: gradient for input ${k} has shape [${shapeOf(g, input.shape)}] but the input has shape [${input.shape}]`);
    }
    const acc = input.pending;
    if (small && acc instanceof Float32Array && this.sums.has(acc)) {
      if (g === acc) return; // the rule added into the sum itself (`into`)
      this.made.push(g);
      for (let i = 0; i < acc.length; i++) acc[i] += g[i];
      return;
    }
    if (small) this.made.push(g);
    const total = acc ? addGrads(acc, g, input.shape) : g;
    if (acc && total instanceof Float32Array) {
      this.made.push(total);
      this.sums.add(total);
    }
    input.pending = total;
  }

  /** A gradient that becomes a tensor's own: two tensors never own one array (an add hands the same gradient to both its inputs). */
  private claim(g: Float32Array): Float32Array {
    const own = this.claimed.has(g) ? buffer(g.length) : g;
    if (own !== g) own.set(g);
    this.claimed.add(own);
    return own;
  }

  /** A gradient from TensorFlow.js read back onto the small path. */
  private smallGradient(g: tf.Tensor): Float32Array {
    const values = buffer(g.size);
    values.set(g.dataSync() as Float32Array);
    this.made.push(values);
    return values;
  }

  private propagate(order: Tensor[]): void {
    // Gradients of a joint's outputs wait here until the walk reaches the joint's input: every output
    // is a consumer of that input, so by then all of them have been visited.
    const waiting = new Map<Joint, { node: Tensor; dys: (Grad | null)[] }>();
    for (let i = order.length - 1; i >= 0; i--) {
      const node = order[i];
      if (waiting.size) {
        for (const [joint, { node: output, dys }] of waiting) {
          if (joint.input !== node) continue;
          waiting.delete(joint);
          this.accumulate(output, node, 0, joint.combine(dys));
        }
      }
      let dy = node.pending;
      if (!dy) continue;
      // From here the rule may hand this array on (an add gives it to both inputs): no more in place.
      if (dy instanceof Float32Array) this.sums.delete(dy);
      if (!(dy instanceof Float32Array) && node.smallRule) {
        // A small node whose output fed an op in TensorFlow.js: its gradient comes back to the small
        // path here, read once, so that everything before it runs its small rules (one read instead
        // of a TensorFlow.js kernel, and a copy of every small input, at every node further back).
        dy = this.smallGradient(dy);
        node.pending = dy;
      }
      if (node.isLeaf || node.retainGrad) {
        const prev = node.grad;
        const total = prev ? addGrads(prev.small ?? prev.asTf(), dy, node.shape) : dy;
        node.grad = total instanceof Float32Array ? new Tensor(this.claim(total), { shape: node.shape }) : new Tensor(total);
      }
      const rule = node.rule;
      if (!rule) continue;
      if (node.joint) {
        const { joint, index } = node.joint;
        const entry = waiting.get(joint) ?? { node, dys: new Array<Grad | null>(joint.outputs).fill(null) };
        entry.dys[index] = dy;
        waiting.set(joint, entry);
        continue;
      }
      const inputs = node.inputs;
      const needs = new Array<boolean>(inputs.length);
      for (let k = 0; k < inputs.length; k++) needs[k] = inputs[k].requiresGrad;
      const inputGrads: (Grad | null)[] =
        node.smallRule && dy instanceof Float32Array ? node.smallRule(dy, needs, node, this.into) : rule(toTf(dy, node.shape), needs, node);
      if (inputGrads.length !== inputs.length) {
        throw new Error(`${node.op}: backward rule returned ${inputGrads.length} gradients for ${inputs.length} inputs`);
      }
      for (let k = 0; k < inputGrads.length; k++) {
        const g = inputGrads[k];
        if (g && needs[k]) this.accumulate(node, inputs[k], k, g);
      }
    }
  }
}
