// LstmInside's logic in Node: the shipped model file loads, the gates read through the one-step
// API satisfy the LSTM's equations, unknown characters are passed over, the colour mapping stays
// in range, and nothing is left in memory.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { data, initEngine, liveTensorCount, Random } from '../../src/engine/index.ts';
import { CharLSTM, modelFromWeights, Sampler } from '../../src/models/charLstm/charModel.ts';
import { cellScaleOf, colourPosition, liveliestUnits, MAX_READ, readThrough, unitValue } from '../../src/widgets/LstmInside/inside.ts';
import { checkShipped, heldOutStart, roundWeights, SHIPPED_HELD_OUT, SHIPPED_HIDDEN } from '../../src/models/charLstm/shipped.ts';

beforeAll(async () => {
  await initEngine({ prefer: 'cpu' });
});

const shipped = checkShipped(JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/models/char-lstm.json'), 'utf8')));
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

describe('the shipped model', () => {
  it('is the documented size and writes English-looking text', () => {
    expect(shipped.hidden).toBe(SHIPPED_HIDDEN);
    expect(shipped.heldOut).toBe(SHIPPED_HELD_OUT);
    // Text it never trained on is harder than text it did.
    expect(shipped.heldOutLoss).toBeGreaterThan(shipped.trainLoss);
    const { model, vocab } = modelFromWeights(shipped.chars, shipped.hidden, shipped.weights);
    const s = new Sampler(model, vocab, 'First Citizen:\n', 0, new Random(1));
    const text = s.next(60);
    s.dispose();
    model.dispose();
    // Greedy text from a trained model is mostly letters and spaces, with real short words.
    expect(text.split(/\s+/).filter((w) => ['the', 'and', 'you', 'to', 'of', 'a', 'I', 'not', 'is', 'that', 'be', 'he', 'your', 'will', 'my'].includes(w.replace(/[^A-Za-z]/g, ''))).length).toBeGreaterThan(0);
  });

  it('rejects malformed files with a reason', () => {
    expect(() => checkShipped(null)).toThrow(/character list/);
    expect(() => checkShipped({ chars: ['a'], hidden: 0, weights: {} })).toThrow(/width/);
    expect(() => checkShipped({ chars: ['a'], hidden: 4 })).toThrow(/weights/);
    expect(() => checkShipped({ chars: ['a'], hidden: 4, weights: {} })).toThrow(/held-out/);
    expect(() => modelFromWeights(['a', 'a'], 4, {})).toThrow(/repeats/);
    const before = liveTensorCount();
    expect(() => modelFromWeights(['a', 'b'], 4, {})).toThrow(/missing keys/);
    expect(liveTensorCount()).toBe(before);
  });

  it('holds out the last tenth of a text, whatever its length', () => {
    expect(heldOutStart(1000)).toBe(900);
    expect(heldOutStart(64_000)).toBe(57_600);
    expect(heldOutStart(15)).toBe(13);
  });

  it('rounding keeps shapes and four significant digits', () => {
    const r = roundWeights({ w: { shape: [2], values: [0.123456, -98765.4] } });
    expect(r.w).toEqual({ shape: [2], values: [0.1235, -98770] });
  });
});

describe('readThrough', () => {
  it('gives gates and states that satisfy c = f·c₋₁ + i·g and h = o·tanh(c)', () => {
    const { model, vocab } = modelFromWeights(shipped.chars, shipped.hidden, shipped.weights);
    const traces = readThrough(model, vocab, 'Before we proceed');
    model.dispose();
    expect(traces).toHaveLength(17);
    traces.forEach((t, k) => {
      for (let u = 0; u < shipped.hidden; u += 7) {
        expect(t.cell[u]).toBeCloseTo(t.forget[u] * t.cellBefore[u] + t.input[u] * t.candidate[u], 5);
        expect(t.hidden[u]).toBeCloseTo(t.output[u] * Math.tanh(t.cell[u]), 5);
        for (const g of [t.input[u], t.forget[u], t.output[u]]) expect(g > 0 && g < 1).toBe(true);
      }
      if (k > 0) expect(t.cellBefore).toEqual(traces[k - 1].cell);
    });
  });

  it('matches the gate equations computed from the weights in plain JavaScript', () => {
    const rng = new Random(5);
    const vocab = new data.CharVocab('abc');
    const model = new CharLSTM(3, 2, rng);
    const w = model.lstm.stateDict();
    const [trace] = readThrough(model, vocab, 'b');
    model.dispose();
    const H = 2;
    const z = Array.from({ length: 4 * H }, (_, j) => w.weightIH.values[1 * 4 * H + j] + w.biasIH.values[j] + w.biasHH.values[j]);
    for (let u = 0; u < H; u++) {
      expect(trace.input[u]).toBeCloseTo(sigmoid(z[u]), 5);
      expect(trace.forget[u]).toBeCloseTo(sigmoid(z[H + u]), 5);
      expect(trace.candidate[u]).toBeCloseTo(Math.tanh(z[2 * H + u]), 5);
      expect(trace.output[u]).toBeCloseTo(sigmoid(z[3 * H + u]), 5);
    }
  });

  it('passes over unknown characters (emoji, other alphabets) and caps the length', () => {
    const before = liveTensorCount();
    const { model, vocab } = modelFromWeights(shipped.chars, shipped.hidden, shipped.weights);
    const traces = readThrough(model, vocab, 'a😀b日c');
    expect(traces.map((t) => t.known)).toEqual([true, false, true, false, true]);
    expect(unitValue(traces[1], 0, 'hidden')).toBeNull();
    expect(traces[1].hidden).toEqual(traces[0].hidden);
    expect(readThrough(model, vocab, 'x'.repeat(MAX_READ + 50))).toHaveLength(MAX_READ);
    expect(readThrough(model, vocab, '')).toEqual([]);
    model.dispose();
    expect(liveTensorCount()).toBe(before);
  });

  it('maps every quantity into the colour scale’s [−1, 1] and picks lively units', () => {
    const { model, vocab } = modelFromWeights(shipped.chars, shipped.hidden, shipped.weights);
    const traces = readThrough(model, vocab, 'First Citizen: Before we proceed any further, hear me speak.');
    model.dispose();
    const scale = cellScaleOf(traces, 3);
    for (const q of ['hidden', 'cell', 'input', 'forget', 'output'] as const) {
      for (const t of traces) {
        const v = unitValue(t, 3, q)!;
        const p = colourPosition(v, q, scale);
        expect(p >= -1 - 1e-9 && p <= 1 + 1e-9, `${q} ${v}`).toBe(true);
      }
    }
    expect(colourPosition(0.3, 'cell', 0)).toBe(0);
    const lively = liveliestUnits(traces, 5);
    expect(new Set(lively).size).toBe(5);
    expect(liveliestUnits([], 5)).toEqual([]);
  });
});
