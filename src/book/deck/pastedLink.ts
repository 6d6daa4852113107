// A link pasted into the deck builder, turned into scenes: a figure's shared link
// (`…/chapters/<slug>/?w.<id>=<state>#widget-<id>`, one scene per figure it sets, or the figure
// its #anchor names), or a whole deck link (its scenes). A figure's state is kept exactly as the
// link wrote it (still percent-encoded), as its frame would read it. Pure: no React, no DOM.
import { readParam } from '../urlState.ts';
import { decodeDeck, type DeckProblem, type FigureLookup, type Scene } from './deckLink.ts';

export interface NamedFigure {
  id: string;
  component: string;
}

export type Pasted =
  | { ok: true; scenes: Scene[]; problems: DeckProblem[] }
  | { ok: false; reason: 'notALink' | 'noFigure' }
  | { ok: false; reason: 'unknownChapter'; chapter: string }
  | { ok: false; reason: 'deck'; problem: DeckProblem };

const CHAPTER_PATH = /\/chapters\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?(?:index\.html)?$/;
const DECK_PATH = /\/deck\/?(?:index\.html)?$/;

function decodedName(part: string): string | null {
  const eq = part.indexOf('=');
  try {
    return decodeURIComponent((eq < 0 ? part : part.slice(0, eq)).replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/**
 * The scenes a pasted link stands for. `figuresOf(slug)` lists a chapter's named figures in order
 * (undefined when the book has no such chapter), so that a link written before a figure had a
 * name (`w.Neuron.1`, the second Neuron of the page) still finds it.
 */
export function scenesFromLink(text: string, pageHref: string, figuresOf: (slug: string) => readonly NamedFigure[] | undefined, lookup: FigureLookup): Pasted {
  let url: URL;
  try {
    url = new URL(text.trim(), pageHref);
  } catch {
    return { ok: false, reason: 'notALink' };
  }
  if (!/^https?:$/.test(url.protocol) || text.trim() === '') return { ok: false, reason: 'notALink' };
  if (DECK_PATH.test(url.pathname) && url.searchParams.has('deck')) {
    const reading = decodeDeck(url.searchParams.get('deck') ?? '', lookup);
    return reading.ok ? { ok: true, scenes: reading.scenes, problems: reading.problems } : { ok: false, reason: 'deck', problem: reading.problem };
  }
  const match = CHAPTER_PATH.exec(url.pathname);
  if (!match) return { ok: false, reason: 'notALink' };
  const chapter = match[1];
  const figures = figuresOf(chapter);
  if (!figures) return { ok: false, reason: 'unknownChapter', chapter };

  const scenes: Scene[] = [];
  const add = (figure: NamedFigure | undefined, state: string) => {
    if (figure && !scenes.some((s) => s.figure === figure.id)) scenes.push({ chapter, figure: figure.id, state, title: '', notes: '' });
  };
  for (const part of url.search.replace(/^\?/, '').split('&')) {
    const name = decodedName(part);
    if (!name?.startsWith('w.')) continue;
    const key = name.slice(2);
    const state = readParam(url.search, name) ?? '';
    const positional = /^([A-Z][A-Za-z0-9]*)\.(\d{1,3})$/.exec(key);
    add(positional ? figures.filter((f) => f.component === positional[1])[Number(positional[2])] : figures.find((f) => f.id === key), state);
  }
  if (scenes.length === 0) {
    const anchored = /^#widget-([a-z0-9-]+)$/.exec(url.hash);
    add(anchored ? figures.find((f) => f.id === anchored[1]) : undefined, '');
  }
  return scenes.length ? { ok: true, scenes, problems: [] } : { ok: false, reason: 'noFigure' };
}
