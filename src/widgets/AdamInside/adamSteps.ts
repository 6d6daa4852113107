// One parameter inside Adam (Kingma & Ba 2015, Algorithm 1). The gradient is not taken from a loss:
// the reader picks a stream of gradients, and at each step the engine's optim.Adam is handed the
// next one as the parameter's `.grad` and steps; m and v are read through `Adam.moments`, kept step
// by step and read back once at the end. The engine's Adam always corrects m and v, as every
// library does, so the step *without* the correction is the textbook formula −η·m/(√v + ε)
// applied here to the engine's own m and v, and labelled as such: m and v do not depend on the
// correction, only the step does.
import { mul, noGrad, optim, parameterFrom, Random, stack, tensor, tidy, type Tensor } from '../../engine/index.ts';

export const streams = ['constant', 'noisy', 'alternating', 'sparse'] as const;
export type Stream = (typeof streams)[number];

/** Steps computed for the plots; the table shows the first ten. */
export const STEPS = 100;
export const TABLE_ROWS = 10;
/** The sparse stream: a gradient of 1 at steps 1, 11, 21, …, 0 in between. */
export const SPARSE_EVERY = 10;
/** The noisy stream: Gaussian around a true mean of 1, with a standard deviation twice as large. */
export const NOISE_MEAN = 1;
export const NOISE_STD = 2;

/** The stream's gradients for t = 1 … n, each times `scale`; the noisy one from `seed`. */
export function gradientStream(stream: Stream, scale: number, seed: number, n = STEPS): number[] {
  const rng = new Random(seed);
  return Array.from({ length: n }, (_, i) => {
    const t = i + 1;
    const g = stream === 'constant' ? 1 : stream === 'noisy' ? rng.normal(NOISE_MEAN, NOISE_STD) : stream === 'alternating' ? (t % 2 === 1 ? 1 : -1) : (t - 1) % SPARSE_EVERY === 0 ? 1 : 0;
    return g * scale;
  });
}

export interface AdamSetting {
  stream: Stream;
  scale: number;
  seed: number;
  learningRate: number;
  beta1: number;
  beta2: number;
  eps: number;
  steps?: number;
}

export interface AdamRun {
  /** Row t − 1 is step t: the gradient handed to Adam (as float32 holds it). */
  g: number[];
  /** The running averages after step t, from the engine. */
  m: number[];
  v: number[];
  /** m / (1 − β₁ᵗ) and v / (1 − β₂ᵗ): the corrected averages the engine divides by. */
  mHat: number[];
  vHat: number[];
  /** The engine's step θ_t − θ_{t−1}. */
  stepCorrected: number[];
  /** −η·m/(√v + ε) on the engine's m and v: the step Adam would take without the correction. */
  stepUncorrected: number[];
}

// #region adam-inside
/** `steps` Adam steps on one parameter, fed the stream's gradients. */
export function adamSteps(o: AdamSetting): AdamRun {
  const n = o.steps ?? STEPS;
  const gs = gradientStream(o.stream, o.scale, o.seed, n);
  const read = tidy(() => {
    const theta = parameterFrom([0], [1], 'θ');
    const adam = new optim.Adam([theta], { lr: o.learningRate, betas: [o.beta1, o.beta2], eps: o.eps });
    const copy = (t: Tensor) => noGrad(() => mul(t, 1));
    const kept: Record<'g' | 'm' | 'v' | 'theta', Tensor[]> = { g: [], m: [], v: [], theta: [copy(theta)] };
    try {
      for (const value of gs) {
        adam.zeroGrad();
        theta.grad = tensor([value]);
        adam.step();
        const { m, v } = adam.moments(0)!;
        kept.g.push(copy(theta.grad));
        kept.m.push(m);
        kept.v.push(v);
        kept.theta.push(copy(theta));
      }
      adam.zeroGrad();
      const numbers = (list: Tensor[]) => Array.from(stack(list).data());
      return { g: numbers(kept.g), m: numbers(kept.m), v: numbers(kept.v), theta: numbers(kept.theta) };
    } finally {
      adam.dispose();
      theta.dispose();
    }
  });
  return {
    g: read.g,
    m: read.m,
    v: read.v,
    mHat: read.m.map((m, i) => m / (1 - o.beta1 ** (i + 1))),
    vHat: read.v.map((v, i) => v / (1 - o.beta2 ** (i + 1))),
    // θ read as float32 and subtracted in float64: the step exactly as the engine applied it.
    stepCorrected: read.theta.slice(1).map((th, i) => th - read.theta[i]),
    stepUncorrected: read.m.map((m, i) => (-o.learningRate * m) / (Math.sqrt(read.v[i]) + o.eps)),
  };
}
// #endregion
