// The glossary: every term the book teaches, alphabetical and grouped by first letter, each with
// its one-line definition, its Chinese name and a link to the section that teaches it. Each entry
// is an anchor (`#term-<id>`) that the chapters' term links point at. A filter narrows the list as
// the reader types; the full list is what the pre-rendered page shows.
import { useId, useState } from 'react';
import { findChapter } from '../chapters.ts';
import { chapterHref } from '../router.ts';
import { Sentence } from '../Sentence.tsx';
import { chapterNumber } from '../Sidebar.tsx';
import { navStrings } from '../strings.ts';
import { currentLocale } from '../../i18n/index.ts';
import { termStrings } from './definitions.ts';
import { glossaryStrings as s, sectionStrings } from './strings.ts';
import { TERMS, type GlossaryTerm } from './terms.ts';
import '../../styles/reference-pages.css';

interface Entry {
  term: GlossaryTerm;
  name: string;
  definition: string;
}

type Words = Readonly<Record<string, { name: string; definition: string }>>;

function entries(): Entry[] {
  const words = termStrings as unknown as Words;
  const locale = currentLocale();
  return TERMS.map((term) => ({ term, ...words[term.id] })).sort((a, b) => a.name.localeCompare(b.name, locale, { sensitivity: 'base' }));
}

/** The letter an entry is filed under: its first letter without accents, or "#". */
function letterOf(name: string): string {
  const first = name.normalize('NFD')[0]?.toUpperCase() ?? '#';
  return /\p{L}/u.test(first) ? first : '#';
}

function groups(list: Entry[]): { letter: string; entries: Entry[] }[] {
  const byLetter = new Map<string, Entry[]>();
  for (const entry of list) {
    const letter = letterOf(entry.name);
    byLetter.set(letter, [...(byLetter.get(letter) ?? []), entry]);
  }
  return [...byLetter].map(([letter, grouped]) => ({ letter, entries: grouped }));
}

function matches(entry: Entry, query: string): boolean {
  const q = query.trim().toLocaleLowerCase();
  if (!q) return true;
  return [entry.name, entry.definition, entry.term.zh].some((text) => text.toLocaleLowerCase().includes(q));
}

const letterId = (letter: string) => `letter-${letter === '#' ? 'other' : letter.toLowerCase()}`;

function TaughtIn({ term }: { term: GlossaryTerm }) {
  const chapter = findChapter(term.chapter);
  const section = (sectionStrings as unknown as Readonly<Record<string, string>>)[`${term.chapter}#${term.section}`] ?? term.section;
  const label = chapter ? s.sectionLink(navStrings.chapterKicker(chapterNumber(chapter)), chapter.title, section) : section;
  return <Sentence text={s.taughtIn} parts={{ section: <a href={chapterHref(term.chapter, term.section)}>{label}</a> }} />;
}

function GlossaryEntry({ entry }: { entry: Entry }) {
  const { term } = entry;
  return (
    <div className="glossary-entry" id={`term-${term.id}`}>
      <dt>
        <dfn>{entry.name}</dfn>
      </dt>
      <dd>
        <p className="glossary-definition">{entry.definition}</p>
        <p className="glossary-meta">
          <span className="glossary-zh">
            <Sentence text={s.chinese} parts={{ name: <span lang="zh">{term.zh}</span> }} />
          </span>
          <span className="glossary-taught">
            <TaughtIn term={term} />
          </span>
        </p>
      </dd>
    </div>
  );
}

export default function GlossaryPage() {
  const [query, setQuery] = useState('');
  const filterId = useId();
  const all = entries();
  const shown = all.filter((entry) => matches(entry, query));
  const grouped = groups(shown);
  return (
    <article className="glossary-page" aria-labelledby="glossary-title">
      <header className="chapter-header">
        <h1 id="glossary-title" tabIndex={-1}>
          {navStrings.glossary}
        </h1>
        <p className="chapter-summary">{s.intro}</p>
      </header>
      <div className="glossary-tools" role="search">
        <label htmlFor={filterId}>{s.filterLabel}</label>
        <input id={filterId} type="search" value={query} onChange={(event) => setQuery(event.target.value)} aria-describedby={`${filterId}-hint ${filterId}-count`} autoComplete="off" spellCheck={false} />
        <p className="glossary-hint" id={`${filterId}-hint`}>
          {s.filterHint}
        </p>
        <p className="glossary-count" id={`${filterId}-count`} aria-live="polite">
          {shown.length ? s.shown(shown.length, all.length) : s.noMatch(query.trim())}
        </p>
      </div>
      <nav className="glossary-letters" aria-label={s.letters}>
        <ul>
          {grouped.map(({ letter }) => (
            <li key={letter}>
              <a href={`#${letterId(letter)}`}>{letter}</a>
            </li>
          ))}
        </ul>
      </nav>
      {grouped.map(({ letter, entries: list }) => (
        <section key={letter} className="glossary-group" aria-labelledby={letterId(letter)}>
          <h2 id={letterId(letter)}>{letter}</h2>
          <dl className="glossary-list">
            {list.map((entry) => (
              <GlossaryEntry key={entry.term.id} entry={entry} />
            ))}
          </dl>
        </section>
      ))}
    </article>
  );
}
