// What holds nothing interactive travels as fixed markup (build/rehypeStaticHtml.ts): in `inline`
// mode as a prop, rendering the same HTML as before; in `page` mode as a number, the strings kept
// for the pre-render and exported only through the chapter's virtual module. (That a page renders
// the same either way, reached by a link or loaded, is tested in the browser: e2e/reader.test.ts.)
import { compile, evaluate } from '@mdx-js/mdx';
import { createElement } from 'react';
import * as runtime from 'react/jsx-runtime';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { mdxCompileOptions } from '../../src/book/build/mdxOptions.ts';
import { pageStrings, STATIC_HTML_MODULE } from '../../src/book/build/rehypeStaticHtml.ts';
import { components } from '../../src/book/components.tsx';
import { ChapterSlug } from '../../src/book/StaticHtml.tsx';

const source = [
  'A plain paragraph with $x^2$ in it.',
  '',
  'A paragraph with [a link](/chapters/neurons/) and $y$.',
  '',
  '- plain item',
  '- item with [a link](/chapters/neurons/)',
  '',
  '```ts',
  'const w = 1;',
  '```',
].join('\n');

const render = (Content: unknown, slug = '') =>
  renderToStaticMarkup(createElement(ChapterSlug.Provider, { value: slug }, createElement(Content as never, { components } as never)));

describe('fixed markup', () => {
  it('inline: a plain block, a formula and code become strings, rendered as the same markup', async () => {
    const compiled = String(await compile(source, mdxCompileOptions()));
    // The plain paragraph, the plain item, the formula in the linked paragraph, the code.
    expect(compiled.match(/StaticHtml/g)!.length).toBeGreaterThanOrEqual(4);
    expect(compiled).toContain('katex-mathml');
    const mod = await evaluate(source, { ...mdxCompileOptions(), ...runtime });
    const html = render(mod.default);
    expect(html).toMatch(/<p>A plain paragraph with <span class="katex">.*<\/span> in it\.<\/p>/);
    // A block with a link keeps its link (the component map's), only its formula is a string.
    expect(html).toMatch(/<p>A paragraph with <a href="\/chapters\/neurons\/">a link<\/a> and <span class="katex">/);
    expect(html).toContain('<li>plain item</li>');
    expect(html).toMatch(/<pre class="shiki[^"]*"[^>]*><code><span class="line">/);
  });

  it('page: numbers in the script, the strings kept for the pre-render in the same order', async () => {
    const file = '/book/chapters/42-static.mdx';
    const compiled = String(await compile({ value: source, path: file }, mdxCompileOptions({ staticHtml: 'page' })));
    expect(compiled).not.toContain('katex-mathml');
    expect(compiled).not.toContain('A plain paragraph');
    expect(compiled).toContain(`${STATIC_HTML_MODULE}${encodeURIComponent(file)}`);
    const strings = pageStrings.get(file)!;
    expect(strings.length).toBeGreaterThanOrEqual(4);
    expect(strings[0]).toMatch(/^A plain paragraph with <span class="katex">/);
    expect(strings.at(-1)).toMatch(/^<span class="line">/);
    // Each string's number is its place in the list: the script names them in that order.
    const numbers = [...compiled.matchAll(/k: (\d+)/g)].map((m) => Number(m[1]));
    expect(numbers).toEqual(strings.map((_, k) => k));
  });
});
