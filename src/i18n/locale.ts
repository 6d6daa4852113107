// The locales the book is written in, and the one the current page is read in. Every catalogue
// (catalogue.ts) reads this when a word is asked for, so the same modules serve any locale: the
// browser sets it once from the page's address, the pre-render sets it before each page.

/** Every locale of the book; the first is the default, whose pages carry no prefix in their address. */
export const LOCALES = ['en'] as const;

export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = LOCALES[0];

let current: Locale = DEFAULT_LOCALE;

export function isLocale(value: string): value is Locale {
  return (LOCALES as readonly string[]).includes(value);
}

export function currentLocale(): Locale {
  return current;
}

export function setLocale(locale: Locale): void {
  if (!isLocale(locale)) throw new Error(`setLocale: "${String(locale)}" is not one of the book's locales (${LOCALES.join(', ')})`);
  current = locale;
}

/** Runs `render` with `locale` current, then puts the previous one back (one page of the pre-render). */
export function withLocale<R>(locale: Locale, render: () => R): R {
  const previous = current;
  setLocale(locale);
  try {
    return render();
  } finally {
    current = previous;
  }
}
