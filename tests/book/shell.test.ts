// Pure parts of the shell: filling the HTML template with a pre-rendered page, and which key
// presses are shortcuts.
import { describe, expect, it } from 'vitest';
import { fillTemplate } from '../../src/book/build/prerender.ts';
import { shortcutFor } from '../../src/book/shortcuts.ts';

const template = `<html><head><title>Book</title>
<meta name="description" content="default" />
</head><body><div id="root"></div></body></html>`;

describe('fillTemplate', () => {
  it('puts the page, its route, title and description into index.html, escaped', () => {
    const html = fillTemplate(template, {
      html: '<main>Hi</main>',
      title: 'Loss & "gradients" <1>',
      description: 'About <b>',
      routeKey: 'chapter:intro',
    });
    expect(html).toContain('<div id="root" data-prerendered="chapter:intro"><main>Hi</main></div>');
    expect(html).toContain('<title>Loss &amp; &quot;gradients&quot; &lt;1&gt;</title>');
    expect(html).toContain('<meta name="description" content="About &lt;b&gt;" />');
  });

  it('refuses a template without the root element', () => {
    expect(() => fillTemplate('<body></body>', { html: '', title: '', description: '', routeKey: 'landing' })).toThrow(/root/);
  });
});

describe('shortcutFor', () => {
  const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {}) =>
    shortcutFor({ key: k, ctrlKey: false, metaKey: false, altKey: false, target: null, ...mods });

  it('maps the documented keys', () => {
    expect(key('[')).toBe('previousChapter');
    expect(key(']')).toBe('nextChapter');
    expect(key('t')).toBe('toggleTheme');
    expect(key('p')).toBe('presentWidget');
    expect(key('?')).toBe('showHelp');
    expect(key('x')).toBeNull();
  });

  it('leaves key combinations to the browser (Ctrl+T, Cmd+P, Alt+[)', () => {
    expect(key('t', { ctrlKey: true })).toBeNull();
    expect(key('p', { metaKey: true })).toBeNull();
    expect(key('[', { altKey: true })).toBeNull();
  });

  it('takes [ and ] typed with AltGr (reported as AltGraph, or as Ctrl+Alt on Windows)', () => {
    const altGraph = (k: string) =>
      shortcutFor({ key: k, ctrlKey: false, metaKey: false, altKey: true, target: null, getModifierState: (m) => m === 'AltGraph' });
    expect(altGraph('[')).toBe('previousChapter');
    expect(altGraph(']')).toBe('nextChapter');
    expect(key('[', { ctrlKey: true, altKey: true })).toBe('previousChapter');
    expect(key(']', { ctrlKey: true, altKey: true })).toBe('nextChapter');
    expect(key('[', { ctrlKey: true, altKey: true, metaKey: true })).toBeNull();
    expect(key('[', { ctrlKey: true })).toBeNull();
  });
});
