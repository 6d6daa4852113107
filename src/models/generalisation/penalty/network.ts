// The network the penalties act on, and one training step under each penalty. A small tanh MLP
// (8 → 16 → 16 → 1) trained by full-batch gradient descent on the binary cross-entropy; the
// penalty acts on the weights only, never the biases (as is usual: a bias sets where a unit
// switches, not how complex the function is). With step size η and strength λ:
//   none      w ← w − η·g
//   l2        w ← w − η·(g + λ·w)                  SGD's weight decay: the gradient of (λ/2)·Σw²
//   l1prox    w ← soft(w − η·g, η·λ)               proximal gradient (ISTA) for λ·Σ|w|: exact zeros
//   l1sub     w ← w − η·(g + λ·sign(w))            λ·Σ|w| added to the loss: jitters around zero
import { abs, add, losses, mul, nn, optim, Random, sum, type Tensor } from '../../../engine/index.ts';
import { INPUTS } from './data.ts';

export const penaltyKinds = ['none', 'l2', 'l1prox', 'l1sub'] as const;
export type PenaltyKind = (typeof penaltyKinds)[number];

export const HIDDEN = 16;

export interface PenaltySettings {
  penalty: PenaltyKind;
  /** Strength λ (0: no penalty whatever the kind). */
  lambda: number;
  /** Step size η. */
  learningRate: number;
}

/** The network and its two optimisers: weights (which a penalty acts on) and biases. */
export interface PenaltyModel {
  net: nn.Sequential;
  /** The three weight matrices: [8,16], [16,16], [16,1]. */
  weights: Tensor[];
  biases: Tensor[];
  weightOpt: optim.SGD;
  biasOpt: optim.SGD;
  settings: PenaltySettings;
  dispose(): void;
}

/** 8 → 16 → 16 → 1 with tanh, from a seed (Xavier-normal weights, zero biases). */
export function makePenaltyNet(seed: number): nn.Sequential {
  const rng = new Random(seed);
  const init = { rng, init: 'xavierNormal' as const };
  return new nn.Sequential(new nn.Linear(INPUTS, HIDDEN, init), new nn.Tanh(), new nn.Linear(HIDDEN, HIDDEN, init), new nn.Tanh(), new nn.Linear(HIDDEN, 1, init));
}

function linears(net: nn.Sequential): nn.Linear[] {
  return net.layers.filter((l): l is nn.Linear => l instanceof nn.Linear);
}

/** Weight decay only where the penalty is L2; SGD's own rule, g + λ·w. */
function weightOptimizer(weights: Tensor[], s: PenaltySettings): optim.SGD {
  return new optim.SGD(weights, { lr: s.learningRate, weightDecay: s.penalty === 'l2' ? s.lambda : 0 });
}

export function makePenaltyModel(seed: number, settings: PenaltySettings): PenaltyModel {
  checkSettings(settings);
  const net = makePenaltyNet(seed);
  const layers = linears(net);
  const weights = layers.map((l) => l.weight);
  const biases = layers.map((l) => l.bias!);
  const model: PenaltyModel = {
    net,
    weights,
    biases,
    weightOpt: weightOptimizer(weights, settings),
    biasOpt: new optim.SGD(biases, { lr: settings.learningRate }),
    settings: { ...settings },
    dispose() {
      model.weightOpt.dispose();
      model.biasOpt.dispose();
      net.dispose();
    },
  };
  return model;
}

export function checkSettings(s: PenaltySettings): void {
  if (!penaltyKinds.includes(s.penalty)) throw new Error(`penalty: unknown kind "${s.penalty}"`);
  if (!(Number.isFinite(s.lambda) && s.lambda >= 0)) throw new Error(`penalty: λ must be a finite number ≥ 0, got ${s.lambda}`);
  if (!(Number.isFinite(s.learningRate) && s.learningRate > 0)) throw new Error(`penalty: the learning rate must be positive, got ${s.learningRate}`);
}

/** New settings for the next step, without a rebuild (plain SGD keeps no state to lose). */
export function changeSettings(model: PenaltyModel, next: PenaltySettings): void {
  checkSettings(next);
  const old = model.settings;
  if (next.penalty !== old.penalty || next.lambda !== old.lambda) {
    model.weightOpt.dispose();
    model.weightOpt = weightOptimizer(model.weights, next);
  }
  model.weightOpt.lr = next.learningRate;
  model.biasOpt.lr = next.learningRate;
  model.settings = { ...next };
}

/** The data loss: mean binary cross-entropy of the logits. */
export function dataLoss(net: nn.Sequential, x: Tensor, y: Tensor): Tensor {
  return losses.bceWithLogits(net.forward(x), y);
}

/** λ·Σ|w| over every weight. */
export function l1Term(weights: readonly Tensor[], lambda: number): Tensor {
  return mul(weights.map((w) => sum(abs(w))).reduce((a, b) => add(a, b)), lambda);
}

/**
 * One full-batch step under the model's penalty; returns the data loss (before the step), which
 * is what the loss curve shows, whatever the penalty adds to the objective. Call inside `tidy`.
 */
export function penaltyStep(model: PenaltyModel, x: Tensor, y: Tensor): { loss: Tensor } {
  const { penalty, lambda, learningRate } = model.settings;
  model.weightOpt.zeroGrad();
  model.biasOpt.zeroGrad();
  const loss = dataLoss(model.net, x, y);
  const objective = penalty === 'l1sub' && lambda > 0 ? add(loss, l1Term(model.weights, lambda)) : loss;
  objective.backward();
  model.weightOpt.step();
  model.biasOpt.step();
  if (penalty === 'l1prox' && lambda > 0) optim.proximalL1(model.weights, learningRate * lambda);
  return { loss };
}
