// One of the book's other pages (glossary, FAQ, lecture decks) in the shell: its chunk is loaded on
// the first visit (at once when the entry script has loaded it already, as on the page's own
// address), and arrives as the Lab's page does (usePageArrival.ts).
import { useEffect, useState, type ComponentType } from 'react';
import { loadBookPage, loadedBookPage } from './bookPages.ts';
import { bookPageHref } from './router.ts';
import type { BookPageKind } from './routes.ts';
import { Sentence } from './Sentence.tsx';
import { navStrings as s } from './strings.ts';
import { usePageArrival } from './usePageArrival.ts';

function Arrived({ Page }: { Page: ComponentType }) {
  usePageArrival();
  return <Page />;
}

export function BookPage({ kind }: { kind: BookPageKind }) {
  const [state, setState] = useState<{ kind: BookPageKind; Page: ComponentType | undefined; error: Error | null }>(() => ({
    kind,
    Page: loadedBookPage(kind),
    error: null,
  }));
  const current = state.kind === kind ? state : { kind, Page: loadedBookPage(kind), error: null };
  if (current !== state) setState(current);

  useEffect(() => {
    if (current.Page) return;
    let live = true;
    loadBookPage(kind).then(
      (Page) => live && setState({ kind, Page, error: null }),
      (error: unknown) => live && setState({ kind, Page: undefined, error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => {
      live = false;
    };
  }, [kind, current.Page]);

  if (current.Page) return <Arrived key={kind} Page={current.Page} />;
  if (current.error) {
    return (
      <div className="chapter-error" role="alert">
        <p>
          <Sentence text={s.pageFailed} parts={{ error: current.error.message }} />
        </p>
        <p>
          <a href={bookPageHref(kind)}>{s.tryAgain}</a>
        </p>
      </div>
    );
  }
  return (
    <p className="chapter-loading" aria-live="polite">
      {s.pageLoading}
    </p>
  );
}
