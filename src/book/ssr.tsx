// Server-side entry, used only at build time (build/prerender.ts): lists the site's pages and
// renders each to HTML, which the client then hydrates. Each page is rendered in its own locale.
import { renderToString } from 'react-dom/server';
import { DEFAULT_LOCALE, localePrefix, LOCALES, withLocale } from '../i18n/index.ts';
import { App } from './App.tsx';
import type { PrerenderPage, RenderedPage } from './build/prerender.ts';
import { chapters, loadChapter } from './chapters.ts';
import { BASE, routeFromPath, routeKey } from './router.ts';
import { loadBookPage } from './bookPages.ts';
import { BOOK_PAGES, bookPagePath, isBookPage, labPath } from './routes.ts';
import { pageDescription, pageTitle } from './site.ts';
import { labPageStrings, navStrings, siteStrings } from './strings.ts';

export function listPages(): PrerenderPage[] {
  const pages = LOCALES.flatMap((locale) =>
    withLocale(locale, () => {
      const prefix = localePrefix(locale);
      return [
        { path: prefix, file: `${prefix}index.html`, kind: 'landing', title: siteStrings.bookTitle, testOnly: false, locale },
        ...chapters.map(
          (c): PrerenderPage => ({
            path: `${prefix}chapters/${c.slug}/`,
            file: `${prefix}chapters/${c.slug}/index.html`,
            kind: 'chapter',
            title: c.title,
            testOnly: c.testOnly,
            locale,
          }),
        ),
        { path: `${prefix}${labPath()}`, file: `${prefix}${labPath()}index.html`, kind: 'lab', title: labPageStrings.heading, testOnly: false, locale },
        ...BOOK_PAGES.map(
          (kind): PrerenderPage => ({
            path: `${prefix}${bookPagePath(kind)}`,
            file: `${prefix}${bookPagePath(kind)}index.html`,
            kind,
            title: pageTitle({ kind, locale }),
            testOnly: false,
            locale,
          }),
        ),
      ] satisfies PrerenderPage[];
    }),
  );
  // Static hosts serve one 404.html for every unknown address, whatever its locale.
  const notFound = withLocale(DEFAULT_LOCALE, () => navStrings.notFoundHeading);
  return [...pages, { path: '404.html', file: '404.html', kind: 'not-found', title: notFound, testOnly: false, locale: DEFAULT_LOCALE }];
}

export async function renderPage(pagePath: string): Promise<RenderedPage> {
  const pathname = `${BASE}${pagePath}`;
  const route = routeFromPath(pathname);
  if (route.kind === 'chapter') await loadChapter(route.slug);
  else if (isBookPage(route.kind)) await loadBookPage(route.kind);
  return withLocale(route.locale, () => ({
    html: renderToString(<App serverPath={pathname} />),
    title: pageTitle(route),
    description: pageDescription(route),
    routeKey: routeKey(route),
    lang: route.locale,
  }));
}
