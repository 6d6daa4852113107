// Pure parts of the shell: filling the HTML template with a pre-rendered page, the addresses of
// pages (a locale's prefix included), and which key presses are shortcuts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillTemplate, scriptsAfterFirstPaint } from '../../src/book/build/prerender.ts';
import { withBase, withBaseInHtml } from '../../src/book/links.tsx';
import { chapterPath, labPath, parseRoute, readingStep, routeKey } from '../../src/book/routes.ts';
import { shortcutFor, shortcutList } from '../../src/book/shortcuts.ts';
import { DEFAULT_LOCALE, localeHref, localePrefix, splitLocale, type Locale } from '../../src/i18n/index.ts';

const template = `<!doctype html>
<html lang="en"><head><title>Book</title>
<meta name="description" content="default" />
</head><body><div id="root"></div></body></html>`;

describe('fillTemplate', () => {
  it('puts the page, its route, title and description into index.html, escaped', () => {
    const html = fillTemplate(template, {
      html: '<main>Hi</main>',
      title: 'Loss & "gradients" <1>',
      description: 'About <b>',
      routeKey: 'chapter:intro',
      lang: 'en',
    });
    expect(html).toContain('<div id="root" data-prerendered="chapter:intro"><main>Hi</main></div>');
    expect(html).toContain('<title>Loss &amp; &quot;gradients&quot; &lt;1&gt;</title>');
    expect(html).toContain('<meta name="description" content="About &lt;b&gt;" />');
  });

  it('refuses a template without the root element', () => {
    expect(() => fillTemplate('<body></body>', { html: '', title: '', description: '', routeKey: 'landing', lang: 'en' })).toThrow(/root/);
  });

  it("writes the page's locale into <html lang>, with or without one in the template", () => {
    const page = { html: '', title: '', description: '', routeKey: 'zh:landing', lang: 'zh' };
    expect(fillTemplate(template, page)).toContain('<!doctype html>\n<html lang="zh"><head>');
    const bare = fillTemplate('<html class="x"><body><div id="root"></div></body></html>', page);
    expect(bare).toContain('<html lang="zh" class="x">');
  });

  it('moves the entry script and the preloads into a loader that requests them after the first paint', () => {
    const built = `<html><head>
    <script type="module" crossorigin src="/b/assets/index-1.js"></script>
    <link rel="modulepreload" crossorigin href="/b/assets/react-2.js">
    <link rel="stylesheet" crossorigin href="/b/assets/index-3.css">
  <link rel="modulepreload" crossorigin href="/b/assets/01-neurons-4.js">
  </head><body><div id="root"></div></body></html>`;
    const html = scriptsAfterFirstPaint(built);
    expect(html).not.toMatch(/<script type="module"|modulepreload" crossorigin href/);
    expect(html).toContain('<link rel="stylesheet" crossorigin href="/b/assets/index-3.css">');
    const list = /<script data-after-paint="([^"]+)">/.exec(html)?.[1];
    expect(JSON.parse(list!.replace(/&quot;/g, '"'))).toEqual(['/b/assets/index-1.js', '/b/assets/react-2.js', '/b/assets/01-neurons-4.js']);
    expect(html.indexOf('data-after-paint')).toBeGreaterThan(html.indexOf('<div id="root">'));
    expect(html).toMatch(/requestAnimationFrame[\s\S]*<\/script>\n<\/body>/);
    expect(() => scriptsAfterFirstPaint('<body></body>')).toThrow(/one entry script/);
  });

  it("index.html's lang is the default locale (the page before the pre-render or the client sets it)", () => {
    const html = readFileSync(path.resolve(import.meta.dirname, '../../index.html'), 'utf8');
    expect(/<html lang="([^"]+)"/.exec(html)?.[1]).toBe(DEFAULT_LOCALE);
  });
});

describe('routes', () => {
  const chapters = new Set(['intro', 'losses']);
  const hasChapter = (slug: string) => chapters.has(slug);
  // A book with a second locale, as it will have: the parsing does not depend on which exist.
  const withZh = (name: string) => name === 'en' || name === 'zh';
  const zh = 'zh' as Locale;

  it('reads the landing page, a chapter and index.html under the base, in the default locale', () => {
    for (const base of ['/', '/book/']) {
      expect(parseRoute(base, base, hasChapter)).toEqual({ kind: 'landing', locale: 'en' });
      expect(parseRoute(`${base}index.html`, base, hasChapter)).toEqual({ kind: 'landing', locale: 'en' });
      expect(parseRoute(`${base}chapters/intro/`, base, hasChapter)).toEqual({ kind: 'chapter', slug: 'intro', locale: 'en' });
      expect(parseRoute(`${base}chapters/intro/index.html`, base, hasChapter)).toEqual({ kind: 'chapter', slug: 'intro', locale: 'en' });
      expect(parseRoute(`${base}chapters/nope/`, base, hasChapter).kind).toBe('not-found');
    }
    expect(parseRoute('/book', '/book/', hasChapter).kind).toBe('landing');
    expect(parseRoute('/elsewhere/chapters/intro/', '/book/', hasChapter).kind).toBe('not-found');
  });

  it('reads the Lab, with or without its slash or index.html, in each locale', () => {
    for (const base of ['/', '/book/']) {
      expect(parseRoute(`${base}lab/`, base, hasChapter)).toEqual({ kind: 'lab', locale: 'en' });
      expect(parseRoute(`${base}lab`, base, hasChapter)).toEqual({ kind: 'lab', locale: 'en' });
      expect(parseRoute(`${base}lab/index.html`, base, hasChapter)).toEqual({ kind: 'lab', locale: 'en' });
      expect(parseRoute(`${base}zh/lab/`, base, hasChapter, withZh)).toEqual({ kind: 'lab', locale: 'zh' });
      expect(parseRoute(`${base}zh/lab/index.html`, base, hasChapter, withZh)).toEqual({ kind: 'lab', locale: 'zh' });
    }
    // Only the Lab itself: nothing below it, nor a name that merely starts with it.
    expect(parseRoute('/lab/x/', '/', hasChapter).kind).toBe('not-found');
    expect(parseRoute('/labs/', '/', hasChapter).kind).toBe('not-found');
    expect(parseRoute('/chapters/lab/', '/', hasChapter).kind).toBe('not-found');
    // Without a known locale, zh/ is not a prefix and zh/lab/ no page.
    expect(parseRoute('/zh/lab/', '/', hasChapter)).toEqual({ kind: 'not-found', locale: 'en' });
    expect(parseRoute('/elsewhere/lab/', '/book/', hasChapter).kind).toBe('not-found');
  });

  it('takes no prefix for the default locale, and no unknown prefix as a locale', () => {
    expect(parseRoute('/en/chapters/intro/', '/', hasChapter).kind).toBe('not-found');
    expect(parseRoute('/zh/chapters/intro/', '/', hasChapter)).toEqual({ kind: 'not-found', locale: 'en' });
    expect(parseRoute('/zh/', '/', hasChapter).kind).toBe('not-found');
    expect(splitLocale('fr/chapters/x/')).toEqual({ locale: 'en', rest: 'fr/chapters/x/' });
  });

  it("reads a known locale's prefix", () => {
    expect(parseRoute('/book/zh/chapters/losses/', '/book/', hasChapter, withZh)).toEqual({ kind: 'chapter', slug: 'losses', locale: 'zh' });
    expect(parseRoute('/book/zh/', '/book/', hasChapter, withZh)).toEqual({ kind: 'landing', locale: 'zh' });
    expect(parseRoute('/book/zh', '/book/', hasChapter, withZh)).toEqual({ kind: 'landing', locale: 'zh' });
    expect(parseRoute('/zh/index.html', '/', hasChapter, withZh)).toEqual({ kind: 'landing', locale: 'zh' });
    expect(parseRoute('/zh/chapters/nope/', '/', hasChapter, withZh)).toEqual({ kind: 'not-found', locale: 'zh' });
    // A chapter whose slug looks like a locale is still a chapter.
    expect(parseRoute('/zh/chapters/zh/', '/', (s) => s === 'zh', withZh)).toEqual({ kind: 'chapter', slug: 'zh', locale: 'zh' });
  });

  it('names routes stably, with the locale only where it is not the default', () => {
    expect(routeKey({ kind: 'chapter', slug: 'intro', locale: 'en' })).toBe('chapter:intro');
    expect(routeKey({ kind: 'landing', locale: 'en' })).toBe('landing');
    expect(routeKey({ kind: 'chapter', slug: 'intro', locale: zh })).toBe('zh:chapter:intro');
    expect(routeKey({ kind: 'lab', locale: 'en' })).toBe('lab');
    expect(routeKey({ kind: 'lab', locale: zh })).toBe('zh:lab');
    expect(routeKey({ kind: 'not-found', locale: 'en' })).toBe('not-found');
  });

  it('builds addresses through one function that adds the prefix of a non-default locale', () => {
    expect(localePrefix('en')).toBe('');
    expect(localePrefix(zh)).toBe('zh/');
    expect(localeHref('/book/', chapterPath('intro', 'mse'), 'en')).toBe('/book/chapters/intro/#mse');
    expect(localeHref('/book/', chapterPath('intro', '#mse'), zh)).toBe('/book/zh/chapters/intro/#mse');
    expect(localeHref('/', '', zh)).toBe('/zh/');
    expect(localeHref('/', '/chapters/x/', 'en')).toBe('/chapters/x/');
    expect(localeHref('/book/', labPath(), 'en')).toBe('/book/lab/');
    expect(localeHref('/book/', labPath(), zh)).toBe('/book/zh/lab/');
    // Every address built for a locale reads back as that locale and route.
    for (const locale of ['en', zh] as Locale[]) {
      expect(parseRoute(localeHref('/b/', chapterPath('losses', 'x').replace(/#.*/, ''), locale), '/b/', hasChapter, withZh)).toEqual({
        kind: 'chapter',
        slug: 'losses',
        locale,
      });
      expect(parseRoute(localeHref('/b/', labPath(), locale), '/b/', hasChapter, withZh)).toEqual({ kind: 'lab', locale });
    }
  });

  it("gives a chapter's root-absolute links to pages the locale, and leaves files and other sites alone", () => {
    expect(withBase('/chapters/losses/#mse')).toBe('/chapters/losses/#mse');
    expect(withBase('/data/mnist.bin')).toBe('/data/mnist.bin');
    expect(withBase('https://example.org/')).toBe('https://example.org/');
    expect(withBase('#local')).toBe('#local');
    expect(withBase('/glossary/#term-neuron')).toBe('/glossary/#term-neuron');
  });

  it("gives the links in a chapter's fixed markup the same addresses, their escapes kept", () => {
    const html = '<a href="/chapters/losses/?w=1&amp;x=2#mse">a</a> <a href="https://example.org/">b</a> <a href="#here">c</a>';
    expect(withBaseInHtml(html)).toBe(html);
    expect(withBaseInHtml('plain <b>text</b>')).toBe('plain <b>text</b>');
  });
});

describe('reading order ([ and ])', () => {
  const slugs = ['intro', 'losses', 'optimisers'];
  const landing = { kind: 'landing', locale: 'en' } as const;
  const lab = { kind: 'lab', locale: 'en' } as const;
  const chapter = (slug: string) => ({ kind: 'chapter', slug, locale: 'en' }) as const;

  it('goes landing page, chapters in order, then the Lab, and back', () => {
    expect(readingStep(landing, 'prev', slugs)).toBeNull();
    expect(readingStep(landing, 'next', slugs)).toEqual(chapter('intro'));
    expect(readingStep(chapter('intro'), 'prev', slugs)).toEqual(landing);
    expect(readingStep(chapter('intro'), 'next', slugs)).toEqual(chapter('losses'));
    expect(readingStep(chapter('losses'), 'prev', slugs)).toEqual(chapter('intro'));
    expect(readingStep(chapter('optimisers'), 'next', slugs)).toEqual(lab);
    expect(readingStep(lab, 'prev', slugs)).toEqual(chapter('optimisers'));
    expect(readingStep(lab, 'next', slugs)).toBeNull();
  });

  it('stays in the locale, and goes nowhere from a page that is not found or a chapter it does not know', () => {
    const zh = 'zh' as Locale;
    expect(readingStep({ kind: 'lab', locale: zh }, 'prev', slugs)).toEqual({ kind: 'chapter', slug: 'optimisers', locale: zh });
    expect(readingStep({ kind: 'landing', locale: zh }, 'next', slugs)).toEqual({ kind: 'chapter', slug: 'intro', locale: zh });
    expect(readingStep({ kind: 'not-found', locale: 'en' }, 'next', slugs)).toBeNull();
    expect(readingStep({ kind: 'not-found', locale: 'en' }, 'prev', slugs)).toBeNull();
    expect(readingStep(chapter('gone'), 'next', slugs)).toBeNull();
  });

  it('joins the landing page and the Lab when the book has no chapters', () => {
    expect(readingStep(landing, 'next', [])).toEqual(lab);
    expect(readingStep(lab, 'prev', [])).toEqual(landing);
  });
});

describe('shortcuts', () => {
  it('lists every key shortcutFor knows, each described', () => {
    const list = shortcutList();
    for (const shortcut of list) expect(shortcut.description.trim()).not.toBe('');
    const keys = list.flatMap((s) => s.keys).filter((k) => k.length === 1);
    expect(keys.map((k) => shortcutFor({ key: k, ctrlKey: false, metaKey: false, altKey: false, target: null }))).not.toContain(null);
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
