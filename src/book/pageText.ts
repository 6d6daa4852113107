// Whether a chapter's text on screen is still the page's own pre-rendered HTML, not yet hydrated:
// on the address the reader opened, before any move to another page. Where the chapter's script
// then fails to load, the parts that wait for it (its text, its sidebar sections) keep that HTML
// rather than replace it with nothing (ChapterPage.tsx, Sidebar.tsx).
import { lastNavigationKind } from './router.ts';
import { hasStaticHtml } from './staticHtmlStore.ts';

export function keepsPageText(slug: string): boolean {
  return lastNavigationKind() === 'initial' && hasStaticHtml(slug);
}

/** A promise that never settles: a Suspense boundary waiting on it keeps the page's own HTML. */
export const NEVER = new Promise<never>(() => {});
