// The shell around every page: skip link, top bar (menu, title, shortcuts, theme), sidebar,
// the page itself, and the keyboard shortcuts. The shell needs no page's code: on a pre-rendered
// page it is live as soon as the entry script runs, while a chapter's text, the glossary or a deck
// waits for its own chunk inside its Suspense boundary (loads.ts), as does each figure in its frame.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { chapters } from './chapters.ts';
import { BookPage } from './BookPage.tsx';
import { ChapterPage } from './ChapterPage.tsx';
import { LabPage } from './LabPage.tsx';
import { Landing } from './Landing.tsx';
import { NotFound } from './NotFound.tsx';
import { markShellLive } from './pageReady.ts';
import { watchTermCards } from './glossary/termCardController.ts';
import { interceptLinkClicks, landingHref, navigate, routeFromPath, routeHref, usePathname } from './router.ts';
import { isBookPage, readingStep } from './routes.ts';
import { UpdateNotice } from './offline/UpdateNotice.tsx';
import { SearchButton } from './search/SearchButton.tsx';
import { ShortcutHelp } from './ShortcutHelp.tsx';
import { useShortcuts, widgetToPresent } from './shortcuts.ts';
import { Sidebar } from './Sidebar.tsx';
import { pageTitle } from './site.ts';
import { appStrings as s, siteStrings } from './strings.ts';
import { toggleTheme, useTheme } from './theme.ts';

function ThemeToggle() {
  const theme = useTheme();
  // Before hydration the theme is unknown to React; the label then names the action generically.
  const label = theme === null ? s.switchTheme : theme === 'dark' ? s.switchToLight : s.switchToDark;
  return (
    <button type="button" className="icon-button" data-action="toggle-theme" aria-label={label} title={s.withKey(label, 't')} onClick={toggleTheme}>
      <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" className="icon-moon">
        <path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z" fill="currentColor" />
      </svg>
      <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" className="icon-sun">
        <circle cx="12" cy="12" r="4.5" fill="currentColor" />
        <path
          d="M12 1.5v3M12 19.5v3M1.5 12h3M19.5 12h3M4.6 4.6l2.1 2.1M17.3 17.3l2.1 2.1M4.6 19.4l2.1-2.1M17.3 6.7l2.1-2.1"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
        />
      </svg>
    </button>
  );
}

export function App({ serverPath }: { serverPath?: string }) {
  const pathname = usePathname(serverPath);
  const route = useMemo(() => routeFromPath(pathname), [pathname]);
  const [menuOpen, setMenuOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [searchOpen, setSearchOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);

  useEffect(() => interceptLinkClicks(document), []);
  useEffect(markShellLive, []);
  useEffect(() => watchTermCards(document), []);

  useEffect(() => {
    document.title = pageTitle(route);
    setMenuOpen(false);
  }, [route]);

  const actions = useMemo(() => {
    const go = (direction: 'prev' | 'next') => {
      // The landing page, the chapters in order, then the Lab.
      const target = readingStep(route, direction, chapters.map((c) => c.slug));
      if (target) navigate(routeHref(target));
    };
    return {
      previousChapter: () => go('prev'),
      nextChapter: () => go('next'),
      toggleTheme,
      presentWidget: () => widgetToPresent(document)?.querySelector<HTMLButtonElement>('[data-action="present"]')?.click(),
      showHelp: () => setHelpOpen(true),
      search: () => setSearchOpen(true),
    };
  }, [route]);
  useShortcuts(actions);

  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setMenuOpen(false);
        menuButton.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [menuOpen]);

  const closeHelp = useCallback(() => setHelpOpen(false), []);
  const openSearch = useCallback(() => setSearchOpen(true), []);
  const closeSearch = useCallback(() => setSearchOpen(false), []);

  return (
    <>
      <a className="skip-link" href="#content">
        {s.skipToContent}
      </a>
      <header className="topbar">
        <button
          ref={menuButton}
          type="button"
          className="icon-button menu-button"
          aria-label={s.contents}
          aria-expanded={menuOpen}
          aria-controls="sidebar"
          onClick={() => setMenuOpen((open) => !open)}
        >
          <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20">
            <path d="M3 6h18M3 12h18M3 18h18" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          </svg>
          <span className="menu-label">{s.contents}</span>
        </button>
        <a className="book-title" href={landingHref()}>
          {siteStrings.bookTitle}
        </a>
        <div className="topbar-tools">
          <SearchButton open={searchOpen} onOpen={openSearch} onClose={closeSearch} />
          <button
            type="button"
            className="icon-button"
            data-action="shortcuts"
            aria-label={s.shortcuts}
            title={s.withKey(s.shortcuts, '?')}
            onClick={() => setHelpOpen(true)}
          >
            <span aria-hidden="true">?</span>
          </button>
          <ThemeToggle />
        </div>
      </header>
      <div className="layout" data-menu-open={menuOpen ? 'true' : undefined}>
        <Sidebar route={route} />
        <div className="sidebar-scrim" aria-hidden="true" onClick={() => setMenuOpen(false)} />
        <main id="content" className="content" tabIndex={-1}>
          {route.kind === 'landing' ? (
            <Landing />
          ) : route.kind === 'chapter' ? (
            <ChapterPage key={route.slug} slug={route.slug} />
          ) : route.kind === 'lab' ? (
            <LabPage />
          ) : isBookPage(route.kind) ? (
            <BookPage kind={route.kind} />
          ) : (
            <NotFound />
          )}
        </main>
      </div>
      <ShortcutHelp open={helpOpen} onClose={closeHelp} />
      <UpdateNotice />
    </>
  );
}
