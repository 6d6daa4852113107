// One LSTM step after its projections, from the gate pre-activations z [batch, 4·hidden] (PyTorch's
// order i, f, g, o) and the previous cell c [batch, hidden]:
//   i = σ(z_i)   f = σ(z_f)   g = tanh(z_g)   o = σ(z_o)   c' = f⊙c + i⊙g   h' = o⊙tanh(c')
// On the small path this is one node with one loop each way, where the composed form is a split
// and nine element-wise nodes per step (a character model at batch 1 spends more on their
// bookkeeping than on their arithmetic). Off the small path it is those ops, as before.
//
// Two outputs (six with the gates) from one node: the node's value packs each row as
// [h' | c' | i | f | g | o], and h', c' (and the gates, when asked for) are cut from it by one
// `split`, whose pieces share one backward step; a piece that receives no gradient gives zeros
// there. The backward rule thus takes one gradient for the whole row, so the gates are outputs
// like h' and c', gradients included. Each intermediate is rounded to float32 where the composed
// ops store it (small/limits.ts), so both forms give the same numbers to the bit.
//   do = dh'⊙tanh(c')     dc' ← dc' + dh'⊙o⊙(1 − tanh²(c'))     dc = dc'⊙f
//   di = dc'⊙g   df = dc'⊙c   dg = dc'⊙i   (each plus the gate's own gradient)
//   dz = [di⊙σ′, df⊙σ′, dg⊙(1 − g²), do⊙σ′], with σ′(z) = σ(z)·σ(−z) as in `sigmoid`
import * as tf from '@tensorflow/tfjs-core';
import { recordSmall, smallValues, type Tensor } from '../tensor';
import { fitsSmall } from '../small/limits';
import { buffer } from '../small/pool';
import { add, mul } from './arithmetic';
import { sigmoid, tanh } from './activations';
import { split } from './shape';

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

export interface LSTMCellOutput {
  h: Tensor;
  c: Tensor;
}

const fr = Math.fround;

/** h' and c' from z [batch, 4·hidden] and c [batch, hidden]; with `withGates`, the four gates too. */
export function lstmCell(z: Tensor, c: Tensor, withGates: true): LSTMCellOutput & { gates: LSTMGates };
export function lstmCell(z: Tensor, c: Tensor, withGates?: false): LSTMCellOutput;
export function lstmCell(z: Tensor, c: Tensor, withGates = false): LSTMCellOutput & { gates?: LSTMGates } {
  const [batch, hidden] = c.shape;
  if (z.rank !== 2 || c.rank !== 2 || z.shape[0] !== batch || z.shape[1] !== 4 * hidden) {
    throw new Error(`lstmCell: z must be [batch, 4·hidden] and c [batch, hidden], got [${z.shape}] and [${c.shape}]`);
  }
  if (z.small && c.small && fitsSmall(6 * batch * hidden)) {
    const packed = recordSmall('lstmCell', cellForward(z.small, c.small, batch, hidden), [batch, 6 * hidden], [z, c], smallRule, tfRule, { hidden });
    if (!withGates) {
      const [h, next] = split(packed, [hidden, hidden, 4 * hidden], 1);
      return { h, c: next };
    }
    const [h, next, input, forget, cell, output] = split(packed, 6, 1);
    return { h, c: next, gates: { input, forget, cell, output } };
  }
  const [i, f, g, o] = split(z, 4, 1);
  const gates: LSTMGates = { input: sigmoid(i), forget: sigmoid(f), cell: tanh(g), output: sigmoid(o) };
  const next = add(mul(gates.forget, c), mul(gates.input, gates.cell));
  const h = mul(gates.output, tanh(next));
  return withGates ? { h, c: next, gates } : { h, c: next };
}

function cellForward(z: Float32Array, c: Float32Array, batch: number, H: number): Float32Array {
  const out = buffer(6 * batch * H);
  for (let b = 0; b < batch; b++) {
    const zo = 4 * H * b;
    const po = 6 * H * b;
    for (let j = 0; j < H; j++) {
      const i = fr(1 / (1 + Math.exp(-z[zo + j])));
      const f = fr(1 / (1 + Math.exp(-z[zo + H + j])));
      const g = fr(Math.tanh(z[zo + 2 * H + j]));
      const o = fr(1 / (1 + Math.exp(-z[zo + 3 * H + j])));
      const next = fr(fr(f * c[b * H + j]) + fr(i * g));
      out[po + j] = o * fr(Math.tanh(next));
      out[po + H + j] = next;
      out[po + 2 * H + j] = i;
      out[po + 3 * H + j] = f;
      out[po + 4 * H + j] = g;
      out[po + 5 * H + j] = o;
    }
  }
  return out;
}

function smallRule(dy: Float32Array, needs: readonly boolean[], node: Tensor): (Float32Array | null)[] {
  const [zt, ct] = node.inputs;
  const [batch, H] = ct.shape;
  const z = smallValues(zt);
  const c = smallValues(ct);
  const p = smallValues(node);
  const dz = needs[0] ? buffer(4 * batch * H) : null;
  const dc = needs[1] ? buffer(batch * H) : null;
  for (let b = 0; b < batch; b++) {
    const zo = 4 * H * b;
    const po = 6 * H * b;
    for (let j = 0; j < H; j++) {
      const i = p[po + 2 * H + j];
      const f = p[po + 3 * H + j];
      const g = p[po + 4 * H + j];
      const o = p[po + 5 * H + j];
      const dh = dy[po + j];
      const tc = fr(Math.tanh(p[po + H + j]));
      const dNext = fr(dy[po + H + j] + fr(fr(dh * o) * (1 - fr(tc * tc))));
      if (dc) dc[b * H + j] = dNext * f;
      if (!dz) continue;
      const di = fr(fr(dNext * g) + dy[po + 2 * H + j]);
      const df = fr(fr(dNext * c[b * H + j]) + dy[po + 3 * H + j]);
      const dg = fr(fr(dNext * i) + dy[po + 4 * H + j]);
      const dO = fr(fr(dh * tc) + dy[po + 5 * H + j]);
      dz[zo + j] = di * fr(i * fr(1 / (1 + Math.exp(z[zo + j]))));
      dz[zo + H + j] = df * fr(f * fr(1 / (1 + Math.exp(z[zo + H + j]))));
      dz[zo + 2 * H + j] = dg * (1 - fr(g * g));
      dz[zo + 3 * H + j] = dO * fr(o * fr(1 / (1 + Math.exp(z[zo + 3 * H + j]))));
    }
  }
  return [dz, dc];
}

/** The same gradients in TensorFlow.js (graph inspection asks a node for its rule there). */
function tfRule(dy: tf.Tensor, needs: readonly boolean[], node: Tensor): (tf.Tensor | null)[] {
  const [zt, ct] = node.inputs;
  const [dh, dNextIn, di0, df0, dg0, do0] = tf.split(dy, 6, 1);
  const [, next, i, f, g, o] = tf.split(node.asTf(), 6, 1);
  const [zi, zf, , zo] = tf.split(zt.asTf(), 4, 1);
  const tc = tf.tanh(next);
  const dNext = tf.add(dNextIn, tf.mul(tf.mul(dh, o), tf.sub(1, tf.square(tc))));
  const throughSigmoid = (d: tf.Tensor, s: tf.Tensor, x: tf.Tensor) => tf.mul(d, tf.mul(s, tf.sigmoid(tf.neg(x))));
  const dz = needs[0]
    ? tf.concat(
        [
          throughSigmoid(tf.add(tf.mul(dNext, g), di0), i, zi),
          throughSigmoid(tf.add(tf.mul(dNext, ct.asTf()), df0), f, zf),
          tf.mul(tf.add(tf.mul(dNext, i), dg0), tf.sub(1, tf.square(g))),
          throughSigmoid(tf.add(tf.mul(dh, tc), do0), o, zo),
        ],
        1,
      )
    : null;
  return [dz, needs[1] ? tf.mul(dNext, f) : null];
}
