// Every word the "Inside the LSTM" figure shows.
import { catalogue } from '../../i18n/index.ts';
import { count } from '../kit/format.ts';
import type { Quantity } from './inside.ts';
import { MAX_READ } from './inside.ts';

export type ModelSource = 'shipped' | 'yours';

export const insideStrings = catalogue('LstmInside', {
  source: 'Model',
  sourceNames: { shipped: 'The small model shipped with the book', yours: 'The model you trained above' } satisfies Record<ModelSource, string>,
  text: `Text to read (up to ${MAX_READ} characters)`,
  unit: 'Hidden unit',
  quantity: 'Colour the text by',
  quantityNames: {
    hidden: 'hidden state h (−1 to 1)',
    cell: 'cell state c (scaled to its largest size)',
    input: 'input gate i (0 to 1)',
    forget: 'forget gate f (0 to 1)',
    output: 'output gate o (0 to 1)',
  } satisfies Record<Quantity, string>,
  quantityShort: { hidden: 'h', cell: 'c', input: 'i', forget: 'f', output: 'o' } satisfies Record<Quantity, string>,
  position: 'Character shown in the cell',
  lively: 'Units that change most over this text:',
  pickUnit: (u: number) => `unit ${u}`,
  loading: 'Loading the model…',
  loadFailed: (why: string) => `The model could not be loaded: ${why}`,
  noYours: 'No model has been trained in the figure above yet (press Train there); showing the shipped model.',
  refresh: 'Take the latest weights',
  shippedInfo: (hidden: number, steps: number, trainLoss: string, heldOutLoss: string) =>
    `A ${hidden}-unit LSTM trained for ${count(steps)} steps on Coriolanus without its last tenth (loss ${trainLoss} nats per character on a tenth of the text it trained on, ${heldOutLoss} on the held-out tenth).`,
  yoursInfo: (hidden: number, step: number, loss: string | null) =>
    `Your ${hidden}-unit LSTM after ${count(step)} training steps${loss ? ` (loss ${loss} nats per character)` : ''}.`,
  empty: 'Type some text for the model to read.',
  unknownNote: (n: number) => `${n} ${n === 1 ? 'character is' : 'characters are'} not in the model’s alphabet: shown struck through, skipped by the model.`,
  textLabel: (unit: number, q: string) => `The text coloured by unit ${unit}'s ${q}; the values are listed below.`,
  valuesSummary: 'The values as text',
  valuesCaption: (unit: number, q: string) => `Unit ${unit}: ${q} after each character`,
  charColumn: 'character',
  valueColumn: 'value',
  unknown: 'not in the alphabet',
  legend: 'Blue: low (negative, or a gate near 0); grey: middle; orange: high (positive, or a gate near 1).',
  diagramTitle: (unit: number, char: string) => `Unit ${unit} of the LSTM cell reading ${char}`,
  diagramDescription: (o: { unit: number; char: string; i: string; f: string; g: string; o: string; cBefore: string; c: string; h: string }) =>
    `Cell diagram for unit ${o.unit} reading ${o.char}: the old cell state ${o.cBefore} is multiplied by the forget gate ${o.f}; the input gate ${o.i} times the candidate ${o.g} is added, giving the new cell state ${o.c}; the output gate ${o.o} times tanh of it gives the hidden state ${o.h}.`,
  /** The notation on the cell diagram's boxes: the old and new cell state, the gates, the candidate, the hidden state. */
  cellSymbols: { cBefore: 'c₋₁', f: 'f', c: 'c', i: 'i', g: 'g', o: 'o', h: 'h', tanh: 'tanh' },
  diagramUnknown: (char: string) => `${char} is not in the model's alphabet, so the model skips it.`,
  equation: (o: { f: string; cBefore: string; i: string; g: string; c: string; o: string; h: string }) =>
    `c = f·c₋₁ + i·g = ${o.f}·${o.cBefore} + ${o.i}·${o.g} = ${o.c};  h = o·tanh(c) = ${o.o}·tanh(${o.c}) = ${o.h}`,
  charName: (c: string) => (c === ' ' ? '␣ (space)' : c === '\n' ? '↵ (newline)' : c === '\t' ? '→ (tab)' : `“${c}”`),
  starting: 'Starting the compute engine…',
  engineFailed: (why: string) => `The compute engine could not start: ${why}`,
  failed: (why: string) => `The model could not read the text: ${why}`,
  /** How the shared-link notices name each setting. */
  linkLabels: {
    source: 'model',
    text: 'text',
    unit: 'hidden unit',
    quantity: 'colour',
    position: 'character',
  },
});
