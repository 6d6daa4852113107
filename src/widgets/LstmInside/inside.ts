// Reads a text through a trained character LSTM one character at a time with the engine's
// one-step API (`LSTM.step`, which also returns the gates) and keeps, for every character, the
// input, forget and output gates, the candidate, the cell state and the hidden state of every
// unit, as plain arrays. Characters the model never saw are passed over (the state carries on).
import { concat, data, noGrad, tensor, tidy } from '../../engine/index.ts';
import type { CharLSTM } from '../../models/charLstm/charModel.ts';

export const MAX_READ = 300;

export interface CharTrace {
  char: string;
  /** False for a character outside the model's alphabet: no values. */
  known: boolean;
  input: number[];
  forget: number[];
  candidate: number[];
  output: number[];
  /** Cell state before and after this character. */
  cellBefore: number[];
  cell: number[];
  hidden: number[];
}

export const QUANTITIES = ['hidden', 'cell', 'input', 'forget', 'output'] as const;
export type Quantity = (typeof QUANTITIES)[number];

// #region readThrough
export function readThrough(model: CharLSTM, vocab: data.CharVocab, text: string): CharTrace[] {
  const H = model.hiddenSize;
  const zeros = new Array(H).fill(0);
  let h = zeros;
  let c = zeros;
  const out: CharTrace[] = [];
  for (const char of Array.from(text).slice(0, MAX_READ)) {
    if (!vocab.has(char)) {
      out.push({ char, known: false, input: [], forget: [], candidate: [], output: [], cellBefore: c, cell: c, hidden: h });
      continue;
    }
    // One step: x is the character's one-hot vector; the gates come back with the new state.
    const values = noGrad(() =>
      tidy(() => {
        const s = model.lstm.step(data.oneHotIds(vocab.encode(char), vocab.size), { h: tensor(h, [1, H]), c: tensor(c, [1, H]) });
        const g = s.gates;
        return concat([g.input, g.forget, g.cell, g.output, s.c, s.h], 1).data(); // one read-back
      }),
    );
    const part = (k: number) => Array.from(values.subarray(k * H, (k + 1) * H));
    const cell = part(4);
    out.push({ char, known: true, input: part(0), forget: part(1), candidate: part(2), output: part(3), cellBefore: c, cell, hidden: part(5) });
    c = cell;
    h = part(5);
  }
  return out;
}
// #endregion

/** The value of one unit for one character, or null where the character is unknown. */
export function unitValue(t: CharTrace, unit: number, q: Quantity): number | null {
  if (!t.known) return null;
  const v = (q === 'hidden' ? t.hidden : q === 'cell' ? t.cell : q === 'input' ? t.input : q === 'forget' ? t.forget : t.output)[unit];
  return Number.isFinite(v) ? v : null;
}

/**
 * Maps a value to the diverging colour scale's [−1, 1]: h is already in (−1, 1); gates in (0, 1)
 * are centred at 0.5; the cell state, unbounded, is divided by the largest |c| of the text.
 */
export function colourPosition(v: number, q: Quantity, cellScale: number): number {
  if (q === 'hidden') return v;
  if (q === 'cell') return cellScale > 0 ? v / cellScale : 0;
  return 2 * v - 1;
}

export function cellScaleOf(traces: readonly CharTrace[], unit: number): number {
  return Math.max(0, ...traces.filter((t) => t.known).map((t) => Math.abs(t.cell[unit] ?? 0)));
}

/** The units whose hidden value varies most over the text: the ones worth looking at first. */
export function liveliestUnits(traces: readonly CharTrace[], count = 5): number[] {
  const known = traces.filter((t) => t.known);
  if (known.length === 0) return [];
  const H = known[0].hidden.length;
  const spread = Array.from({ length: H }, (_, u) => {
    const vs = known.map((t) => t.hidden[u]);
    const m = vs.reduce((a, b) => a + b, 0) / vs.length;
    return vs.reduce((a, v) => a + (v - m) ** 2, 0) / vs.length;
  });
  return spread
    .map((v, u) => [v, u] as const)
    .sort((a, b) => b[0] - a[0])
    .slice(0, count)
    .map(([, u]) => u);
}
