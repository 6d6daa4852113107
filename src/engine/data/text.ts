// Text for character-level models. The book ships the opening of Shakespeare's Coriolanus
// (public domain) as public/data/coriolanus.txt, headed by '#' lines that name the work; the
// engine never fetches by itself: the caller hands over a function that returns the file's text.
import type { Random } from '../random';
import { tensor, type Tensor } from '../tensor';

/** File name of the shipped text, relative to the book's data folder. */
export const CORPUS_FILE = 'coriolanus.txt';

/** The text without its header (leading lines that start with '#', and the blank line after). */
export function stripHeader(raw: string): string {
  const lines = raw.replace(/\r\n/g, '\n').split('\n');
  let i = 0;
  while (i < lines.length && lines[i].startsWith('#')) i++;
  if (i > 0 && i < lines.length && lines[i] === '') i++;
  return lines.slice(i).join('\n');
}

const corpusCache = new WeakMap<object, Promise<string>>();

/** Fetches the shipped text once per fetch function and returns it without its header. */
export function loadCorpus(fetchText: (file: string) => Promise<string>): Promise<string> {
  let p = corpusCache.get(fetchText);
  if (!p) {
    p = fetchText(CORPUS_FILE).then(stripHeader);
    corpusCache.set(fetchText, p);
    p.catch(() => corpusCache.delete(fetchText));
  }
  return p;
}

/** The characters of a text, each with an id (sorted by code point, so ids are stable). */
export class CharVocab {
  readonly chars: readonly string[];
  private readonly ids: Map<string, number>;

  constructor(text: string) {
    // Array.from splits by code point, so a character outside the BMP stays one symbol.
    this.chars = [...new Set(Array.from(text))].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!);
    this.ids = new Map(this.chars.map((c, i) => [c, i]));
  }

  get size(): number {
    return this.chars.length;
  }

  has(char: string): boolean {
    return this.ids.has(char);
  }

  /** Ids of the characters of `text`; a character outside the vocabulary is an error. */
  encode(text: string): number[] {
    return Array.from(text, (c) => {
      const id = this.ids.get(c);
      if (id === undefined) throw new Error(`CharVocab.encode: ${JSON.stringify(c)} is not in the vocabulary`);
      return id;
    });
  }

  decode(ids: readonly number[]): string {
    return ids
      .map((id) => {
        if (!Number.isInteger(id) || id < 0 || id >= this.chars.length) throw new Error(`CharVocab.decode: no character with id ${id}`);
        return this.chars[id];
      })
      .join('');
  }
}

export interface CharBatch {
  /** Input ids [batch][steps]. */
  inputs: number[][];
  /** The same windows shifted by one character: what each step should predict. */
  targets: number[][];
}

/** `batchSize` windows of `steps` characters from random places in `ids`, with their next-character targets. */
export function charBatch(ids: readonly number[], steps: number, batchSize: number, rng: Random): CharBatch {
  if (!Number.isInteger(steps) || steps < 1) throw new Error(`charBatch: steps must be a positive integer, got ${steps}`);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`charBatch: batchSize must be a positive integer, got ${batchSize}`);
  if (ids.length < steps + 1) throw new Error(`charBatch: a text of ${ids.length} characters is too short for ${steps} steps`);
  const inputs: number[][] = [];
  const targets: number[][] = [];
  for (let b = 0; b < batchSize; b++) {
    const start = rng.int(ids.length - steps);
    inputs.push(ids.slice(start, start + steps));
    targets.push(ids.slice(start + 1, start + steps + 1));
  }
  return { inputs, targets };
}

/** One-hot engine tensor [ids.length, vocabSize] (float32). */
export function oneHotIds(ids: readonly number[], vocabSize: number): Tensor {
  const out = new Float32Array(ids.length * vocabSize);
  ids.forEach((id, i) => {
    if (!Number.isInteger(id) || id < 0 || id >= vocabSize) throw new Error(`oneHotIds: id ${id} outside [0, ${vocabSize})`);
    out[i * vocabSize + id] = 1;
  });
  return tensor(out, [ids.length, vocabSize]);
}
