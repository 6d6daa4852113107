// Numbers as the figures write them, in one place. Every formatter goes through the browser's
// Intl.NumberFormat with a locale (the page's current one, English unless a page says otherwise),
// so that a translation changes the decimal mark and the digit grouping of every figure at once.
// In English the output is what the figures always printed: `fixed(0.25, 2)` is "0.25", like
// `(0.25).toFixed(2)`, and `count(60000)` is "60,000".
//
// Conventions the figures share: a value that is not a finite number is a dash, never "NaN"; a
// negative number carries a true minus sign (−, U+2212) unless a figure asks for the hyphen the
// keyboard types; a value that rounds to zero is written without a sign ("0.00", not "−0.00").
import { numberFormat } from '../../i18n/index.ts';

/** What a figure writes for a value that is not a finite number. */
export const NO_NUMBER = '–';
/** The true minus sign, wider than a hyphen and the same width as a plus. */
export const MINUS = '\u2212';

export interface NumberStyle {
  /** The locale whose conventions to follow; the page's current locale when not given. */
  locale?: string;
  /** The sign of a negative number: the true minus (default) or the keyboard's hyphen. */
  minus?: typeof MINUS | '-';
}

const SUPERSCRIPTS: Readonly<Record<string, string>> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };

/**
 * The exact decimal value of a finite double ("0.86499999999999999111821580299874767661094665527343750"
 * for 0.865), which Intl.NumberFormat rounds as it stands. Given the number itself, Intl would first
 * take its shortest spelling ("0.865") and round that up, where the value the engine computed, and
 * the chapter's worked numbers, round down.
 */
function exactDecimal(v: number): string {
  if (v === 0) return '0';
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, v);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & 0xfffffffffffffn;
  // v = ±mantissa · 2^exponent exactly; for a negative exponent that is mantissa · 5^−exponent / 10^−exponent.
  const mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  const exponent = biased === 0 ? -1074 : biased - 1075;
  let digits: string;
  if (exponent >= 0) digits = (mantissa << BigInt(exponent)).toString();
  else {
    const places = -exponent;
    const scaled = (mantissa * 5n ** BigInt(places)).toString().padStart(places + 1, '0');
    digits = `${scaled.slice(0, -places)}.${scaled.slice(-places)}`.replace(/0+$/, '').replace(/\.$/, '');
  }
  return v < 0 ? `-${digits}` : digits;
}

/** Formats `v` exactly (see exactDecimal); −0 is plain 0. */
function partsOf(v: number, options: Intl.NumberFormatOptions, style: NumberStyle): Intl.NumberFormatPart[] {
  // Intl reads a numeric string as the exact decimal it spells (ECMA-402's Intl mathematical value).
  return numberFormat(options, style.locale).formatToParts(exactDecimal(v) as unknown as number);
}

/** `v` written with `options`, its minus sign as `style` asks. */
function write(v: number, options: Intl.NumberFormatOptions, style: NumberStyle): string {
  const parts = partsOf(v, options, style);
  const minus = style.minus ?? MINUS;
  return parts.map((p) => (p.type === 'minusSign' ? minus : p.value)).join('');
}

/**
 * `digits` decimals, without digit grouping: `fixed(-0.7, 2)` is "−0.70". A value that rounds to
 * zero is "0.00" unless `signedZero` keeps the sign of what was rounded (a cell state of −0.001
 * written "−0.00" still says which way it leans).
 */
export function fixed(v: number, digits: number, style: NumberStyle & { signedZero?: boolean } = {}): string {
  if (!Number.isFinite(v)) return NO_NUMBER;
  return write(v, { minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false, signDisplay: style.signedZero ? 'auto' : 'negative' }, style);
}

/**
 * At most `digits` significant digits, without digit grouping: `significant(0.30000001, 4)` is
 * "0.3". With `trailingZeros`, exactly `digits` of them: `significant(0.1, 2, …)` is "0.10".
 */
export function significant(v: number, digits: number, style: NumberStyle & { trailingZeros?: boolean } = {}): string {
  if (!Number.isFinite(v)) return NO_NUMBER;
  return write(v, { maximumSignificantDigits: digits, minimumSignificantDigits: style.trailingZeros ? digits : 1, useGrouping: false }, style);
}

/** The mantissa (written as `style` asks) and the power of ten of `v` in scientific notation. */
export function scientificParts(v: number, digits: number, style: NumberStyle & { trailingZeros?: boolean } = {}): { mantissa: string; exponent: number } {
  const options: Intl.NumberFormatOptions = { notation: 'scientific', minimumFractionDigits: style.trailingZeros === false ? 0 : digits, maximumFractionDigits: digits };
  const minus = style.minus ?? MINUS;
  let mantissa = '';
  let exponent = '';
  let inExponent = false;
  for (const p of partsOf(v, options, style)) {
    if (p.type === 'exponentSeparator') inExponent = true;
    else if (inExponent) exponent += p.type === 'exponentMinusSign' ? '-' : p.value;
    else mantissa += p.type === 'minusSign' ? minus : p.value;
  }
  return { mantissa, exponent: Number(exponent) };
}

/**
 * A mantissa with `digits` decimals times a power of ten: `scientific(0.00247, 2)` is "2.47×10⁻³".
 * Without `trailingZeros` the mantissa drops its trailing zeros ("1.5×10⁻⁷", "2×10⁻⁶"), and with
 * `bareOne` a mantissa of exactly 1 is left out ("10⁻⁶", as a log axis labels its decades).
 */
export function scientific(v: number, digits: number, style: NumberStyle & { trailingZeros?: boolean; bareOne?: boolean } = {}): string {
  if (!Number.isFinite(v)) return NO_NUMBER;
  const { mantissa, exponent } = scientificParts(v, digits, style);
  const power = `10${[...String(exponent)].map((c) => SUPERSCRIPTS[c]).join('')}`;
  if (style.bareOne && /^\D?1$/.test(mantissa)) return `${mantissa.slice(0, -1)}${power}`;
  return `${mantissa}×${power}`;
}

/**
 * The notation of a calculator or a program's output, "7.0e-4": for a figure that shows what the
 * code itself prints. Without `trailingZeros` the mantissa drops its trailing zeros ("1e+6").
 */
export function eNotation(v: number, digits: number, style: NumberStyle & { trailingZeros?: boolean } = {}): string {
  if (!Number.isFinite(v)) return NO_NUMBER;
  const { mantissa, exponent } = scientificParts(v, digits, { minus: '-', ...style });
  return `${mantissa}e${exponent < 0 ? '-' : '+'}${Math.abs(exponent)}`;
}

/** A count with its digits grouped: `count(60000)` is "60,000" (up to three decimals, as given). */
export function count(n: number, style: NumberStyle = {}): string {
  if (!Number.isFinite(n)) return NO_NUMBER;
  return write(n, {}, style);
}

/** A share as a percentage with `digits` decimals: `percent(0.973, 1)` is "97.3%". */
export function percent(share: number, digits: number, style: NumberStyle = {}): string {
  if (!Number.isFinite(share)) return NO_NUMBER;
  return write(share, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits, signDisplay: 'negative' }, style);
}

/** A factor inside a sum, `digits` decimals: negative ones in brackets, "(−1.0)". */
export function factor(v: number, digits = 1, style: NumberStyle = {}): string {
  const s = fixed(v, digits, style);
  return s.startsWith(style.minus ?? MINUS) ? `(${s})` : s;
}

/**
 * A number as a worked figure prints it: `decimals` places, or three significant digits in powers
 * of ten when it is too small for them (a saturated slope of 0.00247 must not read as 0.002 or 0).
 */
export function readable(v: number, decimals = 3, style: NumberStyle = {}): string {
  if (!Number.isFinite(v)) return NO_NUMBER;
  if (v === 0) return '0';
  if (Math.abs(v) < 0.01) return scientific(v, 2, style);
  return fixed(v, decimals, style);
}

/** A number as a computational graph writes it: four significant digits, powers of ten outside [0.001, 10⁵). */
export function shortNumber(v: number, style: NumberStyle = {}): string {
  if (!Number.isFinite(v)) return NO_NUMBER;
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e5) return significant(v, 4, style);
  return scientific(v, 2, { ...style, trailingZeros: false });
}

/**
 * A size that spans many orders of magnitude (a gradient's norm): two significant digits between
 * 0.01 and 1000, powers of ten outside.
 */
export function magnitude(v: number, style: NumberStyle = {}): string {
  if (v === 0) return '0';
  if (!Number.isFinite(v)) return NO_NUMBER;
  return v >= 0.01 && v < 1000 ? significant(v, 2, { ...style, trailingZeros: true }) : scientific(v, 1, style);
}
