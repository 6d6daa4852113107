// The Lab's network on the engine: the features feed a stack of fully connected layers (each with
// its own activation and dropout) and an output layer of logits or values; the loss fits the task,
// an L1 or L2 penalty on the weights (never the biases) is added to it, and one step of the chosen
// optimiser follows. The same description rebuilds the network in exported PyTorch and Keras code
// (export/), so what is written here is what those scripts say.
import { abs, add, losses, mul, nn, sigmoid, softmax, square, sub, sum, mean, tensor, type Tensor } from '../../engine/index.ts';
import { Random } from '../../engine/index.ts';
import { makeOptimizer } from '../training/optimizerChoice.ts';
import type { optim } from '../../engine/index.ts';
import type { LabActivation, LabLayerWeights, LabLoss, LabNetwork, LabTask } from './spec.ts';

/** The engine module of an activation (GELU is the exact erf form, as PyTorch's default). */
function activationModule(name: LabActivation): nn.TensorModule {
  switch (name) {
    case 'relu':
      return new nn.ReLU();
    case 'tanh':
      return new nn.Tanh();
    case 'sigmoid':
      return new nn.Sigmoid();
    case 'gelu':
      return new nn.GELU();
    case 'linear':
      return new nn.Identity();
  }
}

/** He initialisation for the rectifiers, Glorot for the rest (what each was derived for). */
const initFor = (activation: LabActivation) => (activation === 'relu' || activation === 'gelu' ? 'kaimingNormal' : 'xavierNormal');

export interface LabNet {
  net: nn.Sequential;
  /** The fully connected layers, input side first; the last is the output layer. */
  linears: nn.Linear[];
  /** Each hidden layer's activation module, to read every unit's output. */
  activations: nn.TensorModule[];
  dropouts: (nn.Dropout | null)[];
}

// #region network
/** The network for `features` inputs and `outputs` outputs, its weights drawn from `seed`. */
export function buildLabNet(network: Pick<LabNetwork, 'layers'>, inputs: number, outputs: number, seed: number): LabNet {
  const rng = new Random(seed);
  const modules: nn.TensorModule[] = [];
  const linears: nn.Linear[] = [];
  const activations: nn.TensorModule[] = [];
  const dropouts: (nn.Dropout | null)[] = [];
  let width = inputs;
  for (const layer of network.layers) {
    const linear = new nn.Linear(width, layer.units, { rng, init: initFor(layer.activation) });
    const activation = activationModule(layer.activation);
    const drop = layer.dropout > 0 ? new nn.Dropout(layer.dropout, { rng }) : null;
    modules.push(linear, activation, ...(drop ? [drop] : []));
    linears.push(linear);
    activations.push(activation);
    dropouts.push(drop);
    width = layer.units;
  }
  const last = network.layers.at(-1)?.activation ?? 'linear';
  const output = new nn.Linear(width, outputs, { rng, init: initFor(last) });
  modules.push(output);
  linears.push(output);
  return { net: new nn.Sequential(...modules), linears, activations, dropouts };
}

/** The targets of a batch, in every form a loss may want. */
export interface LabTargets {
  /** Class indices (classification) or values (regression), one per example. */
  labels: number[];
  /** [n, 1]: the label (0/1 or the value) for one output; one-hot rows [n, K] for K classes. */
  dense: Tensor;
  /** [n, 1] of ±1 for the binary hinge; null otherwise. */
  signs: Tensor | null;
}

export function labTargets(labels: number[], task: LabTask, outputs: number): LabTargets {
  if (task === 'classification' && outputs > 1) return { labels, dense: losses.oneHot(labels, outputs), signs: null };
  const column = (f: (v: number) => number) => tensor(Float32Array.from(labels, f), [labels.length, 1]);
  return { labels, dense: column((v) => v), signs: task === 'classification' ? column((v) => (v > 0.5 ? 1 : -1)) : null };
}

/** The data loss of the outputs (mean over the batch): the task's form of the chosen loss. */
export function labLoss(out: Tensor, targets: LabTargets, loss: LabLoss, task: LabTask): Tensor {
  const outputs = out.shape[1];
  if (task === 'regression') return losses.mseLoss(out, targets.dense);
  if (outputs === 1) {
    if (loss === 'crossEntropy') return losses.bceWithLogits(out, targets.dense);
    if (loss === 'hinge') return losses.hingeLoss(out, targets.signs as Tensor);
    return losses.mseLoss(sigmoid(out), targets.dense);
  }
  if (loss === 'crossEntropy') return losses.crossEntropy(out, targets.labels);
  if (loss === 'hinge') return losses.multiMarginLoss(out, targets.labels);
  return mean(square(sub(softmax(out), targets.dense)));
}

/** The penalty on the weights (not the biases): ½·rate·Σw² for L2, rate·Σ|w| for L1. */
export function labPenalty(lab: LabNet, regularizer: LabNetwork['regularizer'], rate: number): Tensor | null {
  if (regularizer === 'none' || rate === 0) return null;
  const terms = lab.linears.map((l) => sum(regularizer === 'l2' ? square(l.weight) : abs(l.weight)));
  const total = terms.reduce((a, b) => add(a, b));
  return mul(total, regularizer === 'l2' ? rate / 2 : rate);
}

/** One step: forward in training mode, loss plus penalty, backward, update. Returns the data loss. */
export function labStep(lab: LabNet, opt: optim.Optimizer, x: Tensor, targets: LabTargets, network: LabNetwork, task: LabTask): { loss: Tensor } {
  opt.zeroGrad();
  const data = labLoss(lab.net.forward(x), targets, network.loss, task);
  const penalty = labPenalty(lab, network.regularizer, network.regularizationRate);
  (penalty ? add(data, penalty) : data).backward();
  opt.step();
  return { loss: data };
}
// #endregion

export function labOptimizer(lab: LabNet, network: Pick<LabNetwork, 'optimizer' | 'learningRate'>): optim.Optimizer {
  return makeOptimizer(lab.net, { kind: network.optimizer, lr: network.learningRate });
}

/** The parameters as plain numbers, layer by layer (the engine's [in, out] layout). */
export function labWeights(lab: LabNet): LabLayerWeights[] {
  return lab.linears.map((l) => {
    const [rows, cols] = l.weight.shape;
    const w = l.weight.data();
    const b = l.bias?.data() ?? new Float32Array(cols);
    return { weights: Array.from({ length: rows }, (_, i) => Array.from(w.subarray(i * cols, (i + 1) * cols))), biases: Array.from(b) };
  });
}

/** Where a parameter is: layer index (0 = first hidden layer, last = output), and the entry. */
export type ParameterAddress = { layer: number; kind: 'weight'; from: number; to: number } | { layer: number; kind: 'bias'; unit: number };

/** Sets one weight or bias to `value` (the reader typed it); false when the address is not in the network. */
export function setLabParameter(lab: LabNet, at: ParameterAddress, value: number): boolean {
  const linear = lab.linears[at.layer];
  if (!linear || !Number.isFinite(value)) return false;
  const key = `${lab.net.layers.indexOf(linear)}.${at.kind}`;
  const state = lab.net.stateDict();
  const entry = state[key];
  if (!entry) return false;
  const cols = linear.outFeatures;
  const index = at.kind === 'weight' ? at.from * cols + at.to : at.unit;
  const inRange = at.kind === 'weight' ? at.from >= 0 && at.from < linear.inFeatures && at.to >= 0 && at.to < cols : at.unit >= 0 && at.unit < cols;
  if (!inRange || !Number.isInteger(index)) return false;
  const values = entry.values.slice();
  values[index] = value;
  state[key] = { shape: entry.shape, values };
  lab.net.loadStateDict(state);
  return true;
}
