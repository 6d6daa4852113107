// The card of a glossary term in a chapter's prose: the term's definition while the mouse is over
// the term or the card, or while the term's link has keyboard focus; Escape closes it. One card for
// the whole page, moved into the term it describes and named by that link's aria-describedby while
// open, so a screen reader reads the definition with the link. Terms are plain markup (Term.tsx, or
// a chapter's fixed HTML): the page's events are watched from the document. A tap on a touch screen
// opens no card and simply follows the link. The card floats over the text (it moves nothing); on a
// phone it sits at the edge of the screen away from the term (glossary.css), so the line being read
// stays visible.
import { currentDefinitions, loadDefinitions, loadDefinitionsWhenIdle, type Definitions } from './termCards.ts';

export const TERM_CARD_ID = 'term-card';
/** A moment's grace, so the pointer can cross from the term to the card. */
const CLOSE_AFTER_MS = 250;

function entryOf(definitions: Definitions | null, term: string | undefined): { name: string; definition: string } | undefined {
  return definitions && term ? (definitions as Readonly<Record<string, { name: string; definition: string } | undefined>>)[term] : undefined;
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

const termOf = (target: EventTarget | null) => (target instanceof Element ? target.closest<HTMLElement>('.term') : null);

/** Opens and closes the page's term card from the document's events; returns the way to stop. */
export function watchTermCards(doc: Document): () => void {
  const card = doc.createElement('span');
  card.className = 'term-card';
  card.id = TERM_CARD_ID;
  card.setAttribute('role', 'tooltip');
  card.hidden = true;
  /** The term the card belongs to, and why it is open. */
  let term: HTMLElement | null = null;
  let hovered = false;
  let focused = false;
  let closeTimer: number | undefined;

  const linkOf = (el: HTMLElement | null) => el?.querySelector<HTMLAnchorElement>('.term-link') ?? null;

  const close = () => {
    window.clearTimeout(closeTimer);
    hovered = false;
    focused = false;
    card.hidden = true;
    linkOf(term)?.removeAttribute('aria-describedby');
    term = null;
  };

  const place = (el: HTMLElement) => {
    if (term !== el || !(hovered || focused)) return;
    const entry = entryOf(currentDefinitions(), el.dataset.term);
    if (!entry) return;
    const name = doc.createElement('span');
    name.className = 'term-card-name';
    name.textContent = entry.name;
    card.replaceChildren(name, doc.createTextNode(entry.definition));
    // Below the term, unless it is low on the screen; on a phone, at the opposite edge.
    card.dataset.side = el.getBoundingClientRect().bottom > window.innerHeight * 0.6 ? 'above' : 'below';
    if (card.parentElement !== el) el.appendChild(card);
    linkOf(el)?.setAttribute('aria-describedby', TERM_CARD_ID);
    card.hidden = false;
    fitInViewport(card);
  };

  const open = (el: HTMLElement) => {
    window.clearTimeout(closeTimer);
    if (term !== el) {
      const keep = { hovered, focused };
      close();
      ({ hovered, focused } = keep);
      term = el;
    }
    if (currentDefinitions()) place(el);
    else loadDefinitions().then(() => place(el), () => undefined);
  };

  const onPointerOver = (event: PointerEvent) => {
    if (event.pointerType !== 'mouse') return;
    const el = termOf(event.target);
    if (!el) return;
    if (el === term && hovered) {
      window.clearTimeout(closeTimer);
      return;
    }
    hovered = true;
    open(el);
  };
  const onPointerOut = (event: PointerEvent) => {
    if (event.pointerType !== 'mouse') return;
    const el = termOf(event.target);
    if (!el || el !== term || (event.relatedTarget instanceof Node && el.contains(event.relatedTarget))) return;
    window.clearTimeout(closeTimer);
    closeTimer = window.setTimeout(() => {
      hovered = false;
      if (!focused) close();
    }, CLOSE_AFTER_MS);
  };
  const onFocusIn = (event: FocusEvent) => {
    const link = event.target instanceof Element ? event.target.closest('.term-link') : null;
    const el = termOf(link);
    // Keyboard focus only: a tap or a click focuses the link too, and should just follow it.
    if (!link || !el || !link.matches(':focus-visible')) return;
    focused = true;
    open(el);
  };
  const onFocusOut = (event: FocusEvent) => {
    if (!term || !(event.target instanceof Node) || !term.contains(event.target)) return;
    focused = false;
    if (!hovered) close();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !card.hidden) close();
  };

  if (doc.querySelector('.term')) loadDefinitionsWhenIdle();
  doc.addEventListener('pointerover', onPointerOver, { passive: true });
  doc.addEventListener('pointerout', onPointerOut, { passive: true });
  doc.addEventListener('focusin', onFocusIn);
  doc.addEventListener('focusout', onFocusOut);
  doc.addEventListener('keydown', onKeyDown);
  return () => {
    close();
    card.remove();
    doc.removeEventListener('pointerover', onPointerOver);
    doc.removeEventListener('pointerout', onPointerOut);
    doc.removeEventListener('focusin', onFocusIn);
    doc.removeEventListener('focusout', onFocusOut);
    doc.removeEventListener('keydown', onKeyDown);
  };
}
