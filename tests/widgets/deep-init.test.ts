// InitialisationLab's logic in Node: the engine's forward and backward pass against the same pass
// written out in float64 over the same weights, the variance formulas against the weights the
// engine draws, what the variance argument predicts over depth, symmetry under all-zero weights,
// overflow said in words, seeded determinism, the link schema, and memory.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { initialState, labelOf } from '../../src/book/urlState.ts';
import { initEngine, liveTensorCount } from '../../src/engine/index.ts';
import { findings } from '../../src/widgets/InitialisationLab/describe.ts';
import { initialisationLabSchema } from '../../src/widgets/InitialisationLab/InitialisationLab.tsx';
import { Figures, Spreads } from '../../src/widgets/InitialisationLab/LabFigures.tsx';
import { VariancePanel } from '../../src/widgets/InitialisationLab/VariancePanel.tsx';
import {
  activations,
  batchFor,
  CLASSES,
  drawnWidth,
  forwardBackward,
  schemes,
  WeightBank,
  type Activation,
  type InitConfig,
} from '../../src/widgets/InitialisationLab/initialisation.ts';
import { decadeRange, fineLogCounts, histogram, logBinCount, logHistogram, summarise } from '../../src/widgets/InitialisationLab/layerStats.ts';
import { activationStds, buildReport, gradientStds, initialisationReport, saturatedShares } from '../../src/widgets/InitialisationLab/report.ts';
import { initStrings } from '../../src/widgets/InitialisationLab/strings.ts';
import { compoundStdRatio, layerGains, weightVariance } from '../../src/widgets/InitialisationLab/variance.ts';

beforeAll(async () => {
  await initEngine({ prefer: 'cpu' });
});

const config = (over: Partial<InitConfig>): InitConfig => ({ activation: 'tanh', scheme: 'xavier', depth: 4, width: 16, scale: 1, seed: 1, ...over });

const fns: Record<Activation, { f: (z: number) => number; df: (z: number) => number }> = {
  tanh: { f: Math.tanh, df: (z) => 1 - Math.tanh(z) ** 2 },
  relu: { f: (z) => Math.max(0, z), df: (z) => (z > 0 ? 1 : 0) },
  sigmoid: { f: (z) => 1 / (1 + Math.exp(-z)), df: (z) => Math.exp(-z) / (1 + Math.exp(-z)) ** 2 },
  linear: { f: (z) => z, df: () => 1 },
};

/** a [rows × k] times b [k × cols] (b as nested arrays), times s; `bT` uses b transposed. */
function matmul(a: Float64Array, rows: number, b: number[][], s: number, bT = false): Float64Array {
  const k = bT ? b[0].length : b.length;
  const cols = bT ? b.length : b[0].length;
  const out = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      let acc = 0;
      for (let i = 0; i < k; i++) acc += a[r * k + i] * (bT ? b[c][i] : b[i][c]);
      out[r * cols + c] = s * acc;
    }
  return out;
}

/**
 * The same network in float64 from the bank's own weights and data: z = m·(h·W), h = f(z), logits
 * m·(h·R), loss Σ cross-entropy, so ∂loss/∂logits = softmax − one-hot, and back through the layers.
 */
function reference(bank: WeightBank, activation: Activation, depth: number, m: number) {
  const { batch: B, width: n } = bank;
  const { f, df } = fns[activation];
  const W = bank.layers.slice(0, depth).map((t) => t.toArray() as number[][]);
  const R = bank.readout.toArray() as number[][];
  const zs: Float64Array[] = [];
  const hs: Float64Array[] = [];
  let h = Float64Array.from(bank.inputs);
  for (const w of W) {
    const z = matmul(h, B, w, m);
    zs.push(z);
    h = z.map(f);
    hs.push(h);
  }
  const logits = matmul(h, B, R, m);
  let loss = 0;
  const dLogits = new Float64Array(B * CLASSES);
  for (let b = 0; b < B; b++) {
    const row = logits.subarray(b * CLASSES, (b + 1) * CLASSES);
    const top = Math.max(...row);
    const sum = row.reduce((acc, v) => acc + Math.exp(v - top), 0);
    loss += Math.log(sum) + top - row[bank.labels[b]];
    row.forEach((v, c) => (dLogits[b * CLASSES + c] = Math.exp(v - top) / sum - (c === bank.labels[b] ? 1 : 0)));
  }
  const grads: Float64Array[] = new Array(depth);
  let dh = matmul(dLogits, B, R, m, true);
  for (let k = depth - 1; k >= 0; k--) {
    grads[k] = dh.map((d, i) => d * df(zs[k][i]));
    dh = matmul(grads[k], B, W[k], m, true);
  }
  return { hs, grads, loss, n };
}

const std = (v: ArrayLike<number>) => {
  const a = Array.from(v);
  const mean = a.reduce((s, x) => s + x, 0) / a.length;
  return Math.sqrt(a.reduce((s, x) => s + (x - mean) ** 2, 0) / a.length);
};

describe('the pass against float64', () => {
  const cases: InitConfig[] = [
    config({ activation: 'tanh', scheme: 'xavier', depth: 4, width: 16, scale: 1.3, seed: 3 }),
    config({ activation: 'relu', scheme: 'he', depth: 6, width: 32, scale: 0.8, seed: 5 }),
    config({ activation: 'sigmoid', scheme: 'normal', depth: 3, width: 16, scale: 0.4, seed: 2 }),
    config({ activation: 'linear', scheme: 'orthogonal', depth: 5, width: 16, scale: 1.1, seed: 7 }),
  ];
  for (const c of cases) {
    it(`${c.activation}, ${c.scheme} ×${c.scale}, ${c.depth} layers of ${c.width}: activations, gradients and loss`, () => {
      const bank = new WeightBank(c.seed, c.width, c.scheme);
      try {
        const pass = forwardBackward(bank, c.activation, c.depth, c.scale);
        const ref = reference(bank, c.activation, c.depth, c.scale);
        expect(pass.batch).toBe(batchFor(c.width));
        expect(Math.abs(pass.loss - ref.loss) / ref.loss).toBeLessThan(1e-5);
        const report = buildReport(pass, c);
        for (let k = 0; k < c.depth; k++) {
          expect(Math.abs(report.activations[k].std - std(ref.hs[k])) / std(ref.hs[k])).toBeLessThan(1e-4);
          expect(Math.abs(report.gradients[k].std - std(ref.grads[k])) / std(ref.grads[k])).toBeLessThan(1e-4);
          // Every single gradient, to float32's accuracy relative to the layer's largest.
          const scale = Math.max(...ref.grads[k].map(Math.abs));
          pass.gradients[k].forEach((g, i) => expect(Math.abs(g - ref.grads[k][i])).toBeLessThan(1e-4 * scale));
        }
      } finally {
        bank.dispose();
      }
    });
  }
});

describe('the variance argument', () => {
  for (const scheme of schemes) {
    it(`${scheme}: the weights the engine draws have the variance the formula states`, () => {
      const n = 256;
      const bank = new WeightBank(4, n, scheme);
      try {
        bank.ensure(1);
        const w = bank.layers[0].data();
        const m = 1.7;
        const got = std(w) ** 2 * m * m; // the pass multiplies by m
        const want = weightVariance(scheme, n, m);
        if (want === 0) expect(got).toBe(0);
        else expect(Math.abs(got - want) / want).toBeLessThan(0.03);
      } finally {
        bank.dispose();
      }
    });
  }

  it('the multiplier scales a linear network’s activations by mˡ at layer l', () => {
    const one = activationStds(config({ activation: 'linear', depth: 5, width: 64, scale: 1 }));
    const two = activationStds(config({ activation: 'linear', depth: 5, width: 64, scale: 2 }));
    one.forEach((v, k) => expect(Math.abs(two[k] / v - 2 ** (k + 1)) / 2 ** (k + 1)).toBeLessThan(1e-4));
  });

  it('orthogonal weights keep a linear network’s spread exactly, layer after layer', () => {
    const stds = activationStds(config({ activation: 'linear', scheme: 'orthogonal', depth: 20, width: 64 }));
    for (const v of stds) expect(Math.abs(v - stds[0]) / stds[0]).toBeLessThan(1e-3);
  });

  it('ReLU with Xavier halves the variance per layer: over 49 layers within a factor 2 of (½)^24.5, both ways', () => {
    const c = config({ activation: 'relu', scheme: 'xavier', depth: 50, width: 256 });
    const r = initialisationReport(c);
    const gains = layerGains('relu', 'xavier', 256, 1);
    expect(gains.forward).toBeCloseTo(0.5, 12);
    const predicted = compoundStdRatio(gains.forward!, 49);
    expect(predicted).toBeCloseTo(2 ** -24.5, 20);
    const forward = r.activations[49].std / r.activations[0].std;
    const backward = r.gradients[0].std / r.gradients[49].std;
    for (const measured of [forward, backward]) expect(Math.abs(Math.log2(measured / predicted))).toBeLessThan(1);
    expect(findings(r).join(' ')).toContain(initStrings.vanishes);
  });

  it('ReLU with He keeps both spreads within a factor 2 over 50 layers', () => {
    const r = initialisationReport(config({ activation: 'relu', scheme: 'he', depth: 50, width: 256 }));
    expect(layerGains('relu', 'he', 256, 1).forward).toBeCloseTo(1, 12);
    expect(Math.abs(Math.log2(r.activations[49].std / r.activations[0].std))).toBeLessThan(1);
    expect(Math.abs(Math.log2(r.gradients[0].std / r.gradients[49].std))).toBeLessThan(1);
    expect(findings(r).join(' ')).toContain(initStrings.steady);
  });

  it('sigmoid: the gradient shrinks at least as fast as its bound (1/16 per layer in variance) predicts', () => {
    const r = initialisationReport(config({ activation: 'sigmoid', scheme: 'xavier', depth: 20, width: 64 }));
    const bound = compoundStdRatio(layerGains('sigmoid', 'xavier', 64, 1).backward, 19);
    expect(r.gradients[0].std / r.gradients[19].std).toBeLessThan(bound);
    // …while the activations never vanish: their mean stays near ½.
    for (const l of r.activations) expect(Math.abs(l.mean - 0.5)).toBeLessThan(0.1);
  });

  it('tanh with N(0, 1) weights, 256 wide: most units saturate at once', () => {
    const shares = saturatedShares(config({ activation: 'tanh', scheme: 'normal', depth: 3, width: 256 }));
    for (const share of shares) expect(share).toBeGreaterThan(0.5);
    expect(saturatedShares(config({ activation: 'tanh', scheme: 'xavier', depth: 3, width: 256 }))[0]).toBeLessThan(0.05);
  });
});

describe('all-zero weights and overflow', () => {
  it('all zero: every unit of a layer equal, every hidden gradient 0, said in words and numbers', () => {
    const r = initialisationReport(config({ activation: 'sigmoid', scheme: 'zero', depth: 5, width: 64 }));
    for (const l of r.activations) {
      expect(l.unitsEqual).toBe(true);
      expect(l.mean).toBe(0.5);
      expect(l.std).toBe(0);
    }
    for (const l of r.gradients) expect(l.zeros).toBe(1);
    const text = findings(r);
    expect(text).toContain(initStrings.symmetry(64, '0.5', 5));
    expect(text).toContain(initStrings.symmetryStill);
  });

  it('Xavier weights are never symmetric', () => {
    const r = initialisationReport(config({ activation: 'tanh', depth: 3, width: 32 }));
    expect(r.activations.some((l) => l.unitsEqual)).toBe(false);
  });

  it('linear, N(0, 4²), 64 wide: the activations overflow, said as "overflow" and never as NaN or Infinity', () => {
    const c = config({ activation: 'linear', scheme: 'normal', depth: 40, width: 64, scale: 4 });
    const r = initialisationReport(c);
    // Each layer multiplies the spread by 4·√64 = 32: float32's 3.4×10³⁸ is passed after about 26 layers.
    const from = r.activations.findIndex((l) => !l.finite) + 1;
    expect(from).toBeGreaterThan(20);
    expect(from).toBeLessThan(30);
    expect(activationStds(c)[39]).toBe(Infinity);
    expect(gradientStds(c).every((v) => v === Infinity)).toBe(true);
    const text = findings(r).join(' ');
    expect(text).toContain(initStrings.activationOverflow(from));
    expect(text).not.toMatch(/NaN|Infinity/);
  });

  it('no finding ever shows NaN or Infinity', () => {
    for (const activation of activations)
      for (const scheme of schemes) {
        const r = initialisationReport(config({ activation, scheme, depth: 12, width: 16, scale: scheme === 'normal' ? 4 : 1 }));
        expect(findings(r).join(' ')).not.toMatch(/NaN|Infinity|undefined/);
      }
  });
});

describe('seeds, depth and memory', () => {
  it('the same seed gives the same report; another seed another', () => {
    const c = config({ activation: 'relu', scheme: 'he', depth: 6, width: 32, seed: 11 });
    const a = initialisationReport(c);
    const b = initialisationReport(c);
    expect(b).toEqual(a);
    expect(activationStds({ ...c, seed: 12 })).not.toEqual(activationStds(c));
  });

  it('a deeper network keeps the shallower one’s layers', () => {
    const c = config({ activation: 'tanh', scheme: 'he', depth: 3, width: 32, seed: 9 });
    expect(activationStds({ ...c, depth: 7 }).slice(0, 3)).toEqual(activationStds(c));
  });

  it('orthogonal weights are drawn at most 256 wide; the batch keeps about 32,768 values a layer', () => {
    expect(drawnWidth('orthogonal', 512)).toBe(256);
    expect(drawnWidth('he', 512)).toBe(512);
    expect([16, 64, 128, 256, 512].map(batchFor)).toEqual([512, 512, 256, 128, 64]);
  });

  it('returns every tensor it makes: reports, a bank kept and disposed, an overflowing pass', () => {
    const before = liveTensorCount();
    initialisationReport(config({ depth: 3 }));
    initialisationReport(config({ activation: 'linear', scheme: 'normal', depth: 40, width: 64, scale: 4 }));
    const bank = new WeightBank(1, 32, 'he');
    forwardBackward(bank, 'relu', 4, 1);
    forwardBackward(bank, 'tanh', 6, 0.5);
    expect(liveTensorCount()).toBe(before + 1 + 6); // the read-out and six hidden weights, kept on purpose
    bank.dispose();
    expect(liveTensorCount()).toBe(before);
  });
});

describe('layer statistics', () => {
  it('spread, zeros, saturation and copies on a small layer', () => {
    const s = summarise(Float32Array.from([1, 2, 3, 4, 0, -1]), 2, 3, [-1, 1]);
    expect(s.mean).toBeCloseTo(1.5, 12);
    expect(s.std).toBeCloseTo(Math.sqrt(17.5 / 6), 12);
    expect(s.zeros).toBeCloseTo(1 / 6, 12);
    expect(s.saturated).toBeCloseTo(2 / 6, 12);
    expect(s.unitsEqual).toBe(false);
    expect(summarise(Float32Array.from([2, 2, 2, 7, 7, 7]), 2, 3).unitsEqual).toBe(true);
    expect(summarise(Float32Array.from([1, NaN]), 1, 2)).toMatchObject({ finite: false, std: Infinity });
  });

  it('histograms: shares in range, sizes in decades, bins that never straddle the fine ones', () => {
    expect(histogram(Float32Array.from([0, 0.5, 0.99, 2]), 0, 1, 2)).toEqual([0.25, 0.5]);
    const counts = fineLogCounts(Float32Array.from([1e-3, 2e-3, 0.5, 0, 30]));
    expect(decadeRange([counts])).toEqual([-3, 2]);
    const shares = logHistogram(counts, -3, 2, 5);
    expect(shares).toEqual([0.4, 0, 0.2, 0, 0.2]);
    for (const [lo, hi] of [[-34, -1], [-10, 0], [-2, 30], [-4, 0]]) {
      const bins = logBinCount(lo, hi, 40);
      expect(bins).toBeLessThanOrEqual(40);
      expect(((hi - lo) * 10) % bins).toBe(0);
    }
  });
});

describe('the link schema', () => {
  it('starts at tanh, N(0, 1), 10 layers of 256; depth 1–50, width 16–512, multiplier 0.01–4', () => {
    expect(initialState(initialisationLabSchema, {}).state).toEqual({ activation: 'tanh', init: 'normal', depth: 10, width: 256, scale: 1, seed: 1 });
    expect(initialisationLabSchema.depth).toMatchObject({ min: 1, max: 50 });
    expect(initialisationLabSchema.width).toMatchObject({ min: 16, max: 512 });
    expect(initialisationLabSchema.scale).toMatchObject({ min: 0.01, max: 4 });
    expect(initialState(initialisationLabSchema, { depth: 80, scale: 0 }).state).toMatchObject({ depth: 50, scale: 0.01 });
    expect([...initialisationLabSchema.activation.choices]).toEqual([...activations]);
    expect([...initialisationLabSchema.init.choices]).toEqual([...schemes]);
    for (const a of activations) expect(initStrings.activationNames[a]).toBeTruthy();
    for (const k of schemes) expect(initStrings.schemeNames[k]).toBeTruthy();
  });

  it('every setting is named in the figure’s own words in what a shared link reports', () => {
    for (const [key, field] of Object.entries(initialisationLabSchema)) {
      expect(labelOf(key, field)).toBe(initStrings.linkLabels[key as keyof typeof initStrings.linkLabels]);
    }
  });
});

describe('the pictures, rendered to markup', () => {
  it('never show NaN or Infinity, and every formula typesets, for every activation and scheme (overflow included)', () => {
    for (const activation of activations)
      for (const scheme of schemes) {
        const r = initialisationReport(config({ activation, scheme, depth: 40, width: 16, scale: scheme === 'normal' ? 4 : 1 }));
        const props = { report: r, presenting: false };
        const html = [
          createElement(Figures, { ...props, wide: false }),
          createElement(Figures, { ...props, wide: true }),
          createElement(Spreads, props),
          createElement(VariancePanel, props),
        ]
          .map((part) => renderToStaticMarkup(part))
          .join('');
        expect(html).not.toMatch(/NaN|Infinity|undefined|katex-error/);
        expect(html).toContain('<svg');
      }
  });
});
