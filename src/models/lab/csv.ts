// The reader's points as CSV text, both ways: read a pasted or loaded file into points, keeping
// every good row and saying of each bad one which line it is and what is wrong with it; and write
// points out so that a download loads back as the same points.
import { EXTENT, type LabPoint, type LabTask } from './spec.ts';
import { labDataStrings } from './strings.ts';

/** Data rows read from one file when the caller names no limit. */
export const DEFAULT_MAX_ROWS = 1000;
/** Characters of a bad row shown beside its reason. */
const SHOWN_CHARACTERS = 40;

export interface CsvRowError {
  /** Line of the text, counted from 1. */
  line: number;
  /** The row as written, cut to about 40 characters. */
  text: string;
  /** Why it was left out, in the reader's words. */
  reason: string;
}

export interface ParsedPoints {
  points: LabPoint[];
  errors: CsvRowError[];
  /** The file had more data rows than the limit; the first row left out is among the errors. */
  truncated: boolean;
}

type Column = 'x1' | 'x2' | 'label';
const COLUMNS: readonly Column[] = ['x1', 'x2', 'label'];

/** Header names taken for each column, written as `headerName` reduces them. */
const HEADER_NAMES: Record<Column, readonly string[]> = {
  x1: ['x1'],
  x2: ['x2'],
  label: ['label', 'target', 'y', 'class'],
};

/** A number as people write it in a table: digits, a decimal point, an exponent; nothing else. */
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;

type Separator = ',' | ';' | '\t';

/** The file's separator, read from its first row: a tab, else a semicolon, else a comma. */
function separatorOf(row: string): Separator {
  if (row.includes('\t')) return '\t';
  return row.includes(';') ? ';' : ',';
}

/** The row's fields, trimmed and unquoted (`""` inside quotes is one quote); null for a quote left open. */
function splitFields(row: string, separator: Separator): string[] | null {
  const raw: string[] = [];
  let field = '';
  let quoted = false;
  for (const ch of row) {
    if (ch === '"') quoted = !quoted;
    if (ch === separator && !quoted) {
      raw.push(field);
      field = '';
    } else field += ch;
  }
  if (quoted) return null;
  raw.push(field);
  return raw.map((f) => {
    const text = f.trim();
    return text.length >= 2 && text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1).replace(/""/g, '"').trim() : text;
  });
}

type NumberRead = { ok: true; value: number } | { ok: false; reason: string };

function readNumber(text: string, column: Column): NumberRead {
  const name = labDataStrings.columns[column];
  if (text === '') return { ok: false, reason: labDataStrings.emptyField(name) };
  // The book writes its minus signs as U+2212; a number copied from a page reads as typed.
  const plain = text.replace(/^\u2212/, '-');
  if (DECIMAL_COMMA.test(plain)) return { ok: false, reason: labDataStrings.decimalComma(name, text) };
  const value = PLAIN_NUMBER.test(plain) ? Number(plain) : NaN;
  if (!Number.isFinite(value)) return { ok: false, reason: labDataStrings.notNumber(name, text) };
  if (column !== 'label' && Math.abs(value) > EXTENT) return { ok: false, reason: labDataStrings.outsidePlane(name, text, EXTENT) };
  return { ok: true, value };
}

/** A header name reduced to what identifies it: "X₁ " and "x_1" are both "x1". */
function headerName(text: string): string {
  return text.toLowerCase().replace(/₁/g, '1').replace(/₂/g, '2').replace(/[\s_]/g, '');
}

/** A first row is a header when it names something (a letter) and holds no number. */
function isHeader(fields: readonly string[]): boolean {
  return fields.some((f) => /\p{L}/u.test(f)) && fields.every((f) => !readNumber(f, 'label').ok);
}

/**
 * Where each column is, from a header row: by name when the three names are x1, x2 and a label
 * (label, target, y or class) in any order; else in the order x1, x2, label.
 */
function columnOrder(fields: readonly string[]): Record<Column, number> {
  const byPosition = { x1: 0, x2: 1, label: 2 };
  const names = fields.map(headerName);
  const found = COLUMNS.map((c) => names.findIndex((n) => HEADER_NAMES[c].includes(n)));
  const distinct = new Set(found).size === COLUMNS.length && !found.includes(-1);
  return fields.length === COLUMNS.length && distinct ? { x1: found[0], x2: found[1], label: found[2] } : byPosition;
}

function shown(row: string): string {
  return row.length > SHOWN_CHARACTERS ? `${row.slice(0, SHOWN_CHARACTERS - 1)}…` : row;
}

/**
 * Points from CSV text with the columns x₁, x₂ and a label or target. Separators: comma, semicolon
 * or tab (the first row decides). A first row of names (words, no number) is a header, which may
 * put the columns in another order. Blank lines and lines starting with # are skipped. A row is refused,
 * with its reason, when it has other than three columns, a field that is not a plain number (hex,
 * Infinity, NaN, an empty field, a decimal comma), or a coordinate off the plane [−6, 6]: the plane
 * is all the Lab shows, and moving a point silently would change the reader's data. At most
 * `maxRows` data rows (default 1000) are read.
 */
export function parsePointsCsv(text: string, opts: { maxRows?: number } = {}): ParsedPoints {
  const maxRows = Math.max(1, Math.floor(Number.isFinite(opts.maxRows) ? (opts.maxRows as number) : DEFAULT_MAX_ROWS));
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const points: LabPoint[] = [];
  const errors: CsvRowError[] = [];
  let separator: Separator | null = null;
  let order: Record<Column, number> = { x1: 0, x2: 1, label: 2 };
  let rows = 0;
  for (let i = 0; i < lines.length; i++) {
    const row = lines[i].trim();
    if (row === '' || row.startsWith('#')) continue;
    const fail = (reason: string) => errors.push({ line: i + 1, text: shown(row), reason });
    const first = separator === null;
    separator ??= separatorOf(row);
    const fields = splitFields(row, separator);
    if (fields === null) {
      fail(labDataStrings.unclosedQuote);
      continue;
    }
    if (first && isHeader(fields)) {
      order = columnOrder(fields);
      if (fields.length !== COLUMNS.length) fail(labDataStrings.wrongColumns(fields.length));
      continue;
    }
    if (rows === maxRows) {
      fail(labDataStrings.tooManyRows(maxRows));
      return { points, errors, truncated: true };
    }
    rows++;
    if (fields.length !== COLUMNS.length) {
      fail(labDataStrings.wrongColumns(fields.length));
      continue;
    }
    const [x1, x2, label] = COLUMNS.map((c) => readNumber(fields[order[c]], c));
    if (!x1.ok) fail(x1.reason);
    else if (!x2.ok) fail(x2.reason);
    else if (!label.ok) fail(label.reason);
    else points.push({ x1: x1.value, x2: x2.value, y: label.value });
  }
  return { points, errors, truncated: false };
}

/**
 * Points as CSV text: a header (x1,x2,label, or x1,x2,target for a regression), then a row per
 * point with each number written so that it reads back exactly. Points with a number that is not
 * finite are left out: they could not be read back.
 */
export function pointsToCsv(points: readonly LabPoint[], task: LabTask = 'classification'): string {
  const header = `x1,x2,${task === 'regression' ? 'target' : 'label'}`;
  const rows = points.filter((p) => [p.x1, p.x2, p.y].every(Number.isFinite)).map((p) => `${p.x1},${p.x2},${p.y}`);
  return [header, ...rows].join('\n') + '\n';
}
