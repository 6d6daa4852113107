// The backpropagation chapter's worked numbers, each computed by the engine: the graph stepper's
// examples traced with `traceWithGradients`, the training step of the 2-3-1 network, the gradient
// check, and the gradient norms of deep stacks. The test in
// tests/content/worked-backpropagation.test.ts recomputes every one without the engine.
import { buildGraph, DEFAULT_VALUES } from '../widgets/GraphStepper/build.ts';
import { autogradGradient, gradientCheck, numericalGradient, relativeError, THETA } from '../widgets/GradientCheck/check.ts';
import { initialWeights, trainingStep } from '../widgets/TrainingStep/network.ts';
import { startingNorms } from '../widgets/VanishingGradients/deep.ts';
import { copyFirstUnit, makeXorNet, trainXor, xorAccuracy, xorPicture } from '../widgets/XorLive/xor.ts';
import { workedValues, type WorkedValue } from './define.ts';

/** A node's value or gradient in one of the stepper's graphs, at the given inputs (a b c d w x y). */
function node(preset: 'chain' | 'neuron' | 'typed', name: string, what: 'value' | 'grad', values = DEFAULT_VALUES, typed = ''): number {
  const built = buildGraph(preset, typed, values);
  if (!built.ok) throw new Error(built.message);
  const n = built.graph.nodes.find((m) => m.name === name);
  if (!n) throw new Error(`no node ${name}`);
  const list = what === 'value' ? n.value : n.grad;
  if (!list) throw new Error(`${name} has no ${what}`);
  return list[0];
}

const v = (digits: number, compute: () => number): WorkedValue => ({ digits, compute });

const step = () => trainingStep([1, 0.5], 1, initialWeights(1), 0.5);

const XOR_STEPS = 600;
/** A run has learnt XOR when its mean loss is under 0.1: every point then has p > e^(−0.4) on its side. */
const XOR_LEARNT = 0.1;

/** The XOR figure's network (tanh units, η = 1) trained 600 steps from a seed, optionally symmetric. */
function xorRun(hidden: number, seed: number, symmetric = false): { loss: number; right: number } {
  const net = makeXorNet(hidden, seed);
  try {
    if (symmetric) copyFirstUnit(net);
    const loss = trainXor(net, 1, XOR_STEPS);
    return { loss, right: Math.round(xorAccuracy(xorPicture(net, []).atPoints) * 4) };
  } finally {
    net.dispose();
  }
}
let symmetric: { loss: number; right: number } | null = null;
const symmetricRun = () => (symmetric ??= xorRun(3, 1, true));
const xorSeedsLearnt = (hidden: number) => Array.from({ length: 10 }, (_, i) => xorRun(hidden, i + 1)).filter((r) => r.loss < XOR_LEARNT).length;

export default workedValues('backpropagation', {
  // (a·b + c)·d at a = 2, b = −3, c = 10, d = −2.
  chainV1: v(0, () => node('chain', 'v1', 'value')),
  chainV2: v(0, () => node('chain', 'v2', 'value')),
  chainL: v(0, () => node('chain', 'L', 'value')),
  chainNudgedL: v(2, () => node('chain', 'L', 'value', [2.01, ...DEFAULT_VALUES.slice(1)])),
  chainGradV2: v(0, () => node('chain', 'v2', 'grad')),
  chainGradV1: v(0, () => node('chain', 'v1', 'grad')),
  chainGradA: v(0, () => node('chain', 'a', 'grad')),
  chainGradB: v(0, () => node('chain', 'b', 'grad')),
  chainGradC: v(0, () => node('chain', 'c', 'grad')),
  chainGradD: v(0, () => node('chain', 'd', 'grad')),

  // (sigmoid(w·x + b) − y)² at w = 0.5, x = 1.5, b = −3, y = 1.
  neuronZ: v(2, () => node('neuron', 'v2', 'value')),
  neuronS: v(3, () => node('neuron', 'v3', 'value')),
  neuronL: v(3, () => node('neuron', 'L', 'value')),
  neuronGradS: v(3, () => node('neuron', 'v3', 'grad')),
  neuronSlope: v(3, () => {
    // The sigmoid node's local derivative, as the trace records it along its edge.
    const built = buildGraph('neuron', '', DEFAULT_VALUES);
    if (!built.ok) throw new Error(built.message);
    return built.graph.nodes.find((m) => m.op === 'sigmoid')!.localGrads![0]![0];
  }),
  neuronGradZ: v(3, () => node('neuron', 'v2', 'grad')),
  neuronGradW: v(3, () => node('neuron', 'w', 'grad')),
  neuronGradB: v(3, () => node('neuron', 'b', 'grad')),

  // One step of the 2-3-1 network: x = (1, 0.5), y = 1, seed-1 weights, η = 0.5.
  stepYHat: v(3, () => step().yHat),
  stepLoss: v(3, () => step().loss),
  stepDYHat: v(3, () => step().dYHat),
  stepDW2first: v(3, () => step().dW2[0][0]),
  stepDW1first: v(4, () => step().dW1[0][1]),
  stepNewLoss: v(4, () => step().newLoss),

  // The gradient check at w1 (correct rule unless stated).
  gcAutograd: v(4, () => autogradGradient(THETA, 'w1', 'correct')),
  gcNumerical: v(4, () => numericalGradient(THETA, 'w1', 1e-3)),
  gcRelE3Scaled: v(1, () => gradientCheck(THETA, 'w1', 'correct', 1e-3).relative * 1e5),
  gcRelE7: v(2, () => gradientCheck(THETA, 'w1', 'correct', 1e-7).relative),
  gcRelE0: v(2, () => gradientCheck(THETA, 'w1', 'correct', 1).relative),
  gcNoSlopeAutograd: v(4, () => autogradGradient(THETA, 'w1', 'noSlope')),
  gcNoSlopeRel: v(2, () => gradientCheck(THETA, 'w1', 'noSlope', 1e-3).relative),
  gcFlippedRel: v(2, () => gradientCheck(THETA, 'w1', 'flipped', 1e-3).relative),

  // Deep stacks at their starting weights (seed 1): layer 1's gradient over layer 10's, and more.
  vgSigmoidRatioE7: v(1, () => {
    const n = startingNorms({ activation: 'sigmoid', depth: 10, scale: 1, seed: 1 });
    return (n[0] / n[9]) * 1e7;
  }),
  vgReluHeRatio: v(2, () => {
    const n = startingNorms({ activation: 'relu', depth: 10, scale: Math.SQRT2, seed: 1 });
    return n[1] / n[9];
  }),
  // Sigmoid at scale 4, the figure's largest: still far from balanced.
  vgSigmoidScale4RatioE4: v(1, () => {
    const n = startingNorms({ activation: 'sigmoid', depth: 10, scale: 4, seed: 1 });
    return (n[0] / n[9]) * 1e4;
  }),
  // Tanh at scale 1 (Glorot's for these equal-width layers): layer 1 over layer 10.
  vgTanhRatio: v(2, () => {
    const n = startingNorms({ activation: 'tanh', depth: 10, scale: 1, seed: 1 });
    return n[0] / n[9];
  }),
  // ReLU at scale 0.5: the bars are as level as at He's scale, but all of them far lower.
  vgReluSmallRatio: v(2, () => {
    const n = startingNorms({ activation: 'relu', depth: 10, scale: 0.5, seed: 1 });
    return n[1] / n[9];
  }),
  vgReluSmallShrinkE4: v(1, () => {
    const small = startingNorms({ activation: 'relu', depth: 10, scale: 0.5, seed: 1 });
    const he = startingNorms({ activation: 'relu', depth: 10, scale: Math.SQRT2, seed: 1 });
    return he[1] / small[1] / 1e4;
  }),
  vgReluBigGrowth: v(0, () => {
    const big = startingNorms({ activation: 'relu', depth: 10, scale: 3, seed: 1 });
    const he = startingNorms({ activation: 'relu', depth: 10, scale: Math.SQRT2, seed: 1 });
    return big[1] / he[1];
  }),

  // XOR (tanh units, η = 1, 600 steps): seed 1 from its random start and from a symmetric one
  // (every hidden unit a copy of unit 1); how many of seeds 1–10 learn it with 2 and 4 units.
  xorLoss600: v(4, () => xorRun(3, 1).loss),
  symLoss: v(3, () => symmetricRun().loss),
  symRight: v(0, () => symmetricRun().right),
  xorLearnt2: v(0, () => xorSeedsLearnt(2)),
  xorLearnt4: v(0, () => xorSeedsLearnt(4)),

  // Exercises.
  ex1: v(2, () => node('typed', 'a', 'grad', [3, -1, 2, 4, 0, 0, 0], '(a*b + c)*d')),
  ex2: v(3, () => node('typed', 'w', 'grad', [0, -1, 0, 0, 1, 2, 0], '(sigmoid(w*x + b) - y)^2')),
  ex3: v(2, () => node('typed', 'x', 'grad', [0, 0, 0, 0, 0, 2, 3], 'x*y + x')),
  ex4: v(2, () => {
    // One gradient-descent step on L(w) = (w·x − y)² at w = 2, x = 1, y = 0.5, η = 0.1.
    const g = node('typed', 'w', 'grad', [0, 0, 0, 0, 2, 1, 0.5], '(w*x - y)^2');
    return 2 - 0.1 * g;
  }),
  ex4Grad: v(0, () => node('typed', 'w', 'grad', [0, 0, 0, 0, 2, 1, 0.5], '(w*x - y)^2')),
  ex4LossBefore: v(2, () => node('typed', 'L', 'value', [0, 0, 0, 0, 2, 1, 0.5], '(w*x - y)^2')),
  ex4LossAfter: v(2, () => {
    const g = node('typed', 'w', 'grad', [0, 0, 0, 0, 2, 1, 0.5], '(w*x - y)^2');
    return node('typed', 'L', 'value', [0, 0, 0, 0, 2 - 0.1 * g, 1, 0.5], '(w*x - y)^2');
  }),
  ex4Wrong: v(1, () => 2 + 0.1 * node('typed', 'w', 'grad', [0, 0, 0, 0, 2, 1, 0.5], '(w*x - y)^2')),
  ex5: v(3, () => relativeError(0.5, 0.49)),
  ex6: v(6, () => node('typed', 'a', 'grad', [0, 0, 0, 0, 0, 0, 0], 'sigmoid(a)') ** 5),
});
