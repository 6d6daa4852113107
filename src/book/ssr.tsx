// Server-side entry, used only at build time (build/prerender.ts): lists the site's pages and
// renders each to HTML, which the client then hydrates.
import { renderToString } from 'react-dom/server';
import { App } from './App.tsx';
import type { PrerenderPage, RenderedPage } from './build/prerender.ts';
import { chapters, loadChapter } from './chapters.ts';
import { BASE, routeFromPath, routeKey } from './router.ts';
import { BOOK_TITLE, pageDescription, pageTitle } from './site.ts';

export function listPages(): PrerenderPage[] {
  return [
    { path: '', file: 'index.html', kind: 'landing', title: BOOK_TITLE, testOnly: false },
    ...chapters.map(
      (c): PrerenderPage => ({
        path: `chapters/${c.slug}/`,
        file: `chapters/${c.slug}/index.html`,
        kind: 'chapter',
        title: c.title,
        testOnly: c.testOnly,
      }),
    ),
    { path: '404.html', file: '404.html', kind: 'not-found', title: 'Page not found', testOnly: false },
  ];
}

export async function renderPage(pagePath: string): Promise<RenderedPage> {
  const pathname = `${BASE}${pagePath}`;
  const route = routeFromPath(pathname);
  if (route.kind === 'chapter') await loadChapter(route.slug);
  return {
    html: renderToString(<App serverPath={pathname} />),
    title: pageTitle(route),
    description: pageDescription(route),
    routeKey: routeKey(route),
  };
}
