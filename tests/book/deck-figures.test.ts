// The list of figures a deck can offer, read from the chapters at build time: every named figure
// with its component, section and literal props, from a small source and from the book itself.
import { describe, expect, it } from 'vitest';
import { discoverChapters } from '../../src/book/build/chapters.ts';
import { bookFigures, figuresOf } from '../../src/book/deck/figureIndex.ts';
import { ROOT } from '../support/site.ts';

describe('the figure list', () => {
  it('keeps named figures with their section and literal props only', () => {
    const source = [
      '---',
      'title: T',
      'summary: S',
      '---',
      '',
      '## First $x_{i}$ section',
      '',
      '<Neuron id="step-neuron" w1={0.5} w2={-1.5} activation="step" hide={["activation"]} nested={{ a: [1, -2], "b": true }} bare />',
      '',
      '<Neuron w1={1} />',
      '',
      '### Second',
      '',
      '<LogicGates id="and-gate" gate={gate} more={[1, two]} n={+3} />',
      '',
      '<Note id="a-note">text</Note>',
      '',
      '<XorLive id="Bad Name" />',
    ].join('\n');
    expect(figuresOf(source)).toEqual([
      {
        id: 'step-neuron',
        component: 'Neuron',
        section: 'First x_{i} section',
        props: { w1: 0.5, w2: -1.5, activation: 'step', hide: ['activation'], nested: { a: [1, -2], b: true }, bare: true },
      },
      { id: 'and-gate', component: 'LogicGates', section: 'Second', props: { n: 3 } },
      // Which tags are figures is settled at run time against the widget map.
      { id: 'a-note', component: 'Note', section: 'Second', props: {} },
    ]);
  });

  it("finds every chapter's named figures", () => {
    const chapters = discoverChapters(ROOT, false);
    const figures = bookFigures(chapters);
    expect(figures.map((c) => c.slug)).toEqual(chapters.map((c) => c.slug));
    const neurons = figures.find((c) => c.slug === 'neurons')?.figures ?? [];
    expect(neurons.find((f) => f.id === 'step-neuron')).toMatchObject({ component: 'Neuron', props: { activation: 'step', hide: ['activation'] } });
    // Ids are unique in each chapter: a deck names a figure by chapter and id.
    for (const chapter of figures) expect(new Set(chapter.figures.map((f) => f.id)).size).toBe(chapter.figures.length);
    expect(figures.reduce((n, c) => n + c.figures.length, 0)).toBeGreaterThan(30);
  });
});
