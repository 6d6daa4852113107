// What a widget's state is made of, declared once: each part's kind, range and default. The same
// declaration checks every value, whether it comes from a control, the chapter's props or a link
// (urlState.ts), so a widget's state always fits it. Pure: no React, no DOM.
import { linkStrings } from './linkStrings.ts';

/**
 * A setting's name as the reader reads it in a notice ("learning rate"). A widget gives a function
 * that reads its catalogue (`() => s.schemaRate`), so the name is in the locale of the page.
 */
export type Label = string | (() => string);

interface FieldBase<K extends string, T> {
  kind: K;
  default: T;
  /** Name used in notices ("learning rate"); the state key when absent. */
  label?: Label;
}
export interface NumberSpec extends FieldBase<'number', number> {
  min: number;
  max: number;
  step?: number;
}
export interface IntegerSpec extends FieldBase<'integer', number> {
  min: number;
  max: number;
}
export interface ChoiceSpec<C extends string = string> extends FieldBase<'choice', C> {
  choices: readonly C[];
}
export type BooleanSpec = FieldBase<'boolean', boolean>;
export interface TextSpec extends FieldBase<'text', string> {
  maxLength: number;
}
export interface NumberListSpec extends FieldBase<'numberList', number[]> {
  minLength: number;
  maxLength: number;
  min: number;
  max: number;
  integer: boolean;
}
export type FieldSpec = NumberSpec | IntegerSpec | ChoiceSpec | BooleanSpec | TextSpec | NumberListSpec;

export type Schema = Record<string, FieldSpec>;
type ValueOf<F> = F extends FieldBase<string, infer T> ? T : never;
/** The plain state object a schema describes. */
export type StateOf<S extends Schema> = { [K in keyof S]: ValueOf<S[K]> };

/**
 * Why a value was not taken as it was, for the sentence that says so (linkStrings.ts); numbers the
 * reader sees are already written out.
 */
export type ValueProblem =
  | { code: 'notANumber' }
  | { code: 'notWhole' }
  | { code: 'aboveMax'; limit: string }
  | { code: 'belowMin'; limit: string }
  | { code: 'notAChoice'; choices: readonly string[] }
  | { code: 'notOnOff' }
  | { code: 'notText' }
  | { code: 'tooLong'; limit: number }
  | { code: 'controlCharacters' }
  | { code: 'notAList' }
  | { code: 'wrongLength'; count: number; minLength: number; maxLength: number }
  | { code: 'notWholeList' }
  | { code: 'outsideRange'; min: string; max: string };

/** What was changed in a link's value, in a sentence for the reader. */
export interface LinkNotice {
  /** The state key concerned, or null for the link as a whole. */
  key: string | null;
  message: string;
}

function checkRange(what: string, min: number, max: number): void {
  if (!Number.isFinite(min) || !Number.isFinite(max) || min > max) {
    throw new Error(`${what}: needs finite min ≤ max, got min ${min}, max ${max}`);
  }
}

export function number(o: { min: number; max: number; step?: number; default: number; label?: Label }): NumberSpec {
  checkRange('number()', o.min, o.max);
  if (o.step !== undefined && !(o.step > 0)) throw new Error(`number(): step must be positive, got ${o.step}`);
  return { kind: 'number', ...o };
}

export function integer(o: { min: number; max: number; default: number; label?: Label }): IntegerSpec {
  checkRange('integer()', o.min, o.max);
  return { kind: 'integer', ...o };
}

export function choice<C extends string>(choices: readonly C[], defaultValue: C, label?: Label): ChoiceSpec<C> {
  if (!choices.includes(defaultValue)) throw new Error(`choice(): default "${defaultValue}" is not one of ${choices.join(', ')}`);
  return { kind: 'choice', choices, default: defaultValue, label };
}

export function boolean(defaultValue: boolean, label?: Label): BooleanSpec {
  return { kind: 'boolean', default: defaultValue, label };
}

export function text(o: { maxLength: number; default: string; label?: Label }): TextSpec {
  if (o.default.length > o.maxLength) throw new Error(`text(): default is longer than maxLength ${o.maxLength}`);
  return { kind: 'text', ...o };
}

export function numberList(o: {
  length?: number;
  minLength?: number;
  maxLength?: number;
  min: number;
  max: number;
  integer?: boolean;
  default: number[];
  label?: Label;
}): NumberListSpec {
  checkRange('numberList()', o.min, o.max);
  const minLength = o.length ?? o.minLength ?? 1;
  const maxLength = o.length ?? o.maxLength;
  if (maxLength === undefined) throw new Error('numberList(): give length or maxLength');
  return {
    kind: 'numberList',
    minLength,
    maxLength,
    min: o.min,
    max: o.max,
    integer: o.integer ?? false,
    default: o.default,
    label: o.label,
  };
}

// ---------------------------------------------------------------------------------------------
// Showing values in notices

/** Longest piece of a link echoed back in a notice. */
export const ECHO_LIMIT = 24;
/** A widget's parameter longer than this is not read at all. */
export const PARAM_LIMIT = 2000;
/** At most this many notices per figure; the rest are counted in one last line. */
export const NOTICE_LIMIT = 5;

/** A piece of a link as shown in a notice: control characters removed, cut to ECHO_LIMIT. */
export function echo(raw: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  const clean = raw.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '');
  return linkStrings.quoted(clean.length > ECHO_LIMIT ? `${clean.slice(0, ECHO_LIMIT)}…` : clean);
}

/** A number as a reader expects it: no float noise (0.30000000000000004 → 0.3), never NaN. */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return '–';
  if (v === 0) return '0';
  return String(Number(v.toPrecision(6)));
}

export function describeValue(field: FieldSpec, value: unknown): string {
  switch (field.kind) {
    case 'number':
    case 'integer':
      return formatNumber(value as number);
    case 'boolean':
      return value ? linkStrings.on : linkStrings.off;
    case 'choice':
      return String(value);
    case 'text':
      return value === '' ? linkStrings.noText : echo(value as string);
    case 'numberList':
      return (value as number[]).map(formatNumber).join(', ');
  }
}

/** The name of setting `key` in notices: its label in the current locale, else the key itself. */
export function labelOf(key: string, field: FieldSpec): string {
  return typeof field.label === 'function' ? field.label() : (field.label ?? key);
}

// ---------------------------------------------------------------------------------------------
// Checking values

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** A decimal number written plainly (no hex, no blanks, no empty string meaning 0). */
export function parseDecimal(raw: string): number | null {
  if (!NUMBER_TEXT.test(raw)) return null;
  const v = Number(raw);
  return Number.isFinite(v) ? v : null;
}

function decimals(step: number): number {
  const s = String(step);
  const e = s.match(/e-(\d+)$/);
  if (e) return Number(e[1]);
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

/** Snaps to the grid min + k·step (as a range input does), without float noise. */
function snap(v: number, spec: NumberSpec): number {
  if (!spec.step) return v;
  const k = Math.round((v - spec.min) / spec.step);
  const snapped = Number((spec.min + k * spec.step).toFixed(Math.min(20, decimals(spec.step) + decimals(spec.min))));
  return Math.min(spec.max, Math.max(spec.min, snapped));
}

type Checked = { value: unknown; problem: ValueProblem | null };

/**
 * Checks a value of any type against a field: the value to use and, when it was changed, why.
 * Used for values from links (after parsing), from chapters' props and from widgets' own updates.
 */
export function checkValue(field: FieldSpec, value: unknown): Checked {
  const fallback = (problem: ValueProblem): Checked => ({ value: field.default, problem });
  switch (field.kind) {
    case 'number':
    case 'integer': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return fallback({ code: 'notANumber' });
      let v = value;
      let problem: ValueProblem | null = null;
      if (field.kind === 'integer' && !Number.isInteger(v)) {
        v = Math.round(v);
        problem = { code: 'notWhole' };
      }
      if (v > field.max) return { value: field.max, problem: { code: 'aboveMax', limit: formatNumber(field.max) } };
      if (v < field.min) return { value: field.min, problem: { code: 'belowMin', limit: formatNumber(field.min) } };
      if (field.kind === 'number') v = snap(v, field);
      return { value: v, problem };
    }
    case 'choice':
      return typeof value === 'string' && field.choices.includes(value)
        ? { value, problem: null }
        : fallback({ code: 'notAChoice', choices: field.choices });
    case 'boolean':
      return typeof value === 'boolean' ? { value, problem: null } : fallback({ code: 'notOnOff' });
    case 'text': {
      if (typeof value !== 'string') return fallback({ code: 'notText' });
      if (value.length > field.maxLength) return fallback({ code: 'tooLong', limit: field.maxLength });
      // eslint-disable-next-line no-control-regex -- control characters are what this rejects
      if (/[\u0000-\u001f\u007f]/.test(value)) return fallback({ code: 'controlCharacters' });
      return { value, problem: null };
    }
    case 'numberList': {
      if (!Array.isArray(value) || value.some((x) => typeof x !== 'number' || !Number.isFinite(x))) {
        return fallback({ code: 'notAList' });
      }
      if (value.length < field.minLength || value.length > field.maxLength) {
        return fallback({ code: 'wrongLength', count: value.length, minLength: field.minLength, maxLength: field.maxLength });
      }
      let problem: ValueProblem | null = null;
      const list = (value as number[]).map((x) => {
        let v = field.integer ? Math.round(x) : x;
        if (v !== x) problem = { code: 'notWholeList' };
        if (v > field.max || v < field.min) {
          v = Math.min(field.max, Math.max(field.min, v));
          problem = { code: 'outsideRange', min: formatNumber(field.min), max: formatNumber(field.max) };
        }
        return v;
      });
      return { value: list, problem };
    }
  }
}

/** The state from the schema's defaults, overridden by `initial` (a chapter's props). */
export function initialState<S extends Schema>(schema: S, initial?: Partial<StateOf<S>>): { state: StateOf<S>; problems: string[] } {
  const state = {} as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(schema)) {
    const field = schema[key];
    const given = initial && Object.hasOwn(initial, key) ? (initial as Record<string, unknown>)[key] : undefined;
    if (given === undefined) {
      state[key] = field.default;
      continue;
    }
    const { value, problem } = checkValue(field, given);
    state[key] = value;
    // For the chapter's author, in the console: the problem's code is enough.
    if (problem) problems.push(`initial ${key} ${JSON.stringify(given)}: ${JSON.stringify(problem)}, using ${JSON.stringify(value)}`);
  }
  return { state: state as StateOf<S>, problems };
}

/** The state after a widget's own update: every value checked, a bad one silently corrected. */
export function applyUpdate<S extends Schema>(schema: S, state: StateOf<S>, update: Partial<StateOf<S>>): StateOf<S> {
  const next = { ...state } as Record<string, unknown>;
  for (const key of Object.keys(update)) {
    if (!Object.hasOwn(schema, key)) throw new Error(`setState: "${key}" is not part of this widget's state`);
    next[key] = checkValue(schema[key], (update as Record<string, unknown>)[key]).value;
  }
  return next as StateOf<S>;
}

