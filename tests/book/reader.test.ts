// The parts of the reader features that are plain functions: search excerpts kept as text, the
// stored progress read defensively, the service worker's list of Mermaid-only files, and a stored
// value's behaviour when storage is refused.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mermaidOnlyFiles } from '../../src/book/build/serviceWorker.ts';
import { parseProgress, solvedAmong } from '../../src/book/progress.ts';
import { excerptParts } from '../../src/book/search/excerpt.ts';
import { storedValue } from '../../src/book/stored.ts';

describe('excerptParts', () => {
  it('keeps the marked words and decodes entities into text', () => {
    expect(excerptParts('the <mark>perceptron</mark> &amp; its rule &lt;w&gt;')).toEqual([
      { text: 'the ', marked: false },
      { text: 'perceptron', marked: true },
      { text: ' & its rule <w>', marked: false },
    ]);
  });

  it('drops every other tag, so nothing in an excerpt becomes markup', () => {
    const parts = excerptParts('a<img src=x onerror=alert(1)>b<script>c</script>&#60;d&#x3e;');
    expect(parts).toEqual([{ text: 'abc<d>', marked: false }]);
    expect(excerptParts('&#0; &#9999999999; &bogus;').map((p) => p.text).join('')).toBe('&#0; &#9999999999; &bogus;');
  });
});

describe('parseProgress', () => {
  it('reads what was stored and drops what cannot be a name', () => {
    expect(parseProgress('{"read":["neurons","neurons","<b>"],"solved":["neurons.ex1",3,null],"x":1}')).toEqual({ read: ['neurons'], solved: ['neurons.ex1'] });
  });

  it('reads malformed storage as nothing stored', () => {
    for (const text of ['', 'null', '[]', '{', '"read"']) expect(parseProgress(text) ?? { read: [], solved: [] }).toEqual({ read: [], solved: [] });
  });

  it('counts a chapter’s solved exercises', () => {
    expect(solvedAmong({ read: [], solved: ['a.ex1', 'b.ex2', 'a.ex3'] }, ['a.ex1', 'a.ex2', 'a.ex3'])).toBe(2);
  });
});

describe('mermaidOnlyFiles', () => {
  it('lists what only Mermaid reaches, not what the book shares with it', () => {
    const manifest = {
      'src/main.tsx': { file: 'main.js', isEntry: true, imports: ['shared'], dynamicImports: ['node_modules/mermaid/dist/mermaid.core.mjs', 'chapter.mdx'] },
      'chapter.mdx': { file: 'chapter.js', imports: ['katex'] },
      shared: { file: 'shared.js' },
      katex: { file: 'katex.js' },
      'node_modules/mermaid/dist/mermaid.core.mjs': { file: 'mermaid.js', imports: ['shared', 'katex'], dynamicImports: ['diagram'] },
      diagram: { file: 'flow.js', imports: ['cyto'] },
      cyto: { file: 'cyto.js' },
    };
    expect(mermaidOnlyFiles(manifest).sort()).toEqual(['cyto.js', 'flow.js', 'mermaid.js']);
  });
});

describe('storedValue', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('keeps the value in memory where storage is refused, and tells its readers', () => {
    const refusing = { getItem: () => null, setItem: () => { throw new Error('quota'); } };
    vi.stubGlobal('localStorage', refusing);
    vi.stubGlobal('window', { addEventListener: () => undefined, removeEventListener: () => undefined });
    const value = storedValue('k', 'none', (t) => (t.startsWith('v') ? t : undefined));
    expect(value.get()).toBe('none');
    value.set('v1');
    expect(value.get()).toBe('v1');
  });

  it('reads a stored text that does not parse as the fallback', () => {
    vi.stubGlobal('localStorage', { getItem: () => 'garbage', setItem: () => undefined });
    expect(storedValue('k', 'none', (t) => (t.startsWith('v') ? t : undefined)).get()).toBe('none');
  });
});

describe('the web manifest', () => {
  it('makes the book installable: a name, a start address inside its scope, and icons of 192 and 512 px that exist', () => {
    const publicDir = resolve(import.meta.dirname, '..', '..', 'public');
    const manifest = JSON.parse(readFileSync(resolve(publicDir, 'manifest.webmanifest'), 'utf8')) as { name: string; start_url: string; scope: string; display: string; icons: { src: string; sizes: string }[] };
    expect(manifest.name).toBe('Deep Learning, Live');
    expect(manifest).toMatchObject({ start_url: './', scope: './', display: 'standalone' });
    for (const size of ['192x192', '512x512']) {
      const icon = manifest.icons.find((i) => i.sizes === size);
      expect(icon, size).toBeDefined();
      const png = readFileSync(resolve(publicDir, icon!.src));
      // The PNG's own header says its width and height.
      expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`).toBe(size);
    }
    expect(manifest.icons.every((i) => existsSync(resolve(publicDir, i.src)))).toBe(true);
  });
});
