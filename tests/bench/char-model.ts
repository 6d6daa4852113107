// The character model of the recurrent-networks chapter as a benchmark pair: the widget's own
// CharLSTM (one-hot characters → LSTM 128 → linear read-out, cross-entropy at every position) and
// the same equations in raw TensorFlow.js from the same initial weights, at the widget's batch of
// 32 windows × 16 characters. Both sides build the one-hot inputs and targets from character ids
// at every step, as the widget does. Its figure of merit is characters per second.
import * as tf from '@tensorflow/tfjs-core';
import { crossEntropy } from '../../src/engine/losses';
import { oneHotIds } from '../../src/engine/data/text';
import { SGD } from '../../src/engine/optim';
import { Random } from '../../src/engine/random';
import { tidy } from '../../src/engine/tensor';
import { CharLSTM, DEFAULT_CONFIG } from '../../src/models/charLstm/charModel';
import type { BenchPair } from './models';

export const CHAR_VOCAB = 59; // the Coriolanus text's alphabet
export const CHAR_BATCH = DEFAULT_CONFIG.batch;
export const CHAR_STEPS = DEFAULT_CONFIG.steps;
export const CHAR_HIDDEN = DEFAULT_CONFIG.hidden;
/** Characters one training step reads. */
export const CHARS_PER_STEP = CHAR_BATCH * CHAR_STEPS;

const LR = 0.01;

export function buildCharPair(): BenchPair {
  const rng = new Random(2024);
  const model = new CharLSTM(CHAR_VOCAB, CHAR_HIDDEN, rng);
  const ids = Array.from({ length: CHAR_BATCH }, () => Array.from({ length: CHAR_STEPS + 1 }, () => rng.int(CHAR_VOCAB)));
  const inputs = ids.map((row) => row.slice(0, CHAR_STEPS));
  const targets = ids.map((row) => row.slice(1)).flat();
  const raw = model.parameters().map((p) => tf.variable(p.value, true, undefined, 'float32'));
  const [wih, whh, bih, bhh, wo, bo] = raw;
  const opt = new SGD(model, { lr: LR });
  const rawOpt = tf.train.sgd(LR);
  const rawLoss = () =>
    tf.tidy(() => {
      const x = tf.oneHot(tf.tensor1d(inputs.flat(), 'int32'), CHAR_VOCAB).toFloat().reshape([CHAR_BATCH, CHAR_STEPS, CHAR_VOCAB]);
      const y = tf.oneHot(tf.tensor1d(targets, 'int32'), CHAR_VOCAB).toFloat();
      // The same equations as the engine's LSTM (PyTorch's gate order i, f, g, o).
      let h: tf.Tensor = tf.zeros([CHAR_BATCH, CHAR_HIDDEN]);
      let c: tf.Tensor = tf.zeros([CHAR_BATCH, CHAR_HIDDEN]);
      const hs: tf.Tensor[] = [];
      for (const xt of tf.unstack(x, 1)) {
        const z = tf.add(tf.add(tf.matMul(xt, wih), bih), tf.add(tf.matMul(h, whh), bhh));
        const [i, f, g, o] = tf.split(z, 4, 1);
        c = tf.add(tf.mul(tf.sigmoid(f), c), tf.mul(tf.sigmoid(i), tf.tanh(g)));
        h = tf.mul(tf.sigmoid(o), tf.tanh(c));
        hs.push(h);
      }
      const logits = tf.add(tf.matMul(tf.reshape(tf.stack(hs, 1), [CHAR_BATCH * CHAR_STEPS, CHAR_HIDDEN]), wo), bo);
      return tf.neg(tf.mean(tf.sum(tf.mul(y, tf.logSoftmax(logits, 1)), 1))) as tf.Scalar;
    });
  return {
    async engineStep() {
      const loss = tidy(() => {
        opt.zeroGrad();
        const l = crossEntropy(model.forward(inputs), oneHotIds(targets, CHAR_VOCAB));
        l.backward();
        opt.step();
        opt.zeroGrad();
        return l;
      });
      const v = (await loss.value.data())[0];
      loss.value.dispose();
      return v;
    },
    async rawStep() {
      const loss = tf.tidy(() => {
        const { value, grads } = tf.variableGrads(rawLoss, raw);
        rawOpt.applyGradients(grads);
        return value;
      });
      const v = (await loss.data())[0];
      loss.dispose();
      return v;
    },
    dispose() {
      opt.dispose();
      model.dispose();
      rawOpt.dispose();
      raw.forEach((v) => v.dispose());
    },
  };
}

/** Characters per second from a median time per step in milliseconds. */
export function charsPerSecond(ms: number | null): string {
  return ms === null ? '—' : Math.round((CHARS_PER_STEP * 1000) / ms).toLocaleString('en-GB');
}
