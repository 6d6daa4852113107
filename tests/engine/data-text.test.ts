// The shipped text for character models: its header names the work, and the text is what the
// character widgets train on.
import { describe, expect, it } from 'vitest';
import { CharVocab, CORPUS_FILE, loadCorpus } from '../../src/engine/data/text';

const inBrowser = typeof window !== 'undefined';

async function readRaw(file: string): Promise<string> {
  if (inBrowser) {
    const r = await fetch(`/data/${file}`);
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    return r.text();
  }
  const { readFile } = await import('node:fs/promises');
  return readFile(`public/data/${file}`, 'utf8');
}

let unavailable: string | null = null;
if (inBrowser) {
  try {
    if (!(await readRaw(CORPUS_FILE)).startsWith('#')) throw new Error('not the text file');
  } catch (e) {
    unavailable = `the test server does not serve public/data (${(e as Error).message}); the Node run checks the file`;
  }
}

(unavailable ? describe.skip : describe)(`shipped text${unavailable ? ` [skipped: ${unavailable}]` : ''}`, () => {
  it('names the work and author in its header', async () => {
    const raw = await readRaw(CORPUS_FILE);
    const header = raw.split('\n').filter((l) => l.startsWith('#')).join('\n');
    expect(header).toMatch(/William Shakespeare/);
    expect(header).toMatch(/Coriolanus/);
    expect(header).toMatch(/public domain/i);
  });

  it('is 50–100 KB of plain text with a small vocabulary, without its header', async () => {
    const text = await loadCorpus(readRaw);
    expect(text.length).toBeGreaterThan(50_000);
    expect(text.length).toBeLessThan(100_000);
    expect(text.startsWith('First Citizen:\nBefore we proceed any further, hear me speak.')).toBe(true);
    expect(text).not.toMatch(/^#/m);
    const vocab = new CharVocab(text);
    expect(vocab.size).toBeGreaterThan(40);
    expect(vocab.size).toBeLessThan(80);
    expect(vocab.decode(vocab.encode(text.slice(0, 500)))).toBe(text.slice(0, 500));
  });
});
