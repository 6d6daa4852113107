// The recurrent-networks chapter's worked numbers, recomputed in plain JavaScript (float64, no
// engine) and compared with what the engine computed for the chapter (float32 on the CPU backend).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeWorkedValues, type ComputedValue } from '../../src/worked/index.ts';
// The seeded generator only (plain JavaScript, no tensors): it regenerates the figure's inputs and weights.
import { Random } from '../../src/engine/random.ts';

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
const shipped = JSON.parse(readFileSync(resolve(root, 'public', 'models', 'char-lstm.json'), 'utf8')) as {
  chars: string[];
  hidden: number;
  steps: number;
  heldOut: number;
  trainLoss: number;
  heldOutLoss: number;
  weights: Record<string, { shape: number[]; values: number[] }>;
};

// The corpus's distinct characters by class, as the chapter describes them.
const distinct = [...new Set(Array.from(text))];
const classes = {
  lower: distinct.filter((c) => c >= 'a' && c <= 'z').length,
  upper: distinct.filter((c) => c >= 'A' && c <= 'Z').length,
  digits: distinct.filter((c) => c >= '0' && c <= '9').length,
  whitespace: distinct.filter((c) => c === ' ' || c === '\n').length,
};
const punctuation = distinct.length - classes.lower - classes.upper - classes.digits - classes.whitespace;

// ---- The shipped model on a stretch it trained on and on the held-out slice (the last tenth) -----
const chars = Array.from(text);
const cut = chars.length - Math.round(chars.length * 0.1);
const sortedChars = [...distinct].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!);
const idOf = new Map(sortedChars.map((c, i) => [c, i]));
const ids = chars.map((c) => idOf.get(c)!);

/** Mean cross-entropy per character in float64: consecutive windows of 32 from a zero state, the last one shorter. */
function shippedLoss(part: number[]): number {
  const H = shipped.hidden;
  const V = shipped.chars.length;
  const w = shipped.weights;
  const wih = w['lstm.weightIH'].values; // [V, 4H]
  const whh = w['lstm.weightHH'].values; // [H, 4H]
  const bias = w['lstm.biasIH'].values.map((v, j) => v + w['lstm.biasHH'].values[j]);
  const head = w['head.weight'].values; // [H, V]
  const headBias = w['head.bias'].values;
  let total = 0;
  let count = 0;
  for (let start = 0; start < part.length - 1; start += 32) {
    const end = Math.min(start + 32, part.length - 1);
    let h = new Array(H).fill(0);
    let c = new Array(H).fill(0);
    for (let t = start; t < end; t++) {
      const z = bias.slice();
      for (let j = 0; j < 4 * H; j++) z[j] += wih[part[t] * 4 * H + j];
      for (let k = 0; k < H; k++) {
        if (h[k] === 0) continue;
        for (let j = 0; j < 4 * H; j++) z[j] += h[k] * whh[k * 4 * H + j];
      }
      const nc = new Array(H);
      const nh = new Array(H);
      for (let u = 0; u < H; u++) {
        nc[u] = sigmoid(z[H + u]) * c[u] + sigmoid(z[u]) * Math.tanh(z[2 * H + u]);
        nh[u] = sigmoid(z[3 * H + u]) * Math.tanh(nc[u]);
      }
      c = nc;
      h = nh;
      const scores = headBias.slice();
      for (let k = 0; k < H; k++) for (let v = 0; v < V; v++) scores[v] += h[k] * head[k * V + v];
      const top = Math.max(...scores);
      const logSum = top + Math.log(scores.reduce((a, v) => a + Math.exp(v - top), 0));
      total += logSum - scores[part[t + 1]];
      count++;
    }
  }
  return total / count;
}
// Measured on the tenth just before the cut (trained on) and on the held-out tenth after it.
const trainLoss = shippedLoss(ids.slice(2 * cut - chars.length, cut));
const heldOutLoss = shippedLoss(ids.slice(cut));

// ---- The gradients figure: a tanh RNN and an LSTM, 16 units, 4 inputs, 40 steps, seed 1 ---------
// Rebuilt from the same seeds as src/widgets/RnnGradients/gradients.ts and differentiated by hand.
const GH = 16;
const GI = 4;
function gradientFigure(kind: 'rnn' | 'lstm', scale: number, forgetBias: number): { norms: number[]; weightNorm: number } {
  const length = 40;
  const rng = new Random(1);
  const xs = Array.from({ length }, () => Array.from(rng.normalArray(GI, 0, 1)));
  const readout = Array.from(rng.normalArray(GH, 0, 1 / Math.sqrt(GH)));
  const G = kind === 'rnn' ? 1 : 4;
  const W = G * GH;
  const cellRng = new Random(2);
  // The layer draws its default weights first (W_ih, W_hh, two biases), then the figure's own.
  cellRng.uniformArray(GI * W);
  cellRng.uniformArray(GH * W);
  cellRng.uniformArray(W);
  cellRng.uniformArray(W);
  const wih = Array.from(cellRng.normalArray(GI * W, 0, 1 / Math.sqrt(GI)));
  const whh = Array.from(cellRng.normalArray(GH * W, 0, scale / Math.sqrt(GH)));
  const bias = Array.from({ length: W }, (_, j) => (kind === 'lstm' && j >= GH && j < 2 * GH ? forgetBias : 0));
  // Forward, keeping what the backward pass needs.
  const hs: number[][] = [new Array(GH).fill(0)];
  const cs: number[][] = [new Array(GH).fill(0)];
  const acts: number[][] = []; // the gate values (LSTM) or h_t (RNN)
  for (const x of xs) {
    const hPrev = hs[hs.length - 1];
    const z = bias.slice();
    for (let j = 0; j < W; j++) {
      for (let i = 0; i < GI; i++) z[j] += x[i] * wih[i * W + j];
      for (let i = 0; i < GH; i++) z[j] += hPrev[i] * whh[i * W + j];
    }
    if (kind === 'rnn') {
      const h = z.map(Math.tanh);
      acts.push(h);
      hs.push(h);
      cs.push(cs[0]);
    } else {
      const a = z.map((v, j) => (j >= 2 * GH && j < 3 * GH ? Math.tanh(v) : sigmoid(v)));
      const cPrev = cs[cs.length - 1];
      const c = cPrev.map((cp, u) => a[GH + u] * cp + a[u] * a[2 * GH + u]);
      acts.push(a);
      cs.push(c);
      hs.push(c.map((v, u) => a[3 * GH + u] * Math.tanh(v)));
    }
  }
  const hT = hs[length];
  const out = hT.reduce((a, v, j) => a + v * readout[j], 0);
  let dh = readout.map((r) => 2 * (out - 1) * r);
  let dc = new Array(GH).fill(0);
  const norms = new Array(length);
  const dWih = new Array(GI * W).fill(0);
  const dWhh = new Array(GH * W).fill(0);
  const db = new Array(W).fill(0);
  for (let t = length - 1; t >= 0; t--) {
    norms[t] = Math.hypot(...dh);
    const a = acts[t];
    let dz: number[];
    if (kind === 'rnn') dz = dh.map((v, j) => v * (1 - a[j] ** 2));
    else {
      const c = cs[t + 1];
      const cPrev = cs[t];
      dz = new Array(W);
      const dcPrev = new Array(GH);
      for (let u = 0; u < GH; u++) {
        const [i, f, g, o] = [a[u], a[GH + u], a[2 * GH + u], a[3 * GH + u]];
        const tc = Math.tanh(c[u]);
        const dcu = dc[u] + dh[u] * o * (1 - tc * tc);
        dz[u] = dcu * g * i * (1 - i);
        dz[GH + u] = dcu * cPrev[u] * f * (1 - f);
        dz[2 * GH + u] = dcu * i * (1 - g * g);
        dz[3 * GH + u] = dh[u] * tc * o * (1 - o);
        dcPrev[u] = dcu * f;
      }
      dc = dcPrev;
    }
    const hPrev = hs[t];
    for (let j = 0; j < W; j++) {
      db[j] += dz[j];
      for (let i = 0; i < GI; i++) dWih[i * W + j] += xs[t][i] * dz[j];
      for (let i = 0; i < GH; i++) dWhh[i * W + j] += hPrev[i] * dz[j];
    }
    dh = new Array(GH).fill(0).map((_, i) => dz.reduce((s, v, j) => s + v * whh[i * W + j], 0));
  }
  // Both bias vectors (input and recurrent) receive the same gradient.
  const sq = (v: number[]) => v.reduce((s, x) => s + x * x, 0);
  return { norms, weightNorm: Math.sqrt(sq(dWih) + sq(dWhh) + 2 * sq(db)) };
}
const ratio = (kind: 'rnn' | 'lstm', scale: number, forgetBias: number) => {
  const { norms } = gradientFigure(kind, scale, forgetBias);
  return norms[0] / norms[norms.length - 1];
};

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
  corpusLower: classes.lower,
  corpusUpper: classes.upper,
  corpusDigits: classes.digits,
  corpusPunctuation: punctuation,
  corpusTrainChars: cut,
  corpusHeldOutChars: chars.length - cut,
  uniformLoss: Math.log(vocab),
  uniformPerplexity: vocab,
  charModelParams: charParams(vocab, 128),
  shippedParams: charParams(shipped.chars.length, shipped.hidden),
  shippedTrainLoss: trainLoss,
  shippedHeldOutLoss: heldOutLoss,
  shippedTrainPerplexity: Math.exp(trainLoss),
  shippedHeldOutPerplexity: Math.exp(heldOutLoss),
  gradRnnScale1Log10: Math.log10(ratio('rnn', 1, 0)),
  gradRnnScale05Log10: Math.log10(ratio('rnn', 0.5, 0)),
  gradRnnScale05First: Math.log10(gradientFigure('rnn', 0.5, 0).norms[0]),
  gradRnnScale25Ratio: ratio('rnn', 2.5, 0),
  gradRnnScale25WeightNorm: gradientFigure('rnn', 2.5, 0).weightNorm,
  gradLstmScale1Log10: Math.log10(ratio('lstm', 1, 0)),
  gradLstmScale05Log10: Math.log10(ratio('lstm', 0.5, 0)),
  gradLstmScale25Log10: Math.log10(ratio('lstm', 2.5, 0)),
  gradLstmBias3Scale05: ratio('lstm', 0.5, 3),
  gradLstmBias3Scale1: ratio('lstm', 1, 3),
  gradLstmBias3Scale25: ratio('lstm', 2.5, 3),
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

/**
 * Keys computed through long float32 chains get a looser relative tolerance: forty steps of an
 * unrolled network forwards and back, or a loss averaged over tens of thousands of characters
 * (the chapter prints these to two digits or as a power of ten).
 */
const LOOSE: Record<string, number> = {
  shippedTrainLoss: 1e-4,
  shippedHeldOutLoss: 1e-4,
  shippedTrainPerplexity: 1e-4,
  shippedHeldOutPerplexity: 1e-4,
  gradRnnScale1Log10: 1e-4,
  gradRnnScale05Log10: 1e-4,
  gradRnnScale05First: 1e-4,
  gradRnnScale25Ratio: 1e-3,
  gradRnnScale25WeightNorm: 1e-3,
  gradLstmScale1Log10: 1e-4,
  gradLstmScale05Log10: 1e-4,
  gradLstmScale25Log10: 1e-4,
  gradLstmBias3Scale05: 1e-3,
  gradLstmBias3Scale1: 1e-3,
  gradLstmBias3Scale25: 1e-3,
};

describe('worked values: recurrent-networks', () => {
  let computed: Map<string, ComputedValue>;
  beforeAll(async () => {
    computed = await computeWorkedValues('recurrent-networks');
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
      const ok = key in LOOSE ? Math.abs(got!.value - want) <= LOOSE[key] * Math.abs(want) : close(got!.value, want);
      expect(ok, `recurrent-networks.${key}: engine ${got!.value}, reference ${want}`).toBe(true);
    });
  }

  it('the corpus is described by its own character classes: no digits, and nothing outside the classes named', () => {
    expect(classes.digits).toBe(0);
    expect(classes.whitespace).toBe(2);
    expect(classes.lower + classes.upper + punctuation + classes.whitespace).toBe(vocab);
    expect(distinct.filter((c) => /\p{L}/u.test(c) && !/[A-Za-z]/.test(c))).toEqual([]);
  });

  it('the shipped model file is the one the chapter describes, and its recorded losses match', () => {
    const chapter = readFileSync(resolve(root, 'chapters', '06-recurrent-networks.mdx'), 'utf8').replace(/\s+/g, ' ');
    expect(shipped.heldOut).toBe(0.1);
    expect(chapter).toContain('the last tenth');
    expect(chapter).toContain(`for ${shipped.steps.toLocaleString('en-GB')} steps`);
    expect(shipped.chars).toEqual(sortedChars);
    // The script evaluates the same weights in float32 and rounds to three decimals.
    expect(Math.abs(shipped.trainLoss - trainLoss)).toBeLessThan(2e-3);
    expect(Math.abs(shipped.heldOutLoss - heldOutLoss)).toBeLessThan(2e-3);
  });

  it('the gradients figure is shown at the settings the worked values use', () => {
    const chapter = readFileSync(resolve(root, 'chapters', '06-recurrent-networks.mdx'), 'utf8');
    expect(chapter).toMatch(/<RnnGradients id="[a-z-]+" length=\{40\}/);
  });

  it('the engine layer and the hand-written recurrence agree', () => {
    expect(computed.get('recurrent-networks.h3Layer')!.value).toBeCloseTo(computed.get('recurrent-networks.h3')!.value, 5);
  });

  it('clipping keeps the direction and sets the length to the cap', () => {
    const g = clip([3, 4], 1);
    expect(Math.hypot(...g)).toBeCloseTo(1, 5);
    expect(g[1] / g[0]).toBeCloseTo(4 / 3, 10);
  });
});
