// Keyboard shortcuts, documented in the first chapter and in the help dialog (`?`). None fires
// while the reader types in a field or holds Ctrl, Alt or Meta.
import { useEffect } from 'react';
import { shortcutStrings as s } from './strings.ts';

export interface Shortcut {
  keys: string[];
  description: string;
}

/** The shortcuts as the help dialog lists them, in the current locale. */
export function shortcutList(): Shortcut[] {
  return [
    { keys: ['['], description: s.previousChapter },
    { keys: [']'], description: s.nextChapter },
    { keys: ['/'], description: s.search },
    { keys: ['t'], description: s.toggleTheme },
    { keys: ['p'], description: s.presentWidget },
    { keys: [s.escapeKey], description: s.leave },
    { keys: ['?'], description: s.showHelp },
  ];
}

export interface ShortcutActions {
  previousChapter: () => void;
  nextChapter: () => void;
  toggleTheme: () => void;
  presentWidget: () => void;
  showHelp: () => void;
  search: () => void;
}

/** True when a key press belongs to a text field, a select or an editable element. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (typeof Element === 'undefined' || !(target instanceof Element)) return false;
  if (target.closest('textarea, select, [contenteditable=""], [contenteditable="true"]')) return true;
  if (target instanceof HTMLInputElement) {
    // Letters on a checkbox, a slider or a button are not typing (sliders take only arrows,
    // Page Up/Down and Home/End); on a text or number field they are.
    return !['checkbox', 'radio', 'range', 'color', 'file', 'button', 'submit', 'reset', 'image'].includes(target.type);
  }
  return false;
}

type ShortcutEvent = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'> &
  Partial<Pick<KeyboardEvent, 'getModifierState'>>;

/**
 * Whether the key was typed with AltGr, as many keyboard layouts type `[` and `]` (German, French,
 * Nordic…): browsers report it as the AltGraph modifier, and on Windows as Ctrl+Alt together.
 */
function typedWithAltGr(event: ShortcutEvent): boolean {
  if (event.metaKey) return false;
  return event.getModifierState?.('AltGraph') === true || (event.ctrlKey && event.altKey);
}

/** The action bound to a key event, or null. */
export function shortcutFor(event: ShortcutEvent): keyof ShortcutActions | null {
  // The character typed is what counts: `[` typed with AltGr is still `[`. Other combinations
  // (Ctrl+T, Cmd+P, Alt+[) are the browser's.
  if (!typedWithAltGr(event) && (event.ctrlKey || event.metaKey || event.altKey)) return null;
  if (isTypingTarget(event.target)) return null;
  switch (event.key) {
    case '[':
      return 'previousChapter';
    case ']':
      return 'nextChapter';
    case 't':
    case 'T':
      return 'toggleTheme';
    case 'p':
    case 'P':
      return 'presentWidget';
    case '?':
      return 'showHelp';
    case '/':
      return 'search';
    default:
      return null;
  }
}

/** The widget `p` presents: the one holding focus, else the one taking most of the viewport. */
export function widgetToPresent(doc: Document): HTMLElement | null {
  const focused = doc.activeElement?.closest<HTMLElement>('[data-widget]');
  if (focused) return focused;
  let best: HTMLElement | null = null;
  let bestArea = 0;
  const viewHeight = doc.documentElement.clientHeight;
  for (const widget of doc.querySelectorAll<HTMLElement>('[data-widget]')) {
    const rect = widget.getBoundingClientRect();
    const visible = Math.max(0, Math.min(rect.bottom, viewHeight) - Math.max(rect.top, 0));
    if (visible > bestArea) {
      bestArea = visible;
      best = widget;
    }
  }
  return best;
}

export function useShortcuts(actions: ShortcutActions): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const action = shortcutFor(event);
      if (!action) return;
      event.preventDefault();
      actions[action]();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [actions]);
}
