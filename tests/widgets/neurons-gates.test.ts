// The logic-gates figure: each known single-neuron solution realises its gate, no single threshold
// neuron on the sliders' grid realises XOR, and the 2-2-1 networks do.
import { beforeAll, describe, expect, it } from 'vitest';
import { liveTensorCount } from '../../src/engine/index.ts';
import {
  asBit,
  BLANK_NET,
  evaluateGateNetwork,
  evaluateGateNeuron,
  GATE_INPUTS,
  GATE_SOLUTIONS,
  GATE_TARGETS,
  listToNet,
  netToList,
  rowMatches,
  XOR_SOLUTIONS,
} from '../../src/widgets/LogicGates/gates.ts';
import { useBackend } from '../support/backends.ts';

beforeAll(async () => {
  await useBackend('cpu');
});

const step = (z: number) => (z > 0 ? 1 : 0);

describe('single neuron', () => {
  for (const gate of ['AND', 'OR', 'NAND'] as const) {
    it(`the known weights realise ${gate}`, () => {
      const p = GATE_SOLUTIONS[gate];
      const { z, y } = evaluateGateNeuron(p);
      GATE_INPUTS.forEach(([x1, x2], i) => {
        expect(z[i]).toBeCloseTo(p.w1 * x1 + p.w2 * x2 + p.b, 6);
        expect(y[i]).toBe(step(p.w1 * x1 + p.w2 * x2 + p.b));
      });
      expect(y).toEqual([...GATE_TARGETS[gate]]);
      expect(rowMatches(gate, y).every(Boolean)).toBe(true);
    });
  }

  it('no weights on the sliders’ grid (−3 to 3 by 0.1) realise XOR, while AND, OR and NAND each have many', () => {
    const grid = Array.from({ length: 61 }, (_, i) => Math.round((i * 0.1 - 3) * 10) / 10);
    const found = { AND: 0, OR: 0, NAND: 0, XOR: 0 };
    for (const w1 of grid)
      for (const w2 of grid)
        for (const b of grid) {
          const out = GATE_INPUTS.map(([x1, x2]) => step(w1 * x1 + w2 * x2 + b));
          for (const gate of ['AND', 'OR', 'NAND', 'XOR'] as const) {
            if (out.every((v, i) => v === GATE_TARGETS[gate][i])) found[gate]++;
          }
        }
    expect(found.XOR).toBe(0);
    expect(found.AND).toBeGreaterThan(100);
    expect(found.OR).toBeGreaterThan(100);
    expect(found.NAND).toBeGreaterThan(100);
  });

  it('the engine’s step agrees with the plain rule where z = 0 exactly (w = (1, 1), b = −1)', () => {
    const { y } = evaluateGateNeuron({ w1: 1, w2: 1, b: -1 });
    expect(y).toEqual([0, 0, 0, 1]);
  });
});

describe('2-2-1 network', () => {
  for (const unit of ['step', 'sigmoid'] as const) {
    it(`the known ${unit} network realises XOR`, () => {
      const net = XOR_SOLUTIONS[unit];
      const { h, y } = evaluateGateNetwork(net, unit);
      const f = unit === 'step' ? step : (z: number) => 1 / (1 + Math.exp(-z));
      GATE_INPUTS.forEach(([x1, x2], i) => {
        const h1 = f(net.W1[0][0] * x1 + net.W1[1][0] * x2 + net.b1[0]);
        const h2 = f(net.W1[0][1] * x1 + net.W1[1][1] * x2 + net.b1[1]);
        expect(h[i][0]).toBeCloseTo(h1, 5);
        expect(h[i][1]).toBeCloseTo(h2, 5);
        expect(y[i]).toBeCloseTo(f(net.W2[0] * h1 + net.W2[1] * h2 + net.b2), 5);
      });
      expect(y.map(asBit)).toEqual([0, 1, 1, 0]);
      expect(rowMatches('XOR', y).every(Boolean)).toBe(true);
    });
  }

  it('the sigmoid solution comes within 0.01 of each target', () => {
    const { y } = evaluateGateNetwork(XOR_SOLUTIONS.sigmoid, 'sigmoid');
    y.forEach((v, i) => expect(Math.abs(v - GATE_TARGETS.XOR[i])).toBeLessThan(0.01));
  });

  it('a blank network gets XOR wrong and leaves no tensor behind', () => {
    const before = liveTensorCount();
    const { y } = evaluateGateNetwork(BLANK_NET, 'step');
    expect(y).toEqual([0, 0, 0, 0]);
    expect(rowMatches('XOR', y)).toEqual([true, false, false, true]);
    evaluateGateNeuron({ w1: 1, w2: 1, b: 0 });
    expect(liveTensorCount()).toBe(before);
  });
});

describe('network as a list', () => {
  it('lists the nine numbers neuron by neuron and reads them back', () => {
    const net = XOR_SOLUTIONS.step;
    expect(netToList(net)).toEqual([1, 1, -0.5, -1, -1, 1.5, 1, 1, -1.5]);
    expect(listToNet(netToList(net))).toEqual(net);
    expect(listToNet([1, Number.NaN])).toEqual({ ...BLANK_NET, W1: [[1, 0], [0, 0]] });
  });
});
