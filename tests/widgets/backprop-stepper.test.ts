// The graph stepper's logic in Node: graphs built from the parser's trees and traced by the engine,
// checked against derivatives worked by hand in plain JavaScript; the step script; the chain-rule
// TeX; the layout; and the messages for graphs that cannot be drawn.
import katex from 'katex';
import { beforeAll, describe, expect, it } from 'vitest';
import { initEngine, liveTensorCount } from '../../src/engine/index.ts';
import { buildGraph, DEFAULT_VALUES, NETWORK } from '../../src/widgets/GraphStepper/build.ts';
import { layoutGraph, NODE_H, NODE_W } from '../../src/widgets/GraphStepper/layout.ts';
import { backwardTex, forwardTex, makeScript, stepView } from '../../src/widgets/GraphStepper/steps.ts';
import { shortNumber } from '../../src/widgets/kit/format.ts';

beforeAll(async () => {
  await initEngine({ prefer: 'cpu' });
});

const V = (a: number, b: number, c: number, d: number, w: number, x: number, y: number) => [a, b, c, d, w, x, y];

function graphOf(preset: Parameters<typeof buildGraph>[0], typed = '', values = DEFAULT_VALUES) {
  const built = buildGraph(preset, typed, values);
  if (!built.ok) throw new Error(built.message);
  return built.graph;
}
const byName = (g: ReturnType<typeof graphOf>, name: string) => g.nodes.find((n) => n.name === name)!;

describe('graphs traced by the engine', () => {
  it('(a·b + c)·d: values and gradients as by hand', () => {
    const g = graphOf('chain');
    expect(g.nodes.map((n) => n.name)).toEqual(['a', 'b', 'v1', 'c', 'v2', 'd', 'L']);
    expect(byName(g, 'L').value).toEqual([-8]);
    const grad = Object.fromEntries(g.nodes.map((n) => [n.name, n.grad?.[0]]));
    expect(grad).toEqual({ a: 6, b: -4, c: -2, d: 4, v1: -2, v2: -2, L: 1 });
  });

  it('the sigmoid neuron with a squared error matches the chain rule in float64', () => {
    const [w, x, b, y] = [0.7, -1.2, 0.3, 1];
    const g = graphOf('neuron', '', V(2, b, 0, 0, w, x, y));
    const z = w * x + b;
    const s = 1 / (1 + Math.exp(-z));
    const dz = 2 * (s - y) * s * (1 - s);
    expect(byName(g, 'L').value[0]).toBeCloseTo((s - y) ** 2, 6);
    expect(byName(g, 'w').grad![0]).toBeCloseTo(dz * x, 6);
    expect(byName(g, 'x').grad![0]).toBeCloseTo(dz * w, 6);
    expect(byName(g, 'b').grad![0]).toBeCloseTo(dz, 6);
    expect(byName(g, 'y').grad![0]).toBeCloseTo(-2 * (s - y), 6);
  });

  it('the two-layer network: gradients of every weight as a plain-JS backward pass gives them', () => {
    const values = V(0.8, -1.1, 0, 0, 0, 0, 0.5);
    const g = graphOf('network', '', values);
    const x = [0.8, -1.1];
    const z1 = [0, 1, 2].map((j) => x[0] * NETWORK.W1[0][j] + x[1] * NETWORK.W1[1][j] + NETWORK.b1[j]);
    const h = z1.map(Math.tanh);
    const yHat = h.reduce((s, v, j) => s + v * NETWORK.W2[j][0], NETWORK.b2[0]);
    const dy = 2 * (yHat - 0.5);
    const dW2 = h.map((v) => v * dy);
    const dz1 = h.map((v, j) => dy * NETWORK.W2[j][0] * (1 - v * v));
    const dW1 = [0, 1].flatMap((i) => dz1.map((d) => x[i] * d));
    expect(byName(g, 'L').value[0]).toBeCloseTo((yHat - 0.5) ** 2, 6);
    byName(g, 'W2').grad!.forEach((v, i) => expect(v).toBeCloseTo(dW2[i], 6));
    byName(g, 'W1').grad!.forEach((v, i) => expect(v).toBeCloseTo(dW1[i], 6));
    byName(g, 'b1').grad!.forEach((v, i) => expect(v).toBeCloseTo(dz1[i], 6));
    expect(byName(g, 'b2').grad![0]).toBeCloseTo(dy, 6);
  });

  it('a variable used twice is one node with two edges; its gradient is the sum', () => {
    const g = graphOf('typed', 'a*a + a', V(3, 0, 0, 0, 0, 0, 0));
    expect(g.nodes.filter((n) => n.name === 'a')).toHaveLength(1);
    expect(byName(g, 'a').grad).toEqual([7]);
  });

  it('frees every tensor it made', () => {
    const before = liveTensorCount();
    graphOf('network');
    graphOf('typed', 'exp(a)/(1+exp(a))');
    buildGraph('typed', 'log(a)', V(-1, 0, 0, 0, 0, 0, 0));
    expect(liveTensorCount()).toBe(before);
  });
});

describe('graphs that cannot be drawn give a message, never NaN', () => {
  it.each([
    ['log(a)', V(-1, 0, 0, 0, 0, 0, 0), /not a real number/],
    ['sqrt(a)', V(-4, 0, 0, 0, 0, 0, 0), /not a real number/],
    ['a/b', V(1, 0, 0, 0, 0, 0, 0), /infinite/],
    ['exp(a)', V(100, 0, 0, 0, 0, 0, 0), /infinite/],
    ['sqrt(a)', V(0, 0, 0, 0, 0, 0, 0), /gradient .* is not finite/],
    ['2*3', DEFAULT_VALUES, /uses no variable/],
    ['a+', DEFAULT_VALUES, /character 3/],
  ])('%s', (typed, values, message) => {
    const built = buildGraph('typed', typed, values);
    expect(built.ok).toBe(false);
    if (!built.ok) {
      expect(built.message).toMatch(message);
      expect(built.message).not.toMatch(/NaN/);
    }
  });
});

describe('the step script and its formulas', () => {
  it('steps forward through the ops, then back through every node with a gradient', () => {
    const g = graphOf('chain');
    const script = makeScript(g);
    expect(script.forward.map((n) => n.name)).toEqual(['v1', 'v2', 'L']);
    expect(script.backward.map((n) => n.name)).toEqual(['L', 'd', 'v2', 'c', 'v1', 'b', 'a']);
    expect(script.total).toBe(10);
    const start = stepView(g, script, 0);
    expect(start.phase).toBe('start');
    expect(start.valueKnown.size).toBe(4);
    const mid = stepView(g, script, 5);
    expect(mid.phase).toBe('backward');
    expect(mid.current?.name).toBe('d');
    expect([...mid.gradKnown].length).toBe(2);
    expect(stepView(g, script, 999).gradKnown.size).toBe(7);
    expect(stepView(g, script, -5).phase).toBe('start');
  });

  it('writes the chain-rule product with the live numbers, and KaTeX reads it without errors', () => {
    const g = graphOf('chain');
    expect(forwardTex(g, byName(g, 'v1'))).toBe('v_{1} = a \\cdot b = 2 \\cdot (-3) = -6');
    const lines = backwardTex(g, byName(g, 'a'));
    expect(lines[0]).toBe('\\frac{\\partial v_{1}}{\\partial a} = b = -3');
    expect(lines[1]).toBe('\\frac{\\partial L}{\\partial a} = \\frac{\\partial v_{1}}{\\partial a}\\,\\frac{\\partial L}{\\partial v_{1}} = (-3) \\cdot (-2) = 6');
    for (const preset of ['chain', 'neuron', 'network'] as const) {
      const graph = graphOf(preset);
      for (const n of graph.nodes) {
        const texts = [...(n.op === 'leaf' ? [] : [forwardTex(graph, n)]), ...(n.grad ? backwardTex(graph, n) : [])];
        for (const tex of texts) {
          expect(tex).not.toMatch(/NaN|undefined|\?/);
          const html = katex.renderToString(tex, { throwOnError: false, trust: false });
          expect(html).not.toContain('katex-error');
        }
      }
    }
  });

  it('a node used twice sums one term per edge', () => {
    const g = graphOf('typed', 'a*a', V(3, 0, 0, 0, 0, 0, 0));
    const last = backwardTex(g, byName(g, 'a')).at(-1)!;
    expect(last).toContain('3 \\cdot 1 + 3 \\cdot 1 = 6');
  });

  it('formats numbers with a true minus and no float noise', () => {
    expect(shortNumber(-0.30000001192092896)).toBe('−0.3');
    expect(shortNumber(0)).toBe('0');
    expect(shortNumber(1.5e-7)).toBe('1.5×10⁻⁷');
  });
});

describe('layout', () => {
  it('places inputs left of their ops and no two boxes overlap', () => {
    for (const [preset, typed] of [['chain', ''], ['neuron', ''], ['network', ''], ['typed', 'tanh(a*x + b)*c + exp(-(a*x + b))']] as const) {
      const g = graphOf(preset, typed);
      const layout = layoutGraph(g);
      const placed = [...layout.nodes.values()];
      for (const n of g.nodes) for (const i of n.inputs) expect(layout.nodes.get(i)!.x).toBeLessThan(layout.nodes.get(n.id)!.x);
      for (let i = 0; i < placed.length; i++)
        for (let j = i + 1; j < placed.length; j++) {
          const p = placed[i];
          const q = placed[j];
          const apart = Math.abs(p.x - q.x) >= NODE_W || Math.abs(p.y - q.y) >= NODE_H;
          expect(apart).toBe(true);
        }
      for (const p of placed) {
        expect(p.x + NODE_W).toBeLessThanOrEqual(layout.width);
        expect(p.y + NODE_H).toBeLessThanOrEqual(layout.height);
      }
    }
  });
});
