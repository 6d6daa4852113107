// Finding the book's chapters at build time: every `NN-slug.mdx` in `chapters/` (and, in test
// builds, in `tests/pages/`), ordered by NN, with title and summary read from the YAML
// frontmatter so the landing page and navigation never need to load a chapter.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';

export interface ChapterEntry {
  /** URL segment: the file name without `NN-` and `.mdx`. */
  slug: string;
  /** The NN prefix. */
  order: number;
  title: string;
  summary: string;
  /** Absolute path of the .mdx file. */
  file: string;
  /** True for test-only pages (tests/pages), which only test builds include. */
  testOnly: boolean;
  /** The worked-value keys of the chapter's checked exercises (`<Exercise answer="…">`), in order. */
  exercises: string[];
}

export const CHAPTER_FILE = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.mdx$/;

/** The YAML between the leading `---` fences, parsed; {} when there is none. */
export function readFrontmatter(source: string): Record<string, unknown> {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(source);
  if (!match) return {};
  const data: unknown = parseYaml(match[1]);
  return data !== null && typeof data === 'object' ? (data as Record<string, unknown>) : {};
}

/** One chapter from its file name and source; throws a message naming the file when it is malformed. */
export function parseChapter(file: string, source: string, testOnly: boolean): ChapterEntry {
  const name = path.basename(file);
  const match = CHAPTER_FILE.exec(name);
  if (!match) throw new Error(`${file}: a chapter file is named NN-slug.mdx (two digits, lower-case words joined by "-")`);
  const fm = readFrontmatter(source);
  for (const key of ['title', 'summary'] as const) {
    if (typeof fm[key] !== 'string' || (fm[key] as string).trim() === '') {
      throw new Error(`${file}: the frontmatter needs a non-empty "${key}"`);
    }
  }
  return {
    slug: match[2],
    order: Number(match[1]),
    title: (fm.title as string).trim(),
    summary: (fm.summary as string).trim(),
    file,
    testOnly,
    exercises: [...source.matchAll(/<Exercise\b[^>]*?\banswer="([^"]+)"/g)].map((m) => m[1]),
  };
}

function chaptersIn(dir: string, testOnly: boolean): ChapterEntry[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => {
      const file = path.join(dir, name);
      return parseChapter(file, readFileSync(file, 'utf8'), testOnly);
    })
    .sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
}

/**
 * The book's chapters in reading order; with `includeTestPages`, the test-only pages follow the
 * real ones. Slugs must be unique across both, since they share one URL space.
 */
export function discoverChapters(root: string, includeTestPages: boolean): ChapterEntry[] {
  const chapters = [
    ...chaptersIn(path.join(root, 'chapters'), false),
    ...(includeTestPages ? chaptersIn(path.join(root, 'tests', 'pages'), true) : []),
  ];
  const seen = new Map<string, string>();
  for (const chapter of chapters) {
    const other = seen.get(chapter.slug);
    if (other) throw new Error(`Two chapters share the slug "${chapter.slug}": ${other} and ${chapter.file}`);
    seen.set(chapter.slug, chapter.file);
  }
  return chapters;
}

/** Source of the `virtual:book/chapters` module: metadata plus one lazy import per chapter. */
export function chaptersModuleSource(chapters: ChapterEntry[]): string {
  const entries = chapters.map(
    (c) =>
      `  { slug: ${JSON.stringify(c.slug)}, order: ${c.order}, title: ${JSON.stringify(c.title)}, ` +
      `summary: ${JSON.stringify(c.summary)}, testOnly: ${c.testOnly}, exercises: ${JSON.stringify(c.exercises)}, ` +
      `load: () => import(${JSON.stringify(c.file.split(path.sep).join('/'))}) },`,
  );
  return `export const chapters = [\n${entries.join('\n')}\n];\n`;
}
