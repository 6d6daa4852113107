// Where a chapter's fixed markup comes from in the browser (see build/rehypeStaticHtml.ts). The
// built site does not ship it a second time in the chapter's script: on the page's own address it
// is read from the pre-rendered HTML before hydration; on the way to another chapter it is read
// from that chapter's page, fetched beside its script (and kept offline by the service worker).
// In the pre-render itself the chapter's module carries them (its `staticHtml`).

const bySlug = new Map<string, Map<number, string>>();
/** The id of the section heading whose text is markup `k`, by chapter. */
const headingIdsBySlug = new Map<string, Map<number, string>>();

/** Named references the build or a browser writes in text: the build otherwise writes numeric ones. */
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * The text of fixed markup that holds text only (a heading, a diagram's source), as the build
 * wrote it or as a browser reads it back from the page: both escape differently, and this reads
 * either. Not for markup with tags.
 */
export function textOfMarkup(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref.toLowerCase()] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** The fixed markup `k` of a chapter ('' when it is not known, which a test would catch). */
export function staticHtmlOf(slug: string, k: number): string {
  return bySlug.get(slug)?.get(k) ?? '';
}

/** The id of the section heading whose text is the chapter's markup `k`, if it is one. */
export function headingIdOf(slug: string, k: number): string | undefined {
  return headingIdsBySlug.get(slug)?.get(k);
}

export function hasStaticHtml(slug: string): boolean {
  return bySlug.has(slug);
}

/** A chapter's strings in order, and its headings' ids, where its module carries them (the pre-render). */
export function registerStaticHtml(slug: string, strings: readonly string[], headingIds: Readonly<Record<number, string>> = {}): void {
  bySlug.set(slug, new Map(strings.map((html, k) => [k, html])));
  headingIdsBySlug.set(slug, new Map(Object.entries(headingIds).map(([k, id]) => [Number(k), id])));
}

/** The markup of every `[data-s]` element under `root`, as the chapter's table; a heading's text, its id too. */
export function readStaticHtml(slug: string, root: ParentNode): void {
  const table = new Map<number, string>();
  const ids = new Map<number, string>();
  for (const el of root.querySelectorAll<HTMLElement>('[data-s]')) {
    const k = Number(el.dataset.s);
    table.set(k, el.innerHTML);
    const parent = el.parentElement;
    if (parent && /^H[234]$/.test(parent.tagName) && parent.id) ids.set(k, parent.id);
  }
  bySlug.set(slug, table);
  headingIdsBySlug.set(slug, ids);
}

/** Fetches a chapter's page and reads its markup; rejects when the page cannot be had. */
export async function fetchStaticHtml(slug: string, href: string): Promise<void> {
  const response = await fetch(href, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${href}: HTTP ${response.status}`);
  const page = new DOMParser().parseFromString(await response.text(), 'text/html');
  const content = page.querySelector('#content');
  if (!content) throw new Error(`${href}: not a page of the book`);
  readStaticHtml(slug, content);
}
