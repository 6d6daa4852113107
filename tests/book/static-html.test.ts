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
import { remarkComputed } from '../../src/book/build/remarkComputed.ts';
import { pageHeadingIds, pageStrings, STATIC_HTML_MODULE } from '../../src/book/build/rehypeStaticHtml.ts';
import { components } from '../../src/book/components.tsx';
import { Mermaid } from '../../src/book/Mermaid.tsx';
import { ChapterSlug } from '../../src/book/StaticHtml.tsx';
import { registerStaticHtml, textOfMarkup } from '../../src/book/staticHtmlStore.ts';

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
    // A block with a link is fixed markup too, the link's address given the base when shown.
    expect(html).toMatch(/<p>A paragraph with <a href="\/chapters\/neurons\/">a link<\/a> and <span class="katex">/);
    expect(compiled).not.toMatch(/_components\.a\b/);
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

  it("links and a glossary term's first use are fixed markup, the term as Term.tsx renders it", async () => {
    const prose = 'One neuron computes a weighted sum, as [the losses chapter](/chapters/losses/#mse) uses it.';
    const file = '/book/chapters/42-static.mdx';
    const compiled = String(await compile({ value: prose, path: file }, mdxCompileOptions()));
    expect(compiled).not.toMatch(/\bTerm\b|_components\.a\b/);
    const mod = await evaluate({ value: prose, path: file }, { ...mdxCompileOptions(), ...runtime });
    const html = render(mod.default);
    const term = '<span class="term" data-term="neuron"><a class="term-link" href="/glossary/#term-neuron">neuron</a></span>';
    expect(html).toContain(term);
    expect(html).toContain('<a href="/chapters/losses/#mse">the losses chapter</a>');
    // The same markup as the component gives a term in a block that stays a component's.
    expect(renderToStaticMarkup(createElement(components.Term, { term: 'neuron' }, 'neuron'))).toBe(term);
  });

  it('a paragraph with a worked number or a key is fixed markup, each as its component renders it', async () => {
    // The value as remarkComputed fills it in (left out here: it would compute every worked number).
    const prose = 'The sigmoid gives <Computed of="neurons.outSigmoid" value="0.426" />; press <Kbd>p</Kbd> to present.';
    const options = mdxCompileOptions();
    const withoutWorked = { ...options, remarkPlugins: options.remarkPlugins!.filter((plugin) => plugin !== remarkComputed) };
    const compiled = String(await compile(prose, withoutWorked));
    expect(compiled).not.toMatch(/\b(Computed|Kbd)\b/);
    const html = render((await evaluate(prose, { ...withoutWorked, ...runtime })).default);
    const number = /<span class="computed" data-computed="neurons.outSigmoid">([^<]+)<\/span>/.exec(html);
    expect(number).not.toBeNull();
    expect(renderToStaticMarkup(createElement(components.Computed, { of: 'neurons.outSigmoid', value: number![1] }))).toBe(number![0]);
    expect(html).toContain(renderToStaticMarkup(createElement(components.Kbd, null, 'p')));
  });

  it("page: a heading's words, the contents list's entry for it and a diagram's source leave the script", async () => {
    const chapter = ['## Weights & biases', '', '```mermaid', 'flowchart LR', '  x["x < 1"] --> y', '```', '', '<Note title="Units & sizes">Use $n$, <strong>b</strong> and `w` here.</Note>', '', '<Exercise title="Sums by hand">', '', 'What is one and one?', '', '</Exercise>'].join('\n');
    const file = '/book/chapters/43-static.mdx';
    const compiled = String(await compile({ value: chapter, path: file }, mdxCompileOptions({ staticHtml: 'page' })));
    expect(compiled).not.toMatch(/Weights|flowchart|Use |Sums by hand|one and one|Units/);
    const strings = pageStrings.get(file)!;
    const heading = strings.findIndex((html) => textOfMarkup(html) === 'Weights & biases');
    const diagram = strings.findIndex((html) => textOfMarkup(html) === 'flowchart LR\n  x["x < 1"] --> y');
    expect(heading).toBeGreaterThanOrEqual(0);
    expect(diagram).toBeGreaterThanOrEqual(0);
    // The contents list names the heading by the same number, and neither carries its id: the
    // anchor is read from the page too.
    expect(compiled).toMatch(new RegExp(`"depth": 2,\\s*"k": ${heading}\\b`));
    expect(compiled).not.toContain('weights--biases');
    expect(pageHeadingIds.get(file)).toEqual({ [heading]: 'weights--biases' });
    expect(strings.some((html) => /^Use <span class="katex">.*<\/span>, <strong>b<\/strong> and <code>w<\/code> here\.$/.test(html))).toBe(true);
    // The diagram shows its source, read back from the page, until it is drawn.
    registerStaticHtml('43-static', strings, pageHeadingIds.get(file));
    // The heading gets its words and its anchor from the page.
    const h2 = render(() => createElement(components.h2, {}, createElement(components.StaticHtml, { as: 'span', k: heading })), '43-static');
    expect(h2).toMatch(new RegExp(`^<h2 id="weights--biases"><span data-s="${heading}">Weights &(amp|#x26); biases</span><a class="heading-anchor" href="#weights--biases"`));
    const html = render(() => createElement(Mermaid, { k: diagram }), '43-static');
    expect(html).toContain(`data-s="${diagram}">flowchart LR\n  x[&quot;x &lt; 1&quot;] --&gt; y</pre>`);
    const title = strings.indexOf('Sums by hand');
    expect(compiled).toMatch(new RegExp(`titleK: ${title}\\b`));
    const exercise = render(() => createElement(components.Exercise, { titleK: title }), '43-static');
    expect(exercise).toContain(`aria-label="Exercise: Sums by hand"`);
    expect(exercise).toContain(`<span class="exercise-name" data-s="${title}">Sums by hand</span>`);
    const boxTitle = strings.findIndex((html) => textOfMarkup(html) === 'Units & sizes');
    const box = render(() => createElement(components.Note, { titleK: boxTitle }), '43-static');
    expect(box).toContain(`aria-label="Units &amp; sizes"`);
    expect(box).toContain(`<p class="callout-title" data-s="${boxTitle}">Units &amp; sizes</p>`);
  });

  it('reads the text of fixed markup as the build wrote it and as a browser reads it back', () => {
    expect(textOfMarkup('a &#x26; b &#x3C;c> &#60; &amp; &lt;d&gt; &quot;e&quot; f&nbsp;g')).toBe('a & b <c> < & <d> "e" f\u00a0g');
    expect(textOfMarkup('&unknown; &#x110000;')).toBe('&unknown; &#x110000;');
  });

  it('a table of plain cells is fixed markup inside the frame that scrolls it on a phone', async () => {
    const table = ['| loss | value |', '|---|--:|', '| MSE | $0.5$ |', '| [BCE](/chapters/losses/) | 1.2 |'].join('\n');
    const compiled = String(await compile(table, mdxCompileOptions()));
    expect(compiled).not.toMatch(/_components\.(table|td|tr)\b/);
    const html = render((await evaluate(table, { ...mdxCompileOptions(), ...runtime })).default);
    expect(html).toMatch(/^<div class="table-scroll" tabindex="0" role="group" aria-label="[^"]+"><table>\s*<thead>/);
    expect(html).toContain('<td style="text-align:right">1.2</td>');
    expect(html).toContain('<a href="/chapters/losses/">BCE</a>');
  });
});
