// The stepper's script: which nodes the forward pass computes in which order, which nodes the
// backward pass reaches in reverse, what is known at each step, and the chain-rule sentence for
// each step written as TeX with the engine's numbers. Pure: plain data in, strings out. The TeX
// is built only from numbers and from names this file controls, never from typed text.
import type { TracedGraph, TracedNode } from '../../engine/index.ts';
import { scientificParts, shortNumber, significant } from '../kit/format.ts';

export interface Script {
  forward: TracedNode[];
  backward: TracedNode[];
  /** Steps in all: forward then backward. Step 0 shows only the inputs. */
  total: number;
}

export function makeScript(graph: TracedGraph): Script {
  const forward = graph.nodes.filter((n) => n.op !== 'leaf');
  const backward = [...graph.nodes].reverse().filter((n) => n.grad != null);
  return { forward, backward, total: forward.length + backward.length };
}

export type Phase = 'start' | 'forward' | 'backward';

export interface StepView {
  phase: Phase;
  /** The node this step computes (its value going forward, its gradient going back). */
  current: TracedNode | null;
  valueKnown: Set<number>;
  gradKnown: Set<number>;
}

export function stepView(graph: TracedGraph, script: Script, step: number): StepView {
  const s = Math.max(0, Math.min(script.total, Math.round(step)));
  const valueKnown = new Set(graph.nodes.filter((n) => n.op === 'leaf').map((n) => n.id));
  script.forward.slice(0, Math.min(s, script.forward.length)).forEach((n) => valueKnown.add(n.id));
  const back = Math.max(0, s - script.forward.length);
  const gradKnown = new Set(script.backward.slice(0, back).map((n) => n.id));
  if (s === 0) return { phase: 'start', current: null, valueKnown, gradKnown };
  if (s <= script.forward.length) return { phase: 'forward', current: script.forward[s - 1], valueKnown, gradKnown };
  return { phase: 'backward', current: script.backward[back - 1], valueKnown, gradKnown };
}

// ---- Numbers and names ---------------------------------------------------------------------

/** A number in TeX, as `shortNumber` writes it in text (TeX's own minus, and a point for the decimal mark). */
export function numTex(v: number): string {
  if (!Number.isFinite(v)) return '\\text{–}';
  if (v === 0) return '0';
  const a = Math.abs(v);
  const tex = { locale: 'en', minus: '-' } as const;
  if (a >= 1e-3 && a < 1e5) return significant(v, 4, tex);
  const { mantissa, exponent } = scientificParts(v, 2, { ...tex, trailingZeros: false });
  return `${mantissa}\\times 10^{${exponent}}`;
}

/** A number as a factor in a product: negative ones in parentheses. */
const factor = (v: number) => (v < 0 ? `(${numTex(v)})` : numTex(v));

/** A tensor's value in TeX: a number, or a row / matrix of numbers. */
export function valueTex(values: readonly number[] | null | undefined, shape: readonly number[]): string {
  if (!values) return '0';
  if (values.length === 1) return numTex(values[0]);
  const cols = shape.length >= 2 ? shape[shape.length - 1] : values.length;
  const rows: string[] = [];
  for (let r = 0; r < values.length / cols; r++) rows.push(values.slice(r * cols, (r + 1) * cols).map(numTex).join(' & '));
  return `\\begin{bmatrix}${rows.join(' \\\\ ')}\\end{bmatrix}`;
}

export function valueText(values: readonly number[] | null | undefined): string {
  if (!values) return '–';
  if (values.length === 1) return shortNumber(values[0]);
  return `[${values.map((v) => shortNumber(v)).join(', ')}]`;
}

/** A node's name in TeX: v1 → v_{1}, W1 → W_{1}, ŷ → \hat{y}; a number constant is its value. */
export function nameTex(node: TracedNode): string {
  const name = node.name ?? node.op;
  if (name === 'ŷ') return '\\hat{y}';
  const m = /^([A-Za-z]+)(\d+)$/.exec(name);
  if (m) return `${m[1]}_{${m[2]}}`;
  if (/^[A-Za-z]+$/.test(name)) return name.length === 1 ? name : `\\mathrm{${name}}`;
  const n = Number(name);
  return Number.isFinite(n) ? numTex(n) : '?';
}

/** The name as the graph's boxes write it. */
export function nameText(node: TracedNode): string {
  const name = node.name ?? node.op;
  return name.replace(/^([A-Za-z]+)(\d+)$/, (_, l: string, d: string) => l + d.replace(/[0-9]/g, (c) => '₀₁₂₃₄₅₆₇₈₉'[Number(c)]));
}

/** The op as a short symbol for the node's box. */
export const opSymbol: Record<string, string> = {
  add: '+',
  sub: '−',
  mul: '×',
  div: '÷',
  pow: '^',
  neg: '−x',
  exp: 'exp',
  log: 'log',
  sqrt: '√',
  tanh: 'tanh',
  sigmoid: 'sigmoid',
  relu: 'relu',
  matmul: 'matmul',
  square: 'x²',
  sum: 'Σ',
};

// ---- The formulas --------------------------------------------------------------------------

/** The op applied to its inputs' TeX (names or numbers). */
function opTex(node: TracedNode, args: string[]): string {
  const [A, B] = args;
  switch (node.op) {
    case 'add':
      return `${A} + ${B}`;
    case 'sub':
      return `${A} - ${B}`;
    case 'mul':
      return `${A} \\cdot ${B}`;
    case 'div':
      return `\\frac{${A}}{${B}}`;
    case 'pow':
      return B === undefined ? `${A}^{${numTex(Number(node.attrs.exponent))}}` : `${A}^{${B}}`;
    case 'neg':
      return `-${A}`;
    case 'exp':
      return `e^{${A}}`;
    case 'log':
      return `\\ln ${A}`;
    case 'sqrt':
      return `\\sqrt{${A}}`;
    case 'tanh':
      return `\\tanh ${A}`;
    case 'sigmoid':
      return `\\operatorname{sigmoid}(${A})`;
    case 'relu':
      return `\\operatorname{relu}(${A})`;
    case 'matmul':
      return `${A}\\,${B}`;
    case 'square':
      return `${A}^{2}`;
    case 'sum':
      return `\\textstyle\\sum ${A}`;
    default:
      return `\\mathrm{op}(${args.join(', ')})`;
  }
}

/** ∂node/∂input k in symbols, in terms of the inputs' names (TeX), or null where it has no short form. */
export function localTex(node: TracedNode, k: number, args: string[]): string | null {
  const [A, B] = args;
  switch (node.op) {
    case 'add':
      return '1';
    case 'sub':
      return k === 0 ? '1' : '-1';
    case 'mul':
      return k === 0 ? B : A;
    case 'div':
      return k === 0 ? `\\frac{1}{${B}}` : `-\\frac{${A}}{${B}^{2}}`;
    case 'pow': {
      if (B === undefined) {
        const e = Number(node.attrs.exponent);
        return `${numTex(e)}\\,${A}^{${numTex(e - 1)}}`;
      }
      return k === 0 ? `${B}\\,${A}^{${B} - 1}` : `${A}^{${B}}\\ln ${A}`;
    }
    case 'neg':
      return '-1';
    case 'exp':
      return `e^{${A}}`;
    case 'log':
      return `\\frac{1}{${A}}`;
    case 'sqrt':
      return `\\frac{1}{2\\sqrt{${A}}}`;
    case 'tanh':
      return `1 - \\tanh^{2} ${A}`;
    case 'sigmoid':
      return `\\operatorname{sigmoid}(${A})\\,(1 - \\operatorname{sigmoid}(${A}))`;
    case 'relu':
      return `[${A} > 0]`;
    case 'square':
      return `2${A}`;
    case 'sum':
      return '1';
    default:
      return null;
  }
}

const isScalar = (n: TracedNode) => n.value.length === 1;

/** What the forward step computes: name = formula = the same with numbers = value. */
export function forwardTex(graph: TracedGraph, node: TracedNode): string {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const inputs = node.inputs.map((id) => byId.get(id)!);
  const names = inputs.map(nameTex);
  const symbolic = opTex(node, names);
  const result = valueTex(node.value, node.shape);
  if (!inputs.every(isScalar) || !isScalar(node)) return `${nameTex(node)} = ${symbolic} = ${result}`;
  const numbers = opTex(node, inputs.map((n) => factor(n.value[0])));
  return `${nameTex(node)} = ${symbolic} = ${numbers} = ${result}`;
}

export interface EdgeTerm {
  /** The node that uses this one (the far end of the edge). */
  consumer: TracedNode;
  /** Which input of the consumer this node is. */
  index: number;
}

/** Every edge leaving `node`: one term of the chain-rule sum each. */
export function consumersOf(graph: TracedGraph, node: TracedNode): EdgeTerm[] {
  const out: EdgeTerm[] = [];
  for (const m of graph.nodes) m.inputs.forEach((id, index) => id === node.id && out.push({ consumer: m, index }));
  return out;
}

/** The backward step: ∂L/∂node as the sum over its edges of (local derivative) × (gradient upstream). */
export function backwardTex(graph: TracedGraph, node: TracedNode): string[] {
  const dL = (n: TracedNode) => `\\frac{\\partial L}{\\partial ${nameTex(n)}}`;
  if (node.id === graph.outputId) return [`${dL(node)} = 1 \\quad\\text{(the output's gradient with respect to itself)}`];
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const terms = consumersOf(graph, node).filter((t) => t.consumer.grad != null);
  const lines: string[] = [];
  const scalar = isScalar(node) && terms.every((t) => isScalar(t.consumer));
  // The local derivatives in symbols, with their values.
  for (const { consumer, index } of terms) {
    const args = consumer.inputs.map((id) => nameTex(byId.get(id)!));
    const sym = localTex(consumer, index, args);
    const local = consumer.localGrads?.[index] ?? null;
    const lhs = `\\frac{\\partial ${nameTex(consumer)}}{\\partial ${nameTex(node)}}`;
    if (scalar && local) lines.push(`${lhs} = ${sym ? `${sym} = ` : ''}${numTex(local[0])}`);
    else if (sym) lines.push(`${lhs} = ${sym}`);
  }
  const symbolic = terms.map((t) => `\\frac{\\partial ${nameTex(t.consumer)}}{\\partial ${nameTex(node)}}\\,${dL(t.consumer)}`).join(' + ');
  const result = valueTex(node.grad, node.shape);
  if (scalar) {
    const numbers = terms.map((t) => `${factor(t.consumer.localGrads?.[t.index]?.[0] ?? 0)} \\cdot ${factor(t.consumer.grad![0])}`).join(' + ');
    lines.push(`${dL(node)} = ${symbolic} = ${numbers} = ${result}`);
  } else {
    const parts = terms.map((t) => valueTex(t.consumer.inputGrads?.[t.index] ?? null, node.shape)).join(' + ');
    lines.push(`${dL(node)} = ${symbolic} = ${terms.length > 1 ? `${parts} = ` : ''}${result}`);
  }
  return lines;
}
