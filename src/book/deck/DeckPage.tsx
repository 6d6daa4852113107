// The lecture-deck page (`deck/`): the builder, and over it the deck presented or its notes
// window, as the address says (deckAddress.ts). A link that holds no deck is refused with the
// reason and a way to a new deck; a deck with problems opens with what it could keep, the
// problems listed above it.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { bookPageHref } from '../router.ts';
import { deckSearch, readDeckView, useDeckView } from './deckAddress.ts';
import { DeckBuilder } from './DeckBuilder.tsx';
import { decodeDeck } from './deckLink.ts';
import { DeckNotes } from './DeckNotes.tsx';
import { DeckPlayer } from './DeckPlayer.tsx';
import { figureLookup } from './figures.ts';
import { deckProblemMessage } from './problems.ts';
import { deckStrings as s } from './strings.ts';
import '../../styles/deck.css';

/** Problems listed in full; the rest are counted. */
const SHOWN_PROBLEMS = 6;

export default function DeckPage() {
  const [view, setView] = useDeckView();
  // The server and hydration render the page's heading only; the deck in the address is read
  // after. The deck as opened gives the builder its scenes and the problems to list; the builder
  // then keeps its own deck in the address, which the player and the notes window read.
  const [opened, setOpened] = useState<{ deck: string | null } | null>(null);
  useEffect(() => setOpened({ deck: readDeckView(location.search).deck }), []);
  const live = opened !== null;
  const first = useMemo(() => (opened?.deck == null ? null : decodeDeck(opened.deck, figureLookup)), [opened]);
  const reading = useMemo(() => (view.deck === null ? null : decodeDeck(view.deck, figureLookup)), [view.deck]);
  const startedHere = useRef(false);
  const [clicked, setClicked] = useState(false);

  // The builder keeps its deck in the address; the mode (a deck opened to present) is left as it is.
  const onDeck = useCallback((param: string | null) => {
    const now = readDeckView(location.search);
    setView(param === null ? { deck: null, mode: 'build', scene: 0 } : { ...now, deck: param });
  }, [setView]);
  const onStart = (param: string) => {
    startedHere.current = true;
    setClicked(true);
    setView({ deck: param, mode: 'play', scene: 0 }, true);
  };
  const onScene = useCallback((scene: number) => setView({ ...readDeckView(location.search), scene }), [setView]);
  const onLeave = useCallback(() => {
    if (startedHere.current) {
      startedHere.current = false;
      history.back();
    } else setView({ deck: view.deck, mode: 'build', scene: 0 });
    setClicked(false);
    requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-deck-start]')?.focus());
  }, [setView, view.deck]);
  const deckUrl = (param: string) => new URL(`${bookPageHref('deck')}?deck=${param}`, location.href).href;

  const scenes = reading?.ok ? reading.scenes : [];
  if (live && view.mode === 'notes' && view.deck !== null && scenes.length) {
    return <DeckNotes scenes={scenes} deckParam={view.deck} start={view.scene} />;
  }

  const problems = first?.ok ? first.problems.map(deckProblemMessage) : [];
  return (
    <article className="page-deck" aria-labelledby="deck-title">
      <header className="page-deck-header">
        <h1 id="deck-title" tabIndex={-1}>
          {s.heading}
        </h1>
        <p>{s.intro}</p>
      </header>
      {first && !first.ok ? (
        <div className="deck-refused" role="alert" data-deck-refused="">
          <h2>{s.refusedHeading}</h2>
          <p>{deckProblemMessage(first.problem)}</p>
          <p>
            <a href={bookPageHref('deck')}>{s.newDeck}</a>
          </p>
        </div>
      ) : (
        <>
          {live && problems.length ? (
            <div className="deck-problems" role="alert" data-deck-problems="">
              <p>{s.problemsHeading}</p>
              <ul>
                {problems.slice(0, SHOWN_PROBLEMS).map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
              {problems.length > SHOWN_PROBLEMS ? <p>{s.moreProblems(problems.length - SHOWN_PROBLEMS)}</p> : null}
            </div>
          ) : null}
          {live ? <DeckBuilder initial={first?.ok ? first.scenes : []} onDeck={onDeck} onStart={onStart} shareUrl={deckUrl} /> : null}
        </>
      )}
      {live && view.mode === 'play' && view.deck !== null && scenes.length ? (
        <DeckPlayer
          scenes={scenes}
          deckParam={view.deck}
          start={view.scene}
          fullScreenNow={clicked}
          notesHref={`${location.pathname}${deckSearch(location.search, { deck: view.deck, mode: 'notes', scene: view.scene })}`}
          onScene={onScene}
          onLeave={onLeave}
        />
      ) : null}
    </article>
  );
}
