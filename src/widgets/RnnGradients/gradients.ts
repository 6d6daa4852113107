// How far back a gradient reaches in time, measured with the engine's backward pass: a tanh RNN
// and an LSTM of the same width read the same random input sequence, a loss is taken on the last
// step only, and each hidden state h_t keeps its gradient (`retainGrad`), so ‖∂L/∂h_t‖ for every
// earlier t comes straight out of one backward pass through the unrolled graph.
//
// The recurrent weights are a seeded Gaussian matrix with entries N(0, 1/H) (largest eigenvalue
// about 1 in size) multiplied by the reader's scale, so scale < 1 shrinks and scale > 1 stretches
// what flows back through each step. The LSTM's forget-gate bias is also the reader's: at 0 the
// gate starts near σ(0) = 0.5 and its cell forgets quickly; at +2 to +3 it starts near 1.
import { mul, nn, optim, Random, square, sub, sqrt, sum, tensor, tidy, type Tensor } from '../../engine/index.ts';

export const HIDDEN = 16;
export const INPUTS = 4;
export const MIN_LENGTH = 5;
export const MAX_LENGTH = 80;
export const SCALE_RANGE: [number, number] = [0.1, 3];
export const FORGET_BIAS_RANGE: [number, number] = [-2, 4];
export const CLIP_NORM = 1;

export interface GradientSetup {
  length: number;
  /** Multiplier of the recurrent weights. */
  scale: number;
  /** Added to the LSTM's forget-gate biases (both b_if and b_hf start at 0, so this is the gate's bias). */
  forgetBias: number;
  clip: boolean;
  seed: number;
}

export interface CellGradients {
  /** ‖∂L/∂h_t‖ for t = 1…length (after the clipping coefficient, when clipping is on). */
  norms: number[];
  /** Norm of the gradient of all the cell's weights together, before clipping. */
  weightNorm: number;
  /** The factor clipping applied (1 when off or when the norm was already under the cap). */
  clipFactor: number;
}

export interface GradientsResult {
  rnn: CellGradients;
  lstm: CellGradients;
}

function gaussian(rows: number, cols: number, std: number, rng: Random): number[] {
  return Array.from(rng.normalArray(rows * cols, 0, std));
}

/** The recurrent layer with our weights: W_hh (every gate's block) = scale × N(0, 1/H). */
function buildCell(kind: 'rnn' | 'lstm', setup: GradientSetup, rng: Random): nn.RNN | nn.LSTM {
  const gates = kind === 'rnn' ? 1 : 4;
  const cell = kind === 'rnn' ? new nn.RNN(INPUTS, HIDDEN, { rng }) : new nn.LSTM(INPUTS, HIDDEN, { rng });
  const width = gates * HIDDEN;
  const bias = new Array(width).fill(0);
  // PyTorch's gate order i, f, g, o: the forget gate is the second block.
  if (kind === 'lstm') for (let j = HIDDEN; j < 2 * HIDDEN; j++) bias[j] = setup.forgetBias;
  cell.loadStateDict({
    weightIH: { shape: [INPUTS, width], values: gaussian(INPUTS, width, 1 / Math.sqrt(INPUTS), rng) },
    weightHH: { shape: [HIDDEN, width], values: gaussian(HIDDEN, width, setup.scale / Math.sqrt(HIDDEN), rng) },
    biasIH: { shape: [width], values: bias },
    biasHH: { shape: [width], values: new Array(width).fill(0) },
  });
  return cell;
}

// #region gradients
/** ‖∂L/∂h_t‖ for every step t, for a loss on the last step only. */
function stepGradients(cell: nn.RNN | nn.LSTM, xs: Tensor[], readout: Tensor, clip: boolean): CellGradients {
  return tidy(() => {
    let h = tensor(new Array(HIDDEN).fill(0), [1, HIDDEN]);
    let c = h;
    const states: Tensor[] = [];
    for (const x of xs) {
      if (cell instanceof nn.LSTM) ({ h, c } = cell.step(x, { h, c }));
      else ({ h } = cell.step(x, { h }));
      h.retainGrad = true; // keep ∂L/∂h_t on this intermediate node after backward
      states.push(h);
    }
    // A read-out of the last state against a target of 1: the loss sees h_T only.
    const loss = square(sub(sum(mul(h, readout)), 1));
    loss.backward();
    const weightNorm = optim.clipGradNorm(cell.parameters(), clip ? CLIP_NORM : Infinity);
    const clipFactor = clip ? Math.min(1, CLIP_NORM / (weightNorm + 1e-6)) : 1;
    const norms = states.map((s) => (s.grad ? sqrt(sum(square(s.grad))).item() * clipFactor : 0));
    cell.zeroGrad();
    return { norms, weightNorm, clipFactor };
  });
}
// #endregion

export function rnnGradients(setup: GradientSetup): GradientsResult {
  const rng = new Random(setup.seed);
  const inputs = Array.from({ length: setup.length }, () => Array.from(rng.normalArray(INPUTS, 0, 1)));
  const readoutValues = Array.from(rng.normalArray(HIDDEN, 0, 1 / Math.sqrt(HIDDEN)));
  const rnn = buildCell('rnn', setup, new Random(setup.seed + 1));
  const lstm = buildCell('lstm', setup, new Random(setup.seed + 1));
  try {
    return tidy(() => {
      const xs = inputs.map((v) => tensor(v, [1, INPUTS]));
      const readout = tensor(readoutValues, [1, HIDDEN]);
      return { rnn: stepGradients(rnn, xs, readout, setup.clip), lstm: stepGradients(lstm, xs, readout, setup.clip) };
    });
  } finally {
    rnn.dispose();
    lstm.dispose();
  }
}

/** The log axis shared by both charts: at least 10⁻⁸ to 10, widened to hold every non-zero value. */
export function sharedLogDomain(...series: number[][]): [number, number] {
  const positive = series.flat().filter((v) => v > 0 && Number.isFinite(v));
  const lo = Math.min(1e-8, ...positive.map((v) => v / 3));
  const hi = Math.max(10, ...positive.map((v) => v * 3));
  return [10 ** Math.floor(Math.log10(lo)), 10 ** Math.ceil(Math.log10(hi))];
}

/** ‖∂L/∂h₁‖ / ‖∂L/∂h_T‖, or null when either end is 0 or not finite. */
export function firstOverLast(norms: readonly number[]): number | null {
  const first = norms[0];
  const last = norms[norms.length - 1];
  return first > 0 && last > 0 && Number.isFinite(first) && Number.isFinite(last) ? first / last : null;
}

/** The steps whose values a text alternative lists: the first, the last, and a few between. */
export function sampleSteps(length: number): number[] {
  const picks = new Set([1, length]);
  for (let k = 1; k < 4; k++) picks.add(Math.max(1, Math.round((k * length) / 4)));
  return [...picks].sort((a, b) => a - b);
}
