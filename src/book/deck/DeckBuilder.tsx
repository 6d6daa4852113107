// The deck builder: the scenes in order (title, notes, the live figure to set up, move, remove),
// the figures to add, and the deck's link, kept in the address bar as the deck changes so that a
// reload or a copied address keeps it. A figure opened for setting up reports its state to a
// KeptSource; its scene takes that state when the figure is closed and whenever the deck is
// copied or started.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { encodeDeck, SCENE_LIMIT, type Scene } from './deckLink.ts';
import { FigurePicker } from './FigurePicker.tsx';
import { findFigure, figureTitle } from './figures.ts';
import { KeptSource } from './keptSource.ts';
import { SceneItem } from './SceneItem.tsx';
import { deckStrings as s } from './strings.ts';

type Keyed = Scene & { key: number };

/** React keys for scenes, unique across the page's life. */
let sceneKeys = 0;

interface Props {
  initial: Scene[];
  /** Writes the deck's parameter to the address bar (null: no deck). */
  onDeck(param: string | null): void;
  onStart(param: string): void;
  /** The deck's full address to share. */
  shareUrl(param: string): string;
}

interface Open {
  key: number;
  source: KeptSource;
  mount: number;
}

function plain({ key: _key, ...scene }: Keyed): Scene {
  return scene;
}

export function DeckBuilder({ initial, onDeck, onStart, shareUrl }: Props) {
  const [scenes, setScenes] = useState<Keyed[]>(() => initial.map((scene) => ({ ...scene, key: sceneKeys++ })));
  const [open, setOpen] = useState<Open | null>(null);
  const [message, setMessage] = useState('');
  const [shared, setShared] = useState<{ copied: boolean; url: string } | null>(null);
  const shareFieldId = useId();
  const listHeading = useRef<HTMLHeadingElement>(null);

  /** The scenes, the open one with its figure's state as it is now. */
  const settled = useCallback(
    (): Keyed[] => scenes.map((scene) => (open && open.key === scene.key ? { ...scene, state: open.source.value() } : scene)),
    [scenes, open],
  );

  useEffect(() => {
    onDeck(scenes.length ? encodeDeck(scenes.map(plain)) : null);
  }, [scenes, onDeck]);

  const update = (key: number, patch: Partial<Scene>) => setScenes((all) => all.map((scene) => (scene.key === key ? { ...scene, ...patch } : scene)));

  const add = (added: Scene[]) => {
    const room = SCENE_LIMIT - scenes.length;
    const taken = added.slice(0, Math.max(0, room)).map((scene) => ({ ...scene, key: sceneKeys++ }));
    setScenes([...settled(), ...taken]);
    const last = taken.at(-1);
    const figure = last && findFigure(last.chapter, last.figure);
    const words = [figure && taken.length === 1 ? s.added(figureTitle(figure), scenes.length + 1) : taken.length ? s.pasteAdded(taken.length) : ''];
    if (taken.length < added.length) words.push(s.full(SCENE_LIMIT));
    setMessage(words.filter(Boolean).join(' '));
  };

  const toggle = (key: number) => {
    setScenes(settled());
    setOpen(open?.key === key ? null : { key, source: new KeptSource(scenes.find((x) => x.key === key)?.state ?? ''), mount: 0 });
  };

  const chapterState = (key: number) => {
    update(key, { state: '' });
    setOpen((o) => (o && o.key === key ? { key, source: new KeptSource(''), mount: o.mount + 1 } : o));
  };

  const move = (index: number, by: -1 | 1) => {
    const all = settled();
    const [scene] = all.splice(index, 1);
    all.splice(index + by, 0, scene);
    setScenes(all);
  };

  const remove = (index: number) => {
    const scene = scenes[index];
    if (open?.key === scene.key) setOpen(null);
    setScenes(settled().filter((x) => x.key !== scene.key));
    const figure = findFigure(scene.chapter, scene.figure);
    setMessage(s.removed(scene.title || (figure ? figureTitle(figure) : scene.figure)));
    listHeading.current?.focus();
  };

  const param = () => encodeDeck(settled().map(plain));

  const copy = async () => {
    setScenes(settled());
    const url = shareUrl(param());
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(url);
      setShared({ copied: true, url });
    } catch {
      // Refused (no permission, an insecure page): the reader copies it from a field.
      setShared({ copied: false, url });
    }
  };

  const start = () => {
    setScenes(settled());
    setOpen(null);
    onStart(param());
  };

  return (
    <>
      <section className="deck-scenes" aria-labelledby="deck-scenes-heading">
        <h2 id="deck-scenes-heading" ref={listHeading} tabIndex={-1}>
          {s.scenesHeading}
        </h2>
        {scenes.length === 0 ? <p>{s.noScenes}</p> : null}
        <ol className="deck-scene-list">
          {scenes.map((scene, index) => (
            <SceneItem
              key={scene.key}
              scene={scene}
              index={index}
              count={scenes.length}
              open={open?.key === scene.key ? open.source : null}
              openKey={open?.key === scene.key ? open.mount : 0}
              onChange={(patch) => update(scene.key, patch)}
              onToggle={() => toggle(scene.key)}
              onChapterState={() => chapterState(scene.key)}
              onMove={(by) => move(index, by)}
              onRemove={() => remove(index)}
            />
          ))}
        </ol>
        <div className="deck-actions" role="group" aria-label={s.deckActions}>
          <button type="button" className="deck-start" data-deck-start="" disabled={scenes.length === 0} onClick={start}>
            {s.start}
          </button>
          <button type="button" disabled={scenes.length === 0} onClick={() => void copy()}>
            {s.copyLink}
          </button>
        </div>
        <div className="deck-message" role="status">
          {message ? <p>{message}</p> : null}
          {shared?.copied ? <p>{s.copied}</p> : null}
        </div>
        {shared && !shared.copied ? (
          <p className="deck-share">
            <label htmlFor={shareFieldId}>{s.copyManually}</label>
            <input id={shareFieldId} type="text" readOnly value={shared.url} onFocus={(e) => e.currentTarget.select()} />
          </p>
        ) : null}
      </section>
      <FigurePicker onAdd={add} />
    </>
  );
}
