// One of the book's other pages (glossary, FAQ, lecture decks) in the shell: its chunk is loaded on
// the first visit and read while rendering (loads.ts): at once when already here, else the page
// waits in its Suspense boundary (keeping its pre-rendered HTML on its own address, saying it is
// loading after a link) while the shell stays live. It arrives as the Lab's page does (usePageArrival.ts).
import { memo, Suspense, use } from 'react';
import { bookPageLoads } from './bookPages.ts';
import { bookPageHref } from './router.ts';
import type { BookPageKind } from './routes.ts';
import { LoadFailed } from './LoadFailed.tsx';
import { navStrings as s } from './strings.ts';
import { usePageArrival } from './usePageArrival.ts';

function Arrived({ kind }: { kind: BookPageKind }) {
  const { value: Page, error } = use(bookPageLoads.read(kind));
  usePageArrival();
  return Page ? <Page /> : <LoadFailed text={s.pageFailed} error={error} href={bookPageHref(kind)} forget={() => bookPageLoads.forgetFailure(kind)} />;
}

// Memoised, as a chapter's page is (ChapterPage.tsx): a render of the shell must not reach a boundary
// still waiting to hydrate.
export const BookPage = memo(function BookPage({ kind }: { kind: BookPageKind }) {
  return (
    <Suspense
      fallback={
        <p className="chapter-loading" aria-live="polite">
          {s.pageLoading}
        </p>
      }
    >
      <Arrived key={kind} kind={kind} />
    </Suspense>
  );
});
