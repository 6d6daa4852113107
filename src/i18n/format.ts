// Numbers written for the reader in the current locale's conventions (digit grouping, decimal
// mark), through the browser's own Intl.NumberFormat.
import { currentLocale } from './locale.ts';

const formatters = new Map<string, Intl.NumberFormat>();

/** The formatter of `locale` (the current one by default) for `options`, made once and kept. */
export function numberFormat(options: Intl.NumberFormatOptions = {}, locale: string = currentLocale()): Intl.NumberFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, options);
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * `value` in the current locale (`formatNumber(203530)` is "203,530" in English). A value that is
 * not a finite number is written "–": the book never shows NaN.
 */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return Number.isFinite(value) ? numberFormat(options).format(value) : '–';
}
