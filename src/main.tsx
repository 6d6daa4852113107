// The browser entry: finds the page from the address, starts loading its chapter if it has one,
// and hydrates the pre-rendered HTML at once (or renders from scratch where there is none, as in
// `vite dev`). The shell is live as soon as this runs; the chapter's text and figures hydrate when
// the chapter's module arrives (loads.ts). Hydration is a transition: it yields to the reader's
// input between pieces of work instead of holding the page in one long task.
import 'katex/dist/katex.min.css';
import './styles/index.css';
import { startTransition } from 'react';
import { createRoot, hydrateRoot, type RootOptions } from 'react-dom/client';
import { App } from './book/App.tsx';
import { chapterHref, routeFromPath, routeKey } from './book/router.ts';
import { bookPageLoads } from './book/bookPages.ts';
import { chapterLoads } from './book/chapters.ts';
import { isBookPage } from './book/routes.ts';
import { readStaticHtml } from './book/staticHtmlStore.ts';
import { setLocale } from './i18n/index.ts';
import { registerServiceWorker } from './book/offline/serviceWorker.ts';

const rootOptions: RootOptions = {
  // A widget that fails shows its error in the page (WidgetFrame's boundary); report it as a warning.
  onCaughtError(error, info) {
    console.warn('A figure stopped with an error:', error, info.componentStack);
  },
};

function start(): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html lacks <div id="root">');
  const route = routeFromPath(location.pathname);
  // The page's locale, for every word rendered from now on and for the page's lang (a link to
  // another locale loads a new page: see interceptLinkClicks).
  setLocale(route.locale);
  document.documentElement.lang = route.locale;
  // One address per chapter: `chapters/<slug>` and `…/index.html` become `chapters/<slug>/`.
  if (route.kind === 'chapter' && location.pathname !== chapterHref(route.slug)) {
    history.replaceState(null, '', chapterHref(route.slug) + location.search + location.hash);
  }
  const prerendered = container.dataset.prerendered === routeKey(route) && container.firstChild;
  if (route.kind === 'chapter') {
    // The chapter's fixed markup is the page's own (staticHtmlStore.ts).
    if (prerendered) readStaticHtml(route.slug, container);
    void chapterLoads.read(route.slug);
  } else if (isBookPage(route.kind)) {
    void bookPageLoads.read(route.kind);
  }
  if (prerendered) {
    startTransition(() => {
      hydrateRoot(container, <App />, rootOptions);
    });
  } else {
    container.textContent = '';
    createRoot(container, rootOptions).render(<App />);
  }
}

start();
registerServiceWorker();
