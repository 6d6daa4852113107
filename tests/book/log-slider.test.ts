// The log slider: the thumb sits at log₁₀ of the value, and what it hands back is rounded to two
// significant digits, so a rate read from a link and a rate chosen on the slider look alike.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { fromLogPosition, LogSlider } from '../../src/book/controls.tsx';

describe('LogSlider', () => {
  it('hands back 10 to the power of the position, to two significant digits', () => {
    expect(fromLogPosition(Math.log10(0.03))).toBe(0.03);
    expect(fromLogPosition(-2)).toBe(0.01);
    expect(fromLogPosition(0.05)).toBe(1.1);
    expect(fromLogPosition(-1.3)).toBe(0.05);
  });

  it('places the thumb at log₁₀ of the value within log₁₀ of the range, and writes the value', () => {
    const html = renderToStaticMarkup(createElement(LogSlider, { label: 'Learning rate', value: 0.01, min: 0.0001, max: 1, format: (v: number) => `η = ${v}`, onChange: () => {} }));
    expect(html).toContain('min="-4"');
    expect(html).toContain('max="0"');
    expect(html).toContain('value="-2"');
    expect(html).toContain('step="0.05"');
    expect(html).toContain('η = 0.01');
  });
});
