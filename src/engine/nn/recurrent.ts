// Recurrent layers: Elman RNN, LSTM and GRU, with PyTorch's equations, gate order and parameter
// layout (two biases, b_ih and b_hh, as PyTorch keeps them). Batch first: xs is [batch, time,
// features]. Weights are stored [in, gates·hidden] (the transpose of PyTorch's), so each step is
// one matmul for the input and one for the hidden state, split into gates afterwards.
//
// Each layer has two ways in:
// - `forward(xs, state?)` runs the whole sequence and returns every hidden state
//   ([batch, time, hidden]) with the last state; the hidden states are stacked into `outputs`
//   when it is first read, so a model that only reads the last state (a sequence classifier)
//   skips that copy of the whole sequence (on WebGL it was measured at a third of a training
//   step). Read it in the same memory scope (`tidy`) as the forward pass;
// - `step(x, state)` runs one time step on x [batch, features] and also returns the gate
//   activations, so that the book can show what each gate is doing.
// All weights and biases start at U(−1/√hidden, 1/√hidden), PyTorch's default for these layers.
import { add, mul, reshape, sigmoid, split, stack, sub, tanh } from '../ops';
import { linear, linearSmall } from '../ops/linear';
import { lstmCell, type LSTMGates } from '../ops/lstmCell';
import { defaultRandom, type Random } from '../random';
import { zeros, type Tensor } from '../tensor';
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

export type { LSTMGates } from '../ops/lstmCell';

export interface GRUGates {
  /** r = σ(·): how much of the old state feeds the candidate. */
  reset: Tensor;
  /** z = σ(·): how much of the old state is kept as is. */
  update: Tensor;
  /** n = tanh(·): the candidate state. */
  candidate: Tensor;
}

/** `last` with an `outputs` property that stacks `hs` along the time axis when first read. */
function withOutputs<T extends object>(hs: Tensor[], last: T): T & { outputs: Tensor } {
  let outputs: Tensor | null = null;
  return Object.defineProperty(last, 'outputs', { enumerable: true, get: () => (outputs ??= stack(hs, 1)) }) as T & { outputs: Tensor };
}

/** Shared bookkeeping: the four parameters and the input and hidden projections. */
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

  /** x·W_ih + b_ih for one step's input x [batch, inputSize]. */
  protected projectInput(x: Tensor): Tensor {
    if (x.rank !== 2 || x.shape[1] !== this.inputSize) {
      throw new Error(`${this.describe()}.step: x must be [batch, ${this.inputSize}], got [${x.shape}]`);
    }
    return linear(x, this.weightIH, this.biasIH);
  }

  /**
   * x·W_ih + b_ih for each time step of xs [batch, time, inputSize], as [batch, gates·hidden]
   * pieces. xs is cut into steps by one split, so when xs needs a gradient (an embedding's output)
   * the steps' gradients are joined by one concat. (One product for the whole sequence, as cuDNN
   * takes it, was measured slower here: cutting its large result into steps copies all of it once
   * per step on WebAssembly, whose slices read their whole input.) On the small path it is one
   * product, cut by one split: the weight's gradient is then one product too, not one per step
   * added up, and one-hot characters make both a copy of rows (ops/linear.ts).
   */
  protected projectSequence(xs: Tensor): Tensor[] {
    if (xs.rank !== 3 || xs.shape[2] !== this.inputSize) {
      throw new Error(`${this.describe()}.forward: xs must be [batch, time, ${this.inputSize}], got [${xs.shape}]`);
    }
    const [batch, time] = xs.shape;
    if (time < 1) throw new Error(`${this.describe()}.forward: the sequence is empty`);
    const fits = xs.small && this.weightIH.small && this.biasIH.small;
    const whole = fits ? linearSmall(reshape(xs, [batch * time, this.inputSize]), this.weightIH, this.biasIH) : null;
    if (whole) {
      // Rows are batch-major (row b·time + t): at batch 1 the steps are the rows themselves.
      if (batch === 1) return split(whole, time, 0);
      const width = whole.shape[1];
      return split(reshape(whole, [batch, time, width]), time, 1).map((z) => reshape(z, [batch, width]));
    }
    return split(xs, time, 1).map((x) => this.projectInput(reshape(x, [batch, this.inputSize])));
  }

  /** h·W_hh + b_hh, once h is checked against the batch of the step's input. */
  protected projectHidden(h: Tensor, batch: number, caller: string): Tensor {
    if (h.rank !== 2 || h.shape[0] !== batch || h.shape[1] !== this.hiddenSize) {
      throw new Error(`${this.describe()}.${caller}: h must be [${batch}, ${this.hiddenSize}], got [${h.shape}]`);
    }
    return linear(h, this.weightHH, this.biasHH);
  }

  /** The gates' pre-activations: a [batch, gates·hidden] projection cut into [batch, hidden] pieces. */
  protected gates(z: Tensor): Tensor[] {
    return split(z, z.shape[1] / this.hiddenSize, 1);
  }

  protected zeroState(batch: number): Tensor {
    return zeros([batch, this.hiddenSize]);
  }
}

/** Elman RNN: h' = tanh(x·W_ih + b_ih + h·W_hh + b_hh) (Elman 1990). */
export class RNN extends RecurrentBase {
  constructor(inputSize: number, hiddenSize: number, opts: RecurrentOptions = {}) {
    super('RNN', inputSize, hiddenSize, 1, opts);
  }

  step(x: Tensor, state: HiddenState): HiddenState {
    return this.cell(this.projectInput(x), state, 'step');
  }

  forward(xs: Tensor, state?: HiddenState): { outputs: Tensor; h: Tensor } {
    const inputs = this.projectSequence(xs);
    let s = state ?? { h: this.zeroState(xs.shape[0]) };
    const hs: Tensor[] = [];
    for (const fromInput of inputs) {
      s = this.cell(fromInput, s, 'forward');
      hs.push(s.h);
    }
    return withOutputs(hs, { h: s.h });
  }

  /** One step from its input projection x·W_ih + b_ih. */
  private cell(fromInput: Tensor, state: HiddenState, caller: string): HiddenState {
    return { h: tanh(add(fromInput, this.projectHidden(state.h, fromInput.shape[0], caller))) };
  }
}

/**
 * Long short-term memory (Hochreiter & Schmidhuber 1997, with the forget gate of Gers et al.
 * 2000), as PyTorch computes it, gates in PyTorch's order i, f, g, o:
 *   i = σ(x·W_ii + b_ii + h·W_hi + b_hi)      f = σ(x·W_if + b_if + h·W_hf + b_hf)
 *   g = tanh(x·W_ig + b_ig + h·W_hg + b_hg)   o = σ(x·W_io + b_io + h·W_ho + b_ho)
 *   c' = f ⊙ c + i ⊙ g                          h' = o ⊙ tanh(c')
 * Everything after the projections is one op, `lstmCell`: one node per step on the small path.
 */
export class LSTM extends RecurrentBase {
  constructor(inputSize: number, hiddenSize: number, opts: RecurrentOptions = {}) {
    super('LSTM', inputSize, hiddenSize, 4, opts);
  }

  step(x: Tensor, state: LSTMState): LSTMState & { gates: LSTMGates } {
    const fromInput = this.projectInput(x);
    return lstmCell(this.preActivations(fromInput, state, 'step'), state.c, true);
  }

  forward(xs: Tensor, state?: LSTMState): { outputs: Tensor; h: Tensor; c: Tensor } {
    const inputs = this.projectSequence(xs);
    const batch = xs.shape[0];
    let s: LSTMState = state ?? { h: this.zeroState(batch), c: this.zeroState(batch) };
    const hs: Tensor[] = [];
    for (const fromInput of inputs) {
      s = lstmCell(this.preActivations(fromInput, s, 'forward'), s.c);
      hs.push(s.h);
    }
    return withOutputs(hs, { h: s.h, c: s.c });
  }

  /** The gates' pre-activations from the step's input projection x·W_ih + b_ih and the state's h. */
  private preActivations(fromInput: Tensor, state: LSTMState, caller: string): Tensor {
    return add(fromInput, this.projectHidden(state.h, fromInput.shape[0], caller));
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
    return this.cell(this.projectInput(x), state, 'step');
  }

  forward(xs: Tensor, state?: HiddenState): { outputs: Tensor; h: Tensor } {
    const inputs = this.projectSequence(xs);
    let s: HiddenState = state ?? { h: this.zeroState(xs.shape[0]) };
    const hs: Tensor[] = [];
    for (const fromInput of inputs) {
      s = { h: this.cell(fromInput, s, 'forward').h };
      hs.push(s.h);
    }
    return withOutputs(hs, { h: s.h });
  }

  /** One step from its input projection x·W_ih + b_ih. */
  private cell(fromInput: Tensor, state: HiddenState, caller: string): HiddenState & { gates: GRUGates } {
    const fromHidden = this.projectHidden(state.h, fromInput.shape[0], caller);
    const [xr, xz, xn] = this.gates(fromInput);
    const [hr, hz, hn] = this.gates(fromHidden);
    const reset = sigmoid(add(xr, hr));
    const update = sigmoid(add(xz, hz));
    const candidate = tanh(add(xn, mul(reset, hn)));
    // (1 − z)⊙n + z⊙h written as n + z⊙(h − n): one op fewer, same value.
    const h = add(candidate, mul(update, sub(state.h, candidate)));
    return { h, gates: { reset, update, candidate } };
  }
}
