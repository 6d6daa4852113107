// The character model as a job on the training core (../training/core.ts): the LSTM and Adam built
// from the text, the width and the seed (a reset builds them again from the same seed, so the run
// repeats step for step); samples on request, a few characters per tick, each sent as an event
// with the text so far; and the weights, sent as an event every PUBLISH_EVERY steps and whenever
// training stops, for the "Inside the LSTM" figure.
import { data, engineInfo, Random, type nn } from '../../engine/index.ts';
import type { JobDefinition } from '../training/job.ts';
import { configForBackend, createTrainer, MAX_TEMPERATURE, Sampler, trainStep } from './charModel.ts';

/** Weights go to the "Inside the LSTM" figure every this many steps, and whenever training stops. */
export const PUBLISH_EVERY = 20;
/** Characters generated per tick of a sample (each one LSTM step and one read-back). */
export const SAMPLE_CHUNK = 8;
export const SAMPLE_LENGTH = 200;

export interface CharConfig {
  /** The prepared training text (prepareText). */
  text: string;
  hidden: number;
}

/** A sample: `id` also seeds its draws, so the same id from the same weights gives the same text. */
export interface SampleRequest {
  id: number;
  temperature: number;
}

export type CharEvent =
  | { kind: 'sample'; id: number; step: number; temperature: number; /** The sample so far. */ text: string; done: boolean }
  | { kind: 'weights'; chars: readonly string[]; hidden: number; weights: nn.StateDict; step: number; loss: number | null };

/** Windows per step on the backend the job trains on: fewer on plain JavaScript. */
export const batchFor = (backend: string | undefined) => configForBackend(backend).batch;

export const charJob: JobDefinition<CharConfig, undefined, never, CharEvent, SampleRequest> = {
  name: 'char-model',
  build({ text, hidden }, { seed, emit, schedule }) {
    const vocab = new data.CharVocab(text);
    const ids = vocab.encode(text);
    const trainer = createTrainer(vocab.size, { ...configForBackend(engineInfo()?.backend), hidden, seed });
    let step = 0;
    let lastPublished = 0;
    let stopSample: (() => void) | null = null;

    return {
      step: () => trainStep(trainer, ids),
      keep: () => [trainer.model, trainer.optimizer],
      onFrame(snap) {
        step = snap.step;
        if (snap.step > 0 && snap.state !== 'failed' && (snap.state !== 'running' || snap.step - lastPublished >= PUBLISH_EVERY)) {
          lastPublished = snap.step;
          const model = trainer.model;
          emit({ kind: 'weights', chars: vocab.chars, hidden: model.hiddenSize, weights: model.stateDict(), step: snap.step, loss: snap.loss });
        }
      },
      // A new request ends the sample under way (sent as done) and starts another from the weights as they are.
      request({ id, temperature }) {
        stopSample?.();
        const t = Number.isFinite(temperature) ? Math.min(Math.max(temperature, 0), MAX_TEMPERATURE) : 1;
        const sampler = new Sampler(trainer.model, vocab, '\n', t, new Random(id));
        const at = step;
        let out = '';
        let produced = 0;
        let cancel = () => {};
        const finish = () => {
          cancel();
          sampler.dispose();
          stopSample = null;
          emit({ kind: 'sample', id, step: at, temperature: t, text: out, done: true });
        };
        const tick = () => {
          const chunk = sampler.next(Math.min(SAMPLE_CHUNK, SAMPLE_LENGTH - produced));
          out += chunk;
          produced += Array.from(chunk).length;
          if (produced >= SAMPLE_LENGTH) return finish();
          emit({ kind: 'sample', id, step: at, temperature: t, text: out, done: false });
          cancel = schedule(tick);
        };
        stopSample = finish;
        emit({ kind: 'sample', id, step: at, temperature: t, text: '', done: false });
        cancel = schedule(tick);
      },
      dispose() {
        stopSample?.();
        trainer.dispose();
      },
    };
  },
};
