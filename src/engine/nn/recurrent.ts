// Recurrent layers: Elman RNN, LSTM and GRU, with PyTorch's equations, gate order and parameter
// layout (two biases, b_ih and b_hh, as PyTorch keeps them). Batch first: xs is [batch, time,
// features]. Weights are stored [in, gates·hidden] (the transpose of PyTorch's), so each step is
// one matmul for the input and one for the hidden state, sliced into gates afterwards.
//
// Each layer has two ways in:
// - `forward(xs, state?)` runs the whole sequence and returns every hidden state
//   ([batch, time, hidden]) with the last state;
// - `step(x, state)` runs one time step on x [batch, features] and also returns the gate
//   activations, so that the book can show what each gate is doing.
// All weights and biases start at U(−1/√hidden, 1/√hidden), PyTorch's default for these layers.
import * as tf from '@tensorflow/tfjs-core';
import { add, matmul, mul, reshape, sigmoid, slice, stack, sub, tanh } from '../ops';
import { defaultRandom, type Random } from '../random';
import { fromTf, type Tensor } from '../tensor';
import { uniform } from './init';
import { Module } from './module';

export interface RecurrentOptions {
  rng?: Random;
}

export interface HiddenState {
  h: Tensor;
}

export interface LSTMState {
  h: Tensor;
  c: Tensor;
}

export interface LSTMGates {
  /** i = σ(·): how much of the candidate enters the cell. */
  input: Tensor;
  /** f = σ(·): how much of the old cell is kept. */
  forget: Tensor;
  /** g = tanh(·): the candidate cell content. */
  cell: Tensor;
  /** o = σ(·): how much of the cell is shown as h. */
  output: Tensor;
}

export interface GRUGates {
  /** r = σ(·): how much of the old state feeds the candidate. */
  reset: Tensor;
  /** z = σ(·): how much of the old state is kept as is. */
  update: Tensor;
  /** n = tanh(·): the candidate state. */
  candidate: Tensor;
}

/** Shared bookkeeping: the four parameters and the per-step input projection. */
abstract class RecurrentBase extends Module {
  readonly weightIH: Tensor;
  readonly weightHH: Tensor;
  readonly biasIH: Tensor;
  readonly biasHH: Tensor;

  constructor(
    private readonly kind: string,
    readonly inputSize: number,
    readonly hiddenSize: number,
    gates: number,
    opts: RecurrentOptions,
  ) {
    super();
    const rng = opts.rng ?? defaultRandom();
    const k = 1 / Math.sqrt(hiddenSize);
    const width = gates * hiddenSize;
    this.weightIH = this.addParameter('weightIH', uniform([inputSize, width], -k, k, rng));
    this.weightHH = this.addParameter('weightHH', uniform([hiddenSize, width], -k, k, rng));
    this.biasIH = this.addParameter('biasIH', uniform([width], -k, k, rng));
    this.biasHH = this.addParameter('biasHH', uniform([width], -k, k, rng));
  }

  protected describe(): string {
    return `${this.kind}(${this.inputSize}, ${this.hiddenSize})`;
  }

  /** x·W_ih + b_ih and h·W_hh + b_hh: the two fused matmuls of one step. */
  protected project(x: Tensor, h: Tensor): { fromInput: Tensor; fromHidden: Tensor } {
    if (x.rank !== 2 || x.shape[1] !== this.inputSize) {
      throw new Error(`${this.describe()}.step: x must be [batch, ${this.inputSize}], got [${x.shape}]`);
    }
    if (h.rank !== 2 || h.shape[0] !== x.shape[0] || h.shape[1] !== this.hiddenSize) {
      throw new Error(`${this.describe()}.step: h must be [${x.shape[0]}, ${this.hiddenSize}], got [${h.shape}]`);
    }
    return {
      fromInput: add(matmul(x, this.weightIH), this.biasIH),
      fromHidden: add(matmul(h, this.weightHH), this.biasHH),
    };
  }

  /** Columns [k·hidden, (k+1)·hidden) of a [batch, gates·hidden] projection. */
  protected gate(z: Tensor, k: number): Tensor {
    return slice(z, [0, k * this.hiddenSize], [z.shape[0], this.hiddenSize]);
  }

  protected zeroState(batch: number): Tensor {
    return fromTf(tf.zeros([batch, this.hiddenSize]));
  }

  /**
   * The time steps of xs [batch, time, inputSize] as [batch, inputSize] tensors. Data needs no
   * gradient, so slicing it costs nothing in the backward pass; when xs does (an embedding's
   * output), each step's gradient is padded back to xs's full shape, which is fine at the book's
   * sequence lengths.
   */
  protected timeSteps(xs: Tensor): Tensor[] {
    if (xs.rank !== 3 || xs.shape[2] !== this.inputSize) {
      throw new Error(`${this.describe()}.forward: xs must be [batch, time, ${this.inputSize}], got [${xs.shape}]`);
    }
    const [batch, time] = xs.shape;
    if (time < 1) throw new Error(`${this.describe()}.forward: the sequence is empty`);
    const steps: Tensor[] = [];
    for (let t = 0; t < time; t++) {
      steps.push(reshape(slice(xs, [0, t, 0], [batch, 1, this.inputSize]), [batch, this.inputSize]));
    }
    return steps;
  }
}

/** Elman RNN: h' = tanh(x·W_ih + b_ih + h·W_hh + b_hh) (Elman 1990). */
export class RNN extends RecurrentBase {
  constructor(inputSize: number, hiddenSize: number, opts: RecurrentOptions = {}) {
    super('RNN', inputSize, hiddenSize, 1, opts);
  }

  step(x: Tensor, state: HiddenState): HiddenState {
    const { fromInput, fromHidden } = this.project(x, state.h);
    return { h: tanh(add(fromInput, fromHidden)) };
  }

  forward(xs: Tensor, state?: HiddenState): { outputs: Tensor; h: Tensor } {
    const steps = this.timeSteps(xs);
    let s = state ?? { h: this.zeroState(xs.shape[0]) };
    const hs: Tensor[] = [];
    for (const x of steps) {
      s = this.step(x, s);
      hs.push(s.h);
    }
    return { outputs: stack(hs, 1), h: s.h };
  }
}

/**
 * Long short-term memory (Hochreiter & Schmidhuber 1997, with the forget gate of Gers et al.
 * 2000), as PyTorch computes it, gates in PyTorch's order i, f, g, o:
 *   i = σ(x·W_ii + b_ii + h·W_hi + b_hi)      f = σ(x·W_if + b_if + h·W_hf + b_hf)
 *   g = tanh(x·W_ig + b_ig + h·W_hg + b_hg)   o = σ(x·W_io + b_io + h·W_ho + b_ho)
 *   c' = f ⊙ c + i ⊙ g                          h' = o ⊙ tanh(c')
 */
export class LSTM extends RecurrentBase {
  constructor(inputSize: number, hiddenSize: number, opts: RecurrentOptions = {}) {
    super('LSTM', inputSize, hiddenSize, 4, opts);
  }

  step(x: Tensor, state: LSTMState): LSTMState & { gates: LSTMGates } {
    const { fromInput, fromHidden } = this.project(x, state.h);
    const z = add(fromInput, fromHidden);
    const gates: LSTMGates = {
      input: sigmoid(this.gate(z, 0)),
      forget: sigmoid(this.gate(z, 1)),
      cell: tanh(this.gate(z, 2)),
      output: sigmoid(this.gate(z, 3)),
    };
    const c = add(mul(gates.forget, state.c), mul(gates.input, gates.cell));
    const h = mul(gates.output, tanh(c));
    return { h, c, gates };
  }

  forward(xs: Tensor, state?: LSTMState): { outputs: Tensor; h: Tensor; c: Tensor } {
    const steps = this.timeSteps(xs);
    const batch = xs.shape[0];
    let s: LSTMState = state ?? { h: this.zeroState(batch), c: this.zeroState(batch) };
    const hs: Tensor[] = [];
    for (const x of steps) {
      const next = this.step(x, s);
      s = { h: next.h, c: next.c };
      hs.push(s.h);
    }
    return { outputs: stack(hs, 1), h: s.h, c: s.c };
  }
}

/**
 * Gated recurrent unit (Cho et al. 2014) in PyTorch's variant, gates in the order r, z, n:
 *   r = σ(x·W_ir + b_ir + h·W_hr + b_hr)       z = σ(x·W_iz + b_iz + h·W_hz + b_hz)
 *   n = tanh(x·W_in + b_in + r ⊙ (h·W_hn + b_hn))
 *   h' = (1 − z) ⊙ n + z ⊙ h
 * PyTorch (like cuDNN) applies the reset gate after the hidden matmul, r ⊙ (h·W_hn + b_hn);
 * Cho et al. apply it before, (r ⊙ h)·W_hn. The two give different numbers for the same weights;
 * this one lets the hidden matmul of all three gates be fused.
 */
export class GRU extends RecurrentBase {
  constructor(inputSize: number, hiddenSize: number, opts: RecurrentOptions = {}) {
    super('GRU', inputSize, hiddenSize, 3, opts);
  }

  step(x: Tensor, state: HiddenState): HiddenState & { gates: GRUGates } {
    const { fromInput, fromHidden } = this.project(x, state.h);
    const reset = sigmoid(add(this.gate(fromInput, 0), this.gate(fromHidden, 0)));
    const update = sigmoid(add(this.gate(fromInput, 1), this.gate(fromHidden, 1)));
    const candidate = tanh(add(this.gate(fromInput, 2), mul(reset, this.gate(fromHidden, 2))));
    // (1 − z)⊙n + z⊙h written as n + z⊙(h − n): one op fewer, same value.
    const h = add(candidate, mul(update, sub(state.h, candidate)));
    return { h, gates: { reset, update, candidate } };
  }

  forward(xs: Tensor, state?: HiddenState): { outputs: Tensor; h: Tensor } {
    const steps = this.timeSteps(xs);
    let s: HiddenState = state ?? { h: this.zeroState(xs.shape[0]) };
    const hs: Tensor[] = [];
    for (const x of steps) {
      s = { h: this.step(x, s).h };
      hs.push(s.h);
    }
    return { outputs: stack(hs, 1), h: s.h };
  }
}
