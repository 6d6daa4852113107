// The top bar's search button (also `/`). The dialog and the index are separate pieces, fetched the
// first time the reader searches (or points at the button), so a page's first load pays nothing.
import { lazy, Suspense, useEffect, useState } from 'react';
import { warmSearch } from './pagefind.ts';
import { searchStrings as s } from './strings.ts';

const SearchDialog = lazy(() => import('./SearchDialog.tsx'));

/** `open` is the shell's (the `/` shortcut opens it too); the dialog stays mounted once opened. */
export function SearchButton({ open, onOpen, onClose }: { open: boolean; onOpen: () => void; onClose: () => void }) {
  const [wanted, setWanted] = useState(false);
  useEffect(() => {
    if (!open) return;
    setWanted(true);
    warmSearch();
  }, [open]);
  return (
    <>
      <button
        type="button"
        className="icon-button search-button"
        data-action="search"
        aria-label={s.searchBook}
        title={`${s.searchBook} (/)`}
        onClick={onOpen}
        onPointerEnter={() => import('./SearchDialog.tsx').catch(() => undefined)}
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20">
          <circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M15.5 15.5 21 21" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
        <span className="search-label">{s.search}</span>
      </button>
      {wanted ? (
        <Suspense fallback={null}>
          <SearchDialog open={open} onClose={onClose} />
        </Suspense>
      ) : null}
    </>
  );
}
