// The book's locales at run time: a catalogue reads like the object it wraps and answers in the
// locale current when it is read; sentences keep their placeholders whole; numbers follow the locale.
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { backendLabel, backendReason } from '../../src/book/computeWords.ts';
import { Sentence } from '../../src/book/Sentence.tsx';
import { frameStrings, navStrings } from '../../src/book/strings.ts';
import { decodeState, integer, labelOf } from '../../src/book/urlState.ts';
import {
  catalogue,
  currentLocale,
  DEFAULT_LOCALE,
  fillPlaceholders,
  formatNumber,
  LOCALES,
  localisedView,
  registeredCatalogues,
  setLocale,
  withLocale,
  type Locale,
} from '../../src/i18n/index.ts';

const en = {
  play: 'Train',
  metrics: (step: number, loss: string) => `Step ${step} · loss ${loss}`,
  names: { relu: 'ReLU', tanh: 'tanh' },
  columns: ['loss', 'steps'] as const,
};
const xx = {
  play: 'Entraîner',
  metrics: (step: number, loss: string) => `Pas ${step} · perte ${loss}`,
  names: { relu: 'ReLU', tanh: 'tangente' },
  columns: ['perte', 'pas'] as const,
};

describe('catalogue', () => {
  it('reads like the English object it wraps', () => {
    const s = catalogue('test.reads', en);
    expect(s.play).toBe('Train');
    expect(s.metrics(3, '0.25')).toBe('Step 3 · loss 0.25');
    expect(s.names.tanh).toBe('tanh');
    expect([...s.columns]).toEqual(['loss', 'steps']);
    expect(Object.keys(s)).toEqual(Object.keys(en));
    expect({ ...s }).toEqual(en);
    expect(Object.isFrozen(s)).toBe(true);
  });

  it('answers in the locale current when a word is read, not when the catalogue was made', () => {
    let locale = 'en';
    const s = localisedView(en, { en, xx }, () => locale);
    const play = () => s.play;
    expect(play()).toBe('Train');
    locale = 'xx';
    expect(play()).toBe('Entraîner');
    expect(s.metrics(2, '1')).toBe('Pas 2 · perte 1');
    expect(s.names.tanh).toBe('tangente');
    // A locale without a table of this catalogue reads English.
    locale = 'yy';
    expect(s.play).toBe('Train');
  });

  it('registers each catalogue by name with its locales', () => {
    catalogue('test.registered', en);
    expect(registeredCatalogues().get('test.registered')).toEqual({ en, locales: [DEFAULT_LOCALE] });
    // The shell's own catalogues are there once their module is loaded.
    expect(registeredCatalogues().get('frame')?.en).toHaveProperty('present', frameStrings.present);
  });
});

describe('locale', () => {
  it('starts at the default, refuses what is not a locale, and restores after withLocale', () => {
    expect(LOCALES[0]).toBe(DEFAULT_LOCALE);
    expect(currentLocale()).toBe(DEFAULT_LOCALE);
    expect(() => setLocale('xx' as Locale)).toThrow(/xx/);
    expect(currentLocale()).toBe(DEFAULT_LOCALE);
    expect(withLocale(DEFAULT_LOCALE, () => currentLocale())).toBe(DEFAULT_LOCALE);
    expect(() =>
      withLocale(DEFAULT_LOCALE, () => {
        throw new Error('render failed');
      }),
    ).toThrow('render failed');
    expect(currentLocale()).toBe(DEFAULT_LOCALE);
  });
});

describe('formatNumber', () => {
  it("writes numbers in the current locale's conventions, never NaN", () => {
    expect(formatNumber(203530)).toBe('203,530');
    expect(formatNumber(0.125, { maximumFractionDigits: 2 })).toBe('0.13');
    expect(formatNumber(Number.NaN)).toBe('–');
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('–');
  });
});

describe('sentences with placeholders', () => {
  it('puts each value where the sentence has its placeholder', () => {
    expect(fillPlaceholders('From {source} to {target}.', { source: 1, target: 2 })).toEqual(['From ', 1, ' to ', 2, '.']);
    expect(fillPlaceholders('{a}{b}', { a: 'x', b: 'y' })).toEqual(['x', 'y']);
    expect(fillPlaceholders('No placeholder.', {})).toEqual(['No placeholder.']);
  });

  it('refuses a placeholder without a value and a value without a placeholder', () => {
    expect(() => fillPlaceholders('the {link} has every page', {})).toThrow(/\{link\}/);
    expect(() => fillPlaceholders('no link here', { link: 'x' })).toThrow(/\{link\}/);
  });

  it('renders elements inside a sentence, in its order', () => {
    const html = renderToStaticMarkup(
      createElement(Sentence, { text: navStrings.notFoundText, parts: { link: createElement('a', { href: '/' }, navStrings.notFoundLink) } }),
    );
    expect(html).toBe(
      'There is no page at this address. It may have moved when the chapters were renumbered; the <a href="/">list of chapters</a> has every page of the book.',
    );
  });
});

describe('link notices', () => {
  it("use a widget's label read when the notice is written", () => {
    let word = 'hidden units';
    const schema = { hidden: integer({ min: 1, max: 8, default: 3, label: () => word }) };
    expect(labelOf('hidden', schema.hidden)).toBe('hidden units');
    word = 'unités cachées';
    expect(decodeState(schema, 'hidden:20', { hidden: 3 }).notices[0].message).toBe(
      'The link set unités cachées to 20, above its maximum 8: using 8.',
    );
  });
});

describe('compute badge', () => {
  it('names the backend and says why, in whole sentences', () => {
    expect(backendLabel({ backend: 'wasm', simd: true })).toBe('WebAssembly (SIMD)');
    expect(backendLabel({ backend: 'wasm', simd: false })).toBe('WebAssembly');
    expect(backendReason({ backend: 'webgl', choice: { code: 'gpu' }, renderer: 'ANGLE (NVIDIA)' })).toBe('WebGL on a GPU (ANGLE (NVIDIA)).');
    expect(backendReason({ backend: 'wasm', simd: true, renderer: 'SwiftShader', choice: { code: 'fallback', webgl: 'software' } })).toMatch(
      /^WebGL here runs in software \(SwiftShader\).*WebAssembly \(SIMD\)\.$/,
    );
    expect(backendReason({ backend: 'cpu', choice: { code: 'fallback', webgl: 'unavailable' } })).toBe(
      'WebGL is not available here: computing with CPU (JavaScript).',
    );
    expect(backendReason({ backend: 'cpu', choice: { code: 'forced' } })).toBe('Chosen by ?backend=cpu in the address.');
    expect(backendReason({ backend: 'cpu', choice: { code: 'fallback', webgl: 'unavailable', forcedFailed: 'wasm' } })).toBe(
      '?backend=wasm could not start here: computing with CPU (JavaScript).',
    );
    expect(backendReason({ backend: 'wasm', simd: true, choice: { code: 'moved', from: 'webgl' } })).toMatch(
      /^WebGL \(GPU\) stopped answering: the figures moved to WebAssembly \(SIMD\)/,
    );
  });
});
