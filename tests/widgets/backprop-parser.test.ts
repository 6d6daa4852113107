// The graph stepper's expression parser: what it accepts, and a long list of malformed and hostile
// inputs it must refuse with a message naming the place and what was expected, never by throwing,
// and never by evaluating anything.
import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, MAX_LENGTH, MAX_PARTS, parseExpression, variablesOf, type Expr } from '../../src/widgets/kit/expression/parse.ts';

/** The tree written back as fully parenthesised text, to check precedence. */
function show(e: Expr): string {
  switch (e.kind) {
    case 'number':
      return String(e.value);
    case 'variable':
      return e.name;
    case 'negate':
      return `(-${show(e.arg)})`;
    case 'call':
      return `${e.fn}(${show(e.arg)})`;
    case 'binary':
      return `(${show(e.left)}${e.op}${show(e.right)})`;
  }
}

function ok(src: string): string {
  const r = parseExpression(src);
  if (!r.ok) throw new Error(`${src}: ${r.error.message}`);
  return show(r.expr);
}

describe('parseExpression accepts the book’s expressions', () => {
  it.each([
    ['(a*b + c)*d', '(((a*b)+c)*d)'],
    ['(sigmoid(w*x + b) - y)^2', '((sigmoid(((w*x)+b))-y)^2)'],
    ['a + b * c', '(a+(b*c))'],
    ['a - b - c', '((a-b)-c)'],
    ['a / b / c', '((a/b)/c)'],
    ['a ^ b ^ c', '(a^(b^c))'],
    ['-a^2', '(-(a^2))'],
    ['a^-1', '(a^(-1))'],
    ['--a', '(-(-a))'],
    ['+a', 'a'],
    ['2.5e-1 * x', '(0.25*x)'],
    ['.5*x', '(0.5*x)'],
    ['a·b', '(a*b)'],
    ['a × b − c', '((a*b)-c)'],
    ['tanh(relu(x)) + exp(log(sqrt(a)))', '(tanh(relu(x))+exp(log(sqrt(a))))'],
    ['  a\t* b ', '(a*b)'],
  ])('%s', (src, tree) => {
    expect(ok(src)).toBe(tree);
  });

  it('lists the variables used, once each, in a fixed order', () => {
    const r = parseExpression('y*a + a*x');
    expect(r.ok && variablesOf(r.expr)).toEqual(['a', 'x', 'y']);
  });
});

// Each bad input, with a piece the message must contain. Every message also names a position.
const bad: [string, string | RegExp][] = [
  ['', /empty/],
  ['   ', /empty/],
  ['a+', /character 3.*expected a number, a variable, a function or “\(”.*end of the expression/],
  ['a*', /end of the expression/],
  ['*a', /character 1.*expected a number/],
  ['((a)', /expected “\)” to close the parenthesis opened at character 1/],
  ['(a))', /closing parenthesis has no opening one/],
  ['()', /expected an expression inside the parentheses/],
  ['a b', /expected an operator/],
  ['2a', /expected an operator/],
  ['a..b', /expected a number such as/],
  ['1.2.3', /cannot continue/],
  ['1e', /cannot continue/],
  ['1e400', /too large/],
  ['10000000', /too large/],
  ['9'.repeat(400), /characters long/],
  ['__proto__', /unknown name “__proto__”/],
  ['constructor', /unknown name “constructor”/],
  ['prototype', /unknown name/],
  ['toString', /unknown name/],
  ['hasOwnProperty(a)', /unknown name/],
  ['alert(1)', /unknown name “alert”/],
  ['eval(a)', /unknown name “eval”/],
  ['Function(a)', /unknown name/],
  ['window.location', /expected a number such as|unknown name/],
  ['globalThis', /unknown name/],
  ['Math.PI', /expected a number such as|unknown name/],
  ['<img src=x onerror=alert(1)>', /“<” is not allowed/],
  ['a; alert(1)', /“;” is not allowed/],
  ['`a`', /is not allowed/],
  ['"a"', /is not allowed/],
  ['a=1', /“=” is not allowed/],
  ['a,b', /“,” is not allowed/],
  ['a[0]', /is not allowed/],
  ['a % b', /is not allowed/],
  ['a ** b', /expected a number/],
  ['x => x', /is not allowed/],
  ['π*a', /cannot be typed here.*is not allowed|is not allowed/],
  ['a\u0000b', /is not allowed/],
  ['a\u202eb', /is not allowed/],
  ['😀', /is not allowed/],
  ['a\nb', /is not allowed/],
  ['exp', /expected “\(” after exp/],
  ['exp a', /expected “\(” after exp/],
  ['exp()', /expected an expression inside/],
  ['a(b)', /a is a variable, not a function/],
  ['sin(a)', /unknown name “sin”/],
  ['e', /unknown name “e”/],
  ['NaN', /unknown name/],
  ['Infinity', /unknown name/],
  ['A', /unknown name “A”/],
  ['(' .repeat(10000) + 'a' + ')'.repeat(10000), /characters long/],
  ['('.repeat(MAX_DEPTH + 1) + 'a' + ')'.repeat(MAX_DEPTH + 1), /nested more than/],
  ['-'.repeat(MAX_DEPTH + 1) + 'a', /nested more than/],
  [Array.from({ length: 20 }, () => 'a').join('+'), /more than 30 parts/],
];

describe('parseExpression refuses bad and hostile input with a message', () => {
  it('has at least 30 such cases', () => {
    expect(bad.length).toBeGreaterThanOrEqual(30);
  });

  it.each(bad.map(([src, why], i) => [i, src.length > 40 ? `${src.slice(0, 40)}…` : src, src, why] as const))('#%i %s', (_i, _label, src, why) => {
    const r = parseExpression(src);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toMatch(why);
    expect(r.error.position).toBeGreaterThanOrEqual(0);
    expect(r.error.position).toBeLessThanOrEqual(Math.max(src.length, MAX_LENGTH));
    // A quoted piece of the input is short and printable: nothing long or invisible is echoed back.
    expect(r.error.message.length).toBeLessThan(400);
    // eslint-disable-next-line no-control-regex -- control characters are what must not appear
    expect(r.error.message).not.toMatch(/<img|onerror|[\u0000-\u001f\u202e]/);
  });

  it('refuses what is not text at all', () => {
    for (const v of [undefined, null, 42, {}, ['a']]) expect(parseExpression(v).ok).toBe(false);
  });

  it('keeps to its limits: the longest and deepest allowed pass, one more fails', () => {
    expect(MAX_PARTS).toBe(30);
    const deep = '('.repeat(MAX_DEPTH) + 'a' + ')'.repeat(MAX_DEPTH);
    expect(deep.length).toBeLessThanOrEqual(MAX_LENGTH);
    expect(parseExpression(deep).ok).toBe(true);
    const long = `a+${' '.repeat(MAX_LENGTH - 3)}b`;
    expect(long.length).toBe(MAX_LENGTH);
    expect(parseExpression(long).ok).toBe(true);
    expect(parseExpression(`${long} `).ok).toBe(false);
  });

  it('never evaluates the text: a name the host would resolve stays unknown', () => {
    const probe = '__graphStepperProbe';
    (globalThis as Record<string, unknown>)[probe] = 1;
    try {
      const r = parseExpression(probe);
      expect(r.ok).toBe(false);
    } finally {
      delete (globalThis as Record<string, unknown>)[probe];
    }
  });
});
