// Routes and client-side navigation. Every route is also a real HTML file in the build (see
// build/prerender.ts), so a reload or a link from elsewhere lands on the same page. The addresses
// themselves, a locale's prefix included, are in routes.ts.
import { useSyncExternalStore } from 'react';
import { currentLocale, localeHref, type Locale } from '../i18n/index.ts';
import { findChapter, loadChapter } from './chapters.ts';
import { resetPageReady } from './pageReady.ts';
import { bookPagePath, chapterPath, isBookPage, labPath, parseRoute, routeKey, type BookPageKind, type PageRoute, type Route } from './routes.ts';

export { routeKey, type PageRoute, type Route };

/** The base path the site is served under, with a trailing slash (Vite's `base`). */
export const BASE = import.meta.env.BASE_URL;

export function routeFromPath(pathname: string): Route {
  return parseRoute(pathname, BASE, (slug) => findChapter(slug) !== undefined);
}

/** A chapter's address in `locale` (the current one by default). */
export function chapterHref(slug: string, hash = '', locale: Locale = currentLocale()): string {
  return localeHref(BASE, chapterPath(slug, hash), locale);
}

/** The landing page's address in `locale` (the current one by default). */
export function landingHref(locale: Locale = currentLocale()): string {
  return localeHref(BASE, '', locale);
}

/** The Lab's address in `locale` (the current one by default). */
export function labHref(locale: Locale = currentLocale()): string {
  return localeHref(BASE, labPath(), locale);
}

/** The address of one of the book's other pages (glossary, FAQ, decks) in `locale`. */
export function bookPageHref(kind: BookPageKind, locale: Locale = currentLocale()): string {
  return localeHref(BASE, bookPagePath(kind), locale);
}

/** The address of a page of the book, in its route's locale. */
export function routeHref(route: PageRoute): string {
  if (route.kind === 'chapter') return chapterHref(route.slug, '', route.locale);
  if (isBookPage(route.kind)) return bookPageHref(route.kind, route.locale);
  return route.kind === 'lab' ? labHref(route.locale) : landingHref(route.locale);
}

// ---- navigation state ----

/** How the current page was reached: the first load, a link, or back/forward. */
export type NavigationKind = 'initial' | 'push' | 'pop';

let navigationKind: NavigationKind = 'initial';
const listeners = new Set<() => void>();

export function lastNavigationKind(): NavigationKind {
  return navigationKind;
}

function notify(): void {
  for (const listener of listeners) listener();
}

let stopTracking: (() => void) | null = null;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) {
    window.addEventListener('popstate', onPopState);
    stopTracking = trackScroll();
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      window.removeEventListener('popstate', onPopState);
      stopTracking?.();
    }
  };
}

let lastPath = typeof location === 'undefined' ? '' : location.pathname;

// ---- scroll positions for Back and Forward ----
// Each history entry the book makes carries a key; the scroll position of each key is kept as the
// reader scrolls, so Back and Forward return to where the reader was on that page (the browser's
// own restoration runs before the page's content is rendered, so it cannot).

interface EntryState {
  dllKey: string;
}

const scrollByEntry = new Map<string, number>();
let restoreTo: number | null = null;
let keyCounter = 0;

function newKey(): string {
  keyCounter += 1;
  return `${Date.now().toString(36)}-${keyCounter}`;
}

function entryKey(): string | null {
  const state = history.state as Partial<EntryState> | null;
  return state && typeof state.dllKey === 'string' ? state.dllKey : null;
}

function rememberScroll(): void {
  const key = entryKey();
  if (key) scrollByEntry.set(key, window.scrollY);
}

/** Gives the current entry a key (the first page has none) and keeps its scroll position from now on. */
function trackScroll(): () => void {
  if (!entryKey()) history.replaceState({ ...(history.state ?? {}), dllKey: newKey() }, '');
  window.addEventListener('scroll', rememberScroll, { passive: true });
  return () => window.removeEventListener('scroll', rememberScroll);
}

/**
 * After Back or Forward to a page: the scroll position the reader left it at, once (null when
 * there is none, or after any other navigation).
 */
export function takeRestoredScroll(): number | null {
  const y = restoreTo;
  restoreTo = null;
  return y;
}

function onPopState(): void {
  // Back/forward between two anchors of one page is not a new page.
  if (location.pathname === lastPath) return;
  lastPath = location.pathname;
  navigationKind = 'pop';
  // Read before the page changes: scrolling during the change would overwrite it.
  const key = entryKey();
  restoreTo = key !== null ? (scrollByEntry.get(key) ?? null) : null;
  resetPageReady();
  notify();
}

/** Client-side navigation to a URL of this site (path, optional #hash). */
export function navigate(href: string): void {
  const url = new URL(href, location.href);
  const samePage = url.pathname === location.pathname;
  rememberScroll();
  history.pushState({ dllKey: newKey() } satisfies EntryState, '', url.pathname + url.search + url.hash);
  if (samePage) {
    // Only the hash changed: scroll as the browser would have.
    scrollToHash(url.hash, 'smooth');
    return;
  }
  lastPath = url.pathname;
  navigationKind = 'push';
  restoreTo = null;
  resetPageReady();
  notify();
}

/** Scrolls to the element a `#hash` names; returns whether there was one. */
export function scrollToHash(hash: string, behavior: ScrollBehavior = 'auto'): boolean {
  if (!hash || hash === '#') return false;
  let id: string;
  try {
    id = decodeURIComponent(hash.slice(1));
  } catch {
    return false;
  }
  const target = document.getElementById(id);
  if (!target) return false;
  target.scrollIntoView({ behavior, block: 'start' });
  return true;
}

/** After a link to a new page: focus its h1, so a screen reader announces the page. */
export function focusPageHeading(): void {
  document.querySelector<HTMLElement>('#content h1')?.focus({ preventScroll: true });
}

/**
 * The current path: on the server (and while hydrating) the path being rendered, in the browser
 * the address bar's.
 */
export function usePathname(serverPath: string | undefined): string {
  return useSyncExternalStore(
    subscribe,
    () => location.pathname,
    () => serverPath ?? location.pathname,
  );
}

/**
 * Turns clicks on links to the book's own pages into client-side navigation (no reload), leaving
 * new-tab clicks, downloads, other sites and same-page anchors to the browser; and fetches a
 * chapter ahead when the reader points at or focuses a link to it.
 */
export function interceptLinkClicks(root: Document): () => void {
  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const anchor = (event.target as Element | null)?.closest?.('a[href]');
    if (!(anchor instanceof HTMLAnchorElement)) return;
    if ((anchor.target && anchor.target !== '_self') || anchor.hasAttribute('download')) return;
    const url = new URL(anchor.href, location.href);
    if (url.origin !== location.origin) return;
    if (url.pathname === location.pathname) return; // an anchor on this page: native scrolling
    const route = routeFromPath(url.pathname);
    if (route.kind === 'not-found') return;
    // Another locale is another page load: every word, and the page's lang, change with it.
    if (route.locale !== currentLocale()) return;
    event.preventDefault();
    navigate(url.href);
  };
  // A chapter's script (and, in the built site, its page) starts loading as soon as the reader
  // points at or tabs to a link to it, so that following the link is instant.
  const onNear = (event: Event) => {
    const anchor = (event.target as Element | null)?.closest?.('a[href]');
    if (!(anchor instanceof HTMLAnchorElement)) return;
    const url = new URL(anchor.href, location.href);
    if (url.origin !== location.origin || url.pathname === location.pathname) return;
    const route = routeFromPath(url.pathname);
    if (route.kind === 'chapter' && route.locale === currentLocale()) loadChapter(route.slug).catch(() => undefined);
  };
  root.addEventListener('click', onClick);
  root.addEventListener('pointerover', onNear, { passive: true });
  root.addEventListener('focusin', onNear);
  return () => {
    root.removeEventListener('click', onClick);
    root.removeEventListener('pointerover', onNear);
    root.removeEventListener('focusin', onNear);
  };
}
