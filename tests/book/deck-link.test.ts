// A lecture deck's link: what is written reads back the same; a link from a newer format, a
// malformed, hostile or too-long one is refused with its reason; scenes the book cannot show are
// reported and left out while the others are kept; pasted figure links become scenes; the address
// keeps other parameters; the keys and the two windows' messages are read strictly.
import { describe, expect, it } from 'vitest';
import { DECK_LINK_LIMIT, NOTES_LIMIT, SCENE_LIMIT, TITLE_LIMIT, decodeDeck, encodeDeck, type FigureLookup, type Scene } from '../../src/book/deck/deckLink.ts';
import { deckSearch, readDeckView } from '../../src/book/deck/deckAddress.ts';
import { deckActionFor } from '../../src/book/deck/deckKeys.ts';
import { channelName, readDeckMessage } from '../../src/book/deck/deckSync.ts';
import { KeptSource } from '../../src/book/deck/keptSource.ts';
import { scenesFromLink, type NamedFigure } from '../../src/book/deck/pastedLink.ts';
import { deckProblemMessage } from '../../src/book/deck/problems.ts';

const BOOK: Record<string, NamedFigure[]> = {
  neurons: [
    { id: 'step-neuron', component: 'Neuron' },
    { id: 'sigmoid-neuron', component: 'Neuron' },
    { id: 'and-gate', component: 'LogicGates' },
  ],
  activations: [{ id: 'activation-explorer', component: 'ActivationExplorer' }],
};
const lookup: FigureLookup = (chapter, figure) => (!BOOK[chapter] ? 'no-chapter' : BOOK[chapter].some((f) => f.id === figure) ? 'known' : 'no-figure');
const figuresOf = (slug: string) => BOOK[slug];

const scene = (over: Partial<Scene> = {}): Scene => ({ chapter: 'neurons', figure: 'step-neuron', state: '', title: '', notes: '', ...over });

/** A deck parameter whose payload is `json` as written (for links no builder would make). */
const raw = (json: string, version = 1) => `${version}.${Buffer.from(json, 'utf8').toString('base64url')}`;

describe('deck links', () => {
  it('read back exactly what was written, unicode, line breaks in notes and states included', () => {
    const scenes = [
      scene({ state: 'w1:1.5,b:-0.5,activation:sigmoid', title: 'Le biais — ça bouge', notes: 'Ask first.\nThen move b.' }),
      scene({ chapter: 'activations', figure: 'activation-explorer', state: 'fn:tanh,x:-2', title: '激活函数' }),
      scene({ figure: 'and-gate' }),
    ];
    const param = encodeDeck(scenes);
    expect(param).toMatch(/^1\.[A-Za-z0-9_-]+$/);
    expect(decodeDeck(param, lookup)).toEqual({ ok: true, scenes, problems: [] });
    // Compact: empty trailing fields are left out.
    expect(Buffer.from(encodeDeck([scene()]).slice(2), 'base64url').toString()).toBe('[["neurons","step-neuron"]]');
  });

  it('refuse a link from a newer format, and anything that is not a deck, with the reason', () => {
    expect(decodeDeck(raw('[]', 2), lookup)).toEqual({ ok: false, problem: { code: 'newerVersion', version: 2 } });
    expect(deckProblemMessage({ code: 'newerVersion', version: 2 })).toMatch(/newer version of the book/);
    for (const bad of ['', 'hello', '1.', '1.!!!', '1.a', raw('{"a":1}'), raw('not json'), raw('"x"'), '0.W10', '1.W10=', `1.${Buffer.from([0xff, 0xfe]).toString('base64url')}`]) {
      expect(decodeDeck(bad, lookup), bad).toEqual({ ok: false, problem: { code: 'notADeck' } });
    }
    expect(decodeDeck(raw('[]'), lookup)).toEqual({ ok: true, scenes: [], problems: [] });
  });

  it('refuse a link that is too long without reading it', () => {
    const long = `1.${'A'.repeat(DECK_LINK_LIMIT)}`;
    expect(decodeDeck(long, lookup)).toEqual({ ok: false, problem: { code: 'tooLong', length: long.length, limit: DECK_LINK_LIMIT } });
  });

  it('keep the scenes it can show and report the others, each by number', () => {
    const reading = decodeDeck(
      raw(JSON.stringify([["neurons", "step-neuron", "w1:2"], ["optics", "lens"], ["neurons", "no-such-figure"], ["neurons"], [1, 2], "x", ["activations", "activation-explorer"], ["neurons", "Bad Id"]])),
      lookup,
    );
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    expect(reading.scenes.map((s) => `${s.chapter}/${s.figure}`)).toEqual(['neurons/step-neuron', 'activations/activation-explorer']);
    expect(reading.scenes[0].state).toBe('w1:2');
    expect(reading.problems).toEqual([
      { code: 'unknownChapter', scene: 2, chapter: 'optics' },
      { code: 'unknownFigure', scene: 3, chapter: 'neurons', figure: 'no-such-figure' },
      { code: 'badScene', scene: 4 },
      { code: 'badScene', scene: 5 },
      { code: 'badScene', scene: 6 },
      { code: 'badScene', scene: 8 },
    ]);
    expect(reading.problems.map(deckProblemMessage)).toEqual([
      'Scene 2 is from a chapter the book does not have, “optics”: left out.',
      'Scene 3 shows a figure that chapter “neurons” does not have, “no-such-figure”: left out.',
      'Scene 4 is malformed: left out.',
      'Scene 5 is malformed: left out.',
      'Scene 6 is malformed: left out.',
      'Scene 8 is malformed: left out.',
    ]);
  });

  it('keep hostile text as text: markup stays literal, control characters go, lengths are cut', () => {
    const hostile = '<img src=x onerror="window.__pwned=1">';
    const reading = decodeDeck(
      raw(JSON.stringify([["neurons", "step-neuron", '', `${hostile}\u0000\u202e`, `a\u0007b\nc`], ["neurons", "step-neuron", '', 'x'.repeat(TITLE_LIMIT + 5), 'y'.repeat(NOTES_LIMIT + 1)], ["neurons", "step-neuron", 'w1:'.padEnd(2100, '9')]])),
      lookup,
    );
    if (!reading.ok) throw new Error('refused');
    expect(reading.scenes[0].title).toBe(`${hostile} \u202e`);
    expect(reading.scenes[0].notes).toBe('ab\nc');
    expect(reading.scenes[1].title).toHaveLength(TITLE_LIMIT);
    expect(reading.scenes[1].notes).toHaveLength(NOTES_LIMIT);
    expect(reading.scenes[2].state).toBe('');
    expect(reading.problems.map((p) => p.code)).toEqual(['textCut', 'textCut', 'stateTooLong']);
    // A name that is not a slug never reaches a sentence.
    expect(decodeDeck(raw(JSON.stringify([['<b>x</b>', 'a']])), lookup)).toMatchObject({ ok: true, problems: [{ code: 'badScene', scene: 1 }] });
  });

  it('keep at most SCENE_LIMIT scenes, saying so', () => {
    const reading = decodeDeck(encodeDeck(Array.from({ length: SCENE_LIMIT + 3 }, () => scene())), lookup);
    expect(reading).toMatchObject({ ok: true, problems: [{ code: 'tooManyScenes', count: SCENE_LIMIT + 3, limit: SCENE_LIMIT }] });
    if (reading.ok) expect(reading.scenes).toHaveLength(SCENE_LIMIT);
  });
});

describe('pasted links', () => {
  const page = 'https://example.org/book/deck/';

  it("turn a figure's shared link into a scene with its state as written", () => {
    const link = 'https://example.org/book/chapters/neurons/?backend=webgl&w.step-neuron=w1:1.5,activation:sigmoid,caption:Hi%20there#widget-step-neuron';
    expect(scenesFromLink(link, page, figuresOf, lookup)).toEqual({
      ok: true,
      scenes: [scene({ state: 'w1:1.5,activation:sigmoid,caption:Hi%20there' })],
      problems: [],
    });
  });

  it('take every figure a link sets, old positional names included, and a bare #anchor', () => {
    const link = '/book/zh/chapters/neurons/index.html?w.Neuron.1=w1:2&w.and-gate=gate:OR&w.nobody=1';
    expect(scenesFromLink(link, page, figuresOf, lookup)).toMatchObject({
      ok: true,
      scenes: [
        { figure: 'sigmoid-neuron', state: 'w1:2' },
        { figure: 'and-gate', state: 'gate:OR' },
      ],
    });
    expect(scenesFromLink('/chapters/neurons/#widget-and-gate', page, figuresOf, lookup)).toMatchObject({ ok: true, scenes: [{ figure: 'and-gate', state: '' }] });
  });

  it('say why a link gives nothing', () => {
    expect(scenesFromLink('', page, figuresOf, lookup)).toEqual({ ok: false, reason: 'notALink' });
    expect(scenesFromLink('javascript:alert(1)', page, figuresOf, lookup)).toEqual({ ok: false, reason: 'notALink' });
    expect(scenesFromLink('https://example.org/book/lab/', page, figuresOf, lookup)).toEqual({ ok: false, reason: 'notALink' });
    expect(scenesFromLink('/chapters/optics/?w.lens=1', page, figuresOf, lookup)).toEqual({ ok: false, reason: 'unknownChapter', chapter: 'optics' });
    expect(scenesFromLink('/chapters/neurons/', page, figuresOf, lookup)).toEqual({ ok: false, reason: 'noFigure' });
  });

  it('take the scenes of a whole deck link, or its reason', () => {
    const deck = encodeDeck([scene({ title: 'One' }), scene({ figure: 'and-gate' })]);
    expect(scenesFromLink(`${page}?deck=${deck}&play=2`, page, figuresOf, lookup)).toMatchObject({ ok: true, scenes: [{ title: 'One' }, { figure: 'and-gate' }] });
    expect(scenesFromLink(`${page}?deck=9.xyz`, page, figuresOf, lookup)).toEqual({ ok: false, reason: 'deck', problem: { code: 'newerVersion', version: 9 } });
  });
});

describe("the deck's address", () => {
  it('reads the mode and the scene, and writes them keeping the other parameters', () => {
    expect(readDeckView('')).toEqual({ deck: null, mode: 'build', scene: 0 });
    expect(readDeckView('?deck=1.W10&play')).toEqual({ deck: '1.W10', mode: 'play', scene: 0 });
    expect(readDeckView('?deck=1.W10&play=3')).toEqual({ deck: '1.W10', mode: 'play', scene: 2 });
    expect(readDeckView('?deck=1.W10&play=-1')).toEqual({ deck: '1.W10', mode: 'play', scene: 0 });
    expect(readDeckView('?deck=1.W10&notes&play=2')).toMatchObject({ mode: 'notes' });
    expect(readDeckView('?play')).toMatchObject({ deck: null, mode: 'build' });
    expect(deckSearch('?backend=webgl', { deck: '1.W10', mode: 'play', scene: 0 })).toBe('?backend=webgl&deck=1.W10&play');
    expect(deckSearch('?backend=webgl&deck=1.W10&play', { deck: '1.W10', mode: 'play', scene: 4 })).toBe('?backend=webgl&deck=1.W10&play=5');
    expect(deckSearch('?deck=1.W10&play=5', { deck: '1.W10', mode: 'notes', scene: 4 })).toBe('?deck=1.W10&notes');
    expect(deckSearch('?deck=1.W10&notes', { deck: null, mode: 'build', scene: 0 })).toBe('');
  });
});

describe('deck keys and messages', () => {
  const key = (k: string, mods: Partial<KeyboardEvent> = {}) => deckActionFor({ key: k, ctrlKey: false, metaKey: false, altKey: false, target: null, ...mods });

  it('follow PowerPoint and clickers', () => {
    expect(['PageDown', 'ArrowRight', 'ArrowDown', 'PageUp', 'ArrowLeft', 'ArrowUp', 'Home', 'End', 'b', 'B', '.', 'Escape', 'x', ' '].map((k) => key(k))).toEqual([
      'next', 'next', 'next', 'previous', 'previous', 'previous', 'first', 'last', 'blank', 'blank', 'blank', 'leave', null, null,
    ]);
    expect(key('PageDown', { ctrlKey: true })).toBeNull();
    expect(key('b', { metaKey: true })).toBeNull();
  });

  it('take only well-formed messages with a scene in the deck', () => {
    expect(readDeckMessage({ kind: 'go', scene: 2 }, 3)).toEqual({ kind: 'go', scene: 2 });
    expect(readDeckMessage({ kind: 'at', scene: 0, blank: true }, 3)).toEqual({ kind: 'at', scene: 0, blank: true });
    expect(readDeckMessage({ kind: 'ask' }, 3)).toEqual({ kind: 'ask' });
    for (const bad of [null, 'go', { kind: 'go', scene: 3 }, { kind: 'go', scene: -1 }, { kind: 'go', scene: 1.5 }, { kind: 'at', scene: 1 }, { kind: 'blank', on: 'yes' }, { kind: 'eval' }]) {
      expect(readDeckMessage(bad, 3)).toBeNull();
    }
    expect(channelName('1.abc')).toBe(channelName('1.abc'));
    expect(channelName('1.abc')).not.toBe(channelName('1.abd'));
  });

  it("keep a figure's last state after it has unmounted", () => {
    const source = new KeptSource('w1:1');
    expect(source.value()).toBe('w1:1');
    let state = 'w1:2';
    source.current = () => state;
    state = 'w1:3';
    expect(source.value()).toBe('w1:3');
    source.current = null;
    state = 'w1:4';
    expect(source.value()).toBe('w1:3');
  });
});
