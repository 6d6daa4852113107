// The book's other pages (glossary, FAQ, lecture decks): each its own chunk, fetched only by a
// visit to that page, and kept once loaded. The server-side render waits for the page's chunk; in
// the browser the page's content waits for it (loads.ts), the shell does not.
import type { ComponentType } from 'react';
import { Loads } from './loads.ts';
import type { BookPageKind } from './routes.ts';

type PageModule = { default: ComponentType };

const loaders: Record<BookPageKind, () => Promise<PageModule>> = {
  glossary: () => import('./glossary/GlossaryPage.tsx'),
  faq: () => import('./faq/FaqPage.tsx'),
  deck: () => import('./deck/DeckPage.tsx'),
};

const loaded = new Map<BookPageKind, ComponentType>();
const loading = new Map<BookPageKind, Promise<ComponentType>>();

/** The page's component if its chunk has already arrived. */
export function loadedBookPage(kind: BookPageKind): ComponentType | undefined {
  return loaded.get(kind);
}

export function loadBookPage(kind: BookPageKind): Promise<ComponentType> {
  let promise = loading.get(kind);
  if (!promise) {
    promise = loaders[kind]().then((module) => {
      loaded.set(kind, module.default);
      return module.default;
    });
    // A failed load (a network hiccup) may be retried by the next visit.
    promise.catch(() => loading.delete(kind));
    loading.set(kind, promise);
  }
  return promise;
}

/** Each page's component as the page reads it while rendering. */
export const bookPageLoads = new Loads<BookPageKind, ComponentType>(loadBookPage, loadedBookPage);
