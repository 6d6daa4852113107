// The content checks must be able to fail: each is run on a small broken chapter held in memory and
// must report the chapter's name and what is wrong with it.
import { describe, expect, it } from 'vitest';
import { analyseChapter, checkChapters, formatProblem, type ChapterInput } from './checker.ts';

// Term: the glossary's links, which the build itself adds to the first use of a term.
const components = ['Mermaid', 'Figure', 'Widgets', 'Term'];

function chapter(file: string, body: string, front = 'title: A chapter\nsummary: What it is about.'): ChapterInput {
  return { file, source: `---\n${front}\n---\n\n${body}\n` };
}

const good = chapter(
  '01-good.mdx',
  [
    '## First section',
    '',
    'Inline $a^2 + b^2 = c^2$ and display math:',
    '',
    '$$',
    '\\frac{\\partial L}{\\partial w} = x^\\top (\\hat y - y)',
    '$$',
    '',
    'See [the second section](#second-section), [the other chapter](/chapters/other/#its-heading),',
    '[relative](../other/) and [outside](https://example.org/).',
    '',
    '```mermaid',
    'flowchart LR; a --> b',
    '```',
    '',
    '<Figure caption="x" />',
    '',
    '## Second section',
  ].join('\n'),
);
const other = chapter('02-other.mdx', '## Its heading\n\nText, a <kbd>key</kbd>, a <Widgets.Slider />.');

async function problemsOf(...inputs: ChapterInput[]): Promise<string[]> {
  return (await checkChapters(inputs, { components })).problems.map(formatProblem);
}

describe('content checker', () => {
  it('passes a correct pair of chapters', async () => {
    expect(await problemsOf(good, other)).toEqual([]);
  });

  it('collects math, diagrams, tags and heading ids', async () => {
    const { facts, problems } = await analyseChapter(good);
    expect(problems).toEqual([]);
    expect(facts.math.map((m) => m.value.display)).toEqual([false, true]);
    expect(facts.diagrams).toBe(1);
    expect(facts.tags.map((t) => t.value)).toEqual(['Mermaid', 'Figure']);
    expect([...facts.ids]).toEqual(expect.arrayContaining(['first-section', 'second-section']));
    expect(facts.frontmatter).toEqual({ title: 'A chapter', summary: 'What it is about.' });
  });

  it('names the chapter, line and tag of an unknown component', async () => {
    const bad = chapter('03-tags.mdx', 'Text.\n\n<NoSuchWidget rate={0.1} />\n\n<widget />');
    expect(await problemsOf(good, other, bad)).toEqual([
      '03-tags.mdx:8: [unknown-tag] <NoSuchWidget> is not in the component map',
      '03-tags.mdx:10: [unknown-tag] <widget> is not in the component map',
    ]);
  });

  it('asks every widget for a well-formed name of its own, and makes it an anchor links may use', async () => {
    const figures = chapter(
      '05-figures.mdx',
      [
        '<Figure id="first-look" caption="x" />',
        '',
        '<Figure caption="y" />',
        '',
        '<Figure id="First_Look" />',
        '',
        '<Figure id="first-look" />',
        '',
        '<Figure id={name} />',
        '',
        'Back to [the first figure](#widget-first-look) and [one that is not there](#widget-second-look).',
      ].join('\n'),
    );
    const { problems } = await checkChapters([figures], { components, widgets: ['Figure'] });
    expect(problems.map(formatProblem)).toEqual([
      '05-figures.mdx:8: [figure-id] <Figure> needs a name for its links, e.g. id="figure"',
      '05-figures.mdx:10: [figure-id] <Figure id="First_Look">: a figure\'s name is lowercase words joined by dashes',
      '05-figures.mdx:12: [figure-id] <Figure id="first-look">: the name is already used on line 6',
      '05-figures.mdx:14: [figure-id] <Figure id="{…}">: a figure\'s name is lowercase words joined by dashes',
      '05-figures.mdx:16: [link] link "#widget-second-look" points at #widget-second-look, which is not a heading or figure id in 05-figures.mdx',
    ]);
    // Outside the widget list a name is optional, and checked only where given.
    expect((await problemsOf(figures)).filter((p) => p.includes('needs a name'))).toEqual([]);
  });

  it('names the chapter and formula of bad KaTeX', async () => {
    const bad = chapter('04-math.mdx', 'Broken: $\\frac{1}{$ and $\\notacommand x$.');
    const problems = await problemsOf(bad);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^04-math\.mdx:6: \[katex\] KaTeX cannot render `\\frac\{1\}\{`/);
    expect(problems[1]).toMatch(/^04-math\.mdx:6: \[katex\] .*\\notacommand/);
  });

  it('names the chapter and link of a missing chapter or heading', async () => {
    const bad = chapter(
      '05-links.mdx',
      [
        '## Here',
        '',
        '[a](/chapters/nowhere/) [b](/chapters/other/#no-such-heading) [c](#nope) [d](#here)',
        '',
        '[e](/elsewhere/page) [f](../other/#its-heading) [g](/chapters/other#its-heading)',
      ].join('\n'),
    );
    expect(await problemsOf(other, bad)).toEqual([
      '05-links.mdx:8: [link] link "/chapters/nowhere/" points at chapter "nowhere", which does not exist',
      '05-links.mdx:8: [link] link "/chapters/other/#no-such-heading" points at #no-such-heading, which is not a heading or figure id in 02-other.mdx',
      '05-links.mdx:8: [link] link "#nope" points at #nope, which is not a heading or figure id in 05-links.mdx',
      '05-links.mdx:10: [link] link "/elsewhere/page" does not point at a chapter (/chapters/<slug>/)',
      '05-links.mdx:10: [link] link "/chapters/other#its-heading" needs a trailing slash (/chapters/other/)',
    ]);
  });

  it('reports missing frontmatter fields and bad file names', async () => {
    const noSummary = chapter('06-front.mdx', 'Text.', 'title: Only a title');
    const badName = chapter('7-Bad_Name.mdx', 'Text.');
    expect(await problemsOf(noSummary, badName)).toEqual([
      '06-front.mdx: [frontmatter] frontmatter needs a non-empty "summary"',
      '7-Bad_Name.mdx: [file-name] file name must be NN-slug.mdx (two digits, a dash, lowercase words joined by dashes)',
    ]);
  });

  it('reports a "# " heading, which would be a second page title', async () => {
    expect(await problemsOf(chapter('09-title.mdx', '# Title again\n\n## Section'))).toEqual([
      '09-title.mdx:6: [heading] a "# " heading would be a second page title: sections start at "## "',
    ]);
  });

  it('reports chapters sharing a number or a slug', async () => {
    expect(await problemsOf(good, other, chapter('01-again.mdx', 'Text.'), chapter('03-good.mdx', 'Text.'))).toEqual([
      '01-again.mdx: [duplicate] number 01 is also used by 01-good.mdx',
      '03-good.mdx: [duplicate] slug "good" is also used by 01-good.mdx',
    ]);
  });

  it('names the chapter and line of MDX that does not compile', async () => {
    const problems = await problemsOf(chapter('08-syntax.mdx', 'Text.\n\n<Figure caption="x">\n\nunclosed'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^08-syntax\.mdx(:\d+)?: \[mdx\] does not compile: .*Figure/);
  });

  it('reports numbers typed by hand in prose and math, not inputs, code or computed ones', async () => {
    const body = [
      'The output is 0.731 and $\\sigma(1) = 0.7311$.', // line 6: two typed numbers
      '',
      'A learning rate of 0.001, a weight of 0.5, $\\eta = 0.0005$, $\\beta_2 = 0.999$, and `0.73105` in code.',
      '',
      '```python',
      'print(0.7310585)',
      '```',
    ].join('\n');
    const problems = await problemsOf(chapter('09-typed.mdx', body));
    expect(problems).toEqual([
      expect.stringMatching(/^09-typed\.mdx:6: \[typed-number\] "0\.731" looks like a computed number/),
      expect.stringMatching(/^09-typed\.mdx:6: \[typed-number\] "0\.7311" looks like a computed number/),
    ]);
  });

  it('names the chapter and line of an unknown computed value', async () => {
    const problems = await problemsOf(chapter('10-computed.mdx', 'Intro.\n\nThen $z = \\computed{nowhere.z}$ here.'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^10-computed\.mdx:8: \[mdx\] does not compile: .*unknown computed value "nowhere\.z"/);
    const jsx = await problemsOf(chapter('11-computed.mdx', 'Value <Computed of="nowhere.y" />.'));
    expect(jsx[0]).toMatch(/^11-computed\.mdx:6: \[mdx\] .*unknown computed value "nowhere\.y"/);
  });

  it('names the chapter and line of an <InCode> whose file or region is missing', async () => {
    const missingFile = await problemsOf(chapter('12-code.mdx', '<InCode source="src/engine/nothing.ts" region="x">\n\n```python PyTorch\nx = 1\n```\n\n</InCode>'));
    expect(missingFile[0]).toMatch(/^12-code\.mdx:6: \[mdx\] .*source file "src\/engine\/nothing\.ts" does not exist/);
    const missingRegion = await problemsOf(chapter('13-code.mdx', '<InCode source="src/engine/tensor.ts" region="no-such-region">\n</InCode>'));
    expect(missingRegion[0]).toMatch(/^13-code\.mdx:6: \[mdx\] .*no region "no-such-region"/);
    const unnamed = await problemsOf(chapter('14-code.mdx', '<InCode source="src/widgets/kit/palette.ts" region="nothing">\n\n```python\nx = 1\n```\n\n</InCode>'));
    expect(unnamed[0]).toMatch(/^14-code\.mdx:6: \[mdx\] /);
  });
});
