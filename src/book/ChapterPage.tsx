// One chapter: its title and summary (known without loading it), its compiled MDX rendered
// through the component map, and links to the previous and next chapters (after the last, the Lab).
// The text waits for the chapter's module in its own Suspense boundary (loads.ts): on the page's
// own address it keeps the pre-rendered HTML meanwhile, reached by a link it says it is loading.
// The page is memoised: a render of the shell (the menu opening) must not reach a boundary still
// waiting to hydrate, which React would then render afresh, dropping the page's text for the
// loading line.
import { memo, Suspense, use, useEffect, useRef, useSyncExternalStore } from 'react';
import { chapterLoads, findChapter, neighbours, type ChapterModule } from './chapters.ts';
import { pageComponents } from './mdxComponents.ts';
import { markChapterRead } from './progress.ts';
import { markContentRendered, whenPageReady } from './pageReady.ts';
import { LoadFailed } from './LoadFailed.tsx';
import { chapterHref, focusPageHeading, labHref, landingHref, lastNavigationKind, scrollToHash, takeRestoredScroll } from './router.ts';
import { keepsPageText, NEVER } from './pageText.ts';
import { ChapterSlug } from './StaticHtml.tsx';
import { chapterNumber } from './Sidebar.tsx';
import { navStrings as s } from './strings.ts';
import { useOnScreen } from './useOnScreen.ts';
import { useScrollingFormulas } from './scrollingFormulas.ts';

function ChapterContent({ slug, module }: { slug: string; module: ChapterModule }) {
  const Content = module.default;
  // Reaching the end of the chapter's text counts as having read it (kept in this browser only).
  const end = useRef<HTMLDivElement>(null);
  const prose = useRef<HTMLDivElement>(null);
  useScrollingFormulas(prose, module);
  const reachedEnd = useOnScreen(end, '0px');
  useEffect(() => {
    if (reachedEnd) markChapterRead(slug);
  }, [reachedEnd, slug]);
  useEffect(() => {
    markContentRendered();
    const kind = lastNavigationKind();
    const restored = kind === 'pop' ? takeRestoredScroll() : null;
    if (restored !== null) {
      // Back or Forward: where the reader was on this page. Diagrams drawn later change the
      // height above it: scroll there again once they are done, unless the reader has scrolled.
      window.scrollTo(0, restored);
      focusPageHeading();
      let live = true;
      let userScrolled = false;
      const onUserScroll = () => (userScrolled = true);
      whenPageReady().then(() => {
        if (live && !userScrolled && Math.abs(window.scrollY - restored) > 2) window.scrollTo(0, restored);
      });
      window.addEventListener('wheel', onUserScroll, { passive: true, once: true });
      window.addEventListener('keydown', onUserScroll, { once: true });
      window.addEventListener('touchmove', onUserScroll, { passive: true, once: true });
      return () => {
        live = false;
        window.removeEventListener('wheel', onUserScroll);
        window.removeEventListener('keydown', onUserScroll);
        window.removeEventListener('touchmove', onUserScroll);
      };
    }
    if (kind !== 'initial') {
      // A new page reached by a link: start at its top (or its anchor) and move focus there, so a
      // screen reader announces the new page.
      if (!scrollToHash(location.hash)) window.scrollTo(0, 0);
      focusPageHeading();
    } else {
      scrollToHash(location.hash);
    }
    if (!location.hash) return;
    // Diagrams drawn after the first scroll change the height above the anchor: scroll again once
    // they are done, unless the reader has scrolled meanwhile.
    const scrolledTo = window.scrollY;
    let live = true;
    whenPageReady().then(() => {
      if (live && Math.abs(window.scrollY - scrolledTo) < 2) scrollToHash(location.hash);
    });
    return () => {
      live = false;
    };
  }, [module]);
  return (
    <div ref={prose} className="prose">
      <ChapterSlug.Provider value={slug}>
        <Content components={pageComponents} />
      </ChapterSlug.Provider>
      <div ref={end} className="chapter-end" aria-hidden="true" />
    </div>
  );
}

function ChapterBody({ slug }: { slug: string }) {
  const { value: module, error } = use(chapterLoads.read(slug));
  if (module) return <ChapterContent slug={slug} module={module} />;
  // The page's own text stays readable when its script fails: the boundary keeps it (and
  // ScriptFailedNotice says why its figures do not start). Reached by a link, there is no text to keep.
  if (keepsPageText(slug)) use(NEVER);
  return <LoadFailed text={s.chapterFailed} error={error} href={chapterHref(slug)} forget={() => chapterLoads.forgetFailure(slug)} />;
}

/** Above a chapter whose text is the page's own, when its script could not be loaded. */
function ScriptFailedNotice({ slug }: { slug: string }) {
  // Nothing in the pre-rendered page, and nothing while hydrating: shown once the load has failed.
  const outcome = useSyncExternalStore(
    chapterLoads.subscribe,
    () => chapterLoads.settled(slug),
    () => undefined,
  );
  if (!outcome?.error || !keepsPageText(slug)) return null;
  return <LoadFailed text={s.chapterScriptFailed} error={outcome.error} href={chapterHref(slug)} forget={() => chapterLoads.forgetFailure(slug)} />;
}

export const ChapterPage = memo(function ChapterPage({ slug }: { slug: string }) {
  const meta = findChapter(slug);
  const { prev, next } = neighbours(slug);
  if (!meta) return null;
  return (
    <article className="chapter" aria-labelledby="chapter-title">
      <header className="chapter-header">
        <p className="chapter-kicker">{meta.testOnly ? s.testPageKicker : s.chapterKicker(chapterNumber(meta))}</p>
        <h1 id="chapter-title" tabIndex={-1}>
          {meta.title}
        </h1>
        <p className="chapter-summary">{meta.summary}</p>
      </header>
      <ScriptFailedNotice slug={slug} />
      <Suspense
        fallback={
          <p className="chapter-loading" aria-live="polite">
            {s.chapterLoading}
          </p>
        }
      >
        <ChapterBody slug={slug} />
      </Suspense>
      <nav className="pager" aria-label={s.pager}>
        {prev ? (
          <a className="pager-prev" href={chapterHref(prev.slug)} rel="prev">
            <span className="pager-label">{s.previous}</span>
            <span className="pager-title">{prev.title}</span>
          </a>
        ) : (
          <a className="pager-prev" href={landingHref()}>
            <span className="pager-label">{s.previous}</span>
            <span className="pager-title">{s.aboutBook}</span>
          </a>
        )}
        {next ? (
          <a className="pager-next" href={chapterHref(next.slug)} rel="next">
            <span className="pager-label">{s.next}</span>
            <span className="pager-title">{next.title}</span>
          </a>
        ) : (
          <a className="pager-next" href={labHref()}>
            <span className="pager-label">{s.next}</span>
            <span className="pager-title">{s.lab}</span>
          </a>
        )}
      </nav>
    </article>
  );
});
