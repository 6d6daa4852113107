// The search dialog: a field, and the pages that mention what is typed, each with up to three of
// its sections and an excerpt with the matched words marked. A native modal <dialog> (focus stays
// inside, Esc closes); ↓ and ↑ move between the results, Enter follows one. Choosing a result
// closes the dialog and goes there.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { excerptParts } from './excerpt.ts';
import { searchBook, type SearchHit } from './pagefind.ts';
import { searchStrings as s } from './strings.ts';

type Answer =
  | { kind: 'idle' }
  | { kind: 'searching' }
  | { kind: 'done'; term: string; total: number; hits: SearchHit[] }
  | { kind: 'failed' };

function Excerpt({ html }: { html: string }) {
  return (
    <span className="search-excerpt">
      {excerptParts(html).map((part, i) => (part.marked ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </span>
  );
}

export default function SearchDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const field = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const id = useId();
  const [term, setTerm] = useState('');
  const [answer, setAnswer] = useState<Answer>({ kind: 'idle' });

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      element.showModal();
      field.current?.select();
    }
    if (!open && element.open) element.close();
  }, [open]);

  // Search as the reader types, a moment after the last key; an older answer never replaces a newer one.
  useEffect(() => {
    const wanted = term.trim();
    if (!wanted) {
      setAnswer({ kind: 'idle' });
      return;
    }
    let live = true;
    setAnswer({ kind: 'searching' });
    const timer = window.setTimeout(() => {
      searchBook(wanted).then(
        (found) => live && found && setAnswer({ kind: 'done', term: wanted, ...found }),
        () => live && setAnswer({ kind: 'failed' }),
      );
    }, 120);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [term]);

  const links = () => [...(list.current?.querySelectorAll<HTMLAnchorElement>('a[href]') ?? [])];
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const all = links();
    if (all.length === 0) return;
    event.preventDefault();
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'ArrowDown') all[Math.min(all.length - 1, at + 1)].focus();
    else if (at <= 0) field.current?.focus();
    else all[at - 1].focus();
  };

  const status =
    answer.kind === 'searching'
      ? s.searching
      : answer.kind === 'failed'
        ? s.unavailable
        : answer.kind === 'done'
          ? answer.total === 0
            ? s.noResults(answer.term)
            : `${s.results(answer.total, answer.term)}${answer.total > answer.hits.length ? ` ${s.shown(answer.hits.length, answer.total)}` : ''}`
          : s.typeToSearch;

  return (
    <dialog ref={dialog} className="search-dialog" aria-labelledby={`${id}-title`} onClose={onClose} onKeyDown={onKey}>
      <div className="search-head">
        <h2 id={`${id}-title`} className="visually-hidden">
          {s.searchBook}
        </h2>
        <label htmlFor={`${id}-field`} className="visually-hidden">
          {s.field}
        </label>
        <input
          ref={field}
          id={`${id}-field`}
          type="search"
          className="search-field"
          placeholder={s.placeholder}
          autoComplete="off"
          spellCheck={false}
          maxLength={100}
          value={term}
          aria-describedby={`${id}-status`}
          onChange={(event) => setTerm(event.target.value)}
        />
        <form method="dialog">
          <button type="submit">{s.close}</button>
        </form>
      </div>
      <p id={`${id}-status`} className="search-status" role="status">
        {status}
      </p>
      {answer.kind === 'done' && answer.hits.length > 0 ? (
        <ol ref={list} className="search-results" onClick={(event) => (event.target as Element).closest('a') && onClose()}>
          {answer.hits.map((hit) => (
            <li key={hit.url}>
              <a className="search-page" href={hit.url}>
                {hit.title}
              </a>
              {hit.sections.length === 0 ? <Excerpt html={hit.excerpt} /> : null}
              {hit.sections.length > 0 ? (
                <ul className="search-sections">
                  {hit.sections.map((section) => (
                    <li key={section.url}>
                      <a href={section.url}>{section.title}</a>
                      <Excerpt html={section.excerpt} />
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
    </dialog>
  );
}
