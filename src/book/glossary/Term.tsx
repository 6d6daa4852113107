// A glossary term's first use in a chapter (written by remarkGlossary.ts): a link to the term on
// the glossary page, with a card that shows its definition while the mouse is over the term or the
// card, or while the link has keyboard focus. Escape closes the card. The card describes the link
// (aria-describedby), so a screen reader reads the definition with it. A tap on a touch screen
// opens no card and simply follows the link. The card floats over the text (it moves nothing); on a
// phone it sits at the edge of the screen away from the term, so the line being read stays visible.
import { useEffect, useId, useLayoutEffect, useRef, useState, type PointerEvent, type ReactNode } from 'react';
import { currentLocale, localeHref } from '../../i18n/index.ts';
import { loadDefinitions, loadDefinitionsWhenIdle, useDefinitions, type Definitions } from './termCards.ts';

/** The term's entry on the glossary page, in the page's locale. */
export function glossaryHref(term: string): string {
  return localeHref(import.meta.env.BASE_URL, `glossary/#term-${term}`, currentLocale());
}

function entryOf(definitions: Definitions | null, term: string): { name: string; definition: string } | undefined {
  return definitions ? (definitions as Readonly<Record<string, { name: string; definition: string } | undefined>>)[term] : undefined;
}

/** Keeps a card that opens below or above its term inside the viewport's width. */
function fitInViewport(card: HTMLElement) {
  card.style.removeProperty('--term-shift');
  if (getComputedStyle(card).position === 'fixed') return;
  const rect = card.getBoundingClientRect();
  const margin = 8;
  let shift = 0;
  if (rect.right > window.innerWidth - margin) shift = window.innerWidth - margin - rect.right;
  if (rect.left + shift < margin) shift = margin - rect.left;
  if (shift) card.style.setProperty('--term-shift', `${Math.round(shift)}px`);
}

export function Term({ term, children }: { term: string; children?: ReactNode }) {
  const definitions = useDefinitions();
  const entry = entryOf(definitions, term);
  const cardId = useId();
  const wrapper = useRef<HTMLSpanElement>(null);
  const card = useRef<HTMLSpanElement>(null);
  const closeTimer = useRef<number | undefined>(undefined);
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const [side, setSide] = useState<'below' | 'above'>('below');
  const open = (hovered || focused) && !dismissed;

  useEffect(() => {
    loadDefinitionsWhenIdle();
    return () => window.clearTimeout(closeTimer.current);
  }, []);

  // Escape closes the card, whether it was opened by the mouse or by focus.
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setDismissed(true);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  useLayoutEffect(() => {
    if (open && card.current) fitInViewport(card.current);
  }, [open, entry, side]);

  // A new hover or a new focus opens the card again after Escape closed it.
  const opening = () => {
    window.clearTimeout(closeTimer.current);
    setDismissed(false);
    void loadDefinitions().catch(() => undefined);
    const rect = wrapper.current?.getBoundingClientRect();
    // Below the term, unless it is low on the screen; on a phone, at the opposite edge.
    if (rect) setSide(rect.bottom > window.innerHeight * 0.6 ? 'above' : 'below');
  };
  const onPointerEnter = (event: PointerEvent) => {
    if (event.pointerType !== 'mouse') return;
    opening();
    setHovered(true);
  };
  const onPointerLeave = (event: PointerEvent) => {
    if (event.pointerType !== 'mouse') return;
    // A moment's grace, so the pointer can cross from the term to the card.
    closeTimer.current = window.setTimeout(() => setHovered(false), 250);
  };

  return (
    <span className="term" ref={wrapper} data-term={term} onPointerEnter={onPointerEnter} onPointerLeave={onPointerLeave}>
      <a
        className="term-link"
        href={glossaryHref(term)}
        aria-describedby={entry ? cardId : undefined}
        onFocus={(event) => {
          // Keyboard focus only: a tap or a click focuses the link too, and should just follow it.
          if (!event.currentTarget.matches(':focus-visible')) return;
          opening();
          setFocused(true);
        }}
        onBlur={() => setFocused(false)}
      >
        {children}
      </a>
      {entry && (
        <span className="term-card" id={cardId} role="tooltip" ref={card} hidden={!open} data-side={side}>
          <span className="term-card-name">{entry.name}</span>
          {entry.definition}
        </span>
      )}
    </span>
  );
}
