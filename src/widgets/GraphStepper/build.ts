// Turns an expression tree (kit/expression/parse.ts) or a small network into engine ops, and hands
// the graph the engine recorded back as plain data: every value, local derivative and gradient
// below comes from the engine's own graph inspection (`traceWithGradients`), none from a second
// implementation.
import { add, matmul, square, sub, sum, tanh, tensor, traceWithGradients, type Tensor, type TracedGraph } from '../../engine/index.ts';
import { expressionOps } from '../kit/expression/engineOps.ts';
import { parseExpression, VARIABLES, variablesOf, type Expr, type Variable } from '../kit/expression/parse.ts';
import { stepperStrings } from './strings.ts';

const say = stepperStrings.problems;

/** The menu: expressions the chapter walks through, and a two-layer network on one example. */
export const presets = ['chain', 'neuron', 'network', 'typed'] as const;
export type Preset = (typeof presets)[number];

export const presetExpressions: Record<Exclude<Preset, 'network' | 'typed'>, string> = {
  chain: '(a*b + c)*d',
  neuron: '(sigmoid(w*x + b) - y)^2',
};

/** Starting values of a, b, c, d, w, x, y (the order of VARIABLES). */
export const DEFAULT_VALUES = [2, -3, 10, -2, 0.5, 1.5, 1];
export const VALUE_LIMIT = 100;

/** Engine ops for an expression tree; each variable is one leaf, however often it is used. */
export function buildExpression(expr: Expr, values: Record<Variable, number>): Tensor {
  const leaves = new Map<Variable, Tensor>();
  const leaf = (name: Variable) => {
    let t = leaves.get(name);
    if (!t) {
      t = tensor(values[name], undefined, { requiresGrad: true, name });
      leaves.set(name, t);
    }
    return t;
  };
  const out = expressionOps(expr, leaf, (v) => tensor(v, undefined, { name: String(v) }));
  return out;
}

/** The two-layer network's fixed weights: inputs (a, b), three tanh units, one output; target y. */
export const NETWORK = {
  W1: [
    [0.5, -0.3, 0.8],
    [-0.6, 0.4, 0.2],
  ],
  b1: [0.1, 0, -0.1],
  W2: [[0.7], [-0.5], [0.3]],
  b2: [0.2],
};

/** Two layers on one example: h = tanh(x·W1 + b1), ŷ = h·W2 + b2, L = Σ(ŷ − y)². */
export function buildNetwork(values: Record<Variable, number>): Tensor {
  const x = tensor([[values.a, values.b]], undefined, { requiresGrad: true, name: 'x' });
  const W1 = tensor(NETWORK.W1, undefined, { requiresGrad: true, name: 'W1' });
  const b1 = tensor([NETWORK.b1], undefined, { requiresGrad: true, name: 'b1' });
  const W2 = tensor(NETWORK.W2, undefined, { requiresGrad: true, name: 'W2' });
  const b2 = tensor([NETWORK.b2], undefined, { requiresGrad: true, name: 'b2' });
  const y = tensor([[values.y]], undefined, { name: 'y' });
  const z1 = add(matmul(x, W1), b1);
  const h = tanh(z1);
  const yHat = add(matmul(h, W2), b2);
  return sum(square(sub(yHat, y)));
}

/** Names given to the op nodes, in the order they were computed; the output is L. */
function nameOps(graph: TracedGraph, preset: Preset): TracedGraph {
  const networkNames = ['u1', 'z1', 'h', 'u2', 'ŷ', 'r', 'q', 'L'];
  let k = 0;
  for (const node of graph.nodes) {
    if (node.op === 'leaf') continue;
    if (node.id === graph.outputId) node.name = 'L';
    else node.name = preset === 'network' ? (networkNames[k] ?? `v${k + 1}`) : `v${k + 1}`;
    k++;
  }
  return graph;
}

export type BuiltGraph =
  | { ok: true; graph: TracedGraph; variables: Variable[] }
  | { ok: false; message: string; position: number | null };

export function valuesRecord(list: readonly number[]): Record<Variable, number> {
  return Object.fromEntries(VARIABLES.map((v, i) => [v, list[i] ?? DEFAULT_VALUES[i]])) as Record<Variable, number>;
}

/** The names an engine op shows as; a value that is not a real number is reported, not drawn. */
export function describeNonFinite(graph: TracedGraph): string | null {
  for (const node of graph.nodes) {
    const bad = node.value.find((v) => !Number.isFinite(v));
    if (bad !== undefined) {
      return Number.isNaN(bad) ? say.notReal(node.name ?? node.op, node.op) : say.infinite(node.name ?? node.op, node.op);
    }
  }
  for (const node of graph.nodes) {
    const lists = [node.grad ?? [], ...(node.localGrads ?? []).map((g) => g ?? [])];
    if (lists.some((g) => g.some((v) => !Number.isFinite(v)))) {
      return say.gradient(node.name ?? node.op, node.op);
    }
  }
  return null;
}

/** Builds the chosen graph with the engine and traces it; every failure becomes a message. */
export function buildGraph(preset: Preset, typed: string, valueList: readonly number[]): BuiltGraph {
  const values = valuesRecord(valueList);
  let make: () => Tensor;
  let variables: Variable[];
  if (preset === 'network') {
    make = () => buildNetwork(values);
    variables = ['a', 'b', 'y'];
  } else {
    const parsed = parseExpression(preset === 'typed' ? typed : presetExpressions[preset]);
    if (!parsed.ok) return { ok: false, message: parsed.error.message, position: parsed.error.position };
    const expr = parsed.expr;
    variables = variablesOf(expr);
    if (variables.length === 0) return { ok: false, message: say.noVariable, position: null };
    make = () => buildExpression(expr, values);
  }
  let graph: TracedGraph;
  try {
    graph = nameOps(traceWithGradients(make), preset);
  } catch (e) {
    return { ok: false, message: say.engine(e instanceof Error ? e.message : String(e)), position: null };
  }
  const bad = describeNonFinite(graph);
  if (bad) return { ok: false, message: bad, position: null };
  return { ok: true, graph, variables };
}
