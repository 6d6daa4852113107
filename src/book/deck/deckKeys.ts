// The keys of a deck, as PowerPoint and presentation clickers use them: → ↓ Page Down next,
// ← ↑ Page Up previous, Home and End the ends, B or . blanks the screen, Esc leaves. A clicker
// sends Page Up/Down, so those always move the deck; the arrows, Home and End belong to the figure
// while the reader works in it (its sliders, its draggable points), and letters to a text field.
import { isTypingTarget } from '../shortcuts.ts';

export type DeckAction = 'next' | 'previous' | 'first' | 'last' | 'blank' | 'leave';

type KeyEvent = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>;

/** True when the arrows and Home/End of this key press move something inside a figure or a control. */
function inFigureOrControl(target: EventTarget | null): boolean {
  if (typeof Element === 'undefined' || !(target instanceof Element)) return false;
  return target.closest('.widget-body, input, select, textarea, [contenteditable=""], [contenteditable="true"]') !== null;
}

export function deckActionFor(event: KeyEvent): DeckAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  switch (event.key) {
    case 'PageDown':
      return isTypingTarget(event.target) ? null : 'next';
    case 'PageUp':
      return isTypingTarget(event.target) ? null : 'previous';
    case 'ArrowRight':
    case 'ArrowDown':
      return inFigureOrControl(event.target) ? null : 'next';
    case 'ArrowLeft':
    case 'ArrowUp':
      return inFigureOrControl(event.target) ? null : 'previous';
    case 'Home':
      return inFigureOrControl(event.target) ? null : 'first';
    case 'End':
      return inFigureOrControl(event.target) ? null : 'last';
    case 'b':
    case 'B':
    case '.':
      return isTypingTarget(event.target) ? null : 'blank';
    case 'Escape':
      return 'leave';
    default:
      return null;
  }
}

/**
 * Keys of the book's own shortcuts that make no sense over a deck: [ and ] would leave it for
 * another chapter, p present one figure, ? open the shortcuts behind it. (t, the theme, stays.)
 */
export function isShellShortcut(key: string): boolean {
  return key === '[' || key === ']' || key === 'p' || key === 'P' || key === '?';
}

/** The scene a move goes to from `at`, in a deck of `count` scenes (the ends hold). */
export function sceneAfter(action: 'next' | 'previous' | 'first' | 'last', at: number, count: number): number {
  const to = action === 'next' ? at + 1 : action === 'previous' ? at - 1 : action === 'first' ? 0 : count - 1;
  return Math.min(Math.max(0, to), count - 1);
}
