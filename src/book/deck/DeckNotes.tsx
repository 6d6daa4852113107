// The notes window of a deck (opened by the player in a second window): the scene shown now with
// its notes, the next scene's title, and a timer. It follows the deck's window and can move it
// (deckSync.ts); the same keys work here as there.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Scene } from './deckLink.ts';
import { deckActionFor, sceneAfter } from './deckKeys.ts';
import { openDeckChannel, useDeckPosition } from './deckSync.ts';
import { sceneTitle } from './figures.ts';
import { useCoverPage } from './overlay.ts';
import { deckStrings as s } from './strings.ts';

function clock(ms: number): string {
  const seconds = Math.floor(ms / 1000);
  const mm = String(Math.floor(seconds / 60)).padStart(2, '0');
  return `${mm}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Time since the window opened, which the presenter may pause and restart. */
function useTimer() {
  const [elapsed, setElapsed] = useState(0);
  const [running, setRunning] = useState(true);
  const since = useRef(0);
  useEffect(() => {
    if (!running) return;
    since.current = performance.now() - elapsed;
    const tick = setInterval(() => setElapsed(performance.now() - since.current), 500);
    return () => clearInterval(tick);
    // `elapsed` is read when the timer (re)starts only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [running]);
  const restart = () => {
    since.current = performance.now();
    setElapsed(0);
  };
  return { elapsed, running, toggle: () => setRunning((r) => !r), restart };
}

export function DeckNotes({ scenes, deckParam, start }: { scenes: Scene[]; deckParam: string; start: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const count = scenes.length;
  const { scene, setScene, blank, setBlank, channel, now } = useDeckPosition(start, count);
  const timer = useTimer();
  useCoverPage(ref);

  useEffect(() => {
    const opened = openDeckChannel(deckParam, count, (message) => {
      if (message.kind === 'at') {
        setScene(message.scene);
        setBlank(message.blank);
      }
    });
    channel.current = opened;
    opened.post({ kind: 'ask' });
    return () => opened.close();
  }, [deckParam, count]);

  const go = useCallback(
    (to: number) => {
      const next = Math.min(Math.max(0, to), count - 1);
      setScene(next);
      setBlank(false);
      channel.current?.post({ kind: 'go', scene: next });
    },
    [count],
  );
  const toggleBlank = useCallback(() => {
    const on = !now.current.blank;
    setBlank(on);
    channel.current?.post({ kind: 'blank', on });
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = deckActionFor(event);
      if (!action || action === 'leave' || event.defaultPrevented) return;
      event.preventDefault();
      const at = now.current.scene;
      if (action === 'blank' || now.current.blank) toggleBlank();
      else go(sceneAfter(action, at, count));
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [go, toggleBlank, count]);

  const current = scenes[scene];
  const next = scenes[scene + 1];
  return (
    <div ref={ref} className="deck-notes" tabIndex={-1} data-deck-notes="" data-scene={scene}>
      <header className="deck-notes-header">
        <h1 tabIndex={-1}>{s.notesHeading}</h1>
        <p className="deck-counter">{s.counterLong(scene + 1, count)}</p>
        <p className="deck-timer" role="timer" aria-label={s.timer}>
          {clock(timer.elapsed)}
        </p>
        <button type="button" onClick={timer.toggle}>
          {timer.running ? s.pause : s.resume}
        </button>
        <button type="button" onClick={timer.restart}>
          {s.resetTimer}
        </button>
      </header>
      <section className="deck-notes-now" aria-labelledby="deck-notes-now">
        <h2 id="deck-notes-now">
          {s.now}: {sceneTitle(current)}
        </h2>
        <p className="deck-notes-text" data-deck-notes-text="">
          {current.notes || s.noNotes}
        </p>
      </section>
      <section className="deck-notes-next" aria-labelledby="deck-notes-next">
        <h2 id="deck-notes-next">{s.nextUp}</h2>
        <p>{next ? sceneTitle(next) : s.lastScene}</p>
      </section>
      <div className="deck-controls" role="group" aria-label={s.controls}>
        <button type="button" onClick={() => go(scene - 1)} disabled={scene === 0}>
          {s.previous}
        </button>
        <button type="button" onClick={() => go(scene + 1)} disabled={scene === count - 1}>
          {s.next}
        </button>
        <button type="button" aria-pressed={blank} title={s.blankHint} onClick={toggleBlank}>
          {s.blank}
        </button>
      </div>
      <p className="deck-keys">{s.notesSync}</p>
    </div>
  );
}
