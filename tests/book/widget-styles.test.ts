// Widgets' styles are global CSS, and several widgets share a page: a class that two widgets' style
// sheets both define lets one restyle the other (the learning-rate explorer and the landscape race
// once both styled `.lr-plots`). Each widget's classes are its own; shared ones belong to the kit.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/site.ts';

const WIDGETS = path.join(ROOT, 'src/widgets');

/** The class names a style sheet defines: every `.name` in a selector (comments removed). */
function classesOf(css: string): Set<string> {
  const selectors = css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split('{')
    .map((part) => part.split('}').pop() ?? '');
  return new Set(selectors.flatMap((s) => [...s.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((m) => m[1])));
}

/** Class name → the widgets whose own style sheets define it (the kit and the book's sheets left out). */
function owners(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const widget of readdirSync(WIDGETS, { withFileTypes: true })) {
    if (!widget.isDirectory() || widget.name === 'kit' || widget.name === 'registry' || widget.name === 'workers') continue;
    const dir = path.join(WIDGETS, widget.name);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.css'))) {
      for (const name of classesOf(readFileSync(path.join(dir, file), 'utf8'))) {
        const list = out.get(name) ?? [];
        if (!list.includes(widget.name)) list.push(widget.name);
        out.set(name, list);
      }
    }
  }
  return out;
}

/** Classes the kit and the book give every widget, which a widget's sheet may adjust for itself. */
const SHARED = /^(fig-|plot|training|control|widget|katex)/;

describe("widgets' style sheets", () => {
  it('reads the classes of a selector list, not of comments or declarations', () => {
    const found = classesOf('/* .gone */ .a .b-c, .d:hover > .e { color: red; } @media (max-width: 600px) { .f:not(.g) { width: 1.5em; } }');
    expect([...found].sort()).toEqual(['a', 'b-c', 'd', 'e', 'f', 'g']);
  });

  it('no class is defined by two widgets', () => {
    const clashes = [...owners()].filter(([name, list]) => list.length > 1 && !SHARED.test(name)).map(([name, list]) => `.${name}: ${list.join(', ')}`);
    expect(clashes).toEqual([]);
  });
});
