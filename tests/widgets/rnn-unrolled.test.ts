// UnrolledRnn's logic in Node: what typed text becomes (characters by code point, or numbers),
// the written-out recurrence against the engine's own RNN.step, and memory.
import { beforeAll, describe, expect, it } from 'vitest';
import { initEngine, liveTensorCount, nn, Random, tensor, tidy } from '../../src/engine/index.ts';
import { HIDDEN, MAX_STEPS, parseSequence, unroll } from '../../src/widgets/UnrolledRnn/unrolled.ts';

beforeAll(async () => {
  await initEngine({ prefer: 'cpu' });
});

describe('parseSequence', () => {
  it('reads numbers separated by commas, spaces or semicolons, clamped to ±10', () => {
    expect(parseSequence('1, 0.5, -1')).toMatchObject({ ok: true, kind: 'numbers', values: [1, 0.5, -1] });
    expect(parseSequence('3 4;5')).toMatchObject({ ok: true, kind: 'numbers', values: [3, 4, 5] });
    expect(parseSequence('1e3, -1e3')).toMatchObject({ ok: true, kind: 'numbers', values: [10, -10] });
    expect(parseSequence('1e309')).toMatchObject({ ok: false, reason: 'badNumber' });
  });

  it('reads anything else as characters, by code point, at most MAX_STEPS of them', () => {
    const p = parseSequence('a😀b😀');
    expect(p).toMatchObject({ ok: true, kind: 'chars', symbols: ['a', '😀', 'b', '😀'], truncated: false });
    if (p.ok && p.kind === 'chars') expect(p.vocab).toEqual(['a', 'b', '😀']);
    const long = parseSequence('abcdefghijklmnopqrstuvwxyz');
    expect(long.ok && long.symbols.length === MAX_STEPS && long.truncated).toBe(true);
    expect(parseSequence('0x1F')).toMatchObject({ kind: 'chars' });
    expect(parseSequence('1,5')).toMatchObject({ kind: 'numbers', values: [1, 5] });
    expect(parseSequence('<b>x</b>')).toMatchObject({ kind: 'chars' });
  });

  it('says when there is nothing to read', () => {
    expect(parseSequence('')).toMatchObject({ ok: false, reason: 'empty' });
    expect(parseSequence('   ')).toMatchObject({ ok: false, reason: 'empty' });
  });
});

describe('unroll', () => {
  it('writes out each step so that its parts add up, and agrees with RNN.step', () => {
    const seq = parseSequence('hello');
    if (!seq.ok) throw new Error('refused');
    const u = unroll(seq, 3);
    expect(u.steps).toHaveLength(5);
    expect(u.recurrent).toHaveLength(HIDDEN);
    const rnn = new nn.RNN(u.inputSize, HIDDEN, { rng: new Random(3) });
    let state = { h: tensor(new Array(HIDDEN).fill(0), [1, HIDDEN]) };
    u.steps.forEach((st, t) => {
      st.z.forEach((z, j) => expect(z).toBeCloseTo(st.fromInput[j] + st.fromHidden[j] + st.bias[j], 5));
      st.h.forEach((h, j) => expect(h).toBeCloseTo(Math.tanh(st.z[j]), 5));
      if (t > 0) expect(st.hPrev).toEqual(u.steps[t - 1].h);
      const next = tidy(() => rnn.step(tensor([st.x]), state));
      Array.from(next.h.data()).forEach((v, j) => expect(v).toBeCloseTo(st.h[j], 5));
      state.h.dispose();
      state = next;
    });
    state.h.dispose();
    rnn.dispose();
    // The two "l"s read the same input part but differ through the state.
    expect(u.steps[2].fromInput).toEqual(u.steps[3].fromInput);
    expect(u.steps[2].h).not.toEqual(u.steps[3].h);
  });

  it('handles numbers and a single emoji, and leaves no tensor behind', () => {
    const before = liveTensorCount();
    for (const text of ['1, 0, 0, 0', '😀', '\n\n', '-10 10']) {
      const seq = parseSequence(text);
      if (!seq.ok) throw new Error(`refused ${text}`);
      const u = unroll(seq, 1);
      expect(u.steps.every((s) => s.h.every((v) => Number.isFinite(v) && Math.abs(v) <= 1))).toBe(true);
    }
    expect(liveTensorCount()).toBe(before);
  });
});
