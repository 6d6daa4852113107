// Which deck the page shows and how, read from its address and written back to it:
//   deck/                      the builder, empty
//   deck/?deck=1.…             the builder with that deck (to edit it)
//   deck/?deck=1.…&play=3      the deck presented, at its third scene (`&play` alone: the first)
//   deck/?deck=1.…&notes       the notes window of that deck
// Every other parameter of the address (`backend=…`) is kept as it was.
import { useCallback, useSyncExternalStore } from 'react';
import { readParam, withParam } from '../urlState.ts';

export type DeckMode = 'build' | 'play' | 'notes';

export interface DeckView {
  /** The `deck` parameter, percent-decoded, or null. */
  deck: string | null;
  mode: DeckMode;
  /** The scene to start at, from 0 (`play=3` is 2). */
  scene: number;
}

function decoded(raw: string | null): string | null {
  if (raw === null) return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export function readDeckView(search: string): DeckView {
  const deck = decoded(readParam(search, 'deck'));
  const play = readParam(search, 'play');
  const mode: DeckMode = deck === null ? 'build' : readParam(search, 'notes') !== null ? 'notes' : play !== null ? 'play' : 'build';
  const n = play !== null && /^\d{1,3}$/.test(play) ? Number(play) - 1 : 0;
  return { deck, mode, scene: Math.max(0, n) };
}

/** `search` with the deck's parameters set for `view`, the others kept. */
export function deckSearch(search: string, view: DeckView): string {
  let next = withParam(search, 'deck', view.deck);
  next = withParam(next, 'play', view.mode === 'play' ? (view.scene > 0 ? String(view.scene + 1) : '') : null);
  next = withParam(next, 'notes', view.mode === 'notes' ? '' : null);
  return next.replace(/([?&](?:play|notes))=(?=&|$)/g, '$1');
}

const CHANGED = 'deck-address';

function subscribe(listener: () => void): () => void {
  window.addEventListener('popstate', listener);
  window.addEventListener(CHANGED, listener);
  return () => {
    window.removeEventListener('popstate', listener);
    window.removeEventListener(CHANGED, listener);
  };
}

/**
 * The deck view in the address bar, and a setter that writes it (a new history entry with `push`,
 * so Back leaves the player for the builder). The server, and hydration, see the empty builder.
 */
export function useDeckView(): [DeckView, (view: DeckView, push?: boolean) => void] {
  const search = useSyncExternalStore(
    subscribe,
    () => location.search,
    () => '',
  );
  const view = readDeckView(search);
  const setView = useCallback((next: DeckView, push = false) => {
    const url = `${location.pathname}${deckSearch(location.search, next)}`;
    if (`${location.pathname}${location.search}` === url) return;
    if (push) history.pushState(history.state, '', url);
    else history.replaceState(history.state, '', url);
    window.dispatchEvent(new Event(CHANGED));
  }, []);
  return [view, setView];
}
