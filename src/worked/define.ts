// A chapter's worked numbers, each named and computed by the engine. The build substitutes them
// into the chapter (`<Computed of="neurons.weightedSum" />`, `\computed{neurons.weightedSum}` in
// math, `<Exercise answer="neurons.ex1">`), so no number about a computation is typed by hand; a
// test per chapter recomputes each one independently.

export interface WorkedValue {
  /** Digits after the decimal point when shown (default 3). */
  digits?: number;
  /** Runs on the engine (after `initEngine`), returns a finite number. */
  compute: () => number;
}

export interface WorkedChapter {
  /** The chapter's slug: every key is written `<chapter>.<key>`. */
  chapter: string;
  values: Record<string, WorkedValue>;
}

export function workedValues(chapter: string, values: Record<string, WorkedValue>): WorkedChapter {
  if (!/^[a-z][a-z0-9-]*$/.test(chapter)) throw new Error(`workedValues: "${chapter}" is not a chapter slug`);
  for (const key of Object.keys(values)) {
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(key)) throw new Error(`workedValues(${chapter}): "${key}" is not a valid key`);
  }
  return { chapter, values };
}

/** A computation several values read, run on the first read only. */
export function once<T>(f: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= f());
}

/** A computed number as it is printed: fixed digits, a true minus sign, no "-0". */
export function formatWorked(value: number, digits = 3): string {
  const text = value.toFixed(digits);
  const zero = /^-0(\.0*)?$/.test(text);
  return zero ? text.slice(1) : groupThousands(text).replace(/^-/, '\u2212');
}

/**
 * Commas between groups of three digits in an integer part of five digits or more (109,386; 1,048,576),
 * as the book's prose writes large numbers; four-digit numbers stay as they are (1024).
 */
function groupThousands(text: string): string {
  const [, sign, whole, rest] = /^(-?)(\d+)(.*)$/.exec(text) ?? [];
  if (whole === undefined || whole.length < 5) return text;
  return sign + whole.replace(/\B(?=(\d{3})+$)/g, ',') + rest;
}
