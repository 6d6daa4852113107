// The three benchmark models, each built twice from the same initial weights: once with the
// engine (our layers, autograd and SGD) and once in raw TensorFlow.js (`tf.variableGrads` and
// `tf.train.sgd`), with the same maths, so the ratio of their step times is the engine's overhead.
// Runs in Node and in the browser page alike.
import * as tf from '@tensorflow/tfjs-core';
// The full package registers raw tfjs's own gradients on the same tfjs-core (the engine has its
// own rules and does not need them).
import '@tensorflow/tfjs';
import { crossEntropy, mseLoss } from '../../src/engine/losses';
import { Conv2d, Flatten, Linear, LSTM, MaxPool2d, Module, ReLU, Sequential } from '../../src/engine/nn';
import { SGD } from '../../src/engine/optim';
import { Random } from '../../src/engine/random';
import { fromTf, tidy, type Tensor } from '../../src/engine/tensor';
import { buildCharPair } from './char-model';

export type ModelName = 'mlp' | 'cnn' | 'lstm' | 'charlstm';

export const MODEL_TITLES: Record<ModelName, string> = {
  mlp: 'MLP 784-128-10, batch 64',
  cnn: 'CNN conv8@5×5-pool-conv16@5×5-pool-dense10, batch 32',
  lstm: 'LSTM hidden 128, 32 steps, batch 32',
  charlstm: 'char LSTM 59-128-59 (recurrent chapter), 16 steps, batch 32',
};

export interface BenchPair {
  /** One engine training step, ending with the loss read back. */
  engineStep(): Promise<number>;
  /** One raw tfjs training step, ending with the loss read back. */
  rawStep(): Promise<number>;
  dispose(): void;
}

const LR = 0.01;

function randomTensor(shape: number[], rng: Random): tf.Tensor {
  return tf.tensor(rng.normalArray(shape.reduce((a, b) => a * b, 1)), shape, 'float32');
}

function oneHotLabels(batch: number, classes: number, rng: Random): tf.Tensor {
  const out = new Float32Array(batch * classes);
  for (let i = 0; i < batch; i++) out[i * classes + rng.int(classes)] = 1;
  return tf.tensor2d(out, [batch, classes]);
}

/** Raw variables holding copies of the engine model's initial parameters, in the same order. */
function copyParameters(model: Module): tf.Variable[] {
  return model.parameters().map((p) => tf.variable(p.value, true, undefined, 'float32'));
}

function enginePair(model: Module, forwardLoss: () => Tensor, rawVars: tf.Variable[], rawLoss: () => tf.Scalar, extra: tf.Tensor[]): BenchPair {
  const opt = new SGD(model, { lr: LR });
  const rawOpt = tf.train.sgd(LR);
  return {
    async engineStep() {
      const loss = tidy(() => {
        opt.zeroGrad();
        const l = forwardLoss();
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
        const { value, grads } = tf.variableGrads(rawLoss, rawVars);
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
      rawVars.forEach((v) => v.dispose());
      extra.forEach((t) => t.dispose());
    },
  };
}

function rawCrossEntropy(logits: tf.Tensor, y: tf.Tensor): tf.Scalar {
  return tf.neg(tf.mean(tf.sum(tf.mul(y, tf.logSoftmax(logits, 1)), 1))) as tf.Scalar;
}

/** An LSTM read out by a linear layer on its last hidden state. */
class LstmRegressor extends Module {
  readonly lstm: LSTM;
  readonly head: Linear;

  constructor(features: number, hidden: number, rng: Random) {
    super();
    this.lstm = this.addModule('lstm', new LSTM(features, hidden, { rng }));
    this.head = this.addModule('head', new Linear(hidden, 1, { rng }));
  }

  forward(xs: Tensor): Tensor {
    return this.head.forward(this.lstm.forward(xs).h);
  }
}

export function buildPair(name: ModelName): BenchPair {
  if (name === 'charlstm') return buildCharPair();
  const rng = new Random(2024);
  if (name === 'mlp') {
    const model = new Sequential(new Linear(784, 128, { rng }), new ReLU(), new Linear(128, 10, { rng }));
    const x = randomTensor([64, 784], rng);
    const y = oneHotLabels(64, 10, rng);
    const ex = fromTf(x);
    const ey = fromTf(y);
    const [w1, b1, w2, b2] = copyParameters(model);
    return enginePair(
      model,
      () => crossEntropy(model.forward(ex), ey),
      [w1, b1, w2, b2],
      () => rawCrossEntropy(tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(x, w1), b1)), w2), b2), y),
      [x, y],
    );
  }
  if (name === 'cnn') {
    const model = new Sequential(
      new Conv2d(1, 8, 5, { rng }),
      new ReLU(),
      new MaxPool2d(2),
      new Conv2d(8, 16, 5, { rng }),
      new ReLU(),
      new MaxPool2d(2),
      new Flatten(),
      new Linear(4 * 4 * 16, 10, { rng }),
    );
    const x = tf.tidy(() => tf.sigmoid(randomTensor([32, 28, 28, 1], rng)));
    const y = oneHotLabels(32, 10, rng);
    const ex = fromTf(x);
    const ey = fromTf(y);
    const [k1, c1, k2, c2, w, b] = copyParameters(model);
    return enginePair(
      model,
      () => crossEntropy(model.forward(ex), ey),
      [k1, c1, k2, c2, w, b],
      () => {
        const h1 = tf.maxPool(tf.relu(tf.add(tf.conv2d(x as tf.Tensor4D, k1 as tf.Tensor4D, 1, 'valid'), c1)) as tf.Tensor4D, 2, 2, 'valid');
        const h2 = tf.maxPool(tf.relu(tf.add(tf.conv2d(h1, k2 as tf.Tensor4D, 1, 'valid'), c2)) as tf.Tensor4D, 2, 2, 'valid');
        return rawCrossEntropy(tf.add(tf.matMul(tf.reshape(h2, [32, 256]), w), b), y);
      },
      [x, y],
    );
  }
  const features = 16;
  const hidden = 128;
  const steps = 32;
  const batch = 32;
  const model = new LstmRegressor(features, hidden, rng);
  const xs = randomTensor([batch, steps, features], rng);
  const y = randomTensor([batch, 1], rng);
  const exs = fromTf(xs);
  const ey = fromTf(y);
  const raw = copyParameters(model);
  const [wih, whh, bih, bhh, wo, bo] = raw;
  return enginePair(
    model,
    () => mseLoss(model.forward(exs), ey),
    raw,
    () => {
      // The same equations as the engine's LSTM (PyTorch's gate order i, f, g, o).
      let h: tf.Tensor = tf.zeros([batch, hidden]);
      let c: tf.Tensor = tf.zeros([batch, hidden]);
      const seq = tf.unstack(xs, 1);
      for (const x of seq) {
        const z = tf.add(tf.add(tf.matMul(x, wih), bih), tf.add(tf.matMul(h, whh), bhh));
        const [i, f, g, o] = tf.split(z, 4, 1);
        c = tf.add(tf.mul(tf.sigmoid(f), c), tf.mul(tf.sigmoid(i), tf.tanh(g)));
        h = tf.mul(tf.sigmoid(o), tf.tanh(c));
      }
      return tf.mean(tf.square(tf.sub(tf.add(tf.matMul(h, wo), bo), y))) as tf.Scalar;
    },
    [xs, y],
  );
}
