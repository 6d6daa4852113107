// Trains the chapter's small CNN on the book's MNIST split with the engine (WebAssembly backend)
// and writes the state dict the drawing widget starts with:
//   npm run train:mnist [-- --epochs 10 --out public/models/mnist-cnn.json]
// The architecture, batch size, learning rate and seed are the trainer widget's defaults, so the
// shipped model is what the reader's own run converges to. After every epoch it measures the test
// accuracy of the weights as they would be shipped (rounded to five significant digits) and keeps
// it in the file's `history`, so the chapter can quote the curve of this very run; the last entry
// is the accuracy of the shipped weights themselves. Measuring does not touch the training: the
// rounded copy lives in a second model, and evaluation draws no random numbers.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { initEngine, liveTensorCount, tidy } from '../src/engine/index.ts';
import { loadMnist } from '../src/engine/data/mnist.ts';
import { ensureMnist } from '../src/build/mnist.ts';
import { buildCnn, DEFAULT_ARCHITECTURE } from '../src/models/mnist/cnnModel.ts';
import { DEFAULT_RUN, evaluate, MnistRun } from '../src/models/mnist/mnistTraining.ts';
import type { EpochRecord, PretrainedFile } from '../src/models/mnist/pretrained.ts';
import type { nn } from '../src/engine/index.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const root = resolve(import.meta.dirname, '..');
const epochs = Number(arg('epochs', '10'));
const out = resolve(root, arg('out', 'public/models/mnist-cnn.json'));
const dataDir = resolve(root, 'public', 'data');

const info = await initEngine({ prefer: 'wasm' });
ensureMnist(dataDir);
const mnist = await loadMnist(async (file) => {
  const b = readFileSync(resolve(dataDir, file));
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
});
const model = buildCnn(DEFAULT_ARCHITECTURE, DEFAULT_RUN.seed);
const run = new MnistRun(model, mnist.train, DEFAULT_RUN);
console.log(`backend ${info.backend}; ${model.numParameters()} parameters; ${epochs} epochs of ${mnist.train.count} images`);
const stepsPerEpoch = Math.ceil(mnist.train.count / DEFAULT_RUN.batchSize);

/** The model's state dict with every value rounded to five significant digits: what the file holds. */
function shippedState(): nn.StateDict {
  // Five significant digits are far below what changes a prediction, and keep the file small.
  const state = model.stateDict();
  for (const v of Object.values(state)) v.values = v.values.map((x) => Number(x.toPrecision(5)));
  return state;
}
// A second model that holds the rounded copy for evaluation; its own initialisation is overwritten.
const shippedModel = buildCnn(DEFAULT_ARCHITECTURE, DEFAULT_RUN.seed);
const history: EpochRecord[] = [];
let trainMs = 0;
for (let e = 1; e <= epochs; e++) {
  const t = performance.now();
  let loss = 0;
  for (let s = 0; s < stepsPerEpoch; s++) loss = tidy(() => run.step().loss.item());
  trainMs += performance.now() - t;
  shippedModel.loadStateDict(shippedState());
  const test = evaluate(shippedModel, mnist.test);
  history.push({ epoch: e, samples: run.samplesSeen, testAccuracy: test.accuracy, testCorrect: Math.round(test.accuracy * test.count), testCount: test.count });
  console.log(
    `epoch ${e}: ${run.samplesSeen} samples, last batch loss ${loss.toFixed(3)}, test accuracy ${(100 * test.accuracy).toFixed(2)}%, ` +
      `${Math.round(run.samplesSeen / (trainMs / 1000))} samples/s, ${liveTensorCount()} live tensors`,
  );
}
const state = shippedState();
shippedModel.loadStateDict(state);
const test = evaluate(shippedModel, mnist.test);
const file: PretrainedFile = {
  format: 'deep-learning-live/cnn-state-dict',
  version: 1,
  architecture: DEFAULT_ARCHITECTURE,
  state,
  testAccuracy: test.accuracy,
  samples: run.samplesSeen,
  seed: DEFAULT_RUN.seed,
  batchSize: DEFAULT_RUN.batchSize,
  learningRate: DEFAULT_RUN.learningRate,
  trainCount: mnist.train.count,
  history,
};
mkdirSync(dirname(out), { recursive: true });
const text = JSON.stringify(file);
writeFileSync(out, text);
console.log(`wrote ${out}: ${text.length} bytes, test accuracy ${(100 * test.accuracy).toFixed(2)}%`);
run.dispose();
model.dispose();
shippedModel.dispose();
