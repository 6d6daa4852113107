// The deck's window and its notes window in step, over a BroadcastChannel named after the deck:
// each says which scene it shows and whether the screen is blank; either may move the deck; a
// window that opens asks the others where they are. Messages are checked before use.
import { useEffect, useRef, useState } from 'react';

export type DeckMessage = { kind: 'at'; scene: number; blank: boolean } | { kind: 'go'; scene: number } | { kind: 'blank'; on: boolean } | { kind: 'ask' };

/** A message from the channel as a DeckMessage when it is one, for a deck of `count` scenes. */
export function readDeckMessage(data: unknown, count: number): DeckMessage | null {
  if (data === null || typeof data !== 'object') return null;
  const m = data as Record<string, unknown>;
  const scene = m.scene;
  const validScene = typeof scene === 'number' && Number.isInteger(scene) && scene >= 0 && scene < count;
  switch (m.kind) {
    case 'at':
      return validScene && typeof m.blank === 'boolean' ? { kind: 'at', scene: scene as number, blank: m.blank } : null;
    case 'go':
      return validScene ? { kind: 'go', scene: scene as number } : null;
    case 'blank':
      return typeof m.on === 'boolean' ? { kind: 'blank', on: m.on } : null;
    case 'ask':
      return { kind: 'ask' };
    default:
      return null;
  }
}

/** A short, stable name for a deck link (FNV-1a), so two decks open at once keep apart. */
export function channelName(deckParam: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < deckParam.length; i++) {
    hash ^= deckParam.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `deck-${hash.toString(36)}`;
}

export interface DeckChannel {
  post(message: DeckMessage): void;
  close(): void;
}

/** Opens the deck's channel; a browser without BroadcastChannel gets one that does nothing. */
export function openDeckChannel(deckParam: string, count: number, onMessage: (message: DeckMessage) => void): DeckChannel {
  if (typeof BroadcastChannel === 'undefined') return { post: () => undefined, close: () => undefined };
  const channel = new BroadcastChannel(channelName(deckParam));
  channel.onmessage = (event: MessageEvent) => {
    const message = readDeckMessage(event.data, count);
    if (message) onMessage(message);
  };
  return { post: (message) => channel.postMessage(message), close: () => channel.close() };
}

/**
 * Where a deck stands, as its player and its notes window both keep it: the scene (starting at
 * `start`, within the deck) and whether the screen is blank, with `now` always holding the latest
 * of both for event handlers, and `channel` for the window's open channel.
 */
export function useDeckPosition(start: number, count: number) {
  const [scene, setScene] = useState(() => Math.min(Math.max(0, start), count - 1));
  const [blank, setBlank] = useState(false);
  const channel = useRef<DeckChannel | null>(null);
  const now = useRef({ scene, blank });
  useEffect(() => {
    now.current = { scene, blank };
  }, [scene, blank]);
  return { scene, setScene, blank, setBlank, channel, now };
}
