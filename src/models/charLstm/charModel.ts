// A character-level language model: one-hot characters into an LSTM, a linear read-out to one
// score per character of the vocabulary, trained on random windows of the text with truncated
// backpropagation through time (each window starts from a zero state), Adam and gradient clipping.
// Sampling runs the same LSTM one step at a time and draws each next character from
// softmax(scores / temperature). Plain arrays in and out, so the widget and the tests share it.
import { data, losses, nn, noGrad, optim, Random, reshape, tensor, tidy, type Tensor } from '../../engine/index.ts';

/** Cap on a pasted text, in characters (code points): longer text is cut with a message. */
export const MAX_TEXT_CHARS = 200_000;
/** A vocabulary past this many distinct characters (a text in a large script, say) is refused. */
export const MAX_VOCAB = 256;

export interface CharModelConfig {
  hidden: number;
  /** Characters per window: how far back backpropagation through time reaches. */
  steps: number;
  batch: number;
  lr: number;
  /** Global gradient-norm cap (Pascanu et al. 2013). */
  clip: number;
  seed: number;
}

// 32 windows of 16 characters: measured in Node on WebAssembly, the loss per character seen falls as
// fast as with windows of 32, at the same characters per second, and each step (one animation frame)
// takes half as long, so the page stays more responsive while it trains.
export const DEFAULT_CONFIG: CharModelConfig = { hidden: 128, steps: 16, batch: 32, lr: 0.01, clip: 5, seed: 1 };

/**
 * The plain-JavaScript backend is some 40 times slower than WebAssembly here: a full batch would
 * hold one animation frame for seconds, so it trains on 4 windows per step instead.
 */
export const CPU_BATCH = 4;

export function configForBackend(backend: string | undefined): CharModelConfig {
  return backend === 'cpu' ? { ...DEFAULT_CONFIG, batch: CPU_BATCH } : DEFAULT_CONFIG;
}

export type PreparedText =
  | { ok: true; text: string; vocab: data.CharVocab; ids: number[]; truncated: boolean; length: number }
  | { ok: false; reason: 'empty' | 'tooShort' | 'oneChar' | 'tooManyChars'; length: number; distinct: number };

/**
 * Checks a text for training: by code point (an emoji is one character), capped at
 * MAX_TEXT_CHARS, with at least two distinct characters and enough of them for one window.
 */
export function prepareText(raw: string, steps: number): PreparedText {
  const all = Array.from(raw.replace(/\r\n?/g, '\n'));
  const truncated = all.length > MAX_TEXT_CHARS;
  const chars = truncated ? all.slice(0, MAX_TEXT_CHARS) : all;
  const distinct = new Set(chars).size;
  if (chars.length === 0) return { ok: false, reason: 'empty', length: 0, distinct: 0 };
  if (distinct < 2) return { ok: false, reason: 'oneChar', length: chars.length, distinct };
  if (distinct > MAX_VOCAB) return { ok: false, reason: 'tooManyChars', length: chars.length, distinct };
  if (chars.length < steps + 1) return { ok: false, reason: 'tooShort', length: chars.length, distinct };
  const text = chars.join('');
  const vocab = new data.CharVocab(text);
  return { ok: true, text, vocab, ids: vocab.encode(text), truncated, length: chars.length };
}

/** The LSTM and its read-out. */
export class CharLSTM extends nn.Module {
  readonly lstm: nn.LSTM;
  readonly head: nn.Linear;

  constructor(
    readonly vocabSize: number,
    readonly hiddenSize: number,
    rng: Random,
  ) {
    super();
    this.lstm = this.addModule('lstm', new nn.LSTM(vocabSize, hiddenSize, { rng }));
    this.head = this.addModule('head', new nn.Linear(hiddenSize, vocabSize, { rng }));
  }

  // #region forward
  /** Scores for every position of every window: inputs [batch][steps] → logits [batch·steps, vocab]. */
  forward(inputs: number[][]): Tensor {
    const batch = inputs.length;
    const steps = inputs[0].length;
    const x = reshape(data.oneHotIds(inputs.flat(), this.vocabSize), [batch, steps, this.vocabSize]);
    const { outputs } = this.lstm.forward(x); // [batch, steps, hidden]
    return this.head.forward(reshape(outputs, [batch * steps, this.hiddenSize]));
  }
  // #endregion
}

/** Builds a CharLSTM from plain weights (the shipped file or the reader's model). */
export function modelFromWeights(chars: readonly string[], hidden: number, weights: nn.StateDict): { model: CharLSTM; vocab: data.CharVocab } {
  const vocab = new data.CharVocab(chars.join(''));
  if (vocab.size !== chars.length) throw new Error('the character list has repeats');
  const model = new CharLSTM(vocab.size, hidden, new Random(1));
  try {
    model.loadStateDict(weights);
  } catch (e) {
    model.dispose();
    throw e;
  }
  return { model, vocab };
}

export interface CharTrainer {
  model: CharLSTM;
  optimizer: optim.Adam;
  rng: Random;
  config: CharModelConfig;
  /** Characters consumed by training so far (batch × steps per step). */
  charsSeen: number;
  dispose(): void;
}

export function createTrainer(vocabSize: number, config: CharModelConfig): CharTrainer {
  const rng = new Random(config.seed);
  const model = new CharLSTM(vocabSize, config.hidden, rng);
  const optimizer = new optim.Adam(model, { lr: config.lr });
  return {
    model,
    optimizer,
    rng,
    config,
    charsSeen: 0,
    dispose() {
      optimizer.dispose();
      model.dispose();
    },
  };
}

// #region step
/** One step of truncated BPTT on `batch` random windows; call inside `tidy`. Returns the mean loss per character. */
export function trainStep(t: CharTrainer, ids: readonly number[]): { loss: Tensor; gradNorm: Tensor } {
  const { steps, batch, clip } = t.config;
  const { inputs, targets } = data.charBatch(ids, steps, batch, t.rng);
  t.optimizer.zeroGrad();
  const logits = t.model.forward(inputs);
  const loss = losses.crossEntropy(logits, data.oneHotIds(targets.flat(), t.model.vocabSize));
  loss.backward();
  const norm = optim.clipGradNorm(t.model.parameters(), clip); // rescale if the gradient is too long
  t.optimizer.step();
  t.charsSeen += steps * batch;
  return { loss, gradNorm: tensor([norm]) };
}
// #endregion

/**
 * Mean cross-entropy per character (nats) of the model over a whole text, read the way it was
 * trained: consecutive windows of `window` characters (the last one may be shorter), each from a
 * zero state, every character after the first predicted once. `chunk` windows run as one batch.
 */
export function evaluateLoss(model: CharLSTM, ids: readonly number[], window: number, chunk = 256): number {
  if (!Number.isInteger(window) || window < 1) throw new Error(`evaluateLoss: window must be a positive integer, got ${window}`);
  if (ids.length < 2) throw new Error('evaluateLoss: the text needs at least two characters');
  const full: number[] = [];
  let start = 0;
  for (; start + window + 1 <= ids.length; start += window) full.push(start);
  const groups: { starts: number[]; steps: number }[] = [];
  for (let k = 0; k < full.length; k += chunk) groups.push({ starts: full.slice(k, k + chunk), steps: window });
  if (start < ids.length - 1) groups.push({ starts: [start], steps: ids.length - 1 - start });
  let total = 0;
  let count = 0;
  for (const { starts, steps } of groups) {
    const inputs = starts.map((s) => ids.slice(s, s + steps));
    const targets = starts.flatMap((s) => ids.slice(s + 1, s + steps + 1));
    total += noGrad(() => tidy(() => losses.crossEntropy(model.forward(inputs), targets, { reduction: 'sum' }).item()));
    count += targets.length;
  }
  return total / count;
}

/** Temperatures below this are treated as 0: always the most likely character. */
export const GREEDY_BELOW = 0.05;
export const MAX_TEMPERATURE = 3;

/**
 * Probabilities of softmax(scores / T), computed in float64 after subtracting the largest score,
 * so that any T in (0, ∞) and any finite scores give finite probabilities that sum to 1. T below
 * GREEDY_BELOW (and T = 0) gives all the mass to the largest score; non-finite T is clamped.
 */
export function temperatureProbabilities(scores: ArrayLike<number>, temperature: number): number[] {
  const n = scores.length;
  if (n === 0) return [];
  const clean = Array.from(scores, (v) => (Number.isFinite(v) ? v : v > 0 ? 1e30 : -1e30));
  let best = 0;
  for (let i = 1; i < n; i++) if (clean[i] > clean[best]) best = i;
  const t = Number.isNaN(temperature) ? 1 : Math.min(Math.max(temperature, 0), MAX_TEMPERATURE);
  if (t < GREEDY_BELOW) return clean.map((_, i) => (i === best ? 1 : 0));
  const e = clean.map((v) => Math.exp((v - clean[best]) / t));
  const total = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / total);
}

/** Draws an index from probabilities with one uniform number u in [0, 1). */
export function drawIndex(probs: readonly number[], u: number): number {
  let acc = 0;
  for (let i = 0; i < probs.length; i++) {
    acc += probs[i];
    if (u < acc) return i;
  }
  // Rounding left u past the last edge: the last character with any mass.
  for (let i = probs.length - 1; i >= 0; i--) if (probs[i] > 0) return i;
  return 0;
}

/**
 * Generates text a few characters at a time: `next(n)` runs n steps of the LSTM (one read-back of
 * the scores each) and returns the new characters, so a caller can spread a long sample over
 * animation frames. The state h, c lives between calls and is freed by `dispose()`.
 */
export class Sampler {
  private h: Tensor;
  private c: Tensor;
  private last: number;
  private disposed = false;

  constructor(
    private readonly model: CharLSTM,
    private readonly vocab: data.CharVocab,
    seedText: string,
    private readonly temperature: number,
    private readonly rng: Random,
  ) {
    const ids = Array.from(seedText).filter((ch) => vocab.has(ch)).map((ch) => vocab.encode(ch)[0]);
    const start = ids.length ? ids : [0];
    const zeros = new Array(model.hiddenSize).fill(0);
    this.h = tensor(zeros, [1, model.hiddenSize]);
    this.c = tensor(zeros, [1, model.hiddenSize]);
    // Warm the state up on the seed text (all but its last character, which the first step reads).
    for (const id of start.slice(0, -1)) this.advance(id);
    this.last = start[start.length - 1];
  }

  /** Runs one step on character `id`, keeps the new state, returns the scores. */
  private advance(id: number): Float32Array {
    const { h, c, scores } = noGrad(() =>
      tidy(() => {
        const s = this.model.lstm.step(data.oneHotIds([id], this.vocab.size), { h: this.h, c: this.c });
        return { h: s.h, c: s.c, scores: this.model.head.forward(s.h) };
      }),
    );
    this.h.dispose();
    this.c.dispose();
    this.h = h;
    this.c = c;
    const values = scores.value.dataSync() as Float32Array;
    scores.dispose();
    return values;
  }

  next(n: number): string {
    if (this.disposed) return '';
    let out = '';
    for (let k = 0; k < n; k++) {
      const scores = this.advance(this.last);
      const id = drawIndex(temperatureProbabilities(scores, this.temperature), this.rng.next());
      out += this.vocab.chars[id];
      this.last = id;
    }
    return out;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.h.dispose();
    this.c.dispose();
  }
}
