// The book's addresses, as pure functions of a path (router.ts binds them to the site's base and
// its chapters). Below the base, each locale but the default has its own prefix (src/i18n/paths.ts):
//   ${BASE}                         landing page          ${BASE}zh/                  …in Chinese
//   ${BASE}chapters/<slug>/         a chapter             ${BASE}zh/chapters/<slug>/
//   ${BASE}lab/                     the Lab               ${BASE}zh/lab/
//   ${BASE}glossary/, faq/, deck/   the book's other pages (BOOK_PAGES), likewise
import { DEFAULT_LOCALE, splitLocale, type Locale } from '../i18n/index.ts';

/** The book's pages besides the chapters and the Lab, each at `<name>/`. */
export const BOOK_PAGES = ['glossary', 'faq', 'deck'] as const;
export type BookPageKind = (typeof BOOK_PAGES)[number];

export type Route =
  | { kind: 'landing'; locale: Locale }
  | { kind: BookPageKind; locale: Locale }
  | { kind: 'chapter'; slug: string; locale: Locale }
  | { kind: 'lab'; locale: Locale }
  | { kind: 'not-found'; locale: Locale };

/** A route that names a page of the book (every route but "not found"). */
export type PageRoute = Exclude<Route, { kind: 'not-found' }>;

/**
 * The route a path names; `hasChapter` says whether a slug is one of the book's chapters,
 * `isLocale` whether a first segment names one of its locales (the book's own list by default).
 */
export function parseRoute(pathname: string, base: string, hasChapter: (slug: string) => boolean, isLocale?: (name: string) => boolean): Route {
  let below: string;
  if (pathname.startsWith(base)) below = pathname.slice(base.length);
  else if (`${pathname}/` === base) below = '';
  else return { kind: 'not-found', locale: DEFAULT_LOCALE };
  const { locale, rest: withIndex } = splitLocale(below, isLocale);
  const rest = withIndex.replace(/(^|\/)index\.html$/, '$1');
  if (rest === '') return { kind: 'landing', locale };
  if (/^lab\/?$/.test(rest)) return { kind: 'lab', locale };
  const page = BOOK_PAGES.find((name) => rest === name || rest === `${name}/`);
  if (page) return { kind: page, locale };
  const match = /^chapters\/([a-z0-9-]+)\/?$/.exec(rest);
  if (match && hasChapter(match[1])) return { kind: 'chapter', slug: match[1], locale };
  return { kind: 'not-found', locale };
}

/** A stable name of a route ("landing", "chapter:intro", "lab", "not-found"; "zh:chapter:intro" in another locale). */
export function routeKey(route: Route): string {
  const key = route.kind === 'chapter' ? `chapter:${route.slug}` : route.kind;
  return route.locale === DEFAULT_LOCALE ? key : `${route.locale}:${key}`;
}

/** A chapter's path below the base and the locale's prefix, with an optional `#hash`. */
export function chapterPath(slug: string, hash = ''): string {
  return `chapters/${slug}/${hash ? `#${hash.replace(/^#/, '')}` : ''}`;
}

/** The Lab's path below the base and the locale's prefix. */
export function labPath(): string {
  return 'lab/';
}

/** The path of one of the book's other pages below the base and the locale's prefix. */
export function bookPagePath(kind: BookPageKind): string {
  return `${kind}/`;
}

export function isBookPage(kind: Route['kind']): kind is BookPageKind {
  return (BOOK_PAGES as readonly string[]).includes(kind);
}

/**
 * The page a step before or after `route` in the book's reading order: the landing page, the
 * chapters in order (`slugs`), then the Lab. Null where there is none (before the landing page,
 * after the Lab, from a page that is not found).
 */
export function readingStep(route: Route, direction: 'prev' | 'next', slugs: readonly string[]): PageRoute | null {
  const { locale } = route;
  const order: PageRoute[] = [{ kind: 'landing', locale }, ...slugs.map((slug) => ({ kind: 'chapter' as const, slug, locale })), { kind: 'lab', locale }];
  const at = order.findIndex((page) => routeKey(page) === routeKey(route));
  if (at < 0) return null;
  return order[at + (direction === 'prev' ? -1 : 1)] ?? null;
}
