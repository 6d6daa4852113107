// Ready-made experiments, each a question with a short commentary (in the catalogue): a preset
// sets the whole Lab (everything it does not name goes back to its default), so the reader starts
// from a known place; what happens next is theirs. The claims the commentaries make are checked by
// tests/models/lab-presets.test.ts.
import type { LabState } from './labState.ts';

export const PRESET_NAMES = ['linear-circle', 'xor-product', 'spiral-features', 'overfit', 'overfit-l2', 'overfit-early-stop', 'many-classes', 'curve', 'blow-up'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

const twoInputs = { x1: true, x2: true, x1sq: false, x2sq: false, x1x2: false, sinx1: false, sinx2: false };

/** Few noisy points and a big network: the test loss turns up while the training loss falls. */
const overfitRun: Partial<LabState> = { set: 'circle', noise: 0.5, train: 0.1, ...twoInputs, layers: [8, 8, 8], act1: 'relu', act2: 'relu', act3: 'relu', loss: 'crossEntropy', optimizer: 'adam', lr: 0.01 };

export const presets: Record<PresetName, Partial<LabState>> = {
  // A linear model of x₁ and x₂ draws one straight line: no line separates a disc from its ring.
  'linear-circle': { set: 'circle', ...twoInputs, layers: [], loss: 'crossEntropy', optimizer: 'sgd', lr: 0.03 },
  // x₁·x₂ alone is positive in two quadrants and negative in the others: XOR becomes linear.
  'xor-product': { set: 'xor', ...twoInputs, x1: false, x2: false, x1x2: true, layers: [], loss: 'crossEntropy', optimizer: 'sgd', lr: 0.03 },
  // Two hidden layers of tanh on x₁, x₂ only, plain SGD as in Playground: the spiral is slow;
  // sin x₁, sin x₂ and x₁x₂ make it easy.
  'spiral-features': { set: 'spiral', ...twoInputs, layers: [8, 8], act1: 'tanh', act2: 'tanh', loss: 'crossEntropy', optimizer: 'sgd', lr: 0.1 },
  overfit: overfitRun,
  // The same run with one remedy each: L2 at 0.03 on the weights; early stopping with a patience of
  // 50 epochs (a fifth of the 50 training points set aside to watch).
  'overfit-l2': { ...overfitRun, reg: 'l2', regRate: 0.03 },
  'overfit-early-stop': { ...overfitRun, patience: 50 },
  // Four clusters, four output units and a softmax.
  'many-classes': { set: 'blobs', classes: 4, noise: 0.3, ...twoInputs, layers: [6], act1: 'relu', loss: 'crossEntropy', optimizer: 'adam', lr: 0.01 },
  // A curve y = f(x₁) fitted by a small tanh network.
  curve: { set: 'curve', noise: 0.1, ...twoInputs, x2: false, layers: [8, 8], act1: 'tanh', act2: 'tanh', loss: 'mse', optimizer: 'adam', lr: 0.01 },
  // Plain gradient descent with too large a step on inputs as large as 6: the run diverges and says so.
  'blow-up': { set: 'plane', ...twoInputs, layers: [4], act1: 'relu', loss: 'mse', optimizer: 'sgd', lr: 0.3 },
};
