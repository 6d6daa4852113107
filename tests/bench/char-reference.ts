// A character LSTM in plain JavaScript, in the design of Andrej Karpathy's RecurrentJS
// (recurrent.js, 2015): matrices of float64 numbers with a gradient array beside the values, each
// op computed at once and its backward step pushed on a tape that `backward` runs in reverse. It
// is the benchmark's measure of what a character model at batch 1 costs without tensors: what the
// engine's CharLSTM is compared with (char-step.ts).
//
// The equations are the engine's (nn.LSTM, PyTorch's gate order i, f, g, o, in its [in, out]
// weight layout) with a linear read-out and cross-entropy averaged over the window's positions;
// inputs are one-hot vectors multiplied densely, as RecurrentJS multiplies its input vectors. The
// update is plain SGD, as the engine side's.

/** A row vector or a matrix, values and gradients in float64. */
export class Mat {
  readonly w: Float64Array;
  readonly dw: Float64Array;

  constructor(
    readonly rows: number,
    readonly cols: number,
    values?: ArrayLike<number>,
  ) {
    this.w = values ? Float64Array.from(values) : new Float64Array(rows * cols);
    this.dw = new Float64Array(rows * cols);
  }
}

/** Records each op's backward step as it computes the op. */
class Tape {
  private readonly steps: (() => void)[] = [];

  /** x [1, k] times W [k, n]. */
  vecMat(x: Mat, W: Mat): Mat {
    const out = new Mat(1, W.cols);
    const [k, n] = [W.rows, W.cols];
    for (let i = 0; i < k; i++) {
      const xi = x.w[i];
      for (let j = 0; j < n; j++) out.w[j] += xi * W.w[i * n + j];
    }
    this.steps.push(() => {
      for (let i = 0; i < k; i++) {
        let g = 0;
        for (let j = 0; j < n; j++) {
          W.dw[i * n + j] += x.w[i] * out.dw[j];
          g += W.w[i * n + j] * out.dw[j];
        }
        x.dw[i] += g;
      }
    });
    return out;
  }

  add(a: Mat, b: Mat): Mat {
    const out = new Mat(1, a.cols);
    for (let j = 0; j < a.cols; j++) out.w[j] = a.w[j] + b.w[j];
    this.steps.push(() => {
      for (let j = 0; j < a.cols; j++) {
        a.dw[j] += out.dw[j];
        b.dw[j] += out.dw[j];
      }
    });
    return out;
  }

  mul(a: Mat, b: Mat): Mat {
    const out = new Mat(1, a.cols);
    for (let j = 0; j < a.cols; j++) out.w[j] = a.w[j] * b.w[j];
    this.steps.push(() => {
      for (let j = 0; j < a.cols; j++) {
        a.dw[j] += b.w[j] * out.dw[j];
        b.dw[j] += a.w[j] * out.dw[j];
      }
    });
    return out;
  }

  /** Columns [from, from + width) of a row vector. */
  slice(a: Mat, from: number, width: number): Mat {
    const out = new Mat(1, width, a.w.subarray(from, from + width));
    this.steps.push(() => {
      for (let j = 0; j < width; j++) a.dw[from + j] += out.dw[j];
    });
    return out;
  }

  sigmoid(a: Mat): Mat {
    const out = new Mat(1, a.cols);
    for (let j = 0; j < a.cols; j++) out.w[j] = 1 / (1 + Math.exp(-a.w[j]));
    this.steps.push(() => {
      for (let j = 0; j < a.cols; j++) a.dw[j] += out.w[j] * (1 - out.w[j]) * out.dw[j];
    });
    return out;
  }

  tanh(a: Mat): Mat {
    const out = new Mat(1, a.cols);
    for (let j = 0; j < a.cols; j++) out.w[j] = Math.tanh(a.w[j]);
    this.steps.push(() => {
      for (let j = 0; j < a.cols; j++) a.dw[j] += (1 - out.w[j] * out.w[j]) * out.dw[j];
    });
    return out;
  }

  /** −log softmax(logits)[target] / scale; its gradient goes straight into logits.dw. */
  crossEntropy(logits: Mat, target: number, scale: number): number {
    let max = -Infinity;
    for (let j = 0; j < logits.cols; j++) max = Math.max(max, logits.w[j]);
    let total = 0;
    const p = new Float64Array(logits.cols);
    for (let j = 0; j < logits.cols; j++) total += p[j] = Math.exp(logits.w[j] - max);
    for (let j = 0; j < logits.cols; j++) p[j] /= total;
    this.steps.push(() => {
      for (let j = 0; j < logits.cols; j++) logits.dw[j] += (p[j] - (j === target ? 1 : 0)) / scale;
    });
    return -Math.log(p[target]) / scale;
  }

  backward(): void {
    for (let i = this.steps.length - 1; i >= 0; i--) this.steps[i]();
  }
}

/** The model's parameters, in the engine's state-dict order and layout. */
export interface CharRefModel {
  vocab: number;
  hidden: number;
  weightIH: Mat;
  weightHH: Mat;
  biasIH: Mat;
  biasHH: Mat;
  headWeight: Mat;
  headBias: Mat;
}

/** The reference model from plain weight arrays (the engine model's `stateDict()` values). */
export function buildCharReference(vocab: number, hidden: number, values: number[][]): CharRefModel {
  const [wih, whh, bih, bhh, wo, bo] = values;
  return {
    vocab,
    hidden,
    weightIH: new Mat(vocab, 4 * hidden, wih),
    weightHH: new Mat(hidden, 4 * hidden, whh),
    biasIH: new Mat(1, 4 * hidden, bih),
    biasHH: new Mat(1, 4 * hidden, bhh),
    headWeight: new Mat(hidden, vocab, wo),
    headBias: new Mat(1, vocab, bo),
  };
}

function parameters(m: CharRefModel): Mat[] {
  return [m.weightIH, m.weightHH, m.biasIH, m.biasHH, m.headWeight, m.headBias];
}

/**
 * One training step on a window: `ids` holds steps + 1 characters, each predicting the next. The
 * mean cross-entropy over the positions is returned; the weights take one SGD step of size `lr`.
 */
export function trainWindow(m: CharRefModel, ids: readonly number[], lr: number): number {
  const tape = new Tape();
  const H = m.hidden;
  const steps = ids.length - 1;
  let h = new Mat(1, H);
  let c = new Mat(1, H);
  let loss = 0;
  for (let t = 0; t < steps; t++) {
    const x = new Mat(1, m.vocab);
    x.w[ids[t]] = 1;
    const z = tape.add(tape.add(tape.vecMat(x, m.weightIH), m.biasIH), tape.add(tape.vecMat(h, m.weightHH), m.biasHH));
    const i = tape.sigmoid(tape.slice(z, 0, H));
    const f = tape.sigmoid(tape.slice(z, H, H));
    const g = tape.tanh(tape.slice(z, 2 * H, H));
    const o = tape.sigmoid(tape.slice(z, 3 * H, H));
    c = tape.add(tape.mul(f, c), tape.mul(i, g));
    h = tape.mul(o, tape.tanh(c));
    const logits = tape.add(tape.vecMat(h, m.headWeight), m.headBias);
    loss += tape.crossEntropy(logits, ids[t + 1], steps);
  }
  tape.backward();
  for (const p of parameters(m)) {
    for (let k = 0; k < p.w.length; k++) {
      p.w[k] -= lr * p.dw[k];
      p.dw[k] = 0;
    }
  }
  return loss;
}

/** The mean cross-entropy of the model on a window, without training. */
export function windowLoss(m: CharRefModel, ids: readonly number[]): number {
  const before = parameters(m).map((p) => Float64Array.from(p.w));
  const loss = trainWindow(m, ids, 0);
  parameters(m).forEach((p, k) => p.w.set(before[k]));
  return loss;
}
