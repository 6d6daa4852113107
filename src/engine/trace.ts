// Graph inspection: runs a function of engine tensors and hands back the graph it built as plain
// data (ids, ops, shapes, values, gradients), for views such as the backprop chapter's graph
// stepper. Nothing from tfjs escapes: every tensor created while tracing is freed before return.
import * as tf from '@tensorflow/tfjs-core';
import { onRecord, type Tensor } from './tensor';

export interface TracedNode {
  /** The tensor's id (unique in the session; inputs always have smaller ids than their outputs). */
  id: number;
  /** The op that produced it, or 'leaf' for data, parameters and number constants. */
  op: string;
  /** The tensor's label, if it has one ("w1", "loss"; a number constant is named by its value). */
  name?: string;
  /** Ids of the op's inputs, in argument order. */
  inputs: number[];
  shape: number[];
  /** The value, flattened in row-major order. */
  value: number[];
  /** Op attributes (axis, stride, …). */
  attrs: Record<string, unknown>;
  requiresGrad: boolean;
  /** dL/d(node), flattened; null where no gradient reaches the node. Only from traceWithGradients. */
  grad?: number[] | null;
  /**
   * For each input edge k: the gradient this node sends back along that edge, i.e. its share of
   * dL/d(inputs[k]) (the sum over all edges leaving an input is that input's grad). In the input's
   * shape, flattened; null where nothing flows. Only from traceWithGradients.
   */
  inputGrads?: (number[] | null)[];
  /**
   * For each input edge k: the node's backward rule applied to an upstream gradient of ones. For an
   * element-wise op on same-shape inputs this is the local derivative ∂node/∂input entry by entry
   * (so inputGrads = localGrads ⊙ grad); in general, the sum of each input entry's Jacobian column.
   * Only from traceWithGradients.
   */
  localGrads?: (number[] | null)[];
}

export interface TracedGraph {
  /** Every tensor created by the traced function and every leaf it used, inputs before outputs. */
  nodes: TracedNode[];
  outputId: number;
}

/**
 * Runs `fn` (synchronously) and returns the graph it built, forward values only. Create parameters
 * outside `fn`: tensors made inside it are freed on return, but tfjs variables are not.
 */
export function trace(fn: () => Tensor): TracedGraph {
  return run('trace', fn, false);
}

/**
 * Like `trace`, then runs backward from the output (seeded with ones, so a scalar loss gets
 * dL/dL = 1) and fills in every node's `grad`, `inputGrads` and `localGrads`. The `grad` of
 * parameters and inputs used by `fn` is left as it was before the call.
 */
export function traceWithGradients(fn: () => Tensor): TracedGraph {
  return run('traceWithGradients', fn, true);
}

function flat(t: tf.Tensor): number[] {
  return Array.from(t.dataSync());
}

function run(caller: string, fn: () => Tensor, withGradients: boolean): TracedGraph {
  let graph!: TracedGraph;
  tf.tidy(() => {
    const created: Tensor[] = [];
    const stop = onRecord((t) => created.push(t));
    let output: Tensor;
    try {
      output = fn();
    } finally {
      stop();
    }

    // Every recorded tensor, the output, and whatever they read (leaves created before or inside fn).
    const all = new Map<number, Tensor>();
    const stack: Tensor[] = [...created, output];
    while (stack.length) {
      const t = stack.pop()!;
      if (all.has(t.id)) continue;
      all.set(t.id, t);
      stack.push(...t.inputs);
    }
    const ordered = [...all.values()].sort((a, b) => a.id - b.id);

    const nodes: TracedNode[] = ordered.map((t) => ({
      id: t.id,
      op: t.op,
      ...(t.name !== undefined ? { name: t.name } : {}),
      inputs: t.inputs.map((i) => i.id),
      shape: [...t.shape],
      value: Array.from(t.data()),
      attrs: { ...t.attrs },
      requiresGrad: t.requiresGrad,
    }));

    if (withGradients) {
      if (!output.requiresGrad) {
        throw new Error(`${caller}: the output does not depend on any tensor with requiresGrad, so there is no gradient to show`);
      }
      const savedGrads = new Map<number, Tensor | null>();
      for (const t of ordered) {
        if (t.isLeaf) savedGrads.set(t.id, t.grad);
        t.grad = null;
        if (!t.isLeaf) t.retainGrad = true;
      }
      try {
        output.backward();
        ordered.forEach((t, k) => {
          const node = nodes[k];
          node.grad = t.grad ? Array.from(t.grad.data()) : null;
          const rule = t.backwardRule;
          if (!rule || !t.grad) {
            node.inputGrads = t.inputs.map(() => null);
            node.localGrads = t.inputs.map(() => null);
            return;
          }
          const readBack = (gs: (tf.Tensor | null)[]) => gs.map((g, i) => (g && t.inputs[i].requiresGrad ? flat(g) : null));
          node.inputGrads = readBack(rule(t.grad.asTf()));
          node.localGrads = readBack(rule(tf.ones(t.shape)));
        });
      } finally {
        for (const t of ordered) {
          t.grad = t.isLeaf ? (savedGrads.get(t.id) ?? null) : null;
          if (!t.isLeaf) t.retainGrad = false;
        }
      }
    }
    graph = { nodes, outputId: output.id };
  });
  return graph;
}
