// The live character model's page side: the text (the shipped corpus or the reader's), the
// character job (src/models/charLstm/charJob.ts) trained through the one training hook, in a worker
// where one starts and on the page otherwise (the same job, the same run), the samples it sends,
// and the weights it publishes, passed on to the shared store for the "Inside the LSTM" figure.
import { useCallback, useEffect, useRef, useState } from 'react';
import { backendLabel, fetchDataText } from '../../book/engineBoot.ts';
import { choice, number, type StateOf } from '../../book/urlState.ts';
import { useWidgetState } from '../../book/useWidgetState.ts';
import { data } from '../../engine/index.ts';
import { batchFor, charJob, SAMPLE_LENGTH, type CharEvent } from '../../models/charLstm/charJob.ts';
import { DEFAULT_CONFIG, MAX_TEMPERATURE, prepareText, type PreparedText } from '../../models/charLstm/charModel.ts';
import { publishCharModel } from '../../models/charLstm/store.ts';
import { useTrainingJob } from '../kit/training/useTrainingJob.ts';
import type { TextSource } from './strings.ts';

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

/** The list of samples with one sample's latest event in it (newest first). */
function withSample(list: Sample[], e: Extract<CharEvent, { kind: 'sample' }>): Sample[] {
  const sample = { id: e.id, step: e.step, temperature: e.temperature, text: e.text, done: e.done };
  if (list.some((x) => x.id === e.id)) return list.map((x) => (x.id === e.id ? sample : x));
  return e.done && !e.text ? list : [sample, ...list].slice(0, MAX_SAMPLES);
}

/**
 * `onScreen`: the text and the worker (which brings its own copy of the engine) are fetched only
 * once the figure has come on screen.
 */
export function useCharModel(initial: CharModelProps, onScreen = true) {
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
  const ok = prepared?.ok ? prepared : null;
  const [samples, setSamples] = useState<Sample[]>([]);
  /** The sample being generated, if any. */
  const sampling = useRef<number | null>(null);
  const sourceRef = useRef(state.source);
  useEffect(() => {
    sourceRef.current = state.source;
  });
  const onEvent = useCallback((e: CharEvent) => {
    if (e.kind === 'weights') {
      publishCharModel({ chars: e.chars, hidden: e.hidden, weights: e.weights, step: e.step, loss: e.loss, source: sourceRef.current });
      return;
    }
    if (e.done && sampling.current === e.id) sampling.current = null;
    setSamples((list) => withSample(list, e));
  }, []);
  const job = useTrainingJob(charJob, { config: onScreen && ok ? { text: ok.text, hidden } : null, where: 'worker', onEvent });
  const { training } = job;
  const { snapshot } = training;
  const batch = job.info ? batchFor(job.info.backend) : DEFAULT_CONFIG.batch;

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

  // Samples are numbered from 1 for each model: the number also seeds the sample's draws.
  const nextId = useRef(1);
  const temperature = useRef(state.temperature);
  useEffect(() => {
    temperature.current = Math.min(Math.max(state.temperature, 0), MAX_TEMPERATURE);
  });
  const { request } = job;
  const sample = useCallback(() => {
    const id = nextId.current++;
    sampling.current = id;
    request({ id, temperature: temperature.current });
  }, [request]);

  // While training: a sample every SAMPLE_EVERY steps, unless one is still being written.
  const lastSampled = useRef(0);
  const step = snapshot?.step ?? 0;
  useEffect(() => {
    if (step === 0) {
      lastSampled.current = 0;
      return;
    }
    if (step - lastSampled.current >= SAMPLE_EVERY && sampling.current === null) {
      lastSampled.current = step;
      sample();
    }
  }, [step, sample]);

  // A new model (text, width, reset, the page taking over from a worker) starts a new list of
  // samples, numbered from 1 again; a reset while paused starts a new training clock too.
  const atStart = step === 0;
  useEffect(() => {
    if (!atStart) return;
    sampling.current = null;
    nextId.current = 1;
    setSamples([]);
  }, [atStart, ok, hidden, job.inWorker]);
  const fresh = atStart && !training.running;
  useEffect(() => {
    if (!fresh) return;
    banked.current = 0;
    runStart.current = null;
    setSeconds(0);
  }, [fresh]);

  const usePasted = useCallback(() => setPasted(draft), [draft]);

  const backendName = job.info ? backendLabel(job.info) : null;

  return { job, state, setState, corpus, prepared, draft, setDraft, usePasted, pasted, training, samples, sample, seconds, hidden, batch, backendName };
}
