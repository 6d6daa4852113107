// A small Elman RNN unrolled over a sequence the reader types: characters (each a one-hot vector
// over the distinct characters typed) or numbers (one input each). The same W_xh, W_hh and b are
// used at every step; for each step the widget shows the parts of
//   h_t = tanh(x_t·W_xh + h_{t−1}·W_hh + b)
// with the live numbers. The weights are seeded, not trained: the point is the recurrence.
import { add, matmul, nn, Random, tanh, tensor, tidy } from '../../engine/index.ts';
import { significant } from '../kit/format.ts';

export const HIDDEN = 4;
export const MAX_STEPS = 12;
export const MAX_INPUT = 60;

export type ParsedSequence =
  | { ok: true; kind: 'chars'; symbols: string[]; vocab: string[]; truncated: boolean }
  | { ok: true; kind: 'numbers'; values: number[]; symbols: string[]; truncated: boolean }
  | { ok: false; reason: 'empty' | 'badNumber' };

const NUMBER_LIST = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?(\s*[,;\s]\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?)*\s*$/;

/**
 * Reads what the reader typed: a list of numbers separated by commas or spaces is a sequence of
 * numbers (each kept within ±10); anything else is a sequence of characters, split by code point
 * so that an emoji is one step. At most MAX_STEPS steps.
 */
export function parseSequence(raw: string): ParsedSequence {
  if (raw.trim() === '' && !raw.includes('\n')) return { ok: false, reason: 'empty' };
  if (NUMBER_LIST.test(raw) && /\d/.test(raw)) {
    const all = raw.trim().split(/[\s,;]+/).map(Number);
    if (all.some((v) => !Number.isFinite(v))) return { ok: false, reason: 'badNumber' };
    const values = all.slice(0, MAX_STEPS).map((v) => Math.max(-10, Math.min(10, v)));
    return { ok: true, kind: 'numbers', values, symbols: values.map((v) => significant(v, 3, { minus: '-' })), truncated: all.length > MAX_STEPS };
  }
  const chars = Array.from(raw);
  const symbols = chars.slice(0, MAX_STEPS);
  const vocab = [...new Set(symbols)].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!);
  return { ok: true, kind: 'chars', symbols, vocab, truncated: chars.length > MAX_STEPS };
}

export interface UnrolledStep {
  symbol: string;
  /** The input vector x_t (one-hot for characters, [value] for numbers). */
  x: number[];
  /** x_t·W_xh, h_{t−1}·W_hh, the bias b = b_ih + b_hh, their sum z_t, and h_t = tanh(z_t). */
  fromInput: number[];
  fromHidden: number[];
  bias: number[];
  z: number[];
  h: number[];
  hPrev: number[];
}

export interface Unrolled {
  steps: UnrolledStep[];
  /** W_hh as rows (HIDDEN × HIDDEN): the matrix every step reuses. */
  recurrent: number[][];
  inputSize: number;
}

const rows = (flat: ArrayLike<number>, cols: number) => Array.from({ length: flat.length / cols }, (_, r) => Array.from(flat).slice(r * cols, (r + 1) * cols));

// #region unroll
export function unroll(seq: Extract<ParsedSequence, { ok: true }>, seed: number): Unrolled {
  const inputSize = seq.kind === 'chars' ? seq.vocab.length : 1;
  const rnn = new nn.RNN(inputSize, HIDDEN, { rng: new Random(seed) });
  try {
    return tidy(() => {
      const bias = add(rnn.biasIH, rnn.biasHH);
      const steps: UnrolledStep[] = [];
      let h = tensor(new Array(HIDDEN).fill(0), [1, HIDDEN]);
      seq.symbols.forEach((symbol, t) => {
        const x = seq.kind === 'chars' ? seq.vocab.map((c) => (c === symbol ? 1 : 0)) : [seq.values[t]];
        const xt = tensor(x, [1, inputSize]);
        const fromInput = matmul(xt, rnn.weightIH); // the same W_xh at every step
        const fromHidden = matmul(h, rnn.weightHH); // the same W_hh at every step
        const z = add(add(fromInput, fromHidden), bias);
        const next = tanh(z);
        steps.push({
          symbol,
          x,
          fromInput: Array.from(fromInput.data()),
          fromHidden: Array.from(fromHidden.data()),
          bias: Array.from(bias.data()),
          z: Array.from(z.data()),
          h: Array.from(next.data()),
          hPrev: Array.from(h.data()),
        });
        h = next;
      });
      return { steps, recurrent: rows(rnn.weightHH.data(), HIDDEN), inputSize };
    });
  } finally {
    rnn.dispose();
  }
}
// #endregion
