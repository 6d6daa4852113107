// What the chapter's MNIST widgets share, kept at module level (outside React): the data, fetched
// once per page and only when a widget that needs it is on screen; the shipped pretrained model;
// and the model the reader trained last in the trainer, as a plain state dict (numbers, never
// engine tensors), so that the drawing widget can build its own copy and dispose of it.
import { fetchDataBytes } from '../../book/engineBoot.ts';
import { data } from '../../engine/index.ts';
import { decodeMnist, MNIST_FILES } from '../../engine/data/mnistFormat.ts';
import { checkPretrained, PRETRAINED_FILE, type SharedModel } from './pretrained.ts';

export type { SharedModel };

let mnist: Promise<data.Mnist> | null = null;
let testOnly: Promise<data.MnistSplit> | null = null;
let pretrained: Promise<SharedModel> | null = null;

/** Both splits (7.8 MB), fetched on the first call. */
export function loadBookMnist(): Promise<data.Mnist> {
  if (!mnist) {
    mnist = data.loadMnist(fetchDataBytes);
    mnist.catch(() => (mnist = null));
  }
  return mnist;
}

/** The 2,000 test digits only (1.6 MB), unless both splits are already on their way. */
export function loadTestDigits(): Promise<data.MnistSplit> {
  if (mnist) return mnist.then((m) => m.test);
  if (!testOnly) {
    testOnly = fetchDataBytes(MNIST_FILES.test).then((b) => new data.MnistSplit(decodeMnist(b, MNIST_FILES.test)));
    testOnly.catch(() => (testOnly = null));
  }
  return testOnly;
}

/** The model shipped with the book (made by `npm run train:mnist`). */
export function loadPretrained(): Promise<SharedModel> {
  if (!pretrained) {
    pretrained = fetch(`${import.meta.env.BASE_URL}models/${PRETRAINED_FILE}`)
      .then((r) => {
        if (!r.ok) throw new Error(`could not load the pretrained model: HTTP ${r.status}`);
        return r.json() as Promise<unknown>;
      })
      .then(checkPretrained);
    pretrained.catch(() => (pretrained = null));
  }
  return pretrained;
}

// The reader's own model, published by the trainer.
let trained: SharedModel | null = null;
const listeners = new Set<(m: SharedModel | null) => void>();

export function publishTrained(m: SharedModel | null): void {
  trained = m;
  for (const l of listeners) l(m);
}

export function trainedModel(): SharedModel | null {
  return trained;
}

export function onTrained(listener: (m: SharedModel | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
