// The chapter pipeline end to end in Node: an MDX string compiled with the book's plugins, run,
// and rendered through the component map, as a pre-rendered page would be.
import { evaluate } from '@mdx-js/mdx';
import { createElement } from 'react';
import * as runtime from 'react/jsx-runtime';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { mdxCompileOptions, type TocEntry } from '../../src/book/build/mdxOptions.ts';
import { components } from '../../src/book/components.tsx';

const chapter = `---
title: A test chapter
summary: Everything the pipeline does, once.
---

## Gradient descent

The update is $w \\leftarrow w - \\eta g$.

$$
L = \\frac{1}{B} \\sum_{i=1}^{B} (\\hat{y}_i - y_i)^2
$$

### A step, in code

\`\`\`ts
const w = 1 - 0.1 * grad;
\`\`\`

\`\`\`mermaid
flowchart LR
  a --> b
\`\`\`

| a | b |
| --- | --- |
| 1 | 2 |

<Note>Read this.</Note>
`;

async function run(source: string) {
  const mod = (await evaluate(source, { ...mdxCompileOptions(), ...runtime })) as unknown as {
    default: (props: { components: typeof components }) => unknown;
    frontmatter: { title: string; summary: string };
    toc: TocEntry[];
  };
  const html = renderToStaticMarkup(createElement(mod.default as never, { components } as never));
  return { ...mod, html };
}

describe('chapter pipeline', () => {
  it('exports the frontmatter', async () => {
    const { frontmatter } = await run(chapter);
    expect(frontmatter).toEqual({ title: 'A test chapter', summary: 'Everything the pipeline does, once.' });
  });

  it('exports the h2/h3 table of contents with the ids the headings get', async () => {
    const { toc, html } = await run(chapter);
    expect(toc).toEqual([
      { depth: 2, id: 'gradient-descent', text: 'Gradient descent' },
      { depth: 3, id: 'a-step-in-code', text: 'A step, in code' },
    ]);
    for (const entry of toc) expect(html).toContain(`id="${entry.id}"`);
  });

  it('gives each section heading a "#" link to itself', async () => {
    const { html } = await run(chapter);
    expect(html).toContain('<a class="heading-anchor" href="#gradient-descent" aria-label="Link to this section">#</a>');
  });

  it('typesets inline and display math at build time', async () => {
    const { html } = await run(chapter);
    expect(html.match(/class="katex"/g)?.length).toBeGreaterThanOrEqual(2);
    expect(html).toContain('class="katex-display"');
    expect(html).not.toContain('katex-error');
  });

  it('highlights code with both themes as CSS variables', async () => {
    const { html } = await run(chapter);
    expect(html).toMatch(/<pre class="shiki shiki-themes github-light-default github-dark-default"/);
    expect(html).toContain('--shiki-dark:');
  });

  it('turns a mermaid fence into a diagram container with its source, for the browser to draw', async () => {
    const { html } = await run(chapter);
    expect(html).toContain('data-mermaid=""');
    expect(html).toContain('data-rendered="false"');
    expect(html).toContain('a --&gt; b');
    expect(html).not.toContain('language-mermaid');
  });

  it('wraps tables so they scroll on a phone, and renders callouts from the component map', async () => {
    const { html } = await run(chapter);
    expect(html).toMatch(/<div class="table-scroll"[^>]*><table>/);
    expect(html).toContain('<aside class="callout callout-note" aria-label="Note">');
  });

  it('fails on a tag the component map lacks', async () => {
    await expect(run('<NoSuchWidget />')).rejects.toThrow(/NoSuchWidget/);
  });
});
