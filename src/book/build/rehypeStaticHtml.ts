// The parts of a chapter that hold nothing interactive reach its script as HTML strings instead of
// one JSX call per element: a paragraph, list or quotation with no figure or other interactive tag
// of the book's (links, glossary terms, worked numbers and keys are plain markup), a typeset formula,
// highlighted code. The page renders the very same markup
// (<StaticHtml> puts the string inside the same element), and the chapter's script is far smaller,
// since a formula's hundreds of nested spans become one string that compresses well. Runs last,
// after KaTeX and Shiki. The HTML is the build's own output, never anything a reader supplied.
//
// Two ways to carry the strings: `inline` (a prop of each tag: `vite dev`, tests) and `page` (the
// built site): each tag gets a number `k` and the strings go to `pageStrings`, which the chapter's
// module exports as `staticHtml` in the pre-render's build only (vitePlugins.ts); the browser reads
// them from the page (staticHtmlStore.ts), so the chapter's script does not carry them twice.
// In `page` mode the rest of the chapter's words leave its script too: a section heading's text
// (inside its anchored heading, and the contents list's entry for it as the same number), a
// diagram's Mermaid source (shown as text in the page until the diagram is drawn) and an exercise's
// or a box's title (`titleK`); the components read them back with StaticHtml.tsx's useFixedText. In
// either mode a box, hint or solution holding one line of plain words has it as fixed markup.
import path from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import type { VFile } from 'vfile';
import { toHtml } from 'hast-util-to-html';
import { esmNode } from './mdxOptions.ts';
import { termPath } from '../glossary/termPath.ts';

type Child = Element['children'][number];

/** Blocks that may become one string when nothing inside them is rendered by a component. */
const BLOCKS = new Set(['p', 'ul', 'ol', 'li', 'blockquote']);
/**
 * Elements the component map renders its own way (components.tsx's elementComponents). A link is
 * not among them: in fixed markup its root-absolute address takes the base path and locale when
 * shown (StaticHtml), as ChapterLink gives them, and the shell follows it without a reload.
 */
const MAPPED = new Set(['h2', 'h3', 'h4', 'table', 'pre']);

type JsxNode = { name?: string | null; attributes?: { type: string; name?: string; value?: unknown }[]; children: Child[] };

/** A literal string attribute of an MDX tag (null for an expression or when absent). */
function literal(node: JsxNode, name: string): string | null {
  const value = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name)?.value;
  return typeof value === 'string' ? value : null;
}

/** HTML's inline tags, written as tags in a chapter's prose. */
const INLINE_HTML = new Set(['strong', 'em', 'code', 'kbd', 'sub', 'sup', 'b', 'i']);

/**
 * The book's inline tags that render fixed markup, as that markup, so a paragraph holding them
 * stays fixed: `<Term term="id">` (remarkGlossary.ts) as Term.tsx renders it, `<Computed>` with the
 * value the build filled in (remarkComputed.ts) as worked.tsx renders it, `<Kbd>` as callouts.tsx
 * does. Null where the tag is not one of them or not as the build writes it.
 */
function inlineMarkup(node: JsxNode): Element | null {
  if (node.name === 'Term') {
    const id = literal(node, 'term');
    if (id === null || !/^[a-z0-9-]+$/.test(id)) return null;
    const link: Element = { type: 'element', tagName: 'a', properties: { className: ['term-link'], href: `/${termPath(id)}` }, children: node.children };
    return { type: 'element', tagName: 'span', properties: { className: ['term'], dataTerm: id }, children: [link] };
  }
  if (node.name === 'Computed') {
    const of = literal(node, 'of');
    const value = literal(node, 'value');
    if (of === null || value === null) return null;
    return { type: 'element', tagName: 'span', properties: { className: ['computed'], dataComputed: of }, children: [{ type: 'text', value }] };
  }
  if (node.name === 'Kbd' && (node.attributes ?? []).length === 0) return { type: 'element', tagName: 'kbd', properties: {}, children: node.children };
  // An HTML tag written as such in a chapter (`<strong>#</strong>`), with no attributes: plain markup.
  if (node.name && INLINE_HTML.has(node.name) && (node.attributes ?? []).length === 0) return { type: 'element', tagName: node.name, properties: {}, children: node.children };
  return null;
}

/** A column's alignment (GFM writes `align`, obsolete in HTML) as the style MDX would give it. */
function alignAsStyle(node: Element): Element {
  const props = node.properties ?? {};
  if ((node.tagName === 'td' || node.tagName === 'th') && typeof props.align === 'string') {
    const { align, ...rest } = props;
    node.properties = { ...rest, style: `text-align:${align}` };
  }
  for (const child of node.children) if (child.type === 'element') alignAsStyle(child);
  return node;
}

/** Every inline tag in `parent`'s subtree that renders fixed markup, as that markup. */
function inlineAsMarkup(parent: { children: (RootContent | Child)[] }): void {
  parent.children = parent.children.map((child) => {
    const markup = child.type === 'mdxJsxTextElement' ? inlineMarkup(child as unknown as JsxNode) : null;
    const node = (markup ?? child) as Child;
    if ('children' in node && Array.isArray(node.children)) inlineAsMarkup(node as { children: Child[] });
    return node;
  });
}

/**
 * The book's tags that only frame their content (exercises.tsx, callouts.tsx): where one holds a
 * line of plain words (`<Hint>Use $n$ …</Hint>`), the line becomes fixed markup too.
 */
const FRAMES = new Set(['Hint', 'Solution', 'Note', 'Warning', 'TryThis', 'Predict']);
/** The book's tags whose `title` is read from the page in the built site. */
const TITLED = new Set(['Exercise', 'Note', 'Warning', 'TryThis', 'Predict']);
/** Inline elements a line of fixed markup may hold. */
const PHRASING = new Set(['span', 'code', 'em', 'strong', 'a', 'kbd', 'sub', 'sup', 'br', 'b', 'i', 'del']);

/** Whether a subtree is plain markup: no MDX tag or expression, no element the component map takes. */
function isPlain(node: Child | RootContent): boolean {
  if (node.type.startsWith('mdx')) return false;
  if (node.type !== 'element') return true;
  if (MAPPED.has(node.tagName)) return false;
  return node.children.every(isPlain);
}

/** Only a class may travel with the string (a block with an id or other attributes stays as it is). */
function onlyClass(node: Element): boolean {
  return Object.keys(node.properties ?? {}).every((key) => key === 'className' || key === 'class');
}

/** An element's classes, as hast keeps them (`className`, a list; Shiki writes `class`, a string). */
function classesOf(node: Element): string[] {
  const { className, class: plain } = (node.properties ?? {}) as { className?: unknown; class?: unknown };
  if (Array.isArray(className)) return className.map(String);
  return typeof plain === 'string' ? plain.split(/\s+/).filter(Boolean) : [];
}

function hasClass(node: Element, name: string): boolean {
  return classesOf(node).includes(name);
}

/** Each chapter file's strings in `page` mode, in order of `k`, for the pre-render to register. */
export const pageStrings: Map<string, string[]> = ((globalThis as { __bookStaticHtml?: Map<string, string[]> }).__bookStaticHtml ??= new Map());

/**
 * Each chapter file's section-heading ids in `page` mode, by the number of the heading's text: the
 * anchors leave the script too, read from the page like the words (staticHtmlStore.ts).
 */
export const pageHeadingIds: Map<string, Record<number, string>> = ((globalThis as { __bookHeadingIds?: Map<string, Record<number, string>> }).__bookHeadingIds ??= new Map());

/**
 * The module a chapter re-exports as `staticHtml` and `headingIds` in `page` mode: its strings and
 * its headings' ids in the pre-render, null in the browser.
 */
export const STATIC_HTML_MODULE = 'virtual:book/static-html/';

/** A text as markup (what a browser reads back from the element holding it). */
const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The `toc` export's entries (mdxOptions.ts's rehypeToc), as ESTree objects, to renumber. */
type EstreeProperty = { key: { value?: unknown }; value: { type: string; value?: unknown } };
function tocEntries(tree: Root): { properties: EstreeProperty[] }[] {
  for (const node of tree.children as unknown as { type: string; data?: { estree?: { body?: unknown[] } } }[]) {
    if (node.type !== 'mdxjsEsm') continue;
    const statement = node.data?.estree?.body?.[0] as { declaration?: { declarations?: { id?: { name?: string }; init?: { elements?: unknown[] } }[] } } | undefined;
    const declarator = statement?.declaration?.declarations?.[0];
    if (declarator?.id?.name === 'toc') return (declarator.init?.elements ?? []) as { properties: EstreeProperty[] }[];
  }
  return [];
}

function numberLiteral(value: number) {
  return { type: 'mdxJsxAttributeValueExpression', value: String(value), data: { estree: { type: 'Program', sourceType: 'module', body: [{ type: 'ExpressionStatement', expression: { type: 'Literal', value } }] } } };
}

export function rehypeStaticHtml(options: { mode?: 'inline' | 'page' } = {}) {
  const page = options.mode === 'page';
  return (tree: Root, file: VFile) => {
    const strings: string[] = [];
    /** `<StaticHtml as="span" className="katex" html="…" />` (or `k={n}`) in place of an element whose children are fixed markup. */
    const staticHtml = (node: Element): Child => {
      const className = classesOf(node).join(' ') || undefined;
      const html = toHtml(node.children);
      const attributes = [
        { type: 'mdxJsxAttribute', name: 'as', value: node.tagName },
        ...(className ? [{ type: 'mdxJsxAttribute', name: 'className', value: className }] : []),
        page ? { type: 'mdxJsxAttribute', name: 'k', value: numberLiteral(strings.push(html) - 1) } : { type: 'mdxJsxAttribute', name: 'html', value: html },
      ];
      return { type: 'mdxJsxTextElement', name: 'StaticHtml', attributes, children: [] } as unknown as Child;
    };
    /** Heading ids and the number of their text's markup (`page` mode). */
    const headings = new Map<string, number>();
    const ids: Record<number, string> = {};
    const walk = (parent: { children: (RootContent | Child)[] }) => {
      parent.children = parent.children.map((child) => {
        // A diagram's source: read from the page, where it shows until the diagram is drawn.
        if (page && child.type === 'mdxJsxFlowElement' && (child as unknown as JsxNode).name === 'Mermaid') {
          const node = child as unknown as JsxNode;
          const chart = literal(node, 'chart');
          if (chart !== null) node.attributes = [{ type: 'mdxJsxAttribute', name: 'k', value: numberLiteral(strings.push(escapeText(chart)) - 1) }];
          return child;
        }
        // An exercise's or a box's title: read from the page too (exercises.tsx, callouts.tsx), its
        // content walked as any other.
        if (page && child.type === 'mdxJsxFlowElement' && TITLED.has((child as unknown as JsxNode).name ?? '')) {
          const node = child as unknown as JsxNode;
          const title = literal(node, 'title');
          if (title !== null) {
            node.attributes = (node.attributes ?? []).map((a) =>
              a.type === 'mdxJsxAttribute' && a.name === 'title' ? { type: 'mdxJsxAttribute', name: 'titleK', value: numberLiteral(strings.push(escapeText(title)) - 1) } : a,
            );
          }
        }
        if (child.type !== 'element') {
          const node = child as unknown as JsxNode & { type: string };
          if (FRAMES.has(node.name ?? '') && node.children.some((c) => c.type === 'text' && c.value.trim()) && node.children.every((c) => c.type === 'text' || (c.type === 'element' && PHRASING.has(c.tagName) && isPlain(c)))) {
            node.children = [staticHtml({ type: 'element', tagName: 'span', properties: {}, children: node.children as Element['children'] })];
            return child;
          }
          if ('children' in child && Array.isArray(child.children)) walk(child as { children: Child[] });
          return child;
        }
        if (BLOCKS.has(child.tagName) && onlyClass(child) && isPlain(child)) return staticHtml(child);
        // A section heading of text only: its words in a span inside the anchored heading.
        if (page && /^h[234]$/.test(child.tagName) && child.children.length > 0 && child.children.every((c) => c.type === 'text')) {
          child.children = [staticHtml({ type: 'element', tagName: 'span', properties: {}, children: child.children })];
          if (typeof child.properties?.id === 'string') {
            // Its anchor is read from the page too (headings.tsx), by the same number.
            headings.set(child.properties.id, strings.length - 1);
            ids[strings.length - 1] = child.properties.id;
            delete child.properties.id;
          }
          return child;
        }
        // A table of plain cells: its rows as a string, the scrolling frame around it the component's.
        if (child.tagName === 'table' && onlyClass(child) && child.children.every(isPlain)) return staticHtml(alignAsStyle(child));
        // A formula: the outer span of KaTeX's output (display math is a .katex-display around it).
        if (child.tagName === 'span' && (hasClass(child, 'katex-display') || hasClass(child, 'katex'))) return staticHtml(child);
        // A highlighted block: the <code> inside Shiki's <pre> (the <pre> stays, for its Copy button).
        if (child.tagName === 'pre' && hasClass(child, 'shiki')) {
          child.children = child.children.map((c) => (c.type === 'element' && c.tagName === 'code' ? staticHtml(c) : c));
          return child;
        }
        walk(child);
        return child;
      });
    };
    inlineAsMarkup(tree as unknown as { children: Child[] });
    walk(tree as unknown as { children: Child[] });
    if (!page || strings.length === 0) return;
    // The contents list names each heading by the number of its text, not the text again.
    for (const entry of tocEntries(tree)) {
      const id = entry.properties.find((p) => p.key.value === 'id')?.value.value;
      const k = typeof id === 'string' ? headings.get(id) : undefined;
      if (k === undefined) continue;
      entry.properties = entry.properties
        .filter((p) => p.key.value !== 'id')
        .map((p) => (p.key.value === 'text' ? { ...p, key: { ...p.key, value: 'k' }, value: { type: 'Literal', value: k } } : p));
    }
    const source = path.resolve(file.path);
    pageStrings.set(source, strings);
    pageHeadingIds.set(source, ids);
    const specifier = `${STATIC_HTML_MODULE}${encodeURIComponent(source)}`;
    // export { default as staticHtml, headingIds } from 'virtual:book/static-html/<file>'
    const reexport = {
      type: 'ExportNamedDeclaration',
      declaration: null,
      specifiers: [
        { type: 'ExportSpecifier', local: { type: 'Identifier', name: 'default' }, exported: { type: 'Identifier', name: 'staticHtml' } },
        { type: 'ExportSpecifier', local: { type: 'Identifier', name: 'headingIds' }, exported: { type: 'Identifier', name: 'headingIds' } },
      ],
      source: { type: 'Literal', value: specifier },
      attributes: [],
    };
    tree.children.unshift(esmNode(reexport) as RootContent);
  };
}
