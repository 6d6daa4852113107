// The recurrent-networks chapter's worked numbers, each computed by the engine. The chapter quotes
// them with <Computed of="recurrent-networks.key" /> and \computed{recurrent-networks.key}; the
// test in tests/content/worked-recurrent-networks.test.ts recomputes every one without the engine.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { add, data, div, exp, log, mul, nn, optim, pow, Random, sigmoid, softmax, tanh, tensor, tidy, type Tensor } from '../engine/index.ts';
import { CharLSTM, evaluateLoss, modelFromWeights } from '../models/charLstm/charModel.ts';
import { checkShipped, heldOutStart, lossStretches, SHIPPED_WINDOW } from '../models/charLstm/shipped.ts';
import { firstOverLast, rnnGradients, type GradientsResult } from '../widgets/RnnGradients/gradients.ts';
import { workedValues } from './define.ts';

const root = resolve(import.meta.dirname, '..', '..');

// ---- A scalar RNN by hand: h_t = tanh(wx·x_t + wh·h_{t−1} + b), h_0 = 0 -----------------------
export const SCALAR_RNN = { wx: 0.5, wh: 0.8, b: 0.1, xs: [1, 0.5, -1] };

/** h_1, h_2, h_3 of the scalar RNN, by the engine's ops. */
function scalarStates(): number[] {
  return tidy(() => {
    const { wx, wh, b, xs } = SCALAR_RNN;
    let h: Tensor = tensor([0]);
    const out: number[] = [];
    for (const x of xs) {
      h = tanh(add(add(mul(tensor([x]), wx), mul(h, wh)), b));
      out.push(h.item());
    }
    return out;
  });
}

/** ∂h_last/∂h_first by the engine's backward pass through the unrolled scalar RNN. */
function scalarJacobian(from: number, to: number): number {
  return tidy(() => {
    const { wx, wh, b, xs } = SCALAR_RNN;
    let h: Tensor = tensor([0]);
    let start: Tensor | null = null;
    for (let t = 0; t < to; t++) {
      h = tanh(add(add(mul(tensor([xs[t]]), wx), mul(h, wh)), b));
      if (t + 1 === from) {
        // Restart the graph at h_from so that the backward pass stops there.
        start = tensor([h.item()], undefined, { requiresGrad: true });
        h = start;
      }
    }
    h.backward();
    return start!.grad!.item();
  });
}

/** The same recurrence as an engine nn.RNN with 1 input and 1 unit, one step at a time. */
function layerStates(): number[] {
  const rnn = new nn.RNN(1, 1, { rng: new Random(1) });
  try {
    const { wx, wh, b, xs } = SCALAR_RNN;
    rnn.loadStateDict({
      weightIH: { shape: [1, 1], values: [wx] },
      weightHH: { shape: [1, 1], values: [wh] },
      biasIH: { shape: [1], values: [b] },
      biasHH: { shape: [1], values: [0] },
    });
    return tidy(() => {
      let state = { h: tensor([[0]]) };
      return xs.map((x) => {
        state = rnn.step(tensor([[x]]), state);
        return state.h.item();
      });
    });
  } finally {
    rnn.dispose();
  }
}

// ---- Powers: how a per-step factor compounds over time ---------------------------------------
const power = (base: number, n: number) => tidy(() => pow(tensor([base]), n).item());

// ---- Clipping: a gradient (3, 4) of norm 5, clipped to norm 1 --------------------------------
function clipped(): { norm: number; g: number[] } {
  const p = tensor([0, 0], undefined, { requiresGrad: true });
  try {
    p.grad = tensor([3, 4]);
    const norm = optim.clipGradNorm([p], 1);
    return { norm, g: Array.from(p.grad.data()) };
  } finally {
    p.dispose();
  }
}

// ---- One LSTM step for one unit, from its four pre-activations --------------------------------
export const LSTM_CELL = { zi: 1, zf: 2, zg: 0.5, zo: -1, cPrev: 0.8 };

function lstmCell(): { i: number; f: number; g: number; o: number; c: number; h: number } {
  return tidy(() => {
    const { zi, zf, zg, zo, cPrev } = LSTM_CELL;
    const i = sigmoid(tensor([zi]));
    const f = sigmoid(tensor([zf]));
    const g = tanh(tensor([zg]));
    const o = sigmoid(tensor([zo]));
    const c = add(mul(f, cPrev), mul(i, g));
    const h = mul(o, tanh(c));
    return { i: i.item(), f: f.item(), g: g.item(), o: o.item(), c: c.item(), h: h.item() };
  });
}

// ---- One GRU step for one unit: z, candidate n and the old state ------------------------------
export const GRU_CELL = { zz: 1.5, zn: 0.4, hPrev: -0.5 };

function gruState(): number {
  return tidy(() => {
    const { zz, zn, hPrev } = GRU_CELL;
    const z = sigmoid(tensor([zz]));
    const n = tanh(tensor([zn]));
    return add(mul(add(mul(z, -1), 1), n), mul(z, hPrev)).item();
  });
}

// ---- Temperature: softmax(scores / T) for three characters ------------------------------------
export const SCORES = [2, 1, 0.1];
const tempProb = (T: number, k: number) => tidy(() => softmax(div(tensor(SCORES), T)).data()[k]);

// ---- The corpus and the models of the widgets --------------------------------------------------
function corpus(): string {
  return data.stripHeader(readFileSync(resolve(root, 'public', 'data', data.CORPUS_FILE), 'utf8'));
}
const vocabSize = () => new data.CharVocab(corpus()).size;

/** The corpus's distinct characters by class (Unicode categories), so the chapter's description of it is the data's. */
export function charClasses(text: string): { lower: number; upper: number; digits: number; whitespace: number; other: number } {
  const out = { lower: 0, upper: 0, digits: 0, whitespace: 0, other: 0 };
  for (const ch of new Set(Array.from(text))) {
    if (/\p{Ll}/u.test(ch)) out.lower++;
    else if (/\p{Lu}/u.test(ch)) out.upper++;
    else if (/\p{Nd}/u.test(ch)) out.digits++;
    else if (/\s/u.test(ch)) out.whitespace++;
    else out.other++;
  }
  return out;
}

function charParams(vocab: number, hidden: number): number {
  const m = new CharLSTM(vocab, hidden, new Random(1));
  try {
    return m.numParameters();
  } finally {
    m.dispose();
  }
}

function layerParams(kind: 'rnn' | 'lstm' | 'gru', inputs: number, hidden: number): number {
  const m = kind === 'rnn' ? new nn.RNN(inputs, hidden) : kind === 'lstm' ? new nn.LSTM(inputs, hidden) : new nn.GRU(inputs, hidden);
  try {
    return m.numParameters();
  } finally {
    m.dispose();
  }
}

function shippedModel() {
  return checkShipped(JSON.parse(readFileSync(resolve(root, 'public', 'models', 'char-lstm.json'), 'utf8')));
}

/** The corpus split as the shipped model's training script splits it: the last tenth held out. */
function corpusParts(): { train: number[]; heldOut: number[] } {
  const text = corpus();
  const ids = new data.CharVocab(text).encode(text);
  const cut = heldOutStart(ids.length);
  return { train: ids.slice(0, cut), heldOut: ids.slice(cut) };
}

let shippedLosses: { train: number; heldOut: number } | null = null;
/**
 * The shipped weights' mean loss per character on the held-out tenth and on the tenth before it,
 * which it trained on (lossStretches; the whole training part gives nearly the same number at
 * nine times the cost on the CPU backend). Computed once and kept.
 */
function shippedEvaluation(): { train: number; heldOut: number } {
  if (shippedLosses) return shippedLosses;
  const file = shippedModel();
  const text = corpus();
  const { model, vocab } = modelFromWeights(file.chars, file.hidden, file.weights);
  try {
    // The model's ids must be the corpus's: the same characters in the same order.
    if (vocab.chars.join('') !== new data.CharVocab(text).chars.join('')) throw new Error('the shipped model was trained on another alphabet');
    const ids = vocab.encode(text);
    const { trained, heldOut } = lossStretches(ids.length);
    shippedLosses = { train: evaluateLoss(model, ids.slice(...trained), SHIPPED_WINDOW), heldOut: evaluateLoss(model, ids.slice(...heldOut), SHIPPED_WINDOW) };
    return shippedLosses;
  } finally {
    model.dispose();
  }
}

// ---- The gradients-through-time figure at its chapter settings (40 steps, seed 1) --------------
export const GRADIENT_FIGURE = { length: 40, seed: 1 };
const gradientRuns = new Map<string, GradientsResult>();
function gradientFigure(scale: number, forgetBias: number): GradientsResult {
  const key = `${scale}/${forgetBias}`;
  let r = gradientRuns.get(key);
  if (!r) gradientRuns.set(key, (r = rnnGradients({ ...GRADIENT_FIGURE, scale, forgetBias, clip: false })));
  return r;
}
/** ‖∂L/∂h₁‖ / ‖∂L/∂h_T‖ as the figure prints it, for one cell. */
const gradientRatio = (cell: 'rnn' | 'lstm', scale: number, forgetBias: number) => firstOverLast(gradientFigure(scale, forgetBias)[cell].norms)!;
const gradientLog10 = (cell: 'rnn' | 'lstm', scale: number, forgetBias: number) => tidy(() => div(log(tensor([gradientRatio(cell, scale, forgetBias)])), Math.log(10)).item());

// ---- Exercises -----------------------------------------------------------------------------------
/** The scalar RNN's weights on the inputs (2, −1): h_2, and ∂h_2/∂h_1 by backward. */
function exerciseRnn(): { h2: number; dh2dh1: number } {
  return tidy(() => {
    const { wx, wh, b } = SCALAR_RNN;
    const h1 = tanh(add(mul(tensor([2]), wx), b));
    const start = tensor([h1.item()], undefined, { requiresGrad: true });
    const h2 = tanh(add(add(mul(tensor([-1]), wx), mul(start, wh)), b));
    h2.backward();
    return { h2: h2.item(), dh2dh1: start.grad!.item() };
  });
}

function exerciseClip(): number {
  const p = tensor([0, 0, 0], undefined, { requiresGrad: true });
  p.grad = tensor([6, 8, 0]);
  optim.clipGradNorm([p], 2);
  const g = p.grad.data()[0];
  p.dispose();
  return g;
}

export const EXERCISE_SCORES = [3, 1, 0];

export default workedValues('recurrent-networks', {
  // The scalar RNN.
  h1: { digits: 3, compute: () => scalarStates()[0] },
  h2: { digits: 3, compute: () => scalarStates()[1] },
  h3: { digits: 3, compute: () => scalarStates()[2] },
  h3Layer: { digits: 3, compute: () => layerStates()[2] },
  dh3dh2: { digits: 3, compute: () => scalarJacobian(2, 3) },
  dh3dh1: { digits: 3, compute: () => scalarJacobian(1, 3) },
  dh2dh1: { digits: 3, compute: () => scalarJacobian(1, 2) },
  // Factors over time.
  half20Inverse: { digits: 0, compute: () => 1 / power(0.5, 20) },
  factor09pow50: { digits: 4, compute: () => power(0.9, 50) },
  factor15pow20: { digits: 0, compute: () => power(1.5, 20) },
  forget95pow50: { digits: 3, compute: () => power(0.95, 50) },
  forget50Log10: { digits: 0, compute: () => tidy(() => div(log(pow(tensor([0.5]), 50)), Math.log(10)).item()) },
  // Clipping.
  clipNorm: { digits: 1, compute: () => clipped().norm },
  clipG1: { digits: 2, compute: () => clipped().g[0] },
  clipG2: { digits: 2, compute: () => clipped().g[1] },
  // LSTM and GRU cells.
  lstmI: { digits: 3, compute: () => lstmCell().i },
  lstmF: { digits: 3, compute: () => lstmCell().f },
  lstmG: { digits: 3, compute: () => lstmCell().g },
  lstmO: { digits: 3, compute: () => lstmCell().o },
  lstmC: { digits: 3, compute: () => lstmCell().c },
  lstmH: { digits: 3, compute: () => lstmCell().h },
  gruH: { digits: 3, compute: () => gruState() },
  // Temperature.
  temp1P0: { digits: 3, compute: () => tempProb(1, 0) },
  temp05P0: { digits: 3, compute: () => tempProb(0.5, 0) },
  temp2P0: { digits: 3, compute: () => tempProb(2, 0) },
  temp2P2: { digits: 3, compute: () => tempProb(2, 2) },
  // The corpus and the character model.
  corpusChars: { digits: 0, compute: () => Array.from(corpus()).length },
  vocab: { digits: 0, compute: () => vocabSize() },
  corpusLower: { digits: 0, compute: () => charClasses(corpus()).lower },
  corpusUpper: { digits: 0, compute: () => charClasses(corpus()).upper },
  corpusDigits: { digits: 0, compute: () => charClasses(corpus()).digits },
  corpusPunctuation: { digits: 0, compute: () => charClasses(corpus()).other },
  corpusTrainChars: { digits: 0, compute: () => corpusParts().train.length },
  corpusHeldOutChars: { digits: 0, compute: () => corpusParts().heldOut.length },
  uniformLoss: { digits: 2, compute: () => tidy(() => log(tensor([vocabSize()])).item()) },
  uniformPerplexity: { digits: 0, compute: () => tidy(() => exp(log(tensor([vocabSize()]))).item()) },
  charModelParams: { digits: 0, compute: () => charParams(vocabSize(), 128) },
  shippedParams: { digits: 0, compute: () => charParams(shippedModel().chars.length, shippedModel().hidden) },
  shippedTrainLoss: { digits: 2, compute: () => shippedEvaluation().train },
  shippedHeldOutLoss: { digits: 2, compute: () => shippedEvaluation().heldOut },
  shippedTrainPerplexity: { digits: 1, compute: () => tidy(() => exp(tensor([shippedEvaluation().train])).item()) },
  shippedHeldOutPerplexity: { digits: 1, compute: () => tidy(() => exp(tensor([shippedEvaluation().heldOut])).item()) },
  // The gradients figure: log10 of ‖∂L/∂h₁‖ / ‖∂L/∂h_40‖, and what clipping sees at scale 2.5.
  gradRnnScale1Log10: { digits: 0, compute: () => gradientLog10('rnn', 1, 0) },
  gradRnnScale05Log10: { digits: 0, compute: () => gradientLog10('rnn', 0.5, 0) },
  gradRnnScale05First: { digits: 0, compute: () => tidy(() => div(log(tensor([gradientFigure(0.5, 0).rnn.norms[0]])), Math.log(10)).item()) },
  gradRnnScale25Ratio: { digits: 0, compute: () => gradientRatio('rnn', 2.5, 0) },
  gradRnnScale25WeightNorm: { digits: 0, compute: () => gradientFigure(2.5, 0).rnn.weightNorm },
  gradLstmScale1Log10: { digits: 0, compute: () => gradientLog10('lstm', 1, 0) },
  gradLstmScale05Log10: { digits: 0, compute: () => gradientLog10('lstm', 0.5, 0) },
  gradLstmScale25Log10: { digits: 0, compute: () => gradientLog10('lstm', 2.5, 0) },
  gradLstmBias3Scale05: { digits: 2, compute: () => gradientRatio('lstm', 0.5, 3) },
  gradLstmBias3Scale1: { digits: 2, compute: () => gradientRatio('lstm', 1, 3) },
  gradLstmBias3Scale25: { digits: 2, compute: () => gradientRatio('lstm', 2.5, 3) },
  // Parameter counts of the three layers, 10 inputs and 20 units.
  rnnParams: { digits: 0, compute: () => layerParams('rnn', 10, 20) },
  lstmParams: { digits: 0, compute: () => layerParams('lstm', 10, 20) },
  gruParams: { digits: 0, compute: () => layerParams('gru', 10, 20) },
  // Exercises.
  ex1: { digits: 3, compute: () => exerciseRnn().h2 },
  ex2: { digits: 3, compute: () => exerciseRnn().dh2dh1 },
  ex3: { digits: 2, compute: () => exerciseClip() },
  ex4: { digits: 0, compute: () => layerParams('lstm', 30, 50) },
  ex5: { digits: 4, compute: () => power(0.9, 30) },
  ex6: { digits: 3, compute: () => tidy(() => softmax(div(tensor(EXERCISE_SCORES), 0.5)).data()[0]) },
});
