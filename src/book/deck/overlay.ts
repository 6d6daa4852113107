// A deck's player and its notes window cover the whole page: the rest of the page is made inert
// while they are shown (no focus, no clicks, hidden from screen readers, as behind a modal
// dialog), and the page does not scroll behind them.
import { useCallback, useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

export function useCoverPage(ref: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const made: Element[] = [];
    for (let node: Element = element; node.parentElement && node !== document.body; node = node.parentElement) {
      for (const sibling of node.parentElement.children) {
        if (sibling === node || sibling.hasAttribute('inert') || sibling.tagName === 'SCRIPT') continue;
        sibling.setAttribute('inert', '');
        made.push(sibling);
      }
    }
    document.documentElement.classList.add('has-deck-cover');
    element.focus({ preventScroll: true });
    return () => {
      for (const sibling of made) sibling.removeAttribute('inert');
      document.documentElement.classList.remove('has-deck-cover');
    };
  }, [ref]);
}

/**
 * The Fullscreen API on `ref`'s element: a toggle, and `onEscaped` called when the browser leaves
 * full screen by itself (its Esc, which the page never sees), so that one Esc leaves the deck.
 */
export function useFullscreen(ref: RefObject<HTMLElement | null>, onEscaped: () => void) {
  const supported = typeof document !== 'undefined' && document.fullscreenEnabled === true;
  const wasFull = useRef(false);
  const byToggle = useRef(false);
  const escaped = useRef(onEscaped);
  useEffect(() => {
    escaped.current = onEscaped;
  }, [onEscaped]);
  useEffect(() => {
    const element = ref.current;
    const onChange = () => {
      const full = document.fullscreenElement === element && element !== null;
      if (wasFull.current && !full && !byToggle.current) escaped.current();
      byToggle.current = false;
      wasFull.current = full;
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      if (element && document.fullscreenElement === element) document.exitFullscreen().catch(() => undefined);
    };
  }, [ref]);
  const enter = useCallback(() => {
    const element = ref.current;
    // Refused without a click just before (a deck opened from a link): the fixed view stays.
    if (element && supported && document.fullscreenElement !== element) element.requestFullscreen().catch(() => undefined);
  }, [ref, supported]);
  const toggle = () => {
    if (document.fullscreenElement === ref.current) {
      byToggle.current = true;
      document.exitFullscreen().catch(() => undefined);
    } else enter();
  };
  return { supported, enter, toggle };
}
