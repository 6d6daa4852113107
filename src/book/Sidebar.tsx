// The sidebar: every chapter, and under the current one its sections (h2/h3), the one being read
// highlighted, then the Lab. On a phone it is a menu opened from the top bar. The sections come from
// the chapter's module: they wait for it in their own Suspense boundary (loads.ts), the rest is live.
import { memo, Suspense, use, useEffect, useMemo, useState } from 'react';
import { chapterLoads, chapters, type ChapterMeta, type TocEntry } from './chapters.ts';
import { progress, solvedAmong, type Progress } from './progress.ts';
import { bookPageHref, chapterHref, labHref, landingHref, type Route } from './router.ts';
import { headingIdOf, staticHtmlOf, textOfMarkup } from './staticHtmlStore.ts';
import { keepsPageText, NEVER } from './pageText.ts';
import { navStrings as s } from './strings.ts';

/** The id of the last section heading that has scrolled past the top fifth of the window. */
function useActiveSection(toc: (TocEntry & { id: string })[] | undefined): string | null {
  const [active, setActive] = useState<string | null>(null);
  useEffect(() => {
    if (!toc || toc.length === 0) {
      setActive(null);
      return;
    }
    let frame = 0;
    const measure = () => {
      frame = 0;
      const line = window.innerHeight * 0.2;
      let current: string | null = null;
      for (const entry of toc) {
        const heading = document.getElementById(entry.id);
        if (!heading) continue;
        if (heading.getBoundingClientRect().top <= line) current = entry.id;
        else break;
      }
      setActive(current ?? toc[0].id);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      if (frame) cancelAnimationFrame(frame);
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
    };
  }, [toc]);
  return active;
}

export function chapterNumber(chapter: ChapterMeta): string {
  return String(chapter.order).padStart(2, '0');
}

/** What the reader has done in a chapter, as a mark after its title: ✓ read, and solved exercises. */
function ChapterProgress({ chapter, done }: { chapter: ChapterMeta; done: Progress }) {
  const read = done.read.includes(chapter.slug);
  const solved = solvedAmong(done, chapter.exercises);
  if (!read && solved === 0) return null;
  const label = [read ? s.readMark : '', solved > 0 ? s.solvedOf(solved, chapter.exercises.length) : ''].filter(Boolean).join(', ');
  return (
    <span className="chapter-progress" role="img" aria-label={label} title={label}>
      {read ? '✓' : ''}
      {solved > 0 ? ` ${solved}/${chapter.exercises.length}` : ''}
    </span>
  );
}

/** The current chapter's sections, the one being read marked. */
function ChapterSections({ chapter }: { chapter: ChapterMeta }) {
  const { value: module } = use(chapterLoads.read(chapter.slug));
  // The chapter's script failed: the page's own list stays (pageText.ts).
  if (!module && keepsPageText(chapter.slug)) use(NEVER);
  const entries = module?.toc;
  // In the built site an entry's id and words are read from the page, by its heading's number.
  const toc = useMemo(
    () => entries?.map((entry) => ({ ...entry, id: entry.id ?? (entry.k === undefined ? undefined : headingIdOf(chapter.slug, entry.k)) ?? '' })),
    [entries, chapter.slug],
  );
  const active = useActiveSection(toc);
  if (!toc || toc.length === 0) return null;
  return (
    <ol className="section-list" aria-label={s.sectionsOf(chapter.title)}>
      {toc.map((entry) => (
        <li key={entry.id} className={`depth-${entry.depth}`}>
          <a href={`#${entry.id}`} aria-current={active === entry.id ? 'location' : undefined}>
            {entry.text ?? (entry.k === undefined ? '' : textOfMarkup(staticHtmlOf(chapter.slug, entry.k)))}
          </a>
        </li>
      ))}
    </ol>
  );
}

/**
 * The sections' boundary, memoised: a render of the list (progress marked) must not reach the
 * boundary while it still waits to hydrate, which React would then render afresh, empty.
 */
const CurrentSections = memo(function CurrentSections({ chapter }: { chapter: ChapterMeta }) {
  return (
    <Suspense fallback={null}>
      <ChapterSections chapter={chapter} />
    </Suspense>
  );
});

function ChapterLinks({ list, route }: { list: readonly ChapterMeta[]; route: Route }) {
  const done = progress.use();
  return (
    <ol className="chapter-list">
      {list.map((chapter) => {
        const current = route.kind === 'chapter' && route.slug === chapter.slug;
        return (
          <li key={chapter.slug} className={current ? 'is-current' : undefined}>
            <a href={chapterHref(chapter.slug)} aria-current={current ? 'page' : undefined}>
              <span className="chapter-num" aria-hidden="true">
                {chapterNumber(chapter)}
              </span>
              <span>{chapter.title}</span>
              <ChapterProgress chapter={chapter} done={done} />
            </a>
            {current ? <CurrentSections chapter={chapter} /> : null}
          </li>
        );
      })}
    </ol>
  );
}

export function Sidebar({ route }: { route: Route }) {
  const book = chapters.filter((c) => !c.testOnly);
  const testPages = chapters.filter((c) => c.testOnly);
  return (
    <nav id="sidebar" className="sidebar" aria-label={s.bookContents}>
      <a className="sidebar-home" href={landingHref()} aria-current={route.kind === 'landing' ? 'page' : undefined}>
        {s.aboutBook}
      </a>
      <p className="sidebar-heading">{s.chapters}</p>
      <ChapterLinks list={book} route={route} />
      <a className="sidebar-lab" href={labHref()} aria-current={route.kind === 'lab' ? 'page' : undefined}>
        {s.lab}
      </a>
      <ul className="sidebar-pages">
        {(['glossary', 'faq', 'deck'] as const).map((kind) => (
          <li key={kind}>
            <a href={bookPageHref(kind)} aria-current={route.kind === kind ? 'page' : undefined}>
              {kind === 'glossary' ? s.glossary : kind === 'faq' ? s.faq : s.decks}
            </a>
          </li>
        ))}
      </ul>
      {testPages.length > 0 ? (
        <>
          <p className="sidebar-heading">{s.testPages}</p>
          <ChapterLinks list={testPages} route={route} />
        </>
      ) : null}
    </nav>
  );
}
