// The recurrent-networks chapter's worked numbers, recomputed in plain JavaScript (float64, no
// engine) and compared with what the engine computed for the chapter (float32 on the CPU backend).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeWorkedValues, type ComputedValue } from '../../src/worked/index.ts';

const root = resolve(import.meta.dirname, '..', '..');
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

function softmax(scores: number[], T = 1): number[] {
  const e = scores.map((z) => Math.exp(z / T));
  const total = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / total);
}

// ---- The scalar RNN: wx = 0.5, wh = 0.8, b = 0.1, inputs (1, 0.5, −1), h_0 = 0 -----------------
const wx = 0.5;
const wh = 0.8;
const b = 0.1;
const step = (h: number, x: number) => Math.tanh(wx * x + wh * h + b);
const h1 = step(0, 1);
const h2 = step(h1, 0.5);
const h3 = step(h2, -1);
// ∂h_t/∂h_{t−1} = wh · (1 − h_t²), and the chain rule multiplies the factors.
const local = (h: number) => wh * (1 - h * h);

// Exercise 1: the same weights on (2, −1).
const e1 = step(0, 2);
const e2 = step(e1, -1);

// ---- Clipping: g·min(1, max/(‖g‖ + 1e-6)), as PyTorch -------------------------------------------
const clip = (g: number[], max: number) => {
  const norm = Math.hypot(...g);
  const coef = Math.min(1, max / (norm + 1e-6));
  return g.map((v) => v * coef);
};

// ---- LSTM and GRU cells ---------------------------------------------------------------------------
const li = sigmoid(1);
const lf = sigmoid(2);
const lg = Math.tanh(0.5);
const lo = sigmoid(-1);
const lc = lf * 0.8 + li * lg;
const lh = lo * Math.tanh(lc);
const gz = sigmoid(1.5);
const gruH = (1 - gz) * Math.tanh(0.4) + gz * -0.5;

// ---- Corpus and parameter counts ----------------------------------------------------------------
const raw = readFileSync(resolve(root, 'public', 'data', 'coriolanus.txt'), 'utf8').replace(/\r\n/g, '\n');
const lines = raw.split('\n');
let first = 0;
while (lines[first].startsWith('#')) first++;
if (lines[first] === '') first++;
const text = lines.slice(first).join('\n');
const vocab = new Set(Array.from(text)).size;
// A recurrent layer with G gates: G·H·(inputs + H) weights and two biases of G·H each (PyTorch's layout).
const layer = (gates: number, inputs: number, H: number) => gates * H * (inputs + H) + 2 * gates * H;
const charParams = (V: number, H: number) => layer(4, V, H) + H * V + V;
const shipped = JSON.parse(readFileSync(resolve(root, 'public', 'models', 'char-lstm.json'), 'utf8')) as { chars: string[]; hidden: number; loss: number };

const expected: Record<string, number> = {
  h1,
  h2,
  h3,
  h3Layer: h3,
  dh3dh2: local(h3),
  dh3dh1: local(h3) * local(h2),
  dh2dh1: local(h2),
  half20Inverse: 2 ** 20,
  factor09pow50: 0.9 ** 50,
  factor15pow20: 1.5 ** 20,
  forget95pow50: 0.95 ** 50,
  forget50Log10: 50 * Math.log10(0.5),
  clipNorm: 5,
  clipG1: clip([3, 4], 1)[0],
  clipG2: clip([3, 4], 1)[1],
  lstmI: li,
  lstmF: lf,
  lstmG: lg,
  lstmO: lo,
  lstmC: lc,
  lstmH: lh,
  gruH,
  temp1P0: softmax([2, 1, 0.1])[0],
  temp05P0: softmax([2, 1, 0.1], 0.5)[0],
  temp2P0: softmax([2, 1, 0.1], 2)[0],
  temp2P2: softmax([2, 1, 0.1], 2)[2],
  corpusChars: Array.from(text).length,
  vocab,
  uniformLoss: Math.log(vocab),
  uniformPerplexity: vocab,
  charModelParams: charParams(vocab, 128),
  shippedParams: charParams(shipped.chars.length, shipped.hidden),
  shippedLoss: shipped.loss,
  shippedPerplexity: Math.exp(shipped.loss),
  rnnParams: layer(1, 10, 20),
  lstmParams: layer(4, 10, 20),
  gruParams: layer(3, 10, 20),
  ex1: e2,
  ex2: local(e2),
  ex3: clip([6, 8, 0], 2)[0],
  ex4: layer(4, 30, 50),
  ex5: 0.9 ** 30,
  ex6: softmax([3, 1, 0], 0.5)[0],
};

/** float32 against float64: 1e-5 relative (2e-5 for products of several float32 steps), with a small absolute floor. */
function close(actual: number, want: number): boolean {
  return Math.abs(actual - want) <= 2e-5 * Math.abs(want) + 1e-7;
}

describe('worked values: recurrent-networks', () => {
  let computed: Map<string, ComputedValue>;
  beforeAll(async () => {
    computed = await computeWorkedValues();
  }, 120_000);

  it('has exactly the keys recomputed here', () => {
    const prefix = 'recurrent-networks.';
    const keys = [...computed.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
    expect(keys.sort()).toEqual(Object.keys(expected).sort());
  });

  for (const [key, want] of Object.entries(expected)) {
    it(key, () => {
      const got = computed.get(`recurrent-networks.${key}`);
      expect(got, `recurrent-networks.${key} is missing`).toBeDefined();
      expect(close(got!.value, want), `recurrent-networks.${key}: engine ${got!.value}, reference ${want}`).toBe(true);
    });
  }

  it('the engine layer and the hand-written recurrence agree', () => {
    expect(computed.get('recurrent-networks.h3Layer')!.value).toBeCloseTo(computed.get('recurrent-networks.h3')!.value, 5);
  });

  it('clipping keeps the direction and sets the length to the cap', () => {
    const g = clip([3, 4], 1);
    expect(Math.hypot(...g)).toBeCloseTo(1, 5);
    expect(g[1] / g[0]).toBeCloseTo(4 / 3, 10);
  });
});
