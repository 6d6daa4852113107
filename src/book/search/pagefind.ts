// The search index, made at build time from the pre-rendered pages (build/searchIndex.ts) and read
// here through the index's own small script, fetched the first time the reader searches, with the
// index in pieces as the words typed need them. Only what the dialog shows is typed here.
import { BASE } from '../router.ts';

export interface SearchSection {
  title: string;
  url: string;
  excerpt: string;
}

export interface SearchHit {
  url: string;
  title: string;
  excerpt: string;
  sections: SearchSection[];
}

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  sub_results?: { title: string; url: string; excerpt: string }[];
}

interface Pagefind {
  options(options: { baseUrl?: string; excerptLength?: number }): Promise<void>;
  init(): Promise<void>;
  search(term: string): Promise<{ results: { id: string; data(): Promise<PagefindResultData> }[] } | null>;
}

let loading: Promise<Pagefind> | null = null;

function loadPagefind(): Promise<Pagefind> {
  loading ??= (import(/* @vite-ignore */ `${BASE}pagefind/pagefind.js`) as Promise<Pagefind>).then(async (pagefind) => {
    await pagefind.options({ baseUrl: BASE, excerptLength: 24 });
    await pagefind.init();
    return pagefind;
  });
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

/** Starts fetching the index's script, so the first search answers sooner. */
export function warmSearch(): void {
  loadPagefind().catch(() => undefined);
}

/** The pages that match `term`, best first: their total and the first `limit` with their sections. */
export async function searchBook(term: string, limit = 8): Promise<{ total: number; hits: SearchHit[] } | null> {
  const pagefind = await loadPagefind();
  const found = await pagefind.search(term);
  // A newer search started meanwhile: this one's answer is no longer wanted.
  if (!found) return null;
  const data = await Promise.all(found.results.slice(0, limit).map((r) => r.data()));
  return {
    total: found.results.length,
    hits: data.map((d) => ({
      url: d.url,
      title: d.meta.title ?? d.url,
      excerpt: d.excerpt,
      // The page's own top section repeats the page; keep sections with their own anchor.
      sections: (d.sub_results ?? []).filter((s) => s.url.includes('#')).slice(0, 3),
    })),
  };
}
