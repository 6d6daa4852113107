// A deck presented: one scene at a time over the whole page (full screen where the browser allows,
// else a fixed view of the whole window), the scene's title large and its figure in present mode,
// in the state the deck prepared. Only the scene shown is mounted: leaving a scene unmounts its
// figure, which lets go of its engine objects, so memory stays flat however long the deck.
import { useCallback, useEffect, useId, useMemo, useRef } from 'react';
import type { Scene } from './deckLink.ts';
import { deckActionFor, isShellShortcut, sceneAfter, type DeckAction } from './deckKeys.ts';
import { openDeckChannel, useDeckPosition } from './deckSync.ts';
import { findFigure, sceneTitle } from './figures.ts';
import { KeptSource } from './keptSource.ts';
import { useCoverPage, useFullscreen } from './overlay.ts';
import { SceneFigure } from './SceneFigure.tsx';
import { deckStrings as s } from './strings.ts';

interface Props {
  scenes: Scene[];
  /** The deck's link parameter: names the channel the notes window listens on. */
  deckParam: string;
  start: number;
  /** True when started by a click, which lets the browser go full screen at once. */
  fullScreenNow: boolean;
  notesHref: string;
  onScene(scene: number): void;
  onLeave(): void;
}

export function DeckPlayer({ scenes, deckParam, start, fullScreenNow, notesHref, onScene, onLeave }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const count = scenes.length;
  const { scene, setScene, blank, setBlank, channel, now } = useDeckPosition(start, count);

  useCoverPage(ref);
  const fullscreen = useFullscreen(ref, onLeave);
  const enterFullscreen = fullscreen.enter;
  useEffect(() => {
    if (fullScreenNow) enterFullscreen();
  }, [fullScreenNow, enterFullscreen]);

  const act = useCallback(
    (action: DeckAction) => {
      // A blank screen comes back on any of the deck's keys, where it was (as in PowerPoint).
      if (now.current.blank) return setBlank(false);
      if (action === 'blank') return setBlank(true);
      if (action === 'leave') return onLeave();
      setScene(sceneAfter(action, now.current.scene, count));
    },
    [count, onLeave],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const action = deckActionFor(event);
      if (action) {
        // Before the figure sees it: Page Down on a focused slider moves the deck, not the slider.
        event.preventDefault();
        event.stopPropagation();
        act(action);
      } else if (isShellShortcut(event.key)) {
        // The book's own shortcuts would leave the deck for another chapter.
        event.preventDefault();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [act]);

  useEffect(() => {
    const opened = openDeckChannel(deckParam, count, (message) => {
      if (message.kind === 'go') {
        setBlank(false);
        setScene(message.scene);
      } else if (message.kind === 'blank') setBlank(message.on);
      else if (message.kind === 'ask') opened.post({ kind: 'at', ...now.current });
    });
    channel.current = opened;
    return () => opened.close();
  }, [deckParam, count]);

  useEffect(() => {
    channel.current?.post({ kind: 'at', scene, blank });
  }, [scene, blank]);
  useEffect(() => onScene(scene), [scene, onScene]);

  const current = scenes[scene];
  const figure = findFigure(current.chapter, current.figure);
  const title = sceneTitle(current);
  // A fresh state holder per visit: coming back to a scene shows it as prepared.
  const source = useMemo(() => new KeptSource(current.state), [current]);

  const openNotes = () => {
    window.open(notesHref, `${deckParam.slice(0, 32)}-notes`, 'popup=yes,width=760,height=640');
  };

  return (
    <div ref={ref} className="deck-player" role="dialog" aria-modal="true" aria-labelledby={titleId} tabIndex={-1} data-deck-player="" data-scene={scene}>
      <header className="deck-scene-header">
        <h2 id={titleId} className="deck-scene-title">
          {title}
        </h2>
        <p className="deck-counter" data-deck-counter="">
          <span aria-hidden="true">{s.counter(scene + 1, count)}</span>
          <span className="visually-hidden">{s.counterLong(scene + 1, count)}</span>
        </p>
      </header>
      <div className="deck-stage">{figure ? <SceneFigure key={scene} figure={figure} state={current.state} source={source} presenting /> : null}</div>
      <div className="deck-controls" role="group" aria-label={s.controls}>
        <button type="button" onClick={() => act('previous')} disabled={scene === 0}>
          {s.previous}
        </button>
        <button type="button" onClick={() => act('next')} disabled={scene === count - 1}>
          {s.next}
        </button>
        <button type="button" title={s.blankHint} onClick={() => act('blank')}>
          {s.blank}
        </button>
        <button type="button" title={s.notesWindowHint} onClick={openNotes}>
          {s.notesWindow}
        </button>
        {fullscreen.supported ? (
          <button type="button" onClick={fullscreen.toggle}>
            {s.fullScreen}
          </button>
        ) : null}
        <button type="button" title={s.leaveHint} onClick={onLeave} data-deck-leave="">
          {s.leave}
        </button>
        <p className="deck-keys">{s.keysHint}</p>
      </div>
      <p className="visually-hidden" role="status">
        {blank ? s.blanked : ''}
      </p>
      {blank ? <div className="deck-blank" data-deck-blank="" onClick={() => setBlank(false)} /> : null}
    </div>
  );
}
