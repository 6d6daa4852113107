// A lecture deck as one link: `deck/?deck=1.<payload>`. The number before the dot is the format's
// version; the payload is the scenes as JSON arrays without keys, UTF-8, in base64url (URL-safe
// as it is, so nothing needs percent-encoding):
//
//   [["neurons", "step-neuron", "w1:1.5,b:-0.5", "A step", "Ask what the bias does"], …]
//    chapter     figure         state (the figure's     title     notes (both may be left off
//                               own link value)                   when empty)
//
// Nothing read from a link is trusted: a link that is not a deck at all is refused with a reason;
// a scene that is malformed, or names a chapter or figure the book does not have, is left out and
// reported while the others are kept; texts are cut to their limits and stripped of control
// characters. The state is kept as written: the figure's own schema checks it when it mounts, as
// it checks its link in a chapter. Pure: no React, no DOM.
import { PARAM_LIMIT } from '../stateSchema.ts';
import { WIDGET_ID } from '../urlState.ts';

export const DECK_VERSION = 1;
/** The longest `deck` parameter read at all. */
export const DECK_LINK_LIMIT = 32_000;
export const SCENE_LIMIT = 40;
export const TITLE_LIMIT = 120;
export const NOTES_LIMIT = 600;

export interface Scene {
  /** The chapter's slug. */
  chapter: string;
  /** The chapter's name for the figure. */
  figure: string;
  /** The figure's state as its link parameter's value (`key:value,…`), '' for the chapter's. */
  state: string;
  title: string;
  notes: string;
}

/** What was wrong with a deck link, for the sentence that says so (strings.ts). */
export type DeckProblem =
  | { code: 'tooLong'; length: number; limit: number }
  | { code: 'notADeck' }
  | { code: 'newerVersion'; version: number }
  | { code: 'badScene'; scene: number }
  | { code: 'unknownChapter'; scene: number; chapter: string }
  | { code: 'unknownFigure'; scene: number; chapter: string; figure: string }
  | { code: 'stateTooLong'; scene: number; limit: number }
  | { code: 'textCut'; scene: number; limit: number }
  | { code: 'tooManyScenes'; count: number; limit: number };

export type DeckReading =
  | { ok: true; scenes: Scene[]; problems: DeckProblem[] }
  | { ok: false; problem: DeckProblem };

/** Whether the book has this figure: its chapter is unknown, the figure is, or both are known. */
export type FigureLookup = (chapter: string, figure: string) => 'known' | 'no-chapter' | 'no-figure';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The text a base64url payload holds, or null when it is not valid base64url of UTF-8. */
function fromBase64Url(payload: string): string | null {
  if (!/^[A-Za-z0-9_-]*$/.test(payload) || payload.length % 4 === 1) return null;
  try {
    const binary = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** A title or notes as kept: control characters gone (notes keep their line breaks), cut to `limit`. */
export function cleanText(text: string, limit: number, keepLines = false): string {
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  const clean = text.replace(keepLines ? /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/g : /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, keepLines ? '' : ' ');
  return clean.length > limit ? clean.slice(0, limit) : clean;
}

/** The `deck` parameter's value for these scenes. */
export function encodeDeck(scenes: readonly Scene[]): string {
  const rows = scenes.map((s) => {
    const row = [s.chapter, s.figure, s.state, s.title, s.notes];
    while (row.length > 2 && row[row.length - 1] === '') row.pop();
    return row;
  });
  return `${DECK_VERSION}.${toBase64Url(JSON.stringify(rows))}`;
}

function readScene(row: unknown, n: number, lookup: FigureLookup, problems: DeckProblem[]): Scene | null {
  if (!Array.isArray(row) || row.length < 2 || row.length > 5 || row.some((v) => typeof v !== 'string')) {
    problems.push({ code: 'badScene', scene: n });
    return null;
  }
  const [chapter, figure, state = '', title = '', notes = ''] = row as string[];
  if (!SLUG.test(chapter) || !WIDGET_ID.test(figure)) {
    problems.push({ code: 'badScene', scene: n });
    return null;
  }
  const known = lookup(chapter, figure);
  if (known === 'no-chapter') {
    problems.push({ code: 'unknownChapter', scene: n, chapter });
    return null;
  }
  if (known === 'no-figure') {
    problems.push({ code: 'unknownFigure', scene: n, chapter, figure });
    return null;
  }
  let kept = state;
  if (state.length > PARAM_LIMIT) {
    problems.push({ code: 'stateTooLong', scene: n, limit: PARAM_LIMIT });
    kept = '';
  }
  const cleanTitle = cleanText(title, TITLE_LIMIT);
  const cleanNotes = cleanText(notes, NOTES_LIMIT, true);
  if (title.length > TITLE_LIMIT) problems.push({ code: 'textCut', scene: n, limit: TITLE_LIMIT });
  if (notes.length > NOTES_LIMIT) problems.push({ code: 'textCut', scene: n, limit: NOTES_LIMIT });
  return { chapter, figure, state: kept, title: cleanTitle, notes: cleanNotes };
}

/** Reads a `deck` parameter (already percent-decoded); `lookup` says which figures the book has. */
export function decodeDeck(raw: string, lookup: FigureLookup): DeckReading {
  if (raw.length > DECK_LINK_LIMIT) return { ok: false, problem: { code: 'tooLong', length: raw.length, limit: DECK_LINK_LIMIT } };
  const match = /^(\d{1,4})\.([A-Za-z0-9_-]*)$/.exec(raw.trim());
  if (!match) return { ok: false, problem: { code: 'notADeck' } };
  const version = Number(match[1]);
  if (version > DECK_VERSION) return { ok: false, problem: { code: 'newerVersion', version } };
  if (version !== DECK_VERSION) return { ok: false, problem: { code: 'notADeck' } };
  const text = fromBase64Url(match[2]);
  let rows: unknown;
  try {
    rows = text === null ? null : JSON.parse(text);
  } catch {
    rows = null;
  }
  if (!Array.isArray(rows)) return { ok: false, problem: { code: 'notADeck' } };
  const problems: DeckProblem[] = [];
  const scenes: Scene[] = [];
  rows.forEach((row, i) => {
    const scene = readScene(row, i + 1, lookup, problems);
    if (scene) scenes.push(scene);
  });
  if (scenes.length > SCENE_LIMIT) {
    problems.push({ code: 'tooManyScenes', count: scenes.length, limit: SCENE_LIMIT });
    scenes.length = SCENE_LIMIT;
  }
  return { ok: true, scenes, problems };
}
