// One scene in the builder: its figure, a title and notes, moving and removing it, and the live
// figure, opened on demand, whose state the scene keeps.
import { useId } from 'react';
import { NOTES_LIMIT, TITLE_LIMIT, type Scene } from './deckLink.ts';
import { chapterOf, findFigure, figureTitle } from './figures.ts';
import type { KeptSource } from './keptSource.ts';
import { SceneFigure } from './SceneFigure.tsx';
import { deckStrings as s } from './strings.ts';

interface Props {
  scene: Scene;
  index: number;
  count: number;
  /** The figure's state holder while it is open for setting up, else null. */
  open: KeptSource | null;
  /** Remounts the open figure (after "Back to the chapter's state"). */
  openKey: number;
  onChange(patch: Partial<Scene>): void;
  onToggle(): void;
  onChapterState(): void;
  onMove(by: -1 | 1): void;
  onRemove(): void;
}

export function SceneItem({ scene, index, count, open, openKey, onChange, onToggle, onChapterState, onMove, onRemove }: Props) {
  const titleId = useId();
  const titleHint = useId();
  const notesId = useId();
  const notesHint = useId();
  const figure = findFigure(scene.chapter, scene.figure);
  if (!figure) return null;
  const name = figureTitle(figure);
  const n = index + 1;
  return (
    <li className="deck-scene" data-deck-scene={n}>
      <h3 className="deck-scene-heading">
        <span className="deck-scene-number">{s.sceneNumber(n)}</span> {s.sceneOf(name, chapterOf(scene.chapter)?.title ?? scene.chapter)}
      </h3>
      <div className="deck-scene-fields">
        <label htmlFor={titleId}>{s.sceneTitle}</label>
        <input id={titleId} type="text" maxLength={TITLE_LIMIT} aria-describedby={titleHint} value={scene.title} onChange={(e) => onChange({ title: e.target.value })} />
        <p id={titleHint} className="deck-hint">
          {s.sceneTitleHint(name)}
        </p>
        <label htmlFor={notesId}>{s.sceneNotes}</label>
        <textarea id={notesId} rows={2} maxLength={NOTES_LIMIT} aria-describedby={notesHint} value={scene.notes} onChange={(e) => onChange({ notes: e.target.value })} />
        <p id={notesHint} className="deck-hint">
          {s.sceneNotesHint}
        </p>
      </div>
      <div className="deck-scene-actions">
        <button type="button" aria-expanded={open !== null} onClick={onToggle} data-deck-setup="">
          {open ? s.doneSettingUp : s.setUp}
        </button>
        <span className="deck-hint">{scene.state ? s.stateKept : s.stateChapter}</span>
        <button type="button" aria-label={s.moveUpNamed(n)} disabled={index === 0} onClick={() => onMove(-1)}>
          {s.moveUp}
        </button>
        <button type="button" aria-label={s.moveDownNamed(n)} disabled={index === count - 1} onClick={() => onMove(1)}>
          {s.moveDown}
        </button>
        <button type="button" aria-label={s.removeNamed(n)} onClick={onRemove}>
          {s.remove}
        </button>
      </div>
      {open ? (
        <div className="deck-scene-live">
          <p className="deck-hint">{s.setUpHint}</p>
          <button type="button" onClick={onChapterState}>
            {s.chapterState}
          </button>
          <SceneFigure key={openKey} figure={figure} state={scene.state} source={open} presenting={false} />
        </div>
      ) : null}
    </li>
  );
}
