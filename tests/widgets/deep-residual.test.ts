// Plain against residual: the residual block's Jacobian is I + ∂f/∂x (written out in plain JS on a
// small case), the gradient norms per block are the Frobenius norms of the read-back gradients and
// survive gradients whose squares underflow, the four networks start from the same weights and the
// plain one is an ordinary MLP, the figure's reading of the job's picture, the schema's defaults,
// and the claims the chapter quotes, at the figure's defaults. On WebAssembly, as the page trains:
// the claims need a hundred steps of four 42-layer networks (the CPU backend takes ten times as long).
import { beforeAll, describe, expect, it } from 'vitest';
import { initEngine, liveTensorCount, losses, mul, nn, Random, sqrt, square, sum, tensor, tidy } from '../../src/engine/index.ts';
import { blockGradientNorms, buildNet, NETWORKS, Residual, specOf } from '../../src/models/residual/deepNets.ts';
import { spiralPoints } from '../../src/models/residual/residualRace.ts';
import { DEFAULT_RACE, DEFAULT_SEED, QUOTED_STEPS, standingAfter, startingGradients } from '../../src/models/residual/residualNumbers.ts';
import { plainVsResidualSchema } from '../../src/widgets/PlainVsResidual/PlainVsResidual.tsx';
import { decades, firstOverLast, gradientDomain, lossDomain, netResults, type NetResult } from '../../src/widgets/PlainVsResidual/results.ts';

beforeAll(async () => {
  await initEngine({ prefer: 'wasm' });
});

/** x·W + b for one example, W as [in][out] (the engine's layout), in float64. */
const affine = (x: number[], w: number[][], b: number[]) => b.map((bj, j) => bj + x.reduce((s, xi, i) => s + xi * w[i][j], 0));
const relu = (v: number[]) => v.map((a) => Math.max(0, a));
const step = (v: number[]) => v.map((a) => (a > 0 ? 1 : 0));

describe('the residual block', () => {
  it('∂(x + f(x))/∂x = I + ∂f/∂x, with f = Linear₂(ReLU(Linear₁(ReLU(x)))), worked out by hand', () => {
    const n = 3;
    const rng = new Random(11);
    const draw = (rows: number, cols: number) => Array.from({ length: rows }, () => Array.from({ length: cols }, () => rng.uniform(-1, 1)));
    const [w1, w2] = [draw(n, n), draw(n, n)];
    const [b1, b2] = [draw(1, n)[0], draw(1, n)[0]];
    const x0 = [0.8, -0.4, 0.3];
    const linear = (w: number[][], b: number[]) => {
      const layer = new nn.Linear(n, n);
      layer.loadStateDict({ weight: { shape: [n, n], values: w.flat() }, bias: { shape: [n], values: b } });
      return layer;
    };
    const block = new Residual(new nn.Sequential(new nn.ReLU(), linear(w1, b1), new nn.ReLU(), linear(w2, b2)));
    // J_f[j][i] = Σ_k W₂[k][j]·relu′(h_k)·W₁[i][k]·relu′(x_i), with h = ReLU(x)·W₁ + b₁.
    const d0 = step(x0);
    const d1 = step(affine(relu(x0), w1, b1));
    const jf = Array.from({ length: n }, (_, j) => Array.from({ length: n }, (_, i) => w2.reduce((s, row, k) => s + row[j] * d1[k] * w1[i][k] * d0[i], 0)));
    // The engine's Jacobian, row j from the backward pass of y_j.
    for (const skip of [true, false]) {
      for (let j = 0; j < n; j++) {
        const x = tensor([x0], undefined, { requiresGrad: true });
        block.zeroGrad();
        tidy(() => {
          const y = skip ? block.forward(x) : block.f.forward(x);
          sum(mul(y, tensor([Array.from({ length: n }, (_, c) => (c === j ? 1 : 0))]))).backward();
          const row = Array.from(x.grad!.data());
          row.forEach((v, i) => expect(v).toBeCloseTo((skip && i === j ? 1 : 0) + jf[j][i], 5));
        });
        x.dispose();
      }
    }
    // The forward value too: y = x + f(x).
    const f = affine(relu(affine(relu(x0), w1, b1)), w2, b2);
    tidy(() => Array.from(block.forward(tensor([x0])).data()).forEach((v, i) => expect(v).toBeCloseTo(x0[i] + f[i], 5)));
    block.dispose();
  });

  it('the four networks start from the same Linear weights, and the plain one is an ordinary MLP', () => {
    const shape = { blocks: 3, width: 5, seed: 4 };
    const nets = NETWORKS.map((name) => buildNet(specOf(name, 'batch'), shape));
    const weights = nets.map((n) => n.blocks.flatMap(([a, b]) => [...a.weight.data(), ...b.weight.data()]));
    for (const w of weights) expect(w).toEqual(weights[0]);
    const { blocks: L, width: w } = shape;
    // Stem 2→w, 2L hidden w→w, read-out w→1, each with a bias; each norm adds γ and β of width w.
    const mlp = 2 * w + w + 2 * L * (w * w + w) + w + 1;
    expect(nets.map((n) => n.model.numParameters())).toEqual([mlp, mlp + (2 * L + 1) * 2 * w, mlp, mlp + (2 * L + 1) * 2 * w]);
    // Without the skip, the layers are Linear, then (norm, ReLU, Linear) again and again.
    const kinds = nets[1].model.layers.flatMap((l) => (l instanceof nn.Sequential ? l.layers : [l])).map((l) => l.constructor.name);
    expect(kinds).toEqual(['Linear', ...Array(2 * L + 1).fill(['BatchNorm1d', 'ReLU', 'Linear']).flat()]);
    for (const n of nets) n.model.dispose();
  });
});

describe('the gradient of each block', () => {
  /** A small network's block norms from the engine and, in float64, from its read-back gradients. */
  function both(scale: number) {
    const net = buildNet(specOf('residual', 'batch'), { blocks: 2, width: 4, seed: 9 });
    const points = spiralPoints();
    const out = tidy(() => {
      mul(losses.bceWithLogits(net.model.forward(tensor(points.x)), tensor(points.y.map((v) => [v]))), scale).backward();
      const engine = Array.from(blockGradientNorms(net).data());
      const naive = net.blocks.map(([a]) => sqrt(sum(square(a.weight.grad!))).item());
      const reference = net.blocks.map(([a, b]) => Math.sqrt([...a.weight.grad!.data(), ...b.weight.grad!.data()].reduce((s, g) => s + g * g, 0)));
      return { engine, naive, reference };
    });
    net.model.dispose();
    return out;
  }

  it('is √(‖∂L/∂W₁‖² + ‖∂L/∂W₂‖²) of the block’s two weights', () => {
    const { engine, reference } = both(1);
    engine.forEach((v, i) => expect(v / reference[i]).toBeCloseTo(1, 5));
  });

  it('survives gradients whose squares underflow float32 (they would read 0)', () => {
    const { engine, naive, reference } = both(1e-25);
    expect(naive.every((v) => v === 0)).toBe(true);
    reference.forEach((r, i) => {
      expect(r).toBeGreaterThan(0);
      expect(engine[i] / r).toBeCloseTo(1, 4);
    });
  });
});

describe('what the figure reads', () => {
  it('the schema starts at the chapter’s defaults', () => {
    const defaults = Object.fromEntries(Object.entries(plainVsResidualSchema).map(([k, f]) => [k, f.default]));
    expect(defaults).toEqual({ ...DEFAULT_RACE, seed: DEFAULT_SEED });
    expect(plainVsResidualSchema.norm.choices).toEqual(['batch', 'layer']);
  });

  it('a network that diverged shows no numbers; a run that diverged whole marks the rest', () => {
    const curve = { values: [0.7, 0.6], steps: [1, 2] };
    const net = (name: (typeof NETWORKS)[number], stop: { code: 'lossGrew'; step: number; loss: number; factor: number; firstLoss: number } | null) => ({
      name,
      curve,
      steps: 2,
      loss: 0.6,
      accuracy: 0.5,
      norms: [1e-6, 1e-3],
      startNorms: [1e-6, 1e-3],
      stop,
    });
    const views = [net('plain', null), net('plainNorm', { code: 'lossGrew', step: 2, loss: 1e5, factor: 1e4, firstLoss: 0.7 }), net('residual', null), net('residualNorm', null)];
    const r = netResults(views);
    expect(r.map((x) => x.divergedBy)).toEqual([null, 2, null, null]);
    expect(r[0].ratio).toBeCloseTo(1e-3, 10);
    expect(r[1]).toMatchObject({ lastLoss: null, accuracy: null, ratio: null, norms: [] });
    expect(r[1].loss).toEqual([
      [1, 0.7],
      [2, 0.6],
    ]);
    expect(netResults(views, 5).map((x) => x.divergedBy)).toEqual([5, 2, 5, 5]);
    expect(netResults(null).every((x) => x.loss.length === 0 && x.norms.length === 0)).toBe(true);
  });

  it('the ratio and the log axes', () => {
    expect(firstOverLast([2, 4])).toBe(0.5);
    expect(firstOverLast([2, 0])).toBeNull();
    expect(firstOverLast([Number.NaN, 1])).toBeNull();
    expect(decades([0.02, 3e-7, 0, Number.NaN], 1e-3, 10)).toEqual([1e-7, 10]);
    expect(gradientDomain(netResults(null))).toEqual([1e-3, 10]);
    // The loss axis tops out at 1 until a loss passes it, then at 10: a diverging curve leaves it.
    const withLosses = (values: number[]) => [{ loss: values.map((v, i) => [i + 1, v]) } as NetResult];
    expect(lossDomain(withLosses([0.7, 0.004]))).toEqual([1e-3, 1]);
    expect(lossDomain(withLosses([0.7, 2e-5]))).toEqual([1e-5, 1]);
    expect(lossDomain(withLosses([0.7, 3e12]))).toEqual([1e-3, 10]);
  });
});

describe('the claims the chapter quotes, at the figure’s defaults', () => {
  it('at the start the plain network’s gradient vanishes towards the input, the residual one’s does not', () => {
    const before = liveTensorCount();
    const g = startingGradients();
    expect(liveTensorCount()).toBe(before);
    expect(g.plain.norms).toHaveLength(DEFAULT_RACE.blocks);
    expect(g.plain.firstOverLast).toBeLessThan(1e-10);
    // Falling all the way: each block gets less than the one above it.
    g.plain.norms.slice(1).forEach((v, i) => expect(g.plain.norms[i]).toBeLessThan(v));
    expect(g.residual.firstOverLast).toBeGreaterThan(0.1);
    expect(g.residual.firstOverLast).toBeLessThan(10);
    // Normalisation alone turns it round: the gradient grows towards the input instead.
    expect(g.plainNorm.firstOverLast).toBeGreaterThan(100);
  });

  it(`after ${QUOTED_STEPS} steps both residual networks fit the spiral; the plain one has not left the coin toss`, () => {
    const before = liveTensorCount();
    const s = standingAfter(QUOTED_STEPS);
    expect(liveTensorCount()).toBe(before);
    // Predicting ½ everywhere costs ln 2 a point.
    expect(Math.abs(s.plain.loss! - Math.log(2))).toBeLessThan(0.01);
    expect(s.plain.accuracy!).toBeLessThan(0.6);
    for (const name of ['residual', 'residualNorm'] as const) {
      expect(s[name].loss!).toBeLessThan(0.05);
      expect(s[name].accuracy!).toBeGreaterThan(0.98);
      expect(s[name].loss!).toBeLessThan(s.plainNorm.loss!);
    }
    expect(s.plainNorm.loss!).toBeLessThan(s.plain.loss!);
    expect(Object.values(s).every((x) => x.divergedAt === null)).toBe(true);
  }, 120_000);
});
