// The builder's list of every figure in the book, grouped by chapter and searchable, and a field
// that takes a figure's shared link (or a deck link) and turns it into scenes.
import { useId, useMemo, useState } from 'react';
import type { Scene } from './deckLink.ts';
import { deckChapters, figureLookup, figureTitle, type Figure } from './figures.ts';
import { scenesFromLink } from './pastedLink.ts';
import { deckProblemMessage } from './problems.ts';
import { deckStrings as s } from './strings.ts';

interface Props {
  onAdd(scenes: Scene[]): void;
}

function matches(figure: Figure, chapterTitle: string, words: string[]): boolean {
  const text = `${figureTitle(figure)} ${figure.section} ${chapterTitle} ${figure.id}`.toLowerCase();
  return words.every((w) => text.includes(w));
}

function LinkPaste({ onAdd }: Props) {
  const fieldId = useId();
  const [text, setText] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const submit = () => {
    const figuresOf = (slug: string) => deckChapters.find((c) => c.slug === slug)?.figures;
    const pasted = scenesFromLink(text, location.href, figuresOf, figureLookup);
    if (pasted.ok) {
      onAdd(pasted.scenes);
      setText('');
      setMessage({ text: [s.pasteAdded(pasted.scenes.length), ...pasted.problems.map(deckProblemMessage)].join(' '), error: false });
      return;
    }
    const why =
      pasted.reason === 'deck'
        ? deckProblemMessage(pasted.problem)
        : pasted.reason === 'unknownChapter'
          ? s.pasteUnknownChapter(pasted.chapter.slice(0, 40))
          : pasted.reason === 'noFigure'
            ? s.pasteNoFigure
            : s.pasteNotALink;
    setMessage({ text: why, error: true });
  };
  return (
    <form
      className="deck-paste"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label htmlFor={fieldId}>{s.pasteLabel}</label>
      <div className="deck-paste-row">
        <input id={fieldId} type="text" inputMode="url" autoComplete="off" spellCheck={false} value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit" disabled={text.trim() === ''}>
          {s.pasteAdd}
        </button>
      </div>
      <p className={message?.error ? 'deck-message deck-message-error' : 'deck-message'} role="status" data-deck-paste-message="">
        {message?.text ?? ''}
      </p>
    </form>
  );
}

export function FigurePicker({ onAdd }: Props) {
  const searchId = useId();
  const hintId = useId();
  const [query, setQuery] = useState('');
  const words = useMemo(() => query.toLowerCase().split(/\s+/).filter(Boolean), [query]);
  const groups = deckChapters
    .map((chapter) => ({ chapter, figures: chapter.figures.filter((f) => matches(f, chapter.title, words)) }))
    .filter((g) => g.figures.length > 0);
  const total = groups.reduce((n, g) => n + g.figures.length, 0);
  const add = (figure: Figure) => onAdd([{ chapter: figure.chapter, figure: figure.id, state: '', title: '', notes: '' }]);

  return (
    <section className="deck-picker" aria-labelledby="deck-add-heading">
      <h2 id="deck-add-heading">{s.addHeading}</h2>
      <label htmlFor={searchId}>{s.find}</label>
      <p id={hintId} className="deck-hint">
        {s.findHint}
      </p>
      <input id={searchId} type="search" aria-describedby={hintId} autoComplete="off" value={query} onChange={(e) => setQuery(e.target.value)} />
      <p className="visually-hidden" role="status">
        {words.length ? (total ? s.found(total) : s.noneFound) : ''}
      </p>
      {words.length && total === 0 ? <p className="deck-hint">{s.noneFound}</p> : null}
      {groups.map(({ chapter, figures }) => (
        <details key={chapter.slug} className="deck-picker-chapter" open={words.length > 0 || undefined}>
          <summary>{s.chapterGroup(chapter.order, chapter.title)}</summary>
          <ul>
            {figures.map((figure) => (
              <li key={figure.id} data-deck-figure={`${figure.chapter}/${figure.id}`}>
                <span className="deck-picker-title">
                  {figureTitle(figure)}
                  {figure.section ? <span className="deck-hint"> {s.inSection(figure.section)}</span> : null}
                </span>
                <button type="button" aria-label={s.addNamed(figureTitle(figure))} onClick={() => add(figure)}>
                  {s.add}
                </button>
              </li>
            ))}
          </ul>
        </details>
      ))}
      <LinkPaste onAdd={onAdd} />
    </section>
  );
}
