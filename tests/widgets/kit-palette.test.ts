// Grey-level pictures are ink on paper in the page's own colours: the paper is the page's
// background in each theme (so a picture is never a white panel on a dark page), ink is its text
// colour, and numbers written on a cell stay legible (WCAG contrast) at every ink level.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inkRgb, textOnInk } from '../../src/widgets/kit/palette.ts';
import { ROOT } from '../support/site.ts';

const luminance = ([r, g, b]: number[]) => {
  const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
};
const contrast = (a: number[], b: number[]) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};
const rgbOf = (css: string) => css.match(/\d+/g)!.map(Number);
const hex = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));

// The page's own colours, read from the tokens: the light ones first, then the dark theme's.
const tokens = readFileSync(`${ROOT}/src/styles/tokens.css`, 'utf8');
const [lightBg, darkBg] = [...tokens.matchAll(/--bg:\s*(#[0-9a-f]{6})/gi)].map((m) => hex(m[1]));
const [lightText, darkText] = [...tokens.matchAll(/--text:\s*(#[0-9a-f]{6})/gi)].map((m) => hex(m[1]));

describe('ink on paper', () => {
  it("is the page's background at 0 and close to its text colour at 1, in both themes", () => {
    expect(inkRgb(0, 'light')).toEqual(lightBg);
    expect(inkRgb(0, 'dark')).toEqual(darkBg);
    expect(contrast(inkRgb(1, 'light'), lightText)).toBeLessThan(1.1);
    expect(contrast(inkRgb(1, 'dark'), darkText)).toBeLessThan(1.1);
  });

  it('clamps, and draws what is not a number as paper', () => {
    expect(inkRgb(2, 'dark')).toEqual(inkRgb(1, 'dark'));
    expect(inkRgb(-1, 'light')).toEqual(inkRgb(0, 'light'));
    expect(inkRgb(NaN, 'dark')).toEqual(darkBg);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`writes numbers with at least 4.5:1 contrast on every ink level (${theme})`, () => {
      for (let t = 0; t <= 1.0001; t += 0.05) {
        expect(contrast(rgbOf(textOnInk(t, theme)), inkRgb(t, theme)), `level ${t.toFixed(2)}`).toBeGreaterThanOrEqual(4.5);
      }
    });
  }
});
