// The book's MNIST files as the chapter's widgets fetch them from the site: the digits, fetched
// once per page and only when a widget that needs them is on screen, and the pretrained model
// shipped with the book. Kept at module level (outside React) so that every widget on the page
// shares one download.
import { fetchDataBytes } from '../../../book/engineBoot.ts';
import { data } from '../../../engine/index.ts';
import { decodeMnist, MNIST_FILES } from '../../../engine/data/mnistFormat.ts';
import { checkPretrained, PRETRAINED_FILE, type SharedModel } from '../../../models/mnist/pretrained.ts';
import { mnistDataStrings as s } from './strings.ts';

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
        if (!r.ok) throw new Error(s.pretrainedFailed(r.status));
        return r.json() as Promise<unknown>;
      })
      .then(checkPretrained);
    pretrained.catch(() => (pretrained = null));
  }
  return pretrained;
}
