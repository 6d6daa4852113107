// The Lab's page as the pre-render writes it (src/book/ssr.tsx, the same code the build runs): its
// address, title and description, its heading, introduction and figure inside the main landmark,
// and the links that lead to it (the sidebar on every page, the landing page's call-out, the last
// chapter's "Next"). The book's chapters are a fixed list of two here, so the test does not depend
// on which chapters exist.
import { createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { LAB_FIGURE_ID } from '../../src/book/LabPage.tsx';
import { widgetComponents } from '../../src/book/components.tsx';
import { listPages, renderPage } from '../../src/book/ssr.tsx';

vi.mock('virtual:book/chapters', () => {
  const chapter = () => ({ default: () => createElement('p', null, 'Chapter text.'), frontmatter: { title: '', summary: '' }, toc: [] });
  return {
    chapters: [
      { slug: 'neurons', order: 1, title: 'Neurons and networks', summary: 'One neuron, then many.', testOnly: false, exercises: ['neurons.ex1'], load: () => Promise.resolve(chapter()) },
      { slug: 'losses', order: 2, title: 'Loss functions', summary: 'How wrong is a model?', testOnly: false, exercises: [], load: () => Promise.resolve(chapter()) },
    ],
  };
});

// The component map of a normal build: no test widgets.
vi.mock('virtual:book/test-components', () => ({ testComponents: {} }));

/** The part of the page inside `<main>`. */
const mainOf = (html: string) => {
  const start = html.indexOf('<main');
  const end = html.indexOf('</main>');
  expect(start, 'the page has a <main>').toBeGreaterThanOrEqual(0);
  return html.slice(start, end);
};

/** The sidebar's `<nav>`. */
const sidebarOf = (html: string) => html.slice(html.indexOf('<nav id="sidebar"'), html.indexOf('</nav>', html.indexOf('<nav id="sidebar"')));

/** Every `<a …>` opening tag whose href is exactly `href`. */
const linksTo = (html: string, href: string) => [...html.matchAll(/<a\b[^>]*>/g)].map((m) => m[0]).filter((tag) => tag.includes(` href="${href}"`));

describe('the Lab page', () => {
  it('is one of the pages the build writes, at lab/index.html', () => {
    const lab = listPages().filter((p) => p.kind === 'lab');
    expect(lab).toEqual([{ path: 'lab/', file: 'lab/index.html', kind: 'lab', title: 'The Lab', testOnly: false, locale: 'en' }]);
  });

  it('renders with its title, description and route key', async () => {
    const page = await renderPage('lab/');
    expect(page.title).toBe('The Lab · Deep Learning, Live');
    expect(page.description).toMatch(/^Build a small neural network/);
    expect(page.routeKey).toBe('lab');
    expect(page.lang).toBe('en');
  });

  it('shows its heading and introduction in the main landmark, and the Lab there when the book has one', async () => {
    const main = mainOf((await renderPage('lab/')).html);
    expect(main).toMatch(/<h1 id="lab-title" tabindex="-1">The Lab<\/h1>/);
    expect(main).toMatch(/<article class="page-lab" aria-labelledby="lab-title">/);
    expect(main).toContain('The Lab is a playground for small neural networks.');
    expect(main).toContain('share its exact state as a link, or export the network as code');
    // One h1 on the page, and it is this one.
    expect((await renderPage('lab/')).html.match(/<h1\b/g)).toHaveLength(1);
    // The figure is the Lab widget named `lab` (links `w.lab`, anchor #widget-lab); a build with no
    // Lab registered shows the page without a figure rather than failing.
    const hasLab = widgetComponents.Lab !== undefined;
    expect(main.includes('data-widget="Lab"')).toBe(hasLab);
    expect(main.includes(`id="widget-${LAB_FIGURE_ID}"`)).toBe(hasLab);
    expect(main.match(/data-widget="/g)?.length ?? 0).toBe(hasLab ? 1 : 0);
  });

  it('is the current page in the sidebar, after the chapters', async () => {
    const nav = sidebarOf((await renderPage('lab/')).html);
    const [lab] = linksTo(nav, '/lab/');
    expect(lab).toContain('aria-current="page"');
    expect(nav.match(/aria-current="page"/g)).toHaveLength(1);
    expect(nav.indexOf('/chapters/losses/')).toBeLessThan(nav.indexOf('href="/lab/"'));
  });

  it('is linked from the sidebar of every other page, there not current', async () => {
    for (const path of ['', 'chapters/neurons/', 'chapters/losses/']) {
      const links = linksTo(sidebarOf((await renderPage(path)).html), '/lab/');
      expect(links, `the sidebar of /${path}`).toHaveLength(1);
      expect(links[0]).not.toContain('aria-current');
    }
  });

  it('is linked from the landing page by a call-out with its own heading', async () => {
    const main = mainOf((await renderPage('')).html);
    expect(main).toMatch(/<section class="landing-lab" aria-labelledby="the-lab"><h2 id="the-lab">The Lab<\/h2>/);
    expect(linksTo(main, '/lab/')).toHaveLength(1);
    expect(main).toContain('>Open the Lab</a>');
  });

  it("comes after the last chapter in the pager, and only there", async () => {
    const last = mainOf((await renderPage('chapters/losses/')).html);
    const first = mainOf((await renderPage('chapters/neurons/')).html);
    expect(linksTo(last, '/lab/')).toHaveLength(1);
    expect(last).toMatch(/<a class="pager-next" href="\/lab\/"><span class="pager-label">Next<\/span><span class="pager-title">The Lab<\/span><\/a>/);
    expect(linksTo(first, '/lab/')).toHaveLength(0);
  });
});
