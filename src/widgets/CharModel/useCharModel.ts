// The live character model's engine side: the text (the shipped corpus or the reader's), the
// LSTM and its optimiser (rebuilt when the text or the width changes, freed on unmount), the
// training loop, samples, and the weights published to the shared store for the "Inside the LSTM"
// figure. Training and sampling run in a dedicated worker (useCharWorker.ts), so the page stays
// responsive; where no worker can start, the same model trains on the main thread here instead
// (one step of 32 windows per frame, samples a few characters per animation frame).
import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchDataText } from '../../book/engineBoot.ts';
import { choice, number, type StateOf } from '../../book/urlState.ts';
import { useWidgetState } from '../../book/useWidgetState.ts';
import { backendLabel } from '../../book/engineBoot.ts';
import { data, engineInfo, Random } from '../../engine/index.ts';
import { useEngine } from '../kit/useEngine.ts';
import { useTraining, type TrainingSetup } from '../kit/useTraining.ts';
import { configForBackend, createTrainer, DEFAULT_CONFIG, MAX_TEMPERATURE, prepareText, Sampler, trainStep, type CharTrainer, type PreparedText } from '../../models/charLstm/charModel.ts';
import { publishCharModel } from '../../models/charLstm/store.ts';
import type { TextSource } from './strings.ts';
import { PUBLISH_EVERY, SAMPLE_LENGTH } from '../../models/charLstm/charWorkerCore.ts';
import { useCharWorker, type SampleMessage, type WeightsMessage } from './useCharWorker.ts';

export const HIDDEN_SIZES = ['64', '128', '192'] as const;
export const TEXT_SOURCES = ['corpus', 'pasted'] as const satisfies readonly TextSource[];

export const charModelSchema = {
  source: choice(TEXT_SOURCES, 'corpus', 'training text'),
  hidden: choice(HIDDEN_SIZES, '128', 'hidden units'),
  temperature: number({ min: 0, max: 2, default: 0.7, label: 'temperature' }),
};

export type CharModelProps = Partial<StateOf<typeof charModelSchema>>;

/** A new sample every this many steps while training runs. */
export const SAMPLE_EVERY = 80;
export { SAMPLE_LENGTH };
/** Characters generated per animation frame: each is one small LSTM step and one read-back. */
const CHARS_PER_FRAME = 6;
const MAX_SAMPLES = 6;

export interface Sample {
  id: number;
  step: number;
  temperature: number;
  text: string;
  done: boolean;
}

/** Caps what is pasted before it is split into code points (4 units per character is more than enough). */
const RAW_CAP = 4 * 200_000;

/**
 * `onScreen`: the text and the worker (which brings its own copy of the engine) are fetched only
 * once the figure has come on screen.
 */
export function useCharModel(initial: CharModelProps, onScreen = true) {
  const engine = useEngine();
  const [state, setState] = useWidgetState(charModelSchema, initial);
  const [corpus, setCorpus] = useState<{ text: string } | { error: string } | null>(null);
  const [draft, setDraft] = useState('');
  const [pasted, setPasted] = useState<string | null>(null);

  useEffect(() => {
    if (!onScreen) return;
    let live = true;
    data.loadCorpus(fetchDataText).then(
      (text) => live && setCorpus({ text }),
      (e: unknown) => live && setCorpus({ error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [onScreen]);

  const rawText = state.source === 'corpus' ? (corpus && 'text' in corpus ? corpus.text : null) : pasted;
  const [prepared, setPrepared] = useState<PreparedText | null>(null);
  useEffect(() => {
    setPrepared(rawText === null ? null : prepareText(rawText.slice(0, RAW_CAP), DEFAULT_CONFIG.steps));
  }, [rawText]);

  const hidden = Number(state.hidden);
  const [batch, setBatch] = useState(DEFAULT_CONFIG.batch);
  const trainerRef = useRef<CharTrainer | null>(null);
  const preparedRef = useRef(prepared);
  preparedRef.current = prepared;
  const ok = prepared?.ok ? prepared : null;
  // Rebuilt on a new text or width; `generation` tells samplers of an old model to stop.
  const generation = useRef(0);

  // Samples: the list both paths fill.
  const [samples, setSamples] = useState<Sample[]>([]);
  const nextId = useRef(1);
  /** The worker's sample being generated, if any. */
  const workerSample = useRef<number | null>(null);
  const onSample = useCallback((m: SampleMessage) => {
    if (m.done && workerSample.current === m.id) workerSample.current = null;
    setSamples((list) => {
      if (!list.some((s) => s.id === m.id)) {
        return m.done && !m.text ? list : [{ id: m.id, step: m.step, temperature: m.temperature, text: m.text, done: m.done }, ...list].slice(0, MAX_SAMPLES);
      }
      return list.map((s) => (s.id === m.id ? { ...s, text: s.text + m.text, done: s.done || m.done } : s));
    });
  }, []);
  const sourceRef = useRef(state.source);
  sourceRef.current = state.source;
  const onWeights = useCallback((m: WeightsMessage) => {
    publishCharModel({ chars: m.chars, hidden: m.hidden, weights: m.weights, step: m.step, loss: m.loss, source: sourceRef.current });
  }, []);

  const worker = useCharWorker({
    enabled: engine.ready && onScreen,
    backend: engineInfo()?.backend,
    text: ok ? ok.text : null,
    hidden,
    onSample,
    onWeights,
  });
  const inWorker = !worker.failed;

  const setup =
    engine.ready && ok && !inWorker
      ? (): TrainingSetup => {
          const config = { ...configForBackend(engineInfo()?.backend), hidden };
          setBatch(config.batch);
          const holder = { trainer: createTrainer(ok.vocab.size, config) };
          trainerRef.current = holder.trainer;
          generation.current++;
          return {
            step: () => trainStep(holder.trainer, ok.ids),
            keep: () => [holder.trainer.model, holder.trainer.optimizer],
            onReset: () => {
              holder.trainer.dispose();
              // The same seed again: a reset replays the run from its first step, as in the worker.
              holder.trainer = createTrainer(ok.vocab.size, config);
              trainerRef.current = holder.trainer;
              generation.current++;
            },
            dispose: () => {
              generation.current++;
              if (trainerRef.current === holder.trainer) trainerRef.current = null;
              holder.trainer.dispose();
            },
          };
        }
      : null;

  const mainTraining = useTraining(setup, [ok, hidden], { stepsPerFrame: 1, historyLimit: 400 });
  const training = inWorker ? worker.training : mainTraining;
  const { snapshot } = training;
  useEffect(() => {
    if (inWorker && worker.batch !== null) setBatch(worker.batch);
  }, [inWorker, worker.batch]);

  // Seconds spent training (wall clock while running), for the "within two minutes" reading.
  const [seconds, setSeconds] = useState(0);
  const runStart = useRef<number | null>(null);
  const banked = useRef(0);
  useEffect(() => {
    if (training.running) {
      runStart.current ??= performance.now();
      setSeconds(banked.current + (performance.now() - runStart.current) / 1000);
    } else if (runStart.current !== null) {
      banked.current += (performance.now() - runStart.current) / 1000;
      runStart.current = null;
      setSeconds(banked.current);
    }
  }, [training.running, snapshot]);
  useEffect(() => {
    if ((snapshot?.step ?? 0) === 0 && !training.running) {
      banked.current = 0;
      runStart.current = null;
      setSeconds(0);
    }
  }, [snapshot?.step, training.running]);

  // Main-thread samples: each generated a few characters per frame from the live model.
  const cancelSample = useRef<(() => void) | null>(null);
  const temperature = useRef(state.temperature);
  temperature.current = Math.min(Math.max(state.temperature, 0), MAX_TEMPERATURE);

  const sample = useCallback(() => {
    if (inWorker) {
      if (!preparedRef.current?.ok || !snapshot) return;
      const id = nextId.current++;
      workerSample.current = id;
      worker.sample(id, temperature.current);
      return;
    }
    const trainer = trainerRef.current;
    const text = preparedRef.current;
    if (!trainer || !text?.ok) return;
    cancelSample.current?.();
    const gen = generation.current;
    const id = nextId.current++;
    const t = temperature.current;
    const step = snapshot?.step ?? 0;
    let sampler: Sampler | null = null;
    try {
      sampler = new Sampler(trainer.model, text.vocab, '\n', t, new Random(id));
    } catch {
      return;
    }
    setSamples((list) => [{ id, step, temperature: t, text: '', done: false }, ...list].slice(0, MAX_SAMPLES));
    let produced = 0;
    let frame = 0;
    const stop = () => {
      cancelAnimationFrame(frame);
      sampler?.dispose();
      sampler = null;
      setSamples((list) => list.map((s) => (s.id === id ? { ...s, done: true } : s)));
      if (cancelSample.current === stop) cancelSample.current = null;
    };
    const tick = () => {
      if (!sampler || gen !== generation.current) return stop();
      let chunk: string;
      try {
        chunk = sampler.next(Math.min(CHARS_PER_FRAME, SAMPLE_LENGTH - produced));
      } catch {
        return stop();
      }
      produced += Array.from(chunk).length;
      setSamples((list) => list.map((s) => (s.id === id ? { ...s, text: s.text + chunk } : s)));
      if (produced >= SAMPLE_LENGTH) return stop();
      frame = requestAnimationFrame(tick);
    };
    cancelSample.current = stop;
    frame = requestAnimationFrame(tick);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [snapshot?.step, inWorker, snapshot === null]);

  // While training: a sample every SAMPLE_EVERY steps, and the weights to the shared store.
  const lastSampled = useRef(0);
  useEffect(() => {
    const step = snapshot?.step ?? 0;
    if (inWorker) {
      // The worker publishes the weights itself; here only the samples are asked for.
      if (!ok || step === 0) {
        lastSampled.current = 0;
        return;
      }
      if (step - lastSampled.current >= SAMPLE_EVERY && workerSample.current === null) {
        lastSampled.current = step;
        sample();
      }
      return;
    }
    const trainer = trainerRef.current;
    if (!trainer || !ok || step === 0) {
      lastSampled.current = 0;
      return;
    }
    if (step - lastSampled.current >= SAMPLE_EVERY && !cancelSample.current) {
      lastSampled.current = step;
      sample();
    }
    if (step % PUBLISH_EVERY === 0 || !training.running) {
      publishCharModel({ chars: ok.vocab.chars, hidden: trainer.model.hiddenSize, weights: trainer.model.stateDict(), step, loss: snapshot?.loss ?? null, source: state.source });
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [snapshot]);

  // A new model (text, width, reset) starts a new list of samples.
  useEffect(() => {
    cancelSample.current?.();
    workerSample.current = null;
    setSamples([]);
  }, [ok, hidden, inWorker]);
  useEffect(() => () => cancelSample.current?.(), []);
  useEffect(() => {
    if ((snapshot?.step ?? 0) === 0) {
      cancelSample.current?.();
      workerSample.current = null;
      setSamples([]);
    }
  }, [snapshot?.step]);

  const usePasted = useCallback(() => setPasted(draft), [draft]);

  // The backend named in the status line: the worker's own, when it trains there.
  const backendName = inWorker ? (worker.info ? backendLabel(worker.info) : null) : engine.backend;
  /** The engine is up and the text fine, but the model is not built yet (the worker is starting). */
  const starting = engine.ready && ok !== null && snapshot === null;

  return { engine, state, setState, corpus, prepared, draft, setDraft, usePasted, pasted, training, samples, sample, seconds, hidden, batch, backendName, starting, inWorker };
}
