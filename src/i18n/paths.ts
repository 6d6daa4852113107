// Where a locale sits in a page's address. The default locale's pages have no prefix
// (`/chapters/neurons/`); another locale's pages sit under its name (`/zh/chapters/neurons/`). A
// first segment that is not one of the book's locales is not a prefix at all.
import { DEFAULT_LOCALE, isLocale, type Locale } from './locale.ts';

/** The prefix of `locale`'s pages below the site's base: '' for the default locale, else `xx/`. */
export function localePrefix(locale: Locale): string {
  return locale === DEFAULT_LOCALE ? '' : `${locale}/`;
}

/**
 * A path below the site's base, split into its locale and the rest (`zh/chapters/x/` → zh,
 * `chapters/x/`). A path without a locale prefix, or whose first segment names the default locale or
 * no locale, is in the default locale and kept whole (`en/…` is not a page of the book).
 */
export function splitLocale(pathBelowBase: string, isKnown: (name: string) => boolean = isLocale): { locale: Locale; rest: string } {
  const match = /^([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)(?:\/|$)/.exec(pathBelowBase);
  const named = match?.[1];
  if (named && named !== DEFAULT_LOCALE && isKnown(named)) return { locale: named as Locale, rest: pathBelowBase.slice(match[0].length) };
  return { locale: DEFAULT_LOCALE, rest: pathBelowBase };
}

/**
 * The address of a page of the book: `base` (with its trailing slash), the locale's prefix, then
 * `path` (below the base, without a leading slash). Every link the shell builds to one of its own
 * pages goes through here.
 */
export function localeHref(base: string, path: string, locale: Locale): string {
  return `${base}${localePrefix(locale)}${path.replace(/^\/+/, '')}`;
}
