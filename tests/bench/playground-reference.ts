// A scalar network in plain JavaScript, in the design of TensorFlow Playground's `nn.ts`
// (Smilkov & Carter, 2016): one object per unit and one per link, each holding its own number, its
// derivative and the derivatives accumulated over a batch, in float64. It is the benchmark's
// measure of what a network this small costs without tensors: what a step of the Lab's engine path
// is compared with (lab-step.ts).
//
// The output unit's activation is the Lab's, not Playground's: the Lab scores a two-class set with
// squared error as the mean of (sigmoid(z) − y)² over the batch with labels 0 and 1, where
// Playground puts tanh on its output and scores ½(tanh(z) − y)² against ±1. Both cost one
// activation of one unit; the Lab's form lets the two sides compute the same numbers, which the
// benchmark checks.

/** A function and its derivative, both at the unit's total input. */
export interface Activation {
  output(x: number): number;
  der(x: number): number;
}

export const TANH: Activation = {
  output: (x) => Math.tanh(x),
  der: (x) => {
    const t = Math.tanh(x);
    return 1 - t * t;
  },
};

export const SIGMOID: Activation = {
  output: (x) => 1 / (1 + Math.exp(-x)),
  der: (x) => {
    const s = 1 / (1 + Math.exp(-x));
    return s * (1 - s);
  },
};

export const IDENTITY: Activation = { output: (x) => x, der: () => 1 };

/** An example's error and its derivative with respect to the network's output. */
export interface ErrorFunction {
  error(output: number, target: number): number;
  der(output: number, target: number): number;
}

/** (o − t)²: averaged over the batch by the update, it is the engine's `mseLoss`. */
export const SQUARE: ErrorFunction = {
  error: (o, t) => (o - t) * (o - t),
  der: (o, t) => 2 * (o - t),
};

export class RefLink {
  weight: number;
  /** ∂error/∂weight for the last example. */
  errorDer = 0;
  accErrorDer = 0;
  numAccumulatedDers = 0;

  constructor(
    readonly source: RefUnit,
    readonly dest: RefUnit,
    weight: number,
  ) {
    this.weight = weight;
  }
}

export class RefUnit {
  readonly inputLinks: RefLink[] = [];
  readonly outputs: RefLink[] = [];
  bias: number;
  totalInput = 0;
  output = 0;
  /** ∂error/∂output and ∂error/∂totalInput for the last example. */
  outputDer = 0;
  inputDer = 0;
  accInputDer = 0;
  numAccumulatedDers = 0;

  constructor(
    readonly activation: Activation,
    bias: number,
  ) {
    this.bias = bias;
  }

  /** Sums the weighted inputs and the bias, and applies the activation. */
  update(): number {
    let total = this.bias;
    for (const link of this.inputLinks) total += link.weight * link.source.output;
    this.totalInput = total;
    this.output = this.activation.output(total);
    return this.output;
  }
}

/** Layers of units, the inputs first; the last layer holds the one output unit. */
export type RefNetwork = RefUnit[][];

/** Weights of one layer in the engine's layout: `weights[i][j]` joins input i to unit j. */
export interface RefLayerWeights {
  weights: number[][];
  biases: number[];
}

/**
 * A network of `inputs` inputs, then one layer per entry of `layers` (its weights and biases in the
 * engine's [in, out] layout, so a network can start where an engine network starts), each with
 * `hidden` except the last, which has `output`.
 */
export function buildReference(inputs: number, layers: readonly RefLayerWeights[], hidden: Activation, output: Activation): RefNetwork {
  const net: RefNetwork = [Array.from({ length: inputs }, () => new RefUnit(IDENTITY, 0))];
  layers.forEach((layer, l) => {
    const previous = net[net.length - 1];
    if (layer.weights.length !== previous.length) throw new Error(`buildReference: layer ${l} has ${layer.weights.length} weight rows for ${previous.length} inputs`);
    const activation = l === layers.length - 1 ? output : hidden;
    const units = layer.biases.map((b) => new RefUnit(activation, b));
    units.forEach((unit, j) => {
      previous.forEach((source, i) => {
        const link = new RefLink(source, unit, layer.weights[i][j]);
        unit.inputLinks.push(link);
        source.outputs.push(link);
      });
    });
    net.push(units);
  });
  if (net[net.length - 1].length !== 1) throw new Error('buildReference: the last layer must have one unit');
  return net;
}

/** Runs one example through the network; returns the output unit's output. */
export function forwardProp(net: RefNetwork, inputs: readonly number[]): number {
  const first = net[0];
  if (inputs.length !== first.length) throw new Error(`forwardProp: ${inputs.length} inputs for ${first.length} input units`);
  first.forEach((unit, i) => (unit.output = inputs[i]));
  for (let l = 1; l < net.length; l++) for (const unit of net[l]) unit.update();
  return net[net.length - 1][0].output;
}

/**
 * Back-propagates one example's error (after its forwardProp) and adds every derivative to the
 * accumulated ones: the chain rule from the output back to the first hidden layer.
 */
export function backProp(net: RefNetwork, target: number, errorFunction: ErrorFunction): void {
  const out = net[net.length - 1][0];
  out.outputDer = errorFunction.der(out.output, target);
  for (let l = net.length - 1; l >= 1; l--) {
    for (const unit of net[l]) {
      unit.inputDer = unit.outputDer * unit.activation.der(unit.totalInput);
      unit.accInputDer += unit.inputDer;
      unit.numAccumulatedDers++;
      for (const link of unit.inputLinks) {
        link.errorDer = unit.inputDer * link.source.output;
        link.accErrorDer += link.errorDer;
        link.numAccumulatedDers++;
      }
    }
    if (l === 1) break;
    // The layer below: each unit's output feeds every unit of this layer.
    for (const unit of net[l - 1]) {
      let der = 0;
      for (const link of unit.outputs) der += link.weight * link.dest.inputDer;
      unit.outputDer = der;
    }
  }
}

/** One step of plain gradient descent with the derivatives averaged over the examples seen; clears them. */
export function updateWeights(net: RefNetwork, learningRate: number): void {
  for (let l = 1; l < net.length; l++) {
    for (const unit of net[l]) {
      if (unit.numAccumulatedDers > 0) {
        unit.bias -= (learningRate * unit.accInputDer) / unit.numAccumulatedDers;
        unit.accInputDer = 0;
        unit.numAccumulatedDers = 0;
      }
      for (const link of unit.inputLinks) {
        if (link.numAccumulatedDers > 0) {
          link.weight -= (learningRate * link.accErrorDer) / link.numAccumulatedDers;
          link.accErrorDer = 0;
          link.numAccumulatedDers = 0;
        }
      }
    }
  }
}

/** One training step on a batch: forward and back for each example, then one update. Returns the batch's mean error before the update. */
export function trainBatch(net: RefNetwork, inputs: readonly (readonly number[])[], targets: readonly number[], learningRate: number, errorFunction: ErrorFunction): number {
  let total = 0;
  for (let k = 0; k < inputs.length; k++) {
    total += errorFunction.error(forwardProp(net, inputs[k]), targets[k]);
    backProp(net, targets[k], errorFunction);
  }
  updateWeights(net, learningRate);
  return total / inputs.length;
}

/** The mean error over a set of examples, the network unchanged. */
export function meanError(net: RefNetwork, inputs: readonly (readonly number[])[], targets: readonly number[], errorFunction: ErrorFunction): number {
  let total = 0;
  for (let k = 0; k < inputs.length; k++) total += errorFunction.error(forwardProp(net, inputs[k]), targets[k]);
  return total / inputs.length;
}
