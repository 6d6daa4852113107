// The page's title and description, in the current locale.
import type { Route } from './router.ts';
import { findChapter } from './chapters.ts';
import { siteStrings as s } from './strings.ts';

export function pageTitle(route: Route): string {
  if (route.kind === 'chapter') return s.chapterTitle(findChapter(route.slug)?.title ?? route.slug, s.bookTitle);
  if (route.kind === 'lab') return s.labTitle(s.bookTitle);
  if (route.kind === 'glossary') return s.glossaryTitle(s.bookTitle);
  if (route.kind === 'faq') return s.faqTitle(s.bookTitle);
  if (route.kind === 'deck') return s.deckTitle(s.bookTitle);
  if (route.kind === 'not-found') return s.notFoundTitle(s.bookTitle);
  return s.bookTitle;
}

export function pageDescription(route: Route): string {
  if (route.kind === 'chapter') return findChapter(route.slug)?.summary ?? s.tagline;
  if (route.kind === 'lab') return s.labDescription;
  if (route.kind === 'glossary') return s.glossaryDescription;
  if (route.kind === 'faq') return s.faqDescription;
  if (route.kind === 'deck') return s.deckDescription;
  return s.tagline;
}
