// The first use of each glossary term in a chapter's prose becomes `<Term term="id">words</Term>`,
// a link to the term on the glossary page with a card that shows its definition (Term.tsx).
//
// What counts as prose: text in paragraphs, lists, tables, emphasis and the bodies of callouts and
// exercises. Never inside headings, code, math, links, widget tags or other JSX, nor in the further
// reading list (paper titles). In the chapter that teaches a term, the term is not linked before
// or within the section that teaches it (its heading and everything under it until the next heading
// of the same or a higher level): there the chapter is about to explain it, or is explaining it, and
// a link to the glossary would only point back at that text. Its first use after that section, a
// reminder of a term already taught, is linked like a use in any other chapter.
//
// At each place the longest form of any term wins ("batch normalisation" before "batch"), even a
// term already linked in the chapter, so a shorter term is never found inside a longer one; the
// same holds for the phrases in which a form means something else (NOT_TERMS), never linked.
import GithubSlugger from 'github-slugger';
import type { Heading, Parent, Root, RootContent, Text } from 'mdast';
import type { MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { VFile } from 'vfile';
import { NOT_TERMS, TERMS, type GlossaryTerm } from '../glossary/terms.ts';

/** JSX tags whose children are prose, and may hold a term's first use. */
const PROSE_TAGS = new Set(['Note', 'Warning', 'TryThis', 'Predict', 'Exercise', 'Hint', 'Solution']);
/** Sections whose text is not the book's own prose. */
const SKIPPED_SECTIONS = new Set(['further-reading']);
/** Node types whose text is never a term's use. */
const SKIPPED_NODES = new Set(['heading', 'code', 'inlineCode', 'math', 'inlineMath', 'link', 'linkReference', 'definition', 'html', 'yaml', 'toml', 'mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression']);

/** A word character for a term's edges: a form must not start or end inside a longer word. */
const WORD = /[\p{L}\p{N}-]/u;

interface Matcher {
  pattern: RegExp;
  /** Each alternative's term, by the form's text as it may appear (null: a phrase never linked). */
  termOf: Map<string, GlossaryTerm | null>;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The forms as they may appear: a lower-case form also with a capital first letter. */
function spellings(form: string): string[] {
  if (form !== form.toLowerCase() || !/^\p{Ll}/u.test(form)) return [form];
  return [form, form[0].toUpperCase() + form.slice(1)];
}

/** One pattern of every term's forms, longest first, so the longest form at a place wins. */
export function termMatcher(terms: readonly GlossaryTerm[], notTerms: readonly string[] = []): Matcher {
  const termOf = new Map<string, GlossaryTerm | null>();
  for (const phrase of notTerms) for (const spelling of spellings(phrase)) termOf.set(spelling, null);
  for (const term of terms) {
    for (const form of term.forms) {
      for (const spelling of spellings(form)) {
        const other = termOf.get(spelling);
        if (other === null) throw new Error(`glossary: "${spelling}" is a form of "${term.id}" and a phrase never linked`);
        if (other && other !== term) throw new Error(`glossary: "${spelling}" is a form of both "${other.id}" and "${term.id}"`);
        termOf.set(spelling, term);
      }
    }
  }
  const alternatives = [...termOf.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return { pattern: new RegExp(alternatives.join('|'), 'gu'), termOf };
}

/** The text of a heading as rehype-slug reads it (text, code and math values, in order). */
function plainText(node: RootContent | Root): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value;
  if ('children' in node) return (node.children as RootContent[]).map(plainText).join('');
  return '';
}

function termElement(term: GlossaryTerm, words: string): MdxJsxTextElement {
  return {
    type: 'mdxJsxTextElement',
    name: 'Term',
    attributes: [{ type: 'mdxJsxAttribute', name: 'term', value: term.id }],
    children: [{ type: 'text', value: words }],
  };
}

export interface GlossaryOptions {
  /** The terms to link (the book's glossary by default; tests pass their own) … */
  terms?: readonly GlossaryTerm[];
  /** … and the phrases never linked (NOT_TERMS by default). */
  notTerms?: readonly string[];
  /** The chapter's slug, when the file name does not give it (tests). */
  chapter?: string;
}

/** The chapter's slug from its file name (`03-losses.mdx` → `losses`). */
function chapterOf(file: VFile): string | null {
  const name = file.path ? file.path.split(/[\\/]/).pop()! : '';
  return /^\d\d-([a-z0-9-]+)\.mdx$/.exec(name)?.[1] ?? null;
}

export function remarkGlossary(options: GlossaryOptions = {}) {
  const terms = options.terms ?? TERMS;
  const matcher = termMatcher(terms, options.notTerms ?? (options.terms ? [] : NOT_TERMS));
  return (tree: Root, file: VFile) => {
    const chapter = options.chapter ?? chapterOf(file);
    if (!chapter) return;
    const slugger = new GithubSlugger();
    const linked = new Set<string>();
    // The open sections: the id of the heading at each depth, for "is this the defining section".
    const open: { depth: number; id: string }[] = [];
    // Every heading passed so far, to tell a use before a term's section from one after it.
    const passed = new Set<string>();
    const taughtHereNotYet = (term: GlossaryTerm) => term.chapter === chapter && (!passed.has(term.section) || open.some((s) => s.id === term.section));
    const skippedSection = () => open.some((s) => SKIPPED_SECTIONS.has(s.id));

    const linkText = (node: Text): RootContent[] | null => {
      if (skippedSection()) return null;
      const out: RootContent[] = [];
      let last = 0;
      const { value } = node;
      for (const match of value.matchAll(matcher.pattern)) {
        const start = match.index;
        const end = start + match[0].length;
        if (WORD.test(value[start - 1] ?? '') || WORD.test(value[end] ?? '')) continue;
        const term = matcher.termOf.get(match[0]);
        if (!term || linked.has(term.id) || taughtHereNotYet(term) || term.notIn?.includes(chapter)) continue;
        linked.add(term.id);
        if (start > last) out.push({ type: 'text', value: value.slice(last, start) });
        out.push(termElement(term, match[0]) as unknown as RootContent);
        last = end;
      }
      if (out.length === 0) return null;
      if (last < value.length) out.push({ type: 'text', value: value.slice(last) });
      return out;
    };

    const walk = (parent: Parent) => {
      const children: RootContent[] = [];
      for (const child of parent.children as RootContent[]) {
        if (child.type === 'heading') {
          // Every heading takes a slug, in order, as rehype-slug gives ids.
          const depth = (child as Heading).depth;
          const id = slugger.slug(plainText(child));
          while (open.length && open[open.length - 1].depth >= depth) open.pop();
          open.push({ depth, id });
          passed.add(id);
          children.push(child);
        } else if (child.type === 'text') {
          children.push(...(linkText(child) ?? [child]));
        } else if (SKIPPED_NODES.has(child.type)) {
          children.push(child);
        } else if ((child.type === 'mdxJsxFlowElement' || child.type === 'mdxJsxTextElement') && !PROSE_TAGS.has(child.name ?? '')) {
          children.push(child);
        } else {
          if ('children' in child) walk(child as Parent);
          children.push(child);
        }
      }
      parent.children = children as Parent['children'];
    };
    walk(tree);
  };
}
