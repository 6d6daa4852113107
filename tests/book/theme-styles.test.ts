// The dark theme changes colours and nothing else: every rule under `[data-theme=…]` sets only
// colour properties, or custom properties holding a colour or a shadow, so a figure is laid out the
// same in both themes. The figure checks (overflow, text size, overlapping labels) then hold in the
// dark theme too; e2e (figure-audit.ts) also compares every widget's layout across the two themes,
// which covers what a widget's script draws by theme.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/site.ts';

/** Every style sheet under src/. */
function styleSheets(dir = path.join(ROOT, 'src')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return styleSheets(full);
    return entry.name.endsWith('.css') ? [full] : [];
  });
}

/** Innermost rules (`selector { declarations }`), comments removed; nested at-rules are looked through. */
function rules(css: string): { selector: string; declarations: [string, string][] }[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  return [...text.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map((m) => ({
    selector: m[1].trim(),
    declarations: m[2]
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const i = d.indexOf(':');
        return [d.slice(0, i).trim(), d.slice(i + 1).trim()] as [string, string];
      }),
  }));
}

const COLOUR_PROPERTIES = new Set([
  'color',
  'color-scheme',
  'background',
  'background-color',
  'border-color',
  'outline-color',
  'fill',
  'stroke',
  'caret-color',
  'accent-color',
  'box-shadow',
  'text-shadow',
]);
/** A colour value: hex, a colour function, a variable, or a keyword such as `transparent`. */
const COLOUR = /^(#[0-9a-f]{3,8}|(rgb|rgba|hsl|hsla|oklch|color-mix)\(.*\)|var\(--[\w-]+\)|transparent|currentcolor|inherit|light|dark|[a-z]+)$/i;
/** A shadow: lengths then a colour, which paint outside the box and move nothing. */
const SHADOW = /^(-?\d*\.?\d+(px|rem|em)?\s+){2,4}(#[0-9a-f]{3,8}|rgba?\(.*\))$/i;

/** Why a declaration under a theme's selector could change layout, or null when it cannot. */
function layoutChange(selector: string, [property, value]: [string, string]): string | null {
  if (property.startsWith('--')) {
    if (COLOUR.test(value) || (/shadow$/.test(property) && SHADOW.test(value))) return null;
    return `${property}: ${value} (not a colour)`;
  }
  if (property === 'display' && value === 'none' && /\.icon-(sun|moon)\b/.test(selector)) return null;
  if (!COLOUR_PROPERTIES.has(property)) return `${property}: ${value}`;
  return null;
}

describe('themes', () => {
  const sheets = styleSheets();

  it('finds the style sheets, and the theme rules in them', () => {
    expect(sheets.length).toBeGreaterThan(10);
    const themed = sheets.flatMap((f) => rules(readFileSync(f, 'utf8')).filter((r) => r.selector.includes('[data-theme')));
    expect(themed.length).toBeGreaterThan(5);
  });

  it('a theme changes colours only: no rule under [data-theme] sets a size, a place or a font', () => {
    const problems = sheets.flatMap((file) =>
      rules(readFileSync(file, 'utf8'))
        .filter((r) => r.selector.includes('[data-theme'))
        .flatMap((r) =>
          r.declarations.map((d) => layoutChange(r.selector, d)).flatMap((why) => (why ? [`${path.relative(ROOT, file)}: ${r.selector} { ${why} }`] : [])),
        ),
    );
    expect(problems).toEqual([]);
  });

  it('the check sees a rule that would move things', () => {
    expect(layoutChange("[data-theme='dark'] .x", ['padding', '2px'])).not.toBeNull();
    expect(layoutChange("[data-theme='dark']", ['--radius', '8px'])).not.toBeNull();
    expect(layoutChange("[data-theme='dark'] .x", ['display', 'none'])).not.toBeNull();
    expect(layoutChange("[data-theme='dark']", ['--shadow', '0 1px 3px rgb(0 0 0 / 50%)'])).toBeNull();
    expect(layoutChange("[data-theme='dark'] .x", ['background', '#84bdff'])).toBeNull();
  });
});
