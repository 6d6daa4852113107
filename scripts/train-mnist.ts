// Trains the chapter's small CNN on the book's MNIST split with the engine (WebAssembly backend)
// and writes the state dict the drawing widget starts with:
//   npm run train:mnist [-- --epochs 10 --out public/models/mnist-cnn.json]
// The architecture, batch size, learning rate and seed are the trainer widget's defaults, so the
// shipped model is what the reader's own run converges to.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { initEngine, liveTensorCount, tidy } from '../src/engine/index.ts';
import { loadMnist } from '../src/engine/data/mnist.ts';
import { ensureMnist } from '../src/build/mnist.ts';
import { buildCnn, DEFAULT_ARCHITECTURE } from '../src/widgets/MnistTrainer/cnnModel.ts';
import { DEFAULT_RUN, evaluate, MnistRun } from '../src/widgets/MnistTrainer/mnistTraining.ts';
import type { PretrainedFile } from '../src/widgets/MnistTrainer/pretrained.ts';

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
let trainMs = 0;
for (let e = 1; e <= epochs; e++) {
  const t = performance.now();
  let loss = 0;
  for (let s = 0; s < stepsPerEpoch; s++) loss = tidy(() => run.step().loss.item());
  trainMs += performance.now() - t;
  const test = evaluate(model, mnist.test);
  console.log(
    `epoch ${e}: ${run.samplesSeen} samples, last batch loss ${loss.toFixed(3)}, test accuracy ${(100 * test.accuracy).toFixed(2)}%, ` +
      `${Math.round(run.samplesSeen / (trainMs / 1000))} samples/s, ${liveTensorCount()} live tensors`,
  );
}
const test = evaluate(model, mnist.test);
// Five significant digits are far below what changes a prediction, and keep the file small.
const state = model.stateDict();
for (const v of Object.values(state)) v.values = v.values.map((x) => Number(x.toPrecision(5)));
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
};
mkdirSync(dirname(out), { recursive: true });
const text = JSON.stringify(file);
writeFileSync(out, text);
console.log(`wrote ${out}: ${text.length} bytes, test accuracy ${(100 * test.accuracy).toFixed(2)}%`);
run.dispose();
model.dispose();
