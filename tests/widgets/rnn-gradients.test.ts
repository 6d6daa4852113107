// RnnGradients' logic in Node: ‖∂L/∂h_t‖ from the engine's backward pass against a plain-JavaScript
// backpropagation through the same tanh RNN, the vanishing and exploding regimes the chapter
// describes, the LSTM's forget-gate bias, clipping as one common factor, and memory.
import { beforeAll, describe, expect, it } from 'vitest';
import { initEngine, liveTensorCount, Random } from '../../src/engine/index.ts';
import { CLIP_NORM, firstOverLast, HIDDEN, INPUTS, rnnGradients, sampleSteps, sharedLogDomain, type GradientSetup } from '../../src/widgets/RnnGradients/gradients.ts';

beforeAll(async () => {
  await initEngine({ prefer: 'cpu' });
});

const base: GradientSetup = { length: 30, scale: 1, forgetBias: 0, clip: false, seed: 1 };

/** The tanh RNN of `rnnGradients`, rebuilt from the same seeds, run and differentiated in float64. */
function referenceRnn(setup: GradientSetup): number[] {
  const rng = new Random(setup.seed);
  const inputs = Array.from({ length: setup.length }, () => Array.from(rng.normalArray(INPUTS, 0, 1)));
  const readout = Array.from(rng.normalArray(HIDDEN, 0, 1 / Math.sqrt(HIDDEN)));
  const cellRng = new Random(setup.seed + 1);
  // nn.RNN draws its default weights first (4 tensors), then buildCell draws W_ih and W_hh.
  cellRng.uniformArray(INPUTS * HIDDEN);
  cellRng.uniformArray(HIDDEN * HIDDEN);
  cellRng.uniformArray(HIDDEN);
  cellRng.uniformArray(HIDDEN);
  const wih = Array.from(cellRng.normalArray(INPUTS * HIDDEN, 0, 1 / Math.sqrt(INPUTS)));
  const whh = Array.from(cellRng.normalArray(HIDDEN * HIDDEN, 0, setup.scale / Math.sqrt(HIDDEN)));
  const hs: number[][] = [];
  let h = new Array(HIDDEN).fill(0);
  for (const x of inputs) {
    const next = new Array(HIDDEN).fill(0).map((_, j) => {
      let z = 0;
      for (let i = 0; i < INPUTS; i++) z += x[i] * wih[i * HIDDEN + j];
      for (let i = 0; i < HIDDEN; i++) z += h[i] * whh[i * HIDDEN + j];
      return Math.tanh(z);
    });
    hs.push(next);
    h = next;
  }
  const out = h.reduce((a, v, j) => a + v * readout[j], 0);
  let g = readout.map((r) => 2 * (out - 1) * r); // ∂L/∂h_T
  const norms: number[] = new Array(setup.length);
  for (let t = setup.length - 1; t >= 0; t--) {
    norms[t] = Math.hypot(...g);
    if (t === 0) break;
    const dz = g.map((v, j) => v * (1 - hs[t][j] ** 2));
    g = new Array(HIDDEN).fill(0).map((_, i) => dz.reduce((a, v, j) => a + v * whh[i * HIDDEN + j], 0));
  }
  return norms;
}

describe('gradients through time', () => {
  it('matches a plain-JavaScript backpropagation through the tanh RNN', () => {
    for (const scale of [0.5, 1, 2]) {
      const got = rnnGradients({ ...base, scale }).rnn.norms;
      const want = referenceRnn({ ...base, scale });
      got.forEach((v, t) => expect(Math.abs(v - want[t]), `scale ${scale}, t = ${t + 1}`).toBeLessThanOrEqual(1e-3 * want[t] + 1e-12));
    }
  });

  it('vanishes at a small scale and explodes at a large one for the tanh RNN', () => {
    expect(firstOverLast(rnnGradients({ ...base, length: 40, scale: 0.5 }).rnn.norms)!).toBeLessThan(1e-6);
    expect(firstOverLast(rnnGradients({ ...base, length: 40, scale: 2.5 }).rnn.norms)!).toBeGreaterThan(10);
  });

  it('a forget-gate bias that opens the gate keeps the LSTM’s gradient alive', () => {
    const closed = firstOverLast(rnnGradients({ ...base, length: 40, forgetBias: 0 }).lstm.norms)!;
    const open = firstOverLast(rnnGradients({ ...base, length: 40, forgetBias: 3 }).lstm.norms)!;
    expect(closed).toBeLessThan(1e-4);
    expect(open).toBeGreaterThan(1e-2);
    // The RNN does not have the gate: its curve does not move.
    expect(rnnGradients({ ...base, forgetBias: 3 }).rnn.norms).toEqual(rnnGradients(base).rnn.norms);
  });

  it('clipping scales the whole curve by one factor and leaves its shape', () => {
    const raw = rnnGradients({ ...base, scale: 2.5 });
    const clipped = rnnGradients({ ...base, scale: 2.5, clip: true });
    expect(raw.rnn.weightNorm).toBeGreaterThan(CLIP_NORM);
    expect(clipped.rnn.clipFactor).toBeCloseTo(CLIP_NORM / raw.rnn.weightNorm, 4);
    clipped.rnn.norms.forEach((v, t) => expect(v / raw.rnn.norms[t]).toBeCloseTo(clipped.rnn.clipFactor, 4));
    expect(firstOverLast(clipped.rnn.norms)).toBeCloseTo(firstOverLast(raw.rnn.norms)!, 2);
    // A gradient already under the cap is not touched.
    const small = rnnGradients({ ...base, scale: 0.3, clip: true });
    if (small.lstm.weightNorm < CLIP_NORM) expect(small.lstm.clipFactor).toBe(1);
  });

  it('leaves no tensor behind and gives finite numbers at every setting of the controls', () => {
    const before = liveTensorCount();
    for (const length of [5, 80]) {
      for (const scale of [0.1, 3]) {
        for (const forgetBias of [-2, 4]) {
          const r = rnnGradients({ length, scale, forgetBias, clip: true, seed: 7 });
          for (const g of [r.rnn, r.lstm]) {
            expect(g.norms).toHaveLength(length);
            expect(g.norms.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
            expect(Number.isFinite(g.weightNorm)).toBe(true);
          }
        }
      }
    }
    expect(liveTensorCount()).toBe(before);
  });
});

describe('chart helpers', () => {
  it('a log domain that holds every positive value and ignores zeros', () => {
    const [lo, hi] = sharedLogDomain([1e-12, 0, 5], [300]);
    expect(lo).toBeLessThanOrEqual(1e-12 / 3);
    expect(hi).toBeGreaterThanOrEqual(900);
    expect(sharedLogDomain([0, 0])).toEqual([1e-8, 10]);
  });

  it('firstOverLast is null when an end is 0, and sampleSteps covers both ends', () => {
    expect(firstOverLast([0, 1])).toBeNull();
    expect(firstOverLast([2, 1])).toBe(2);
    expect(sampleSteps(40)).toEqual([1, 10, 20, 30, 40]);
    expect(sampleSteps(5)[0]).toBe(1);
    expect(sampleSteps(5).at(-1)).toBe(5);
  });
});
