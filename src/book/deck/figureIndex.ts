// Every figure in the book, read from the chapters' sources at build time for the lecture-deck
// builder: each widget tag with a name (`<XorLive id="xor-live" hidden={3} />`), its component,
// the section it sits in and the props the chapter set. Only literal props are kept (strings,
// numbers, booleans and lists or objects of them): a deck mounts the figure with the chapter's
// props, then the scene's state over them, as a figure's own link does in its chapter.
// Build-time only (Node): the `virtual:book/figures` module made from it is imported by the
// deck's chunk alone, so no chapter pays for it.
import { readFileSync } from 'node:fs';
import { createProcessor } from '@mdx-js/mdx';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import type { ChapterEntry } from '../build/chapters.ts';

/** A literal value as a chapter may write it in a prop. */
export type PropValue = string | number | boolean | PropValue[] | { [key: string]: PropValue };

export interface FigureEntry {
  /** The chapter's name for the figure (`id="xor-live"`), unique in its chapter. */
  id: string;
  /** The component the tag names (`XorLive`). */
  component: string;
  /** The heading of the section the figure sits in (h2 or h3), or '' before the first. */
  section: string;
  /** The chapter's literal props, `id` left out. */
  props: Record<string, PropValue>;
}

export interface ChapterFigures {
  slug: string;
  figures: FigureEntry[];
}

// Minimal shapes of the syntax trees read here (mdast with MDX's JSX nodes, and estree).
interface Node {
  type: string;
  children?: Node[];
  value?: unknown;
  depth?: number;
  name?: string | null;
  attributes?: Attribute[];
}
interface Attribute {
  type: string;
  name?: string;
  value?: string | null | { type: string; data?: { estree?: { body: { type: string; expression?: Estree }[] } } };
}
interface Estree {
  type: string;
  value?: unknown;
  operator?: string;
  argument?: Estree;
  elements?: (Estree | null)[];
  properties?: { type: string; computed?: boolean; key: Estree; value: Estree; kind?: string }[];
  name?: string;
}

/** Thrown inside `literal` when an expression is not a plain literal. */
const NOT_LITERAL = Symbol('not literal');

function literal(node: Estree | null | undefined): PropValue {
  if (!node) throw NOT_LITERAL;
  switch (node.type) {
    case 'Literal':
      if (typeof node.value === 'string' || typeof node.value === 'boolean' || (typeof node.value === 'number' && Number.isFinite(node.value))) return node.value;
      throw NOT_LITERAL;
    case 'UnaryExpression': {
      const v = literal(node.argument);
      if (typeof v !== 'number' || (node.operator !== '-' && node.operator !== '+')) throw NOT_LITERAL;
      return node.operator === '-' ? -v : v;
    }
    case 'ArrayExpression':
      return (node.elements ?? []).map(literal);
    case 'ObjectExpression': {
      const out: Record<string, PropValue> = {};
      for (const p of node.properties ?? []) {
        if (p.type !== 'Property' || p.computed || p.kind !== 'init') throw NOT_LITERAL;
        const key = p.key.type === 'Identifier' ? p.key.name : p.key.type === 'Literal' ? String(p.key.value) : null;
        if (key === null || key === undefined) throw NOT_LITERAL;
        out[key] = literal(p.value);
      }
      return out;
    }
    default:
      throw NOT_LITERAL;
  }
}

/** A JSX attribute's value when it is a literal (`"a"`, `{0.5}`, `{[2, 3]}`, bare = true), else undefined. */
function attributeValue(attribute: Attribute): PropValue | undefined {
  const value = attribute.value;
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value;
  const body = value.data?.estree?.body;
  if (!body || body.length !== 1 || body[0].type !== 'ExpressionStatement') return undefined;
  try {
    return literal(body[0].expression);
  } catch (e) {
    if (e === NOT_LITERAL) return undefined;
    throw e;
  }
}

function textOf(node: Node): string {
  if (typeof node.value === 'string' && node.type !== 'html') return node.value;
  return (node.children ?? []).map(textOf).join('');
}

const FIGURE_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** The named figures of one chapter's MDX source, in reading order. */
export function figuresOf(source: string): FigureEntry[] {
  const tree = createProcessor({ remarkPlugins: [remarkFrontmatter, remarkGfm, remarkMath] }).parse(source) as unknown as Node;
  const figures: FigureEntry[] = [];
  let section = '';
  const walk = (node: Node) => {
    if (node.type === 'heading' && (node.depth === 2 || node.depth === 3)) section = textOf(node).trim();
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name && /^[A-Z]/.test(node.name)) {
      const props: Record<string, PropValue> = {};
      let id: string | null = null;
      for (const attribute of node.attributes ?? []) {
        if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) continue;
        const value = attributeValue(attribute);
        if (value === undefined) continue;
        if (attribute.name === 'id') id = typeof value === 'string' ? value : null;
        else props[attribute.name] = value;
      }
      if (id !== null && FIGURE_ID.test(id)) figures.push({ id, component: node.name, section, props });
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(tree);
  return figures;
}

/** The figures of every chapter, read from their files. */
export function bookFigures(chapters: readonly ChapterEntry[]): ChapterFigures[] {
  return chapters.map((c) => ({ slug: c.slug, figures: figuresOf(readFileSync(c.file, 'utf8')) }));
}

/** Source of the `virtual:book/figures` module. */
export function figuresModuleSource(figures: ChapterFigures[]): string {
  return `export const figureChapters = ${JSON.stringify(figures)};\n`;
}
