// The chapters at run time: metadata for navigation (always present, tiny) and each chapter's
// compiled MDX, loaded on demand as its own chunk and kept once loaded.
import type { ComponentType } from 'react';
import { chapters as generated } from 'virtual:book/chapters';
import type { TocEntry } from './build/mdxOptions.ts';
import type { ComponentMap } from './components.tsx';
import { currentLocale, localeHref } from '../i18n/index.ts';
import { chapterPath } from './routes.ts';
import { Loads } from './loads.ts';
import { fetchStaticHtml, hasStaticHtml, registerStaticHtml } from './staticHtmlStore.ts';

export type { TocEntry };

export interface ChapterModule {
  default: ComponentType<{ components?: ComponentMap }>;
  /** Its title and summary, in `vite dev` and tests (the built site lists them in its entry). */
  frontmatter?: { title: string; summary: string };
  toc: TocEntry[];
  /** Its fixed markup where the module carries it (the pre-render); null or absent elsewhere. */
  staticHtml?: string[] | null;
  /** Its section headings' ids by their text's markup number, with `staticHtml`. */
  headingIds?: Record<number, string> | null;
}

export type ChapterMeta = (typeof generated)[number];

export const chapters: readonly ChapterMeta[] = generated;

const loaded = new Map<string, ChapterModule>();
const loading = new Map<string, Promise<ChapterModule>>();

export function findChapter(slug: string): ChapterMeta | undefined {
  return chapters.find((c) => c.slug === slug);
}

/** The chapter's module if it has already been loaded (so a page can render without waiting). */
export function loadedChapter(slug: string): ChapterModule | undefined {
  return loaded.get(slug);
}

export function loadChapter(slug: string): Promise<ChapterModule> {
  const meta = findChapter(slug);
  if (!meta) return Promise.reject(new Error(`No chapter "${slug}"`));
  let promise = loading.get(slug);
  if (!promise) {
    // In the built site a chapter's fixed markup is read from its page (staticHtmlStore.ts): on the
    // page's own address it already has been, before hydration; otherwise the page is fetched too.
    const page = import.meta.env.PROD && !import.meta.env.SSR && typeof document !== 'undefined' && !hasStaticHtml(slug);
    const markup = page ? fetchStaticHtml(slug, localeHref(import.meta.env.BASE_URL, chapterPath(slug), currentLocale())) : null;
    promise = Promise.all([meta.load(), markup]).then(([value]) => {
      const mod = value as ChapterModule;
      if (mod.staticHtml) registerStaticHtml(slug, mod.staticHtml, mod.headingIds ?? {});
      loaded.set(slug, mod);
      return mod;
    });
    // A failed load (a network hiccup) may be retried by the next visit.
    promise.catch(() => loading.delete(slug));
    loading.set(slug, promise);
  }
  return promise;
}

/** Each chapter's module as its page's text and its sidebar sections read it while rendering. */
export const chapterLoads = new Loads<string, ChapterModule>(loadChapter, loadedChapter);

export function neighbours(slug: string): { prev: ChapterMeta | undefined; next: ChapterMeta | undefined } {
  const i = chapters.findIndex((c) => c.slug === slug);
  return { prev: i > 0 ? chapters[i - 1] : undefined, next: i >= 0 ? chapters[i + 1] : undefined };
}
