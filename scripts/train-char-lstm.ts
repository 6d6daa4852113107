// Trains the small character LSTM that the "Inside the LSTM" figure of the recurrent-networks
// chapter starts with, on the book's Coriolanus text, with the engine (WebAssembly backend):
//   npx tsx scripts/train-char-lstm.ts [--steps 2000 --out public/models/char-lstm.json]
// Same model, data pipeline and optimiser as the live character-model widget (charModel.ts), only
// narrower (64 units) so the file stays small, and with windows of 32 characters (time is no
// object here, so the longer truncation is worth it); seeded, so a rerun gives the same weights up to
// floating-point differences between machines. The last tenth of the text (SHIPPED_HELD_OUT) is held
// out: training draws its windows from the rest only, and the file records the final weights' loss
// on the held-out tenth and on the tenth just before it, which it trained on (lossStretches).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { data, initEngine, liveTensorCount, tidy } from '../src/engine/index.ts';
import { createTrainer, DEFAULT_CONFIG, evaluateLoss, modelFromWeights, prepareText, trainStep } from '../src/models/charLstm/charModel.ts';
import { heldOutStart, lossStretches, roundWeights, SHIPPED_HELD_OUT, SHIPPED_HIDDEN, SHIPPED_STEPS, SHIPPED_WINDOW, type ShippedCharModel } from '../src/models/charLstm/shipped.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const root = resolve(import.meta.dirname, '..');
const steps = Number(arg('steps', String(SHIPPED_STEPS)));
const out = resolve(root, arg('out', 'public/models/char-lstm.json'));
const info = await initEngine({ prefer: 'wasm' });
const text = data.stripHeader(readFileSync(resolve(root, 'public', 'data', data.CORPUS_FILE), 'utf8'));
const config = { ...DEFAULT_CONFIG, hidden: SHIPPED_HIDDEN, steps: SHIPPED_WINDOW };
const prepared = prepareText(text, config.steps);
if (!prepared.ok) throw new Error(`the corpus cannot be used: ${prepared.reason}`);
// The vocabulary is the whole text's, so the model can read the held-out slice; the windows come
// from the training part only.
const cut = heldOutStart(prepared.ids.length);
const trainIds = prepared.ids.slice(0, cut);
const heldOutIds = prepared.ids.slice(cut);
console.log(`training on ${trainIds.length} characters, holding out the last ${heldOutIds.length}`);
const trainer = createTrainer(prepared.vocab.size, config);
const t0 = Date.now();
let smoothed = 0;
for (let step = 1; step <= steps; step++) {
  const { loss, gradNorm } = tidy(() => trainStep(trainer, trainIds));
  const v = loss.item();
  loss.dispose();
  gradNorm.dispose();
  smoothed = step === 1 ? v : 0.98 * smoothed + 0.02 * v;
  if (step % 100 === 0) console.log(`step ${step}: loss ${smoothed.toFixed(3)} (${((Date.now() - t0) / 1000).toFixed(0)} s, ${info.backend}, ${liveTensorCount()} tensors)`);
}
const chars = [...prepared.vocab.chars];
const weights = roundWeights(trainer.model.stateDict());
// Evaluate the weights as shipped (rounded), the same way src/worked/recurrent-networks.ts does.
const { model } = modelFromWeights(chars, SHIPPED_HIDDEN, weights);
const stretches = lossStretches(prepared.ids.length);
const trainLoss = evaluateLoss(model, prepared.ids.slice(...stretches.trained), SHIPPED_WINDOW);
const heldOutLoss = evaluateLoss(model, prepared.ids.slice(...stretches.heldOut), SHIPPED_WINDOW);
model.dispose();
const file: ShippedCharModel = {
  chars,
  hidden: SHIPPED_HIDDEN,
  weights,
  steps,
  loss: Number(smoothed.toFixed(3)),
  seed: config.seed,
  heldOut: SHIPPED_HELD_OUT,
  trainLoss: Number(trainLoss.toFixed(3)),
  heldOutLoss: Number(heldOutLoss.toFixed(3)),
};
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(file));
console.log(`wrote ${out}: ${(JSON.stringify(file).length / 1024).toFixed(0)} KB, smoothed loss ${file.loss}, last trained tenth ${file.trainLoss}, held out ${file.heldOutLoss}`);
trainer.dispose();
