// The words the Lab's data layer gives the reader: why a row of their CSV file was not read, and
// why their own points cannot be trained on yet. In one place so that a translation can follow.
import { catalogue, formatNumber } from '../../i18n/index.ts';

export const labDataStrings = catalogue('lab.data', {
  /** The three columns of a points file, as the reasons below name them. */
  columns: { x1: 'x₁', x2: 'x₂', label: 'label' },

  // Why a row of a pasted or loaded CSV file was left out.
  wrongColumns: (found: number) => `expected 3 columns (x₁, x₂, and a label or target), found ${formatNumber(found)}`,
  emptyField: (column: string) => `${column} is empty`,
  notNumber: (column: string, text: string) => `${column} is not a number: “${text}”`,
  decimalComma: (column: string, text: string) => `${column} uses a decimal comma: write “${text.replace(',', '.')}”, not “${text}”`,
  unclosedQuote: 'a quotation mark is opened and never closed',
  outsidePlane: (column: string, text: string, extent: number) =>
    `${column} = ${text} is off the plane: x₁ and x₂ must lie between −${formatNumber(extent)} and ${formatNumber(extent)}`,
  tooManyRows: (max: number) => `only the first ${formatNumber(max)} rows are read; this row and the ones after it are left out`,

  // Why the reader's own points cannot be trained on yet.
  ownTooFew: (min: number, have: number) =>
    have === 0
      ? `Add at least ${formatNumber(min)} points to train on: there are none yet.`
      : have === 1
        ? `Add at least ${formatNumber(min)} points to train on: there is 1 so far.`
        : `Add at least ${formatNumber(min)} points to train on: there are ${formatNumber(have)} so far.`,
  ownOneClass: 'Every point has the same class: add points of another class, so that there is a boundary to learn.',
});
