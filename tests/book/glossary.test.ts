// The glossary's data and the build step that links terms in the chapters: every term has a name,
// a definition and a Chinese name; ids and forms are unique; the remark step links the first use
// of a term in a chapter and nothing inside headings, code, math, links or widget tags.
// (That each term's section exists, and that the questions page's links lead somewhere, is checked
// against the compiled chapters in tests/content/glossary.test.ts.)
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { remarkGlossary, termMatcher } from '../../src/book/build/remarkGlossary.ts';
import { answerLinks, answerParts } from '../../src/book/faq/answerParts.ts';
import { faqStrings } from '../../src/book/faq/strings.ts';
import { termStrings } from '../../src/book/glossary/definitions.ts';
import { sectionStrings } from '../../src/book/glossary/strings.ts';
import { NOT_TERMS, TERMS, type GlossaryTerm } from '../../src/book/glossary/terms.ts';

describe('glossary data', () => {
  const words = termStrings as unknown as Record<string, { name: string; definition: string }>;

  it('has between 80 and 120 terms, each id unique and fit for an anchor', () => {
    expect(TERMS.length).toBeGreaterThanOrEqual(80);
    expect(TERMS.length).toBeLessThanOrEqual(120);
    const ids = TERMS.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('gives every term a name, a one-line definition and a Chinese name, and defines nothing else', () => {
    expect(Object.keys(words).sort()).toEqual(TERMS.map((t) => t.id).sort());
    for (const term of TERMS) {
      const { name, definition } = words[term.id];
      expect(name.trim(), term.id).not.toBe('');
      // One line: a sentence or two, never a paragraph.
      expect(definition.length, term.id).toBeGreaterThan(30);
      expect(definition.length, term.id).toBeLessThan(260);
      expect(definition, term.id).not.toMatch(/\n/);
      expect(term.zh, term.id).toMatch(/\p{Script=Han}/u);
      expect(term.forms.length, term.id).toBeGreaterThan(0);
    }
  });

  it('names every section a term is taught in, and no other', () => {
    const keys = new Set(TERMS.map((t) => `${t.chapter}#${t.section}`));
    expect(new Set(Object.keys(sectionStrings))).toEqual(keys);
  });

  it('never gives one form to two terms, nor to a phrase that is never linked', () => {
    expect(() => termMatcher(TERMS, NOT_TERMS)).not.toThrow();
    const twice = [TERMS[0], { ...TERMS[1], forms: [TERMS[0].forms[0]] }];
    expect(() => termMatcher(twice)).toThrow(/is a form of both/);
  });
});

const TEST_TERMS: GlossaryTerm[] = [
  { id: 'learning-rate', chapter: 'optimisers', section: 'the-learning-rate', zh: '学习率', forms: ['learning rate', 'learning rates'] },
  { id: 'batch', chapter: 'neurons', section: 'batches', zh: '批量', forms: ['batch', 'batches'] },
  { id: 'mini-batch', chapter: 'optimisers', section: 'mini-batches', zh: '小批量', forms: ['mini-batch'] },
  { id: 'batch-normalisation', chapter: 'deep', section: 'batch-normalisation', zh: '批量归一化', forms: ['batch normalisation'] },
  { id: 'relu', chapter: 'activations', section: 'relu', zh: '修正线性单元', forms: ['ReLU'] },
  { id: 'dropout', chapter: 'generalisation', section: 'dropout', zh: '随机失活', forms: ['dropout'], notIn: ['elsewhere'] },
  { id: 'weight', chapter: 'neurons', section: 'the-maths', zh: '权重', forms: ['weight', 'weights'] },
];

/** The terms linked in a chapter, in order, as `id:words`. */
function linked(mdx: string, chapter = 'somewhere', notTerms: string[] = []): string[] {
  const processor = unified().use(remarkParse).use(remarkMdx).use(remarkGfm).use(remarkMath).use(remarkGlossary, { terms: TEST_TERMS, notTerms, chapter });
  const tree = processor.runSync(processor.parse(mdx)) as Root;
  const found: string[] = [];
  visit(tree, (node) => {
    if (node.type === 'mdxJsxTextElement' && node.name === 'Term') {
      const attr = node.attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'term');
      const text = node.children.map((c) => (c.type === 'text' ? c.value : '')).join('');
      found.push(`${attr?.value}:${text}`);
    }
  });
  return found;
}

describe('remarkGlossary', () => {
  it('links the first use of each term in a chapter, and only the first', () => {
    expect(linked('The learning rate matters.\n\nA smaller learning rate, and learning rates in general.')).toEqual(['learning-rate:learning rate']);
  });

  it('keeps the words as written, with a capital at the start of a sentence', () => {
    expect(linked('Dropout helps. So does a ReLU.')).toEqual(['dropout:Dropout', 'relu:ReLU']);
    // A form with capitals matches only as written.
    expect(linked('A relu here.')).toEqual([]);
  });

  it('never links inside headings, code, math, links or widget tags', () => {
    const mdx = [
      '## The learning rate',
      '',
      'Code `learning rate`, math $\\text{batch}$ and',
      '',
      '$$',
      '\\text{dropout}',
      '$$',
      '',
      '```python',
      'learning rate = 0.1',
      '```',
      '',
      'A [learning rate link](/chapters/optimisers/) and <Figure id="batch-figure" label="batch">dropout</Figure>.',
      '',
      '<Note title="The learning rate">',
      '',
      'Inside a callout the learning rate counts.',
      '',
      '</Note>',
    ].join('\n');
    expect(linked(mdx)).toEqual(['learning-rate:learning rate']);
  });

  it('links a term inside emphasis, lists and tables', () => {
    expect(linked('- **weights** first\n\n| a | b |\n| - | - |\n| dropout | x |')).toEqual(['weight:weights', 'dropout:dropout']);
  });

  it('prefers the longest form at a place, and finds no term inside a longer word', () => {
    expect(linked('With batch normalisation, a mini-batch and one batch.')).toEqual([
      'batch-normalisation:batch normalisation',
      'mini-batch:mini-batch',
      'batch:batch',
    ]);
    expect(linked('A weighted vote; batched inputs.')).toEqual([]);
  });

  it('does not link a shorter term inside a longer one already linked', () => {
    expect(linked('Batch normalisation, then batch normalisation again.')).toEqual(['batch-normalisation:Batch normalisation']);
  });

  it('in the chapter that teaches a term, links it only after the section that teaches it', () => {
    const mdx = ['Dropout is coming.', '', '## Dropout', '', 'Dropout switches units off.', '', '### Why it works', '', 'Dropout again.', '', '## Later', '', 'Then dropout.'].join('\n');
    expect(linked(mdx, 'generalisation')).toEqual(['dropout:dropout']);
    // In another chapter the same text links the first use.
    expect(linked(mdx, 'optimisers')).toEqual(['dropout:Dropout']);
  });

  it('skips chapters where a form means something else, phrases that are never linked, and further reading', () => {
    expect(linked('Dropout.', 'elsewhere')).toEqual([]);
    expect(linked('The class weights, then the weights.', 'somewhere', ['class weights'])).toEqual(['weight:weights']);
    expect(linked('## Further reading\n\n- A paper on dropout.')).toEqual([]);
  });

  it('writes the tag the component map resolves', () => {
    const processor = unified().use(remarkParse).use(remarkMdx).use(remarkGlossary, { terms: TEST_TERMS, chapter: 'x' });
    const tree = processor.runSync(processor.parse('Some weights.')) as Root;
    const paragraph = tree.children[0] as { children: { type: string; name?: string; attributes?: unknown[] }[] };
    expect(paragraph.children[1]).toMatchObject({ type: 'mdxJsxTextElement', name: 'Term', attributes: [{ name: 'term', value: 'weight' }] });
  });
});

describe('questions and answers', () => {
  const questions = Object.entries(faqStrings.questions);

  it('has 12 to 20 questions, each with an anchor, a question and a short answer with links', () => {
    expect(questions.length).toBeGreaterThanOrEqual(12);
    expect(questions.length).toBeLessThanOrEqual(20);
    for (const [id, { question, answer }] of questions) {
      expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(question.trim().endsWith('?'), id).toBe(true);
      const plain = answerParts(answer)
        .map((p) => p.text)
        .join('');
      const sentences = plain.split(/(?<=[.?!])\s+(?=[A-Z“])/).filter((s) => s.trim());
      expect(sentences.length, `${id}: ${sentences.length} sentences`).toBeGreaterThanOrEqual(2);
      expect(sentences.length, `${id}: ${sentences.length} sentences`).toBeLessThanOrEqual(6);
      expect(answerLinks(answer).length, id).toBeGreaterThan(0);
      // Every link was parsed: no bracket markup is left in the text.
      expect(plain, id).not.toMatch(/\]\(/);
    }
  });

  it('splits an answer into text and links to the book, and keeps other addresses as text', () => {
    expect(answerParts('See [the chain rule](/chapters/backpropagation/#the-chain-rule) now.')).toEqual([
      { text: 'See ' },
      { text: 'the chain rule', href: '/chapters/backpropagation/#the-chain-rule' },
      { text: ' now.' },
    ]);
    expect(answerLinks('[x](https://example.com) and [y](//example.com)')).toEqual([]);
  });
});
