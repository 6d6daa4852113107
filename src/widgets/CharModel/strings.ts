// Every word the live character-model figure shows.
import { catalogue } from '../../i18n/index.ts';
import { count, fixed } from '../kit/format.ts';
import { MAX_TEXT_CHARS, MAX_VOCAB } from '../../models/charLstm/charModel.ts';

export type TextSource = 'corpus' | 'pasted';

const thousands = (n: number) => count(Math.round(n));

export const charModelStrings = catalogue('CharModel', {
  source: 'Training text',
  sourceNames: { corpus: 'Shakespeare, Coriolanus (64 KB)', pasted: 'Text you paste' } satisfies Record<TextSource, string>,
  hidden: 'LSTM width (hidden units)',
  temperature: 'Sampling temperature',
  temperatureValue: (t: number) => (t < 0.05 ? '0 (always the likeliest)' : fixed(t, 2)),
  pasteLabel: 'Your text (any language or alphabet; emoji count as one character each)',
  usePasted: 'Train on this text',
  sampleNow: 'Sample now',
  loading: 'Loading the text…',
  loadFailed: (why: string) => `The text could not be loaded: ${why}`,
  textProblem: {
    empty: 'The text is empty: paste at least a few sentences, then press “Train on this text”.',
    oneChar: (n: number) => `The text is ${n === 1 ? 'one character' : `${thousands(n)} copies of one character`}: with a single symbol there is nothing to predict. Paste text with at least two different characters.`,
    tooShort: (n: number, need: number) => `The text has ${thousands(n)} ${n === 1 ? 'character' : 'characters'}; one training window needs ${need + 1}. Paste a longer text.`,
    tooManyChars: (n: number) => `The text uses ${thousands(n)} different characters; this model handles at most ${MAX_VOCAB}. Try a text in one alphabet.`,
  },
  truncated: `The text was cut to its first ${thousands(MAX_TEXT_CHARS)} characters.`,
  textInfo: (chars: number, vocab: number) => `${thousands(chars)} characters, ${vocab} different ones.`,
  model: (vocab: number, hidden: number, steps: number, batch: number) =>
    `One-hot characters (${vocab}) → LSTM with ${hidden} units → ${vocab} scores. Each step: ${batch} windows of ${steps} characters (truncated backpropagation through time), Adam, gradients clipped to norm 5.`,
  progress: (o: { chars: number; perSecond: number; seconds: number; backend: string }) =>
    `${thousands(o.chars)} characters seen in ${fixed(o.seconds, 0)} s of training` + (o.perSecond > 0 ? `, ${thousands(o.perSecond)} characters per second on ${o.backend}` : ` on ${o.backend}`),
  smallBatch: (full: number) => `On the plain-JavaScript backend a step of ${full} windows would freeze the page for seconds, so it trains on fewer windows per step; expect it to learn far more slowly.`,
  uniform: (vocab: number, nats: string) => `A model that guesses uniformly among ${vocab} characters scores ${nats} nats.`,
  advice: 'Reset to begin again from the starting weights, or try a smaller width.',
  lossTitle: 'Training loss (cross-entropy per character)',
  samplesHeading: 'Samples, newest first',
  sampleLabel: (step: number, t: string) => `after step ${thousands(step)}, temperature ${t}`,
  noSamples: (every: number) => `Samples appear here as training goes on (every ${every} steps), or press “Sample now”.`,
  generating: 'generating…',
});
