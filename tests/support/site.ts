// Where the built test site lives and which pages it has. Pages are discovered from the built
// files (`index.html` at the base, `chapters/<slug>/index.html` for each chapter, `lab/index.html`
// for the Lab), never listed by hand, so a new chapter is tested as soon as it is built.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST_TEST = join(ROOT, 'dist-test');

/** Chapter sources: the book's chapters, then the test-only chapters of the test build. */
export const SOURCE_DIRS = [join(ROOT, 'chapters'), join(ROOT, 'tests/pages')];

/** `NN-slug.mdx`: two digits, a dash, then lowercase words joined by dashes. */
export const CHAPTER_FILE = /^(\d\d)-([a-z0-9]+(?:-[a-z0-9]+)*)\.mdx$/;

/**
 * The base path a built site was made for, read off its landing page's style sheet address
 * (`<link rel="stylesheet" href="/deep/learning/assets/…">` → `/deep/learning/`); null if none.
 */
export function builtBase(dir: string): string | null {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return null;
  const m = /<link rel="stylesheet"[^>]*\shref="([^"]*?)assets\//.exec(readFileSync(index, 'utf8'));
  return m ? normaliseBase(m[1]) : null;
}

/** A base path with one leading and one trailing slash (`deep/learning` → `/deep/learning/`). */
export function normaliseBase(raw: string): string {
  const trimmed = raw.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

export interface SitePage {
  /** `landing` for the landing page, `lab` for the Lab, else the chapter's slug. */
  name: string;
  /** Path below the base: `''` for the landing page, `chapters/<slug>/` or `lab/`. */
  path: string;
  /** The MDX file the chapter was built from, when one was found. */
  source: string | null;
  /** Widgets in the pre-rendered page (their frames' `data-widget` attributes). */
  widgets: number;
  /** Size of the pre-rendered page, in bytes. */
  bytes: number;
  /** The pre-rendered page's `<title>`. */
  title: string;
  /** The id of the last section heading (`h2`/`h3`) in the page's `<main>`, for the check that a link to a section lands on it. */
  lastSection: string | null;
}

/**
 * The pages in the order a check that visits several at once should take them: most widgets (the
 * costliest visits) first, so the last visits under way are short ones and no core waits idle on
 * one long page at the end.
 */
export function heaviestFirst(pages: readonly SitePage[]): SitePage[] {
  return [...pages].sort((a, b) => b.widgets - a.widgets || b.bytes - a.bytes);
}

function builtPage(dist: string, name: string, path: string, source: string | null): SitePage {
  const html = readFileSync(join(dist, path, 'index.html'), 'utf8');
  const main = html.slice(html.indexOf('<main'), html.lastIndexOf('</main>'));
  const sections = [...main.matchAll(/<h[23]\b[^>]*\sid="([^"]+)"/g)].map((m) => m[1]);
  const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
  return { name, path, source, widgets: html.split('data-widget="').length - 1, bytes: Buffer.byteLength(html), title: decodeEntities(title), lastSection: sections.at(-1) ?? null };
}

/** The few entities a pre-rendered title or id can hold. */
function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] ?? _);
}

/** Every `NN-slug.mdx` in the source folders, by slug. */
export function chapterSources(dirs: string[] = SOURCE_DIRS): Map<string, string> {
  const bySlug = new Map<string, string>();
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).sort()) {
      const m = CHAPTER_FILE.exec(file);
      if (m) bySlug.set(m[2], join(dir, file));
    }
  }
  return bySlug;
}

/** The pages of a built site: the landing page, every chapter folder with an `index.html`, and the Lab. */
export function discoverPages(dist: string = DIST_TEST): SitePage[] {
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error(`No built site at ${dist}: the test build did not write index.html`);
  }
  const sources = chapterSources();
  const pages: SitePage[] = [builtPage(dist, 'landing', '', null)];
  const chaptersDir = join(dist, 'chapters');
  if (existsSync(chaptersDir)) {
    for (const slug of readdirSync(chaptersDir).sort()) {
      const dir = join(chaptersDir, slug);
      if (statSync(dir).isDirectory() && existsSync(join(dir, 'index.html'))) {
        pages.push(builtPage(dist, slug, `chapters/${slug}/`, sources.get(slug) ?? null));
      }
    }
  }
  if (existsSync(join(dist, 'lab', 'index.html'))) pages.push(builtPage(dist, 'lab', 'lab/', null));
  return pages;
}
