// What the frame says about a shared link it could not take as it was (urlState.ts): one whole
// sentence per case, with the setting's name, the value the link gave and the value used instead.
import { catalogue } from '../i18n/index.ts';
import type { ValueProblem } from './stateSchema.ts';

/** The parts of a sentence about one value: the setting's name, what the link gave, what is used. */
export interface ValueNotice {
  label: string;
  given: string;
  using: string;
}

type ValueSentences = { [C in ValueProblem['code']]: (notice: ValueNotice, problem: Extract<ValueProblem, { code: C }>) => string };

const valueSentences = {
  notANumber: (n) => `The link set ${n.label} to ${n.given}, which is not a number: using ${n.using}.`,
  notWhole: (n) => `The link set ${n.label} to ${n.given}, which is not a whole number: using ${n.using}.`,
  aboveMax: (n, p) => `The link set ${n.label} to ${n.given}, above its maximum ${p.limit}: using ${n.using}.`,
  belowMin: (n, p) => `The link set ${n.label} to ${n.given}, below its minimum ${p.limit}: using ${n.using}.`,
  notAChoice: (n, p) => `The link set ${n.label} to ${n.given}, which is not one of ${p.choices.join(', ')}: using ${n.using}.`,
  notOnOff: (n) => `The link set ${n.label} to ${n.given}, which is neither on nor off: using ${n.using}.`,
  notText: (n) => `The link set ${n.label} to ${n.given}, which is not text: using ${n.using}.`,
  tooLong: (n, p) => `The link set ${n.label} to ${n.given}, longer than its limit of ${p.limit} characters: using ${n.using}.`,
  controlCharacters: (n) => `The link set ${n.label} to ${n.given}, which holds control characters: using ${n.using}.`,
  notAList: (n) => `The link set ${n.label} to ${n.given}, which is not a list of numbers: using ${n.using}.`,
  wrongLength: (n, p) =>
    p.minLength === p.maxLength
      ? `The link set ${n.label} to ${n.given}, which has ${p.count} numbers instead of ${p.maxLength}: using ${n.using}.`
      : `The link set ${n.label} to ${n.given}, which has ${p.count} numbers instead of ${p.minLength} to ${p.maxLength}: using ${n.using}.`,
  notWholeList: (n) => `The link set ${n.label} to ${n.given}, which holds numbers that are not whole: using ${n.using}.`,
  outsideRange: (n, p) => `The link set ${n.label} to ${n.given}, which goes outside ${p.min} to ${p.max}: using ${n.using}.`,
} satisfies ValueSentences;

export const linkStrings = catalogue('links', {
  tooLong: (length: number, limit: number) =>
    `The link's settings for this figure are ${length} characters long, more than the ${limit} a genuine link needs: they were ignored.`,
  notASetting: (part: string) => `The link has a part ${part} that is not a setting (name:value): ignored.`,
  unknownSetting: (key: string) => `The link has a setting ${key} that this figure does not have: ignored.`,
  repeated: (label: string) => `The link sets ${label} more than once: using the first.`,
  badEncoding: (label: string, raw: string, using: string) => `The link's ${label} ${raw} is not properly encoded: using ${using}.`,
  value: valueSentences,
  more: (count: number) => `…and ${count} more problems with this link.`,
  /** A value as the sentences show it. */
  on: 'on',
  off: 'off',
  noText: 'no text',
  /** A piece of the link quoted in a sentence. */
  quoted: (text: string) => `“${text}”`,
});
