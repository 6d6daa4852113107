// Checks chapters as the build compiles them (the same remark/rehype plugins), reporting every
// problem with the chapter's file name and line: file names, frontmatter, MDX syntax, JSX tags that
// the component map lacks, KaTeX that does not parse, internal links to a chapter or heading
// that does not exist, figures without a name of their own (the `id` their links use); and
// numbers typed by hand where the engine should have computed them.
import { BOOK_PAGES } from '../../src/book/routes.ts';
import { compile } from '@mdx-js/mdx';
import katex from 'katex';
import { parse as parseYaml } from 'yaml';
import type { Root as MdastRoot } from 'mdast';
import type { Root as HastRoot } from 'hast';
import { visit } from 'unist-util-visit';
import { mdxCompileOptions } from '../../src/book/build/mdxOptions.ts';
import { frameElementId, WIDGET_ID } from '../../src/book/urlState.ts';
import { CHAPTER_FILE } from '../support/site.ts';
import { HTML_ELEMENTS } from './html-elements.ts';

export interface ChapterInput {
  /** File name only, e.g. `03-gradient-descent.mdx`. */
  file: string;
  source: string;
}

export type ProblemKind = 'file-name' | 'frontmatter' | 'mdx' | 'unknown-tag' | 'katex' | 'link' | 'duplicate' | 'heading' | 'typed-number' | 'figure-id';

export interface Problem {
  chapter: string;
  kind: ProblemKind;
  line?: number;
  message: string;
}

export function formatProblem(p: Problem): string {
  return `${p.chapter}${p.line ? `:${p.line}` : ''}: [${p.kind}] ${p.message}`;
}

interface Located<T> {
  value: T;
  line?: number;
}

/** What one chapter contains, as far as the checks need it. */
export interface ChapterFacts {
  file: string;
  /** The slug from `NN-slug.mdx`, or the file name without `.mdx` when it does not match. */
  slug: string;
  frontmatter: Record<string, unknown> | null;
  /** Every element id after rehype-slug (heading ids and any explicit ids). */
  ids: Set<string>;
  /** Every JSX tag, with the `id` it was given when it has one. */
  tags: (Located<string> & { id?: string })[];
  links: Located<string>[];
  math: Located<{ tex: string; display: boolean }>[];
  /** Mermaid diagrams (```mermaid fences become `<Mermaid>` tags). */
  diagrams: number;
  /** Worked-value keys the chapter uses (`<Computed of>`, `\\computed{}`, `<Exercise answer>`). */
  computed: Located<string>[];
}

/**
 * A decimal with three or more fractional digits in prose or math is a computed number typed by
 * hand: it must come from the engine (`<Computed>`, `\\computed{}`). Small round inputs such as
 * 0.001 or 0.0005 (a learning rate, a tolerance) are allowed, and so are settings just under 1
 * such as 0.999 (a decay rate β).
 */
export function typedNumbers(text: string): string[] {
  const found = text.match(/(?<![\w.])\d*\.\d{3,}(?![\d.])/g) ?? [];
  return found.filter((n) => !/^0?\.0*[1-9]0*$/.test(n) && !/^0?\.0*5$/.test(n) && !/^0?\.9+$/.test(n));
}

function slugOf(file: string): string {
  return CHAPTER_FILE.exec(file)?.[2] ?? file.replace(/\.mdx$/, '');
}

function readFrontmatter(source: string): Record<string, unknown> | null {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(source);
  if (!m) return null;
  const data = parseYaml(m[1]);
  return data && typeof data === 'object' ? (data as Record<string, unknown>) : null;
}

/** Compiles one chapter with the build's plugins and collects what the checks need. */
export async function analyseChapter(input: ChapterInput): Promise<{ facts: ChapterFacts; problems: Problem[] }> {
  const facts: ChapterFacts = {
    file: input.file,
    slug: slugOf(input.file),
    frontmatter: null,
    ids: new Set(),
    tags: [],
    links: [],
    math: [],
    diagrams: 0,
    computed: [],
  };
  const problems: Problem[] = [];
  const add = (kind: ProblemKind, message: string, line?: number) => problems.push({ chapter: input.file, kind, line, message });

  try {
    facts.frontmatter = readFrontmatter(input.source);
  } catch (e) {
    add('frontmatter', `frontmatter is not valid YAML: ${(e as Error).message}`);
  }

  // Runs before the build's remark plugins: the text as written, before worked numbers are filled in.
  const collectWritten = () => (tree: MdastRoot) => {
    visit(tree, (node) => {
      const line = node.position?.start.line;
      const check = (text: string) => {
        for (const n of typedNumbers(text)) {
          add('typed-number', `"${n}" looks like a computed number typed by hand: compute it in src/worked/ and use <Computed> or \\computed{}`, line);
        }
      };
      if (node.type === 'text') check(node.value);
      if (node.type === 'math' || node.type === 'inlineMath') {
        check(node.value.replace(/\\computed\{[^{}]*\}/g, ''));
        for (const m of node.value.matchAll(/\\computed\{([^{}]*)\}/g)) facts.computed.push({ value: m[1].trim(), line });
      }
      if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
        for (const attr of node.attributes) {
          if (attr.type !== 'mdxJsxAttribute' || typeof attr.value !== 'string') continue;
          if ((node.name === 'Computed' && attr.name === 'of') || (node.name === 'Exercise' && attr.name === 'answer')) {
            facts.computed.push({ value: attr.value, line });
          }
        }
      }
    });
  };
  // Runs after the build's remark plugins: sees Mermaid fences already turned into <Mermaid> tags.
  const collectMdast = () => (tree: MdastRoot) => {
    visit(tree, (node) => {
      const line = node.position?.start.line;
      switch (node.type) {
        case 'mdxJsxFlowElement':
        case 'mdxJsxTextElement': {
          if (!node.name) break; // a fragment <>…</>
          const idAttr = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'id');
          // `id="…"` is a name; `id={…}` an expression the checks cannot read, so refused as a name.
          const id = !idAttr ? undefined : idAttr.type === 'mdxJsxAttribute' && typeof idAttr.value === 'string' ? idAttr.value : '{…}';
          facts.tags.push({ value: node.name, line, ...(id === undefined ? {} : { id }) });
          // A named figure's frame is an anchor links may point at.
          if (id !== undefined && /^[A-Z]/.test(node.name) && WIDGET_ID.test(id)) facts.ids.add(frameElementId(id));
          if (node.name === 'Mermaid') facts.diagrams++;
          if (node.name === 'a') {
            for (const attr of node.attributes) {
              if (attr.type === 'mdxJsxAttribute' && attr.name === 'href' && typeof attr.value === 'string') {
                facts.links.push({ value: attr.value, line });
              }
            }
          }
          break;
        }
        case 'heading':
          // The page shows the frontmatter title as its one <h1>; sections start at ##.
          if (node.depth === 1) add('heading', 'a "# " heading would be a second page title: sections start at "## "', line);
          break;
        case 'link':
        case 'definition':
          facts.links.push({ value: node.url, line });
          break;
        case 'math':
        case 'inlineMath':
          facts.math.push({ value: { tex: node.value, display: node.type === 'math' }, line });
          break;
      }
    });
  };
  // Runs last: every id the page will have, as rehype-slug wrote them.
  const collectHast = () => (tree: HastRoot) => {
    visit(tree, 'element', (el) => {
      const id = el.properties?.id;
      if (typeof id === 'string') facts.ids.add(id);
    });
    // A worked number the build failed to fill in would reach the page as raw TeX.
    visit(tree, 'text', (t) => {
      if (t.value.includes('\\computed')) add('mdx', `"\\computed" reached the page unreplaced: ${t.value.slice(0, 60)}`, t.position?.start.line);
    });
  };

  const options = mdxCompileOptions();
  try {
    await compile(
      { value: input.source, path: input.file },
      {
        ...options,
        remarkPlugins: [collectWritten, ...(options.remarkPlugins ?? []), collectMdast],
        rehypePlugins: [...(options.rehypePlugins ?? []), collectHast],
      },
    );
  } catch (e) {
    const err = e as Error & { line?: number; place?: { line?: number; start?: { line?: number } } };
    const line = err.line ?? err.place?.line ?? err.place?.start?.line;
    add('mdx', `does not compile: ${err.message}`, line);
  }

  for (const { value, line } of facts.math) {
    try {
      katex.renderToString(value.tex, { displayMode: value.display, throwOnError: true, strict: 'ignore' });
    } catch (e) {
      add('katex', `KaTeX cannot render \`${value.tex}\`: ${(e as Error).message}`, line);
    }
  }
  return { facts, problems };
}

export interface BookOptions {
  /** The tags the component map resolves. */
  components: Iterable<string>;
  /**
   * The widgets, whose every tag must carry a name (`id="decision-line"`) for its links; elsewhere
   * a widget's name is optional, and checked where given.
   */
  widgets?: Iterable<string>;
  /** Chapters that may be linked to besides the ones checked (e.g. the book's chapters from test pages). */
  linkable?: ChapterFacts[];
}

/** Checks a set of chapters together: per-chapter problems, then names and links across them. */
/** Every problem of the chapters, and each chapter's facts (in the order given). */
export async function checkChapters(inputs: ChapterInput[], opts: BookOptions): Promise<{ problems: Problem[]; facts: ChapterFacts[] }> {
  const analysed = await Promise.all(inputs.map(analyseChapter));
  const problems = analysed.flatMap((a) => a.problems);
  const all = analysed.map((a) => a.facts);
  const components = new Set(opts.components);
  const widgets = new Set(opts.widgets);
  const bySlug = new Map<string, ChapterFacts>();
  for (const f of [...(opts.linkable ?? []), ...all]) bySlug.set(f.slug, f);

  const numbers = new Map<string, string>();
  const slugs = new Map<string, string>();
  for (const f of all) {
    const add = (kind: ProblemKind, message: string, line?: number) => problems.push({ chapter: f.file, kind, line, message });
    const m = CHAPTER_FILE.exec(f.file);
    if (!m) {
      add('file-name', 'file name must be NN-slug.mdx (two digits, a dash, lowercase words joined by dashes)');
    } else {
      const other = numbers.get(m[1]);
      if (other) add('duplicate', `number ${m[1]} is also used by ${other}`);
      numbers.set(m[1], f.file);
      const same = slugs.get(m[2]);
      if (same) add('duplicate', `slug "${m[2]}" is also used by ${same}`);
      slugs.set(m[2], f.file);
    }

    for (const key of ['title', 'summary']) {
      const v = f.frontmatter?.[key];
      if (typeof v !== 'string' || !v.trim()) add('frontmatter', `frontmatter needs a non-empty "${key}"`);
    }

    // A figure's name is what its links hold: well formed, one per figure, never reused in the chapter.
    const named = new Map<string, number | undefined>();
    for (const { value: tag, line, id } of f.tags) {
      if (id === undefined) {
        if (widgets.has(tag)) add('figure-id', `<${tag}> needs a name for its links, e.g. id="${tag.replace(/(?<=[a-z])(?=[A-Z])/g, '-').toLowerCase()}"`, line);
        continue;
      }
      if (!components.has(tag) || /^[a-z]/.test(tag)) continue;
      if (!WIDGET_ID.test(id)) add('figure-id', `<${tag} id="${id}">: a figure's name is lowercase words joined by dashes`, line);
      else if (named.has(id)) add('figure-id', `<${tag} id="${id}">: the name is already used on line ${named.get(id)}`, line);
      else named.set(id, line);
    }

    for (const { value: tag, line } of f.tags) {
      const root = tag.split('.')[0];
      if (components.has(tag) || components.has(root)) continue;
      if (/^[a-z]/.test(tag) && HTML_ELEMENTS.has(tag)) continue;
      add('unknown-tag', `<${tag}> is not in the component map`, line);
    }

    for (const { value: url, line } of f.links) {
      const why = brokenLink(url, f, bySlug);
      if (why) add('link', `link "${url}" ${why}`, line);
    }
  }
  return { problems, facts: all };
}

/** Why an internal link does not resolve, or null when it does (external links are not checked here). */
export function brokenLink(url: string, from: ChapterFacts, bySlug: Map<string, ChapterFacts>): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) return null; // http:, mailto:, …
  if (url === '') return 'is empty';
  const here = new URL(`http://book.invalid/chapters/${from.slug}/`);
  const target = new URL(url, here);
  const anchor = decodeURIComponent(target.hash.slice(1));
  let chapter: ChapterFacts | undefined;
  if (target.pathname === here.pathname) {
    chapter = from;
  } else if (target.pathname === '/' || target.pathname === '/index.html') {
    return anchor ? 'points at an anchor on the landing page, which has no chapter headings' : null;
  } else if (['lab', ...BOOK_PAGES].some((page) => target.pathname === `/${page}/`)) {
    // The Lab, the glossary, the questions and the decks: their own pages (their anchors are theirs).
    return null;
  } else {
    const m = /^\/chapters\/([^/]+)\/?(?:index\.html)?$/.exec(target.pathname);
    if (!m) return `does not point at a chapter (/chapters/<slug>/)`;
    // A static host answers /chapters/<slug> with a redirect to /chapters/<slug>/: link to the page itself.
    if (!target.pathname.endsWith('/') && !target.pathname.endsWith('.html')) return `needs a trailing slash (/chapters/${m[1]}/)`;
    chapter = bySlug.get(m[1]);
    if (!chapter) return `points at chapter "${m[1]}", which does not exist`;
  }
  if (anchor && !chapter.ids.has(anchor)) {
    return `points at #${anchor}, which is not a heading or figure id in ${chapter.file}`;
  }
  return null;
}
