// The character model's logic in Node: what pasted text is accepted (by code point, capped, with a
// reason when refused), temperature sampling that never gives NaN, training that lowers the loss
// with a flat tensor count, and sampling a few characters at a time that frees its state.
import { beforeAll, describe, expect, it } from 'vitest';
import { initEngine, liveTensorCount, losses, noGrad, Random, tidy } from '../../src/engine/index.ts';
import {
  CharLSTM,
  evaluateLoss,
  configForBackend,
  CPU_BATCH,
  createTrainer,
  DEFAULT_CONFIG,
  drawIndex,
  GREEDY_BELOW,
  MAX_TEXT_CHARS,
  MAX_VOCAB,
  prepareText,
  Sampler,
  temperatureProbabilities,
  trainStep,
} from '../../src/models/charLstm/charModel.ts';
import { publishCharModel, sharedCharModel, subscribeCharModel } from '../../src/models/charLstm/store.ts';

beforeAll(async () => {
  await initEngine({ prefer: 'cpu' });
});

describe('prepareText', () => {
  it('refuses an empty text, one repeated character, or too few characters, saying why', () => {
    expect(prepareText('', 8)).toMatchObject({ ok: false, reason: 'empty' });
    expect(prepareText('aaaaaaaaaaaa', 8)).toMatchObject({ ok: false, reason: 'oneChar', length: 12 });
    expect(prepareText('x', 8)).toMatchObject({ ok: false, reason: 'oneChar', length: 1 });
    expect(prepareText('abcab', 8)).toMatchObject({ ok: false, reason: 'tooShort', length: 5 });
    expect(prepareText('abcabcabc', 8)).toMatchObject({ ok: true, length: 9 });
  });

  it('counts an emoji or any astral character as one character', () => {
    const p = prepareText('😀a😀b😀a😀b😀a', 8);
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.length).toBe(10);
    expect(p.vocab.size).toBe(3);
    expect(p.vocab.decode(p.ids)).toBe('😀a😀b😀a😀b😀a');
  });

  it('keeps newlines (and turns Windows line ends into one newline)', () => {
    const p = prepareText('ab\r\ncd\rab\ncd\nab', 4);
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.text).toBe('ab\ncd\nab\ncd\nab');
    expect(p.vocab.chars).toContain('\n');
  });

  it('cuts a huge text at the cap and says so', () => {
    const p = prepareText('ab'.repeat(MAX_TEXT_CHARS), 32);
    expect(p.ok && p.truncated && p.length === MAX_TEXT_CHARS).toBe(true);
    expect(prepareText('abc'.repeat(100), 32)).toMatchObject({ ok: true, truncated: false });
  });

  it(`refuses more than ${MAX_VOCAB} different characters`, () => {
    const many = Array.from({ length: MAX_VOCAB + 10 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join('');
    expect(prepareText(many + many, 8)).toMatchObject({ ok: false, reason: 'tooManyChars', distinct: MAX_VOCAB + 10 });
  });
});

describe('temperature sampling', () => {
  const scores = [2, 1, 0.1];
  const softmax = (s: number[], T: number) => {
    const e = s.map((v) => Math.exp(v / T));
    const z = e.reduce((a, b) => a + b, 0);
    return e.map((v) => v / z);
  };

  it('is softmax(scores / T) for ordinary temperatures', () => {
    for (const T of [0.5, 1, 2]) {
      temperatureProbabilities(scores, T).forEach((p, i) => expect(p).toBeCloseTo(softmax(scores, T)[i], 12));
    }
  });

  it('is argmax at T = 0 and below the greedy threshold', () => {
    expect(temperatureProbabilities(scores, 0)).toEqual([1, 0, 0]);
    expect(temperatureProbabilities(scores, GREEDY_BELOW / 2)).toEqual([1, 0, 0]);
    expect(temperatureProbabilities([0, 5, 1], -3)).toEqual([0, 1, 0]);
  });

  it('never gives NaN: huge scores, huge or non-finite temperatures, non-finite scores', () => {
    const cases: [number[], number][] = [
      [[1e30, -1e30, 0], 1],
      [[1000, 999, -1000], 0.06],
      [scores, 1e9],
      [scores, Infinity],
      [scores, NaN],
      [[Infinity, 1, NaN], 1],
      [[-Infinity, -Infinity, 0], 1],
    ];
    for (const [s, T] of cases) {
      const p = temperatureProbabilities(s, T);
      expect(p.every(Number.isFinite), `${s} at ${T}`).toBe(true);
      expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    }
    expect(temperatureProbabilities([], 1)).toEqual([]);
  });

  it('draws by cumulative probability, and stays in range when rounding leaves a gap', () => {
    expect(drawIndex([0.2, 0.5, 0.3], 0)).toBe(0);
    expect(drawIndex([0.2, 0.5, 0.3], 0.25)).toBe(1);
    expect(drawIndex([0.2, 0.5, 0.3], 0.75)).toBe(2);
    expect(drawIndex([0.5, 0.49999, 0], 0.999999)).toBe(1);
  });
});

describe('training and sampling', () => {
  it('lowers the loss on a repetitive text with a flat tensor count', () => {
    const p = prepareText('to be or not to be, '.repeat(30), 16);
    if (!p.ok) throw new Error('text refused');
    const t = createTrainer(p.vocab.size, { ...DEFAULT_CONFIG, hidden: 24, steps: 16, batch: 8, lr: 0.02 });
    const losses: number[] = [];
    let counts: number[] = [];
    for (let i = 0; i < 60; i++) {
      const { loss, gradNorm } = tidy(() => trainStep(t, p.ids));
      losses.push(loss.item());
      expect(Number.isFinite(gradNorm.item())).toBe(true);
      loss.dispose();
      gradNorm.dispose();
      counts.push(liveTensorCount());
    }
    counts = counts.slice(2); // the optimiser's state appears at its first steps
    expect(Math.max(...counts)).toBe(Math.min(...counts));
    expect(losses[0]).toBeGreaterThan(Math.log(p.vocab.size) - 0.5);
    expect(losses[losses.length - 1]).toBeLessThan(losses[0] * 0.6);
    expect(t.charsSeen).toBe(60 * 16 * 8);
    t.dispose();
  });

  it('samples characters of the vocabulary a few at a time, emoji included, and frees its state', () => {
    const p = prepareText('ab😀\n'.repeat(20), 8);
    if (!p.ok) throw new Error('text refused');
    const t = createTrainer(p.vocab.size, { ...DEFAULT_CONFIG, hidden: 8, steps: 8, batch: 4 });
    const before = liveTensorCount();
    for (const T of [0, 0.7, 3]) {
      const s = new Sampler(t.model, p.vocab, 'a😀x', T, new Random(2)); // 'x' is outside the vocabulary: skipped
      const text = s.next(5) + s.next(7);
      expect(Array.from(text)).toHaveLength(12);
      expect(Array.from(text).every((c) => p.vocab.has(c))).toBe(true);
      s.dispose();
      s.dispose();
      expect(s.next(3)).toBe('');
    }
    expect(liveTensorCount()).toBe(before);
    t.dispose();
  });

  it('greedy sampling from a trained model continues the pattern', () => {
    const p = prepareText('abcd'.repeat(40), 8);
    if (!p.ok) throw new Error('text refused');
    const t = createTrainer(p.vocab.size, { ...DEFAULT_CONFIG, hidden: 16, steps: 8, batch: 8, lr: 0.03 });
    for (let i = 0; i < 80; i++) {
      const r = tidy(() => trainStep(t, p.ids));
      r.loss.dispose();
      r.gradNorm.dispose();
    }
    const s = new Sampler(t.model, p.vocab, 'abcda', 0, new Random(1));
    expect(s.next(8)).toBe('bcdabcda');
    s.dispose();
    t.dispose();
  });
});

describe('evaluateLoss', () => {
  it('is the mean loss over every character after the first, window by window from a zero state', () => {
    const model = new CharLSTM(5, 6, new Random(3));
    const ids = Array.from({ length: 23 }, (_, i) => (i * 7 + (i >> 2)) % 5);
    const before = liveTensorCount();
    // Windows of 4: starts 0, 4, …, 16 are full; the last window reads ids 20, 21 and predicts 21, 22.
    const windowLoss = (s: number, n: number) =>
      noGrad(() => tidy(() => losses.crossEntropy(model.forward([ids.slice(s, s + n)]), ids.slice(s + 1, s + n + 1), { reduction: 'sum' }).item()));
    let total = 0;
    for (let s = 0; s <= 16; s += 4) total += windowLoss(s, 4);
    total += windowLoss(20, 2);
    expect(evaluateLoss(model, ids, 4, 2)).toBeCloseTo(total / 22, 5);
    expect(evaluateLoss(model, ids, 4)).toBeCloseTo(total / 22, 5);
    expect(liveTensorCount()).toBe(before);
    expect(() => evaluateLoss(model, [1], 4)).toThrow(/two characters/);
    model.dispose();
  });
});

describe('configForBackend', () => {
  it('trains on fewer windows per step on the plain-JavaScript backend only', () => {
    expect(configForBackend('cpu').batch).toBe(CPU_BATCH);
    expect(configForBackend('wasm')).toEqual(DEFAULT_CONFIG);
    expect(configForBackend('webgl')).toEqual(DEFAULT_CONFIG);
    expect(configForBackend(undefined)).toEqual(DEFAULT_CONFIG);
  });
});

describe('the shared store', () => {
  it('hands the latest published weights to subscribers as plain data', () => {
    let calls = 0;
    const off = subscribeCharModel(() => calls++);
    publishCharModel({ chars: ['a', 'b'], hidden: 2, weights: {}, step: 3, loss: 1.5, source: 'corpus' });
    expect(calls).toBe(1);
    expect(sharedCharModel()?.step).toBe(3);
    off();
    publishCharModel({ chars: ['a', 'b'], hidden: 2, weights: {}, step: 4, loss: 1.4, source: 'corpus' });
    expect(calls).toBe(1);
    expect(sharedCharModel()?.step).toBe(4);
  });
});
