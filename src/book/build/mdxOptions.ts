// How a chapter's MDX becomes a module, at build time: the one list of remark and rehype plugins,
// shared by the Vite build and by the content checks, so both compile a chapter the same way.
//
// A compiled chapter exports:
// - default: the content component (every tag resolves through the `components` prop);
// - frontmatter: the YAML frontmatter ({ title, summary }), except in the built site;
// - toc: the h2/h3 headings as { depth, id, text } (built, { depth, id, k }), for the sidebar.
import type { CompileOptions } from '@mdx-js/mdx';
import type { Code, Root as MdastRoot, RootContent as MdastContent } from 'mdast';
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import rehypeShiki from '@shikijs/rehype';
import rehypeKatex from 'rehype-katex';
import rehypeSlug from 'rehype-slug';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdxFrontmatter from 'remark-mdx-frontmatter';
import { remarkComputed } from './remarkComputed.ts';
import { remarkInCode } from './remarkInCode.ts';
import { remarkGlossary } from './remarkGlossary.ts';
import { rehypeStaticHtml } from './rehypeStaticHtml.ts';

export interface TocEntry {
  depth: 2 | 3;
  /** The heading's id; absent in the built site, where it is read from the page by `k`. */
  id?: string;
  /**
   * The heading's text; in the built site, where the heading's text and id are read from the page,
   * its fixed markup's number `k` instead (rehypeStaticHtml.ts).
   */
  text?: string;
  k?: number;
}

/** The languages code blocks may use; loading every grammar Shiki knows would slow the build. */
export const CODE_LANGUAGES = ['typescript', 'tsx', 'javascript', 'jsx', 'json', 'bash', 'python', 'diff', 'html', 'css'];

/**
 * ```mermaid fences become `<Mermaid chart="…" />`, drawn in the browser by the component of that
 * name in the component map (and Mermaid is only fetched by pages that have one).
 */
export function remarkMermaid() {
  return (tree: MdastRoot) => {
    const walk = (node: { children?: MdastContent[] }) => {
      if (!node.children) return;
      node.children = node.children.map((child) => {
        if (child.type === 'code' && (child as Code).lang === 'mermaid') {
          return {
            type: 'mdxJsxFlowElement',
            name: 'Mermaid',
            attributes: [{ type: 'mdxJsxAttribute', name: 'chart', value: (child as Code).value }],
            children: [],
          } as MdastContent;
        }
        walk(child as { children?: MdastContent[] });
        return child;
      });
    };
    walk(tree);
  };
}

function textOf(node: ElementContent | HastContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') {
    // The "#" anchor is added at render time, never here; nothing to skip but comments.
    return node.children.map(textOf).join('');
  }
  return '';
}

/** Collects h2/h3 headings (after rehype-slug gave them ids), in document order. */
export function collectToc(tree: HastRoot): TocEntry[] {
  const toc: TocEntry[] = [];
  const walk = (node: HastRoot | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if ((child.tagName === 'h2' || child.tagName === 'h3') && typeof child.properties.id === 'string') {
        toc.push({ depth: child.tagName === 'h2' ? 2 : 3, id: child.properties.id, text: textOf(child).trim() });
      } else {
        walk(child);
      }
    }
  };
  walk(tree);
  return toc;
}

type Estree = Record<string, unknown>;

/** A JSON value as an ESTree expression (what MDX's `mdxjsEsm` nodes carry). */
function toEstree(value: unknown): Estree {
  if (Array.isArray(value)) return { type: 'ArrayExpression', elements: value.map(toEstree) };
  if (value !== null && typeof value === 'object') {
    return {
      type: 'ObjectExpression',
      properties: Object.entries(value).map(([key, v]) => ({
        type: 'Property',
        key: { type: 'Literal', value: key },
        value: toEstree(v),
        kind: 'init',
        method: false,
        shorthand: false,
        computed: false,
      })),
    };
  }
  return { type: 'Literal', value: value as string | number | boolean | null };
}

/** An ESM statement (an import, an export) as the node MDX puts at the top of a compiled chapter. */
export function esmNode(statement: Estree): HastContent {
  return { type: 'mdxjsEsm', value: '', data: { estree: { type: 'Program', sourceType: 'module', body: [statement] } } } as unknown as HastContent;
}

/** Adds `export const toc = [...]` to the compiled chapter. Runs after rehype-slug. */
export function rehypeToc() {
  return (tree: HastRoot) => {
    const declaration = {
      type: 'VariableDeclaration',
      kind: 'const',
      declarations: [{ type: 'VariableDeclarator', id: { type: 'Identifier', name: 'toc' }, init: toEstree(collectToc(tree)) }],
    };
    tree.children.unshift(esmNode({ type: 'ExportNamedDeclaration', specifiers: [], source: null, attributes: [], declaration }));
  };
}

/** Compile options for @mdx-js/rollup and @mdx-js/mdx alike. */
/**
 * `staticHtml`: where the fixed markup of a chapter travels (rehypeStaticHtml.ts): `inline` in its
 * script (the default: `vite dev`, tests), `page` in the built site (read from the page itself).
 */
export function mdxCompileOptions({ staticHtml = 'inline' }: { staticHtml?: 'inline' | 'page' } = {}): CompileOptions {
  return {
    remarkPlugins: [
      [remarkFrontmatter, ['yaml']],
      // The built site lists every chapter's title and summary in its entry (build/chapters.ts):
      // a chapter's script does not carry them again.
      ...(staticHtml === 'page' ? [] : [remarkMdxFrontmatter]),
      remarkGfm,
      remarkMath,
      remarkMermaid,
      // Before Shiki and KaTeX: the engine's source as a code tab, worked numbers into math.
      remarkInCode,
      remarkComputed,
      // Last: links each glossary term's first use in the chapter's prose.
      remarkGlossary,
    ],
    rehypePlugins: [
      rehypeSlug,
      rehypeToc,
      // KaTeX before Shiki: display math arrives as a `language-math` code block, which Shiki would
      // otherwise take for a program.
      rehypeKatex,
      [
        rehypeShiki,
        {
          // The "default" GitHub themes: their comment and token colours meet WCAG AA on their own
          // backgrounds, in both themes. Colours are left as CSS variables; the stylesheet picks them.
          themes: { light: 'github-light-default', dark: 'github-dark-default' },
          defaultColor: false,
          langs: CODE_LANGUAGES,
          // Plain and unknown fences still get the same frame and colours as highlighted ones.
          defaultLanguage: 'text',
          fallbackLanguage: 'text',
        },
      ],
      // Last: what holds nothing interactive, as strings (or, built, as numbers into the page).
      [rehypeStaticHtml, { mode: staticHtml }],
    ],
  };
}
