// The book's name and the strings the shell shows in more than one place.
import type { Route } from './router.ts';
import { findChapter } from './chapters.ts';

export const BOOK_TITLE = 'Deep Learning, Live';
export const BOOK_TAGLINE =
  'An interactive deep-learning textbook: every idea comes with a model you can train, poke and break, right here in the browser.';

export function pageTitle(route: Route): string {
  if (route.kind === 'chapter') return `${findChapter(route.slug)?.title ?? route.slug} · ${BOOK_TITLE}`;
  if (route.kind === 'not-found') return `Page not found · ${BOOK_TITLE}`;
  return BOOK_TITLE;
}

export function pageDescription(route: Route): string {
  if (route.kind === 'chapter') return findChapter(route.slug)?.summary ?? BOOK_TAGLINE;
  return BOOK_TAGLINE;
}
