// The optimisers chapter's worked numbers, each computed by the engine's own optimisers
// (`optim.SGD`, `optim.Adam`, `optim.AdamW`) on small losses written with engine ops, and its
// schedules. The test in tests/content/worked-optimisers.test.ts recomputes every one in plain
// float64 JavaScript from the published update rules.
import { mul, noGrad, optim, parameterFrom, square, sum, tensor, tidy, type Tensor } from '../engine/index.ts';
import { DEFAULT_STARTS, namedLandscape, suggestedRates, type LandscapeName } from '../widgets/LandscapeRace/landscapes.ts';
import { Race, type RaceView } from '../widgets/LandscapeRace/race.ts';
import type { RacerKind } from '../widgets/LandscapeRace/racers.ts';
import { lossAfter, rangeTest, readRangeTest } from '../models/rangeTest.ts';
import { measureGradients } from '../widgets/MinibatchNoise/gradients.ts';
import { batchSizes, drawAllBatches, makeSample, START } from '../widgets/MinibatchNoise/problem.ts';
import { arrowSpread } from '../widgets/MinibatchNoise/readout.ts';
import { workedValues, type WorkedValue } from './define.ts';

const v = (digits: number, compute: () => number): WorkedValue => ({ digits, compute });

/** ½·Σ λᵢ·θᵢ²: a quadratic bowl whose curvatures along the axes are the λᵢ. */
function bowl(lambdas: readonly number[]): (p: Tensor) => Tensor {
  const half = lambdas.map((l) => l / 2);
  return (p) => sum(mul(tensor(half), square(p)));
}

/**
 * Minimises `loss` from `start` with an engine optimiser made by `make`, `steps` times (or until
 * `stop` says so), and returns every position visited, the start first.
 */
function descend(
  loss: (p: Tensor) => Tensor,
  start: readonly number[],
  make: (params: Tensor[]) => optim.Optimizer,
  steps: number,
  stop: (position: number[]) => boolean = () => false,
): number[][] {
  const p = parameterFrom([...start]);
  const opt = make([p]);
  const path = [[...start]];
  try {
    for (let t = 0; t < steps && !stop(path[path.length - 1]); t++) {
      tidy(() => {
        opt.zeroGrad();
        loss(p).backward();
        opt.step();
      });
      path.push(Array.from(p.data()));
    }
  } finally {
    opt.zeroGrad();
    opt.dispose();
    p.value.dispose();
  }
  return path;
}

const sgd = (lr: number, momentum = 0) => (params: Tensor[]) => new optim.SGD(params, { lr, momentum });
const norm = (p: readonly number[]) => Math.hypot(...p);

/** Steps of `make` on the bowl from (1, 1) until the distance to the minimum is below 1/1000 of the start's. */
function stepsToThousandth(lambdas: readonly number[], make: (params: Tensor[]) => optim.Optimizer): number {
  const start = lambdas.map(() => 1);
  const target = norm(start) / 1000;
  const path = descend(bowl(lambdas), start, make, 5000, (p) => norm(p) < target);
  if (norm(path[path.length - 1]) >= target) throw new Error('did not reach a thousandth in 5000 steps');
  return path.length - 1;
}

/**
 * The largest curvature of a loss at a point, by power iteration on Hessian–vector products, each
 * the difference of two engine gradients (exact for a quadratic, whose gradient is linear).
 */
function largestCurvature(loss: (p: Tensor) => Tensor, at: readonly number[], iterations = 50): number {
  const gradientAt = (x: readonly number[]): number[] =>
    tidy(() => {
      const p = tensor([...x], undefined, { requiresGrad: true });
      loss(p).backward();
      const g = Array.from(p.grad!.data());
      p.value.dispose();
      return g;
    });
  const g0 = gradientAt(at);
  let dir: number[] = at.map((_, i) => (i === 0 ? 1 : 0.5));
  let lambda = 0;
  for (let k = 0; k < iterations; k++) {
    const n = norm(dir);
    dir = dir.map((d) => d / n);
    const g1 = gradientAt(at.map((a, i) => a + dir[i]));
    const hv = g1.map((g, i) => g - g0[i]);
    lambda = hv.reduce((t, h, i) => t + h * dir[i], 0);
    dir = hv;
  }
  return lambda;
}

/** The 1-D bowl ½·4·w² from w = 1: the figure's default curvature is 4 in the text's examples. */
const LAMBDA = 4;
const lineAfter = (lr: number, steps: number) => descend(bowl([LAMBDA]), [1], sgd(lr), steps)[steps][0];

// ---- Adam on one parameter with a constant gradient g (a linear loss g·θ) ----------------------
const G = 0.5;
const ADAM_LR = 0.001;
interface AdamTrace {
  theta: number[];
  m: number[];
  v: number[];
}
/** Adam's parameter and moments over `steps` steps of the loss Σ gᵢ·θᵢ (so every gradient is g). */
function adamOnLinear(gradients: readonly number[], steps: number, make: (params: Tensor[]) => optim.Optimizer = (ps) => new optim.Adam(ps, { lr: ADAM_LR })): AdamTrace[] {
  const p = parameterFrom(gradients.map(() => 1));
  const g = tensor([...gradients]);
  const opt = make([p]);
  const out: AdamTrace[] = [];
  try {
    for (let t = 0; t < steps; t++) {
      tidy(() => {
        opt.zeroGrad();
        sum(mul(g, p)).backward();
        opt.step();
      });
      const state = opt.stateDict();
      out.push({ theta: Array.from(p.data()), m: state.slots['0.expAvg'].values, v: state.slots['0.expAvgSq'].values });
    }
  } finally {
    opt.zeroGrad();
    opt.dispose();
    p.value.dispose();
    g.dispose();
  }
  return out;
}
/** How much larger Adam's step would be without bias correction at step t: (m/√v) ÷ (m̂/√v̂). */
function uncorrectedRatio(t: number): number {
  const s = adamOnLinear([G], t)[t - 1];
  const [b1, b2] = [0.9, 0.999];
  const plain = s.m[0] / Math.sqrt(s.v[0]);
  const corrected = s.m[0] / (1 - b1 ** t) / Math.sqrt(s.v[0] / (1 - b2 ** t));
  return plain / corrected;
}

// ---- Weight decay under Adam (an L2 term) and AdamW (decoupled) -------------------------------
// Two weights start at 1; the data's gradients alternate in sign (mean zero), with size 1 for the
// first and 0.01 for the second. Only the decay pulls either towards 0.
export const DECAY = { steps: 200, lr: 0.01, weightDecay: 0.01, sizes: [1, 0.01] } as const;
function decayed(kind: 'Adam' | 'AdamW', weightDecay: number): number[] {
  const p = parameterFrom([1, 1]);
  const opt = kind === 'Adam' ? new optim.Adam([p], { lr: DECAY.lr, weightDecay }) : new optim.AdamW([p], { lr: DECAY.lr, weightDecay });
  try {
    for (let t = 0; t < DECAY.steps; t++) {
      const sign = t % 2 === 0 ? 1 : -1;
      tidy(() => {
        opt.zeroGrad();
        const g = tensor(DECAY.sizes.map((s) => sign * s));
        sum(mul(g, p)).backward();
        opt.step();
      });
    }
    return noGrad(() => Array.from(p.data()));
  } finally {
    opt.zeroGrad();
    opt.dispose();
    p.value.dispose();
  }
}
/** How far the decay alone moved each weight: the run without decay minus the run with it. */
function pulls(): { adam: number[]; adamw: number[] } {
  const free = decayed('Adam', 0);
  const adam = decayed('Adam', DECAY.weightDecay);
  const adamw = decayed('AdamW', DECAY.weightDecay);
  return { adam: free.map((f, i) => f - adam[i]), adamw: free.map((f, i) => f - adamw[i]) };
}
let decays: { adam: number[]; adamw: number[] } | null = null;
const decay = () => (decays ??= pulls());

// ---- Momentum's terminal velocity: a constant gradient, μ = 0.9 --------------------------------
function momentumStepRatio(mu: number, steps: number): number {
  const path = descend((p) => sum(mul(tensor([1]), p)), [0], sgd(1, mu), steps);
  return path[steps][0] - path[steps - 1][0];
}

/** Polyak's best heavy-ball settings for curvatures in [λmin, λmax]. */
export function polyakSettings(lmin: number, lmax: number): { lr: number; momentum: number } {
  const [a, b] = [Math.sqrt(lmin), Math.sqrt(lmax)];
  return { lr: 4 / (a + b) ** 2, momentum: ((b - a) / (b + a)) ** 2 };
}
const polyak100 = polyakSettings(1, 100);

// ---- The mini-batch figure at its starting point, first draw --------------------------------
function minibatch(batch: number) {
  const picture = measureGradients(makeSample(), START.w, START.b, drawAllBatches(0), batchSizes.indexOf(batch));
  const spread = arrowSpread(picture.full, picture.arrows, picture.sigma2);
  if (!spread) throw new Error('no direction to measure the arrows against');
  return { picture, spread };
}

// ---- The landscape race, from each landscape's start at its suggested rates -------------------
/** The race figure's run of `steps` steps with the racers `kinds`. */
function race(name: Exclude<LandscapeName, 'typed'>, condition: number, kinds: readonly RacerKind[], steps: number): RaceView {
  const rates = suggestedRates(name, condition);
  const r = new Race(namedLandscape(name, condition), DEFAULT_STARTS[name], kinds.map((kind) => ({ kind, lr: rates[kind] })));
  try {
    for (let t = 0; t < steps && r.running(); t++) tidy(() => r.step().loss);
    return r.view();
  } finally {
    r.dispose();
  }
}
const racers = new Map<string, RaceView>();
const raced = (name: Exclude<LandscapeName, 'typed'>, condition: number, kinds: readonly RacerKind[], steps: number) => {
  const key = `${name}.${condition}.${kinds.join()}.${steps}`;
  let view = racers.get(key);
  if (!view) racers.set(key, (view = race(name, condition, kinds, steps)));
  return view;
};
/** Steps until racer `kind` came within 10⁻³ of the lowest value. */
function reached(view: RaceView, kind: RacerKind): number {
  const r = view.racers.find((x) => x.kind === kind);
  if (r?.reached == null) throw new Error(`${kind} did not come within 1e-3`);
  return r.reached;
}
/** Steps until racer `kind` was more than 0.5 from the saddle's ridge x = 0. */
function escaped(view: RaceView, kind: RacerKind): number {
  const at = view.racers.find((x) => x.kind === kind)?.trail.findIndex((p) => Math.abs(p[0]) > 0.5) ?? -1;
  if (at < 0) throw new Error(`${kind} did not leave the saddle`);
  return at;
}
const VALLEY_RACERS = ['sgd', 'momentum', 'nesterov'] as const;
const SADDLE_RACERS = ['sgd', 'momentum', 'adam'] as const;
const ROSENBROCK_RACERS = ['sgd', 'momentum', 'adam'] as const;

// ---- The learning-rate range test on two moons, and training at the rate it suggests ----------
let range: ReturnType<typeof readRangeTest> | null = null;
const ranged = () => (range ??= readRangeTest(rangeTest()));
/** The rate the test suggests: a third of the rate at the lowest loss. */
const suggested = () => ranged().lowestAt / 3;
export const RANGE_STEPS = 200;

export default workedValues('optimisers', {
  // One dimension, L = ½·4·w², from w = 1.
  lineFactor01: v(2, () => lineAfter(0.1, 1)),
  lineAfter10At01: v(4, () => lineAfter(0.1, 10)),
  lineAfter1At025: v(1, () => lineAfter(0.25, 1)),
  lineAfter10At04: v(4, () => lineAfter(0.4, 10)),
  lineAfter10At06: v(1, () => lineAfter(0.6, 10)),
  lineAfter10At05: v(1, () => lineAfter(0.5, 10)),

  // Two dimensions, L = ½(x² + κ·y²), from (1, 1).
  valleyLambdaMax10: v(2, () => largestCurvature(bowl([1, 10]), [0.3, -0.7])),
  valleyLambdaMax100: v(1, () => largestCurvature(bowl([1, 100]), [0.3, -0.7])),
  valleySteps10: v(0, () => stepsToThousandth([1, 10], sgd(2 / 11))),
  valleySteps100: v(0, () => stepsToThousandth([1, 100], sgd(2 / 101))),
  valleyMomentumSteps100: v(0, () => stepsToThousandth([1, 100], sgd(polyak100.lr, polyak100.momentum))),
  polyakLr100: v(4, () => polyak100.lr),
  polyakMomentum100: v(3, () => polyak100.momentum),

  // Mini-batch gradients of the line fit at (w, b) = (0, −1): σ², the measured variance, the arrows' angles.
  batchSigma2: v(1, () => minibatch(1).picture.sigma2),
  batchVariance8: v(2, () => minibatch(8).picture.variances[batchSizes.indexOf(8)]),
  batchDownhill1: v(0, () => minibatch(1).spread.downhill),
  batchMeanAngle1: v(0, () => minibatch(1).spread.meanAngle),
  batchMaxAngle1: v(0, () => minibatch(1).spread.maxAngle),
  batchMeanAngle8: v(0, () => minibatch(8).spread.meanAngle),
  batchMeanAngle64: v(0, () => minibatch(64).spread.meanAngle),

  // The race figures: the valley with κ = 50, the saddle, Rosenbrock.
  raceValleySgd: v(0, () => reached(raced('valley', 50, VALLEY_RACERS, 500), 'sgd')),
  raceValleyMomentum: v(0, () => reached(raced('valley', 50, VALLEY_RACERS, 500), 'momentum')),
  raceValleyNesterov: v(0, () => reached(raced('valley', 50, VALLEY_RACERS, 500), 'nesterov')),
  raceSaddleSgd: v(0, () => escaped(raced('saddle', 10, SADDLE_RACERS, 100), 'sgd')),
  raceSaddleMomentum: v(0, () => escaped(raced('saddle', 10, SADDLE_RACERS, 100), 'momentum')),
  raceSaddleAdam: v(0, () => escaped(raced('saddle', 10, SADDLE_RACERS, 100), 'adam')),
  raceRosenbrockMomentum: v(0, () => reached(raced('rosenbrock', 10, ROSENBROCK_RACERS, 1000), 'momentum')),
  raceRosenbrockAdam: v(0, () => reached(raced('rosenbrock', 10, ROSENBROCK_RACERS, 1000), 'adam')),

  // Momentum with a constant gradient: the step grows towards 1/(1 − μ) times the plain one.
  momentumStep1: v(2, () => -momentumStepRatio(0.9, 1)),
  momentumStep10: v(2, () => -momentumStepRatio(0.9, 10)),
  momentumStep50: v(2, () => -momentumStepRatio(0.9, 50)),

  // Adam with a constant gradient g = 0.5, η = 0.001.
  adamM1: v(3, () => adamOnLinear([G], 1)[0].m[0]),
  adamV1: v(5, () => adamOnLinear([G], 1)[0].v[0]),
  adamStep1: v(5, () => adamOnLinear([G], 1)[0].theta[0] - 1),
  adamUncorrected1: v(2, () => uncorrectedRatio(1)),
  adamUncorrected10: v(2, () => uncorrectedRatio(10)),
  adamUncorrected1000: v(2, () => uncorrectedRatio(1000)),
  // The first step for gradients a million times apart in size.
  adamStepBig: v(5, () => adamOnLinear([1000], 1)[0].theta[0] - 1),
  adamStepSmall: v(5, () => adamOnLinear([0.001], 1)[0].theta[0] - 1),

  // Weight decay: Adam's L2 term against AdamW's decoupled decay, 200 steps.
  decayAdamLarge: v(3, () => decay().adam[0]),
  decayAdamSmall: v(2, () => decay().adam[1]),
  decayAdamWLarge: v(3, () => decay().adamw[0]),
  decayAdamWSmall: v(3, () => decay().adamw[1]),

  // The range test: the loss at the start, at its lowest and where; where it blew up.
  rangeFirst: v(3, () => ranged().first),
  rangeLowest: v(3, () => ranged().lowest),
  rangeLowestAt: v(1, () => ranged().lowestAt),
  rangeBlowUpAt: v(1, () => ranged().blowUpAt ?? Number.NaN),
  rangeSuggested: v(1, suggested),
  rangeLossSuggested: v(3, () => lossAfter(suggested(), RANGE_STEPS)),
  rangeLossDefault: v(3, () => lossAfter(0.1, RANGE_STEPS)),

  // Schedules, base rate 0.1 over 100 epochs.
  cosineAt25: v(4, () => optim.cosineAnnealingLR(0.1, 25, 100)),
  cosineAt50: v(3, () => optim.cosineAnnealingLR(0.1, 50, 100)),
  cosineAt90: v(4, () => optim.cosineAnnealingLR(0.1, 90, 100)),
  stepAt65: v(3, () => optim.stepLR(0.1, 65, 30)),

  // Exercises.
  ex1: v(2, () => 2 / largestCurvature(bowl([2.5, 8]), [0, 0])),
  ex2: v(3, () => descend(bowl([1]), [2], sgd(1.5), 3)[3][0]),
  ex3: v(0, () => stepsToThousandth([1, 100], sgd(2 / 101))),
  ex4: v(1, () => -momentumStepRatio(0.95, 2000)),
  ex5: v(4, () => adamOnLinear([-0.2], 1, (ps) => new optim.Adam(ps, { lr: 0.01 }))[0].theta[0] - 1),
  ex6: v(3, () => uncorrectedRatio(1)),
  ex7: v(4, () => optim.cosineAnnealingLR(0.1, 75, 100)),
});
