// A widget's state in the page's URL, so that a link opens a figure as someone left it.
//
// After TensorFlow Playground's single typed schema for the whole UI state: a widget declares
// each part of its state once (kind, range, default), and that one declaration parses, checks and
// writes the link. A figure's settings live in one query parameter per widget instance, readable
// and editable by hand:
//
//   ?w.ControlsLab.0=weight:1.5,activation:relu,squared:true,caption:Hello%20world
//
// Values are percent-encoded (so `,` and `:` inside a text cannot split it); number lists are
// written `4_4_2`. Nothing read from a link is trusted: every value is checked against the schema,
// and one that fails is replaced by the chapter's value (numbers out of range are clamped), with a
// notice saying what was changed. The schema itself is in
// stateSchema.ts; this module reads and writes links. Pure: no React, no DOM.

import { linkStrings } from './linkStrings.ts';
import { NOTICE_LIMIT, PARAM_LIMIT, checkValue, echo, parseDecimal, labelOf, describeValue, type FieldSpec, type LinkNotice, type Schema, type StateOf, type ValueProblem } from './stateSchema.ts';

export * from './stateSchema.ts';

// ---------------------------------------------------------------------------------------------
// Writing and reading a widget's parameter

const LIST_SEPARATOR = '_';

function encodeValue(field: FieldSpec, value: unknown): string {
  switch (field.kind) {
    case 'number':
    case 'integer':
      return String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'choice':
    case 'text':
      return encodeURIComponent(value as string);
    case 'numberList':
      return (value as number[]).map(String).join(LIST_SEPARATOR);
  }
}

/** The value of a widget's parameter for this state: `key:value,key:value`, URL-safe as it is. */
export function encodeState<S extends Schema>(schema: S, state: StateOf<S>): string {
  return Object.keys(schema)
    .map((key) => `${encodeURIComponent(key)}:${encodeValue(schema[key], (state as Record<string, unknown>)[key])}`)
    .join(',');
}

const TRUE_WORDS = new Set(['true', '1', 'on', 'yes']);
const FALSE_WORDS = new Set(['false', '0', 'off', 'no']);

/** Parses one value's text to the field's type: the value, or null when it cannot be one. */
function parseValue(field: FieldSpec, raw: string): unknown {
  switch (field.kind) {
    case 'number':
    case 'integer':
      return parseDecimal(raw);
    case 'boolean': {
      const word = raw.toLowerCase();
      return TRUE_WORDS.has(word) ? true : FALSE_WORDS.has(word) ? false : null;
    }
    case 'choice':
    case 'text':
      return raw;
    case 'numberList': {
      if (raw === '') return [];
      const parts = raw.split(LIST_SEPARATOR).map(parseDecimal);
      return parts.some((p) => p === null) ? null : parts;
    }
  }
}

function decodePart(raw: string, plusIsSpace: boolean): string | null {
  try {
    return decodeURIComponent(plusIsSpace ? raw.replace(/\+/g, ' ') : raw);
  } catch {
    return null;
  }
}

/** The sentence for one value the link gave and the schema changed. */
function valueSentence(problem: ValueProblem, notice: { label: string; given: string; using: string }): string {
  const sentence = linkStrings.value[problem.code] as (n: typeof notice, p: ValueProblem) => string;
  return sentence(notice, problem);
}

/**
 * Reads a widget's parameter (as written by `encodeState`, or edited by hand) over `base`, the
 * chapter's state: the state to use and a notice for everything that was changed or ignored.
 */
export function decodeState<S extends Schema>(schema: S, raw: string, base: StateOf<S>): { state: StateOf<S>; notices: LinkNotice[] } {
  const state = { ...base } as Record<string, unknown>;
  const notices: LinkNotice[] = [];
  if (raw.length > PARAM_LIMIT) {
    notices.push({ key: null, message: linkStrings.tooLong(raw.length, PARAM_LIMIT) });
    return { state: base, notices };
  }
  const seen = new Set<string>();
  for (const part of raw.split(',')) {
    if (part === '') continue;
    const colon = part.indexOf(':');
    const key = colon < 0 ? null : decodePart(part.slice(0, colon), false);
    if (key === null || key === '') {
      notices.push({ key: null, message: linkStrings.notASetting(echo(part)) });
      continue;
    }
    if (!Object.hasOwn(schema, key)) {
      notices.push({ key: null, message: linkStrings.unknownSetting(echo(key)) });
      continue;
    }
    const field = schema[key];
    const label = labelOf(key, field);
    if (seen.has(key)) {
      notices.push({ key, message: linkStrings.repeated(label) });
      continue;
    }
    seen.add(key);
    const rawValue = part.slice(colon + 1);
    const text = decodePart(rawValue, field.kind === 'text');
    if (text === null) {
      notices.push({ key, message: linkStrings.badEncoding(label, echo(rawValue), describeValue(field, state[key])) });
      continue;
    }
    const parsed = parseValue(field, text);
    // Fall back to the chapter's value (base), not the schema's default.
    const { value, problem } = checkValue({ ...field, default: state[key] } as FieldSpec, parsed === null ? undefined : parsed);
    if (problem) {
      const shown = parsed === null || field.kind === 'text' || field.kind === 'choice' ? echo(text) : describeValue(field, parsed);
      notices.push({ key, message: valueSentence(problem, { label, given: shown, using: describeValue(field, value) }) });
    }
    state[key] = value;
  }
  if (notices.length > NOTICE_LIMIT) {
    const more = notices.length - (NOTICE_LIMIT - 1);
    notices.splice(NOTICE_LIMIT - 1, notices.length, { key: null, message: linkStrings.more(more) });
  }
  return { state: state as StateOf<S>, notices };
}

/** The query parameter that holds one widget instance's state. */
export function widgetParamName(instanceId: string): string {
  return `w.${instanceId}`;
}

function splitSearch(search: string): string[] {
  return search.replace(/^\?/, '').split('&').filter((p) => p !== '');
}

function nameOf(part: string): string | null {
  const eq = part.indexOf('=');
  return decodePart(eq < 0 ? part : part.slice(0, eq), true);
}

/** The raw (still percent-encoded) value of parameter `name` in `search`, or null. */
export function readParam(search: string, name: string): string | null {
  const part = splitSearch(search).find((p) => nameOf(p) === name);
  if (part === undefined) return null;
  const eq = part.indexOf('=');
  return eq < 0 ? '' : part.slice(eq + 1);
}

/**
 * `search` with parameter `name` set to `value` (written as it is: the caller encodes it), or
 * removed when `value` is null. Every other parameter is kept exactly as it was written.
 */
export function withParam(search: string, name: string, value: string | null): string {
  const parts = splitSearch(search);
  const at = parts.findIndex((p) => nameOf(p) === name);
  const others = parts.filter((p) => nameOf(p) !== name);
  if (value !== null) others.splice(at < 0 ? others.length : at, 0, `${name}=${value}`);
  return others.length ? `?${others.join('&')}` : '';
}

/**
 * `search` with every name or value that is not valid percent-encoding made valid by escaping its
 * `%` signs (`%E0%A4%A` → `%25E0%25A4%25A`); valid parts are kept exactly. TensorFlow.js reads
 * the whole query string for its own flags when it starts and throws a URIError on a malformed
 * escape anywhere in it, which would stop every figure on the page.
 */
export function repairQuery(search: string): string {
  const fix = (piece: string) => (decodePart(piece, false) === null ? piece.replace(/%/g, '%25') : piece);
  const parts = splitSearch(search).map((part) => {
    const eq = part.indexOf('=');
    return eq < 0 ? fix(part) : `${fix(part.slice(0, eq))}=${fix(part.slice(eq + 1))}`;
  });
  return parts.length ? `?${parts.join('&')}` : '';
}

/**
 * A name a chapter gives a widget (`<Neuron id="decision-line" />`): lowercase words joined by
 * dashes. It names the widget in links (`w.decision-line`, `#widget-decision-line`), so inserting
 * another widget earlier in the chapter does not change which figure an old link opens.
 */
export const WIDGET_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/**
 * The id of a widget instance without a name: its component name and its index among the widgets
 * of that name on the page. A named widget still answers links written this way.
 */
export function instanceIdOf(name: string, index: number): string {
  return `${name}.${index}`;
}

/** The element id of a widget's frame, so that a link's `#hash` scrolls to it. */
export function frameElementId(instanceId: string): string {
  return `widget-${instanceId.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}
