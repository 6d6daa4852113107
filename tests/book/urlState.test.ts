// A widget's state in a link: written and read back unchanged, values out of range clamped with a
// notice, and every malformed or hostile link turned into the chapter's state with a notice.
import { describe, expect, it } from 'vitest';
import {
  boolean,
  checkValue,
  choice,
  decodeState,
  echo,
  ECHO_LIMIT,
  encodeState,
  formatNumber,
  frameElementId,
  initialState,
  applyUpdate,
  integer,
  NOTICE_LIMIT,
  number,
  numberList,
  PARAM_LIMIT,
  parseDecimal,
  readParam,
  repairQuery,
  text,
  widgetParamName,
  withParam,
  type StateOf,
} from '../../src/book/urlState.ts';

const schema = {
  rate: number({ min: 0.001, max: 10, default: 0.1, label: 'learning rate' }),
  weight: number({ min: -3, max: 3, step: 0.1, default: 1 }),
  epochs: integer({ min: 1, max: 500, default: 20 }),
  act: choice(['tanh', 'relu', 'sigmoid'] as const, 'tanh', 'activation'),
  noise: boolean(false),
  caption: text({ maxLength: 20, default: '' }),
  layers: numberList({ maxLength: 4, min: 1, max: 8, integer: true, default: [4, 2] }),
};
type State = StateOf<typeof schema>;
const base: State = initialState(schema).state;

const decode = (raw: string) => decodeState(schema, raw, base);

describe('schema', () => {
  it('starts from the defaults, overridden by the chapter', () => {
    expect(base).toEqual({ rate: 0.1, weight: 1, epochs: 20, act: 'tanh', noise: false, caption: '', layers: [4, 2] });
    const { state, problems } = initialState(schema, { act: 'relu', epochs: 50 });
    expect(state.act).toBe('relu');
    expect(state.epochs).toBe(50);
    expect(problems).toEqual([]);
  });

  it("reports a chapter's own value out of range and clamps it", () => {
    const { state, problems } = initialState(schema, { rate: 50 });
    expect(state.rate).toBe(10);
    expect(problems).toHaveLength(1);
    // For the chapter's author, in the console: the problem's code and the value used.
    expect(problems[0]).toBe('initial rate 50: {"code":"aboveMax","limit":"10"}, using 10');
  });

  it('rejects inconsistent declarations', () => {
    expect(() => number({ min: 1, max: 0, default: 0 })).toThrow(/min ≤ max/);
    expect(() => number({ min: 0, max: 1, step: 0, default: 0 })).toThrow(/step/);
    expect(() => choice(['a', 'b'], 'c' as 'a')).toThrow(/not one of/);
    expect(() => text({ maxLength: 2, default: 'abc' })).toThrow(/longer/);
    expect(() => numberList({ min: 0, max: 1, default: [] })).toThrow(/length/);
  });

  it("keeps a widget's own updates inside the schema", () => {
    const next = applyUpdate(schema, base, { weight: 7, epochs: 2.6, caption: 'ok' });
    expect(next).toMatchObject({ weight: 3, epochs: 3, caption: 'ok' });
    expect(applyUpdate(schema, base, { rate: Number.NaN }).rate).toBe(0.1);
    expect(() => applyUpdate(schema, base, { bogus: 1 } as Partial<State>)).toThrow(/bogus/);
  });

  it('snaps a stepped number to its grid without float noise', () => {
    expect(checkValue(schema.weight, 0.30000000000000004).value).toBe(0.3);
    expect(checkValue(schema.weight, 1.04).value).toBe(1);
    expect(checkValue(schema.weight, -2.96).value).toBe(-3);
  });
});

describe('round trip', () => {
  const states: State[] = [
    base,
    { rate: 10, weight: -3, epochs: 1, act: 'sigmoid', noise: true, caption: 'a, b: c', layers: [8] },
    { rate: 0.001, weight: 0.3, epochs: 500, act: 'relu', noise: false, caption: 'ünï ✓ 100% & more', layers: [1, 2, 3, 4] },
    { rate: 1e-3, weight: 2.9, epochs: 77, act: 'tanh', noise: true, caption: '<b>x</b> _~+', layers: [8, 8, 8, 8] },
  ];
  for (const [i, state] of states.entries()) {
    it(`state ${i} reads back unchanged and without notices`, () => {
      const raw = encodeState(schema, state);
      const { state: back, notices } = decode(raw);
      expect(notices).toEqual([]);
      expect(back).toEqual(state);
    });
  }

  it('is readable', () => {
    expect(encodeState(schema, { ...base, act: 'relu', noise: true, caption: 'Hi there' })).toBe(
      'rate:0.1,weight:1,epochs:20,act:relu,noise:true,caption:Hi%20there,layers:4_2',
    );
  });

  it('survives being put in a URL and read from it', () => {
    const raw = encodeState(schema, states[1]);
    const search = withParam('?backend=webgl', widgetParamName('Net.0'), raw);
    const url = new URL(`https://example.org/chapters/x/${search}#widget-Net-0`);
    expect(url.searchParams.get('backend')).toBe('webgl');
    expect(decode(readParam(url.search, 'w.Net.0')!).state).toEqual(states[1]);
  });

  it('accepts what an instructor types by hand', () => {
    const { state, notices } = decode('act:relu,noise:on,caption:Hello+world,layers:3_3');
    expect(notices).toEqual([]);
    expect(state).toMatchObject({ act: 'relu', noise: true, caption: 'Hello world', layers: [3, 3] });
    expect(decode('epochs:100').state).toEqual({ ...base, epochs: 100 });
    expect(decode('').state).toEqual(base);
  });
});

describe('clamping', () => {
  it('says what it clamped, in words', () => {
    const { state, notices } = decode('rate:50');
    expect(state.rate).toBe(10);
    expect(notices).toEqual([{ key: 'rate', message: 'The link set learning rate to 50, above its maximum 10: using 10.' }]);
  });
  it('clamps below the minimum', () => {
    const { state, notices } = decode('weight:-7.5');
    expect(state.weight).toBe(-3);
    expect(notices[0].message).toBe('The link set weight to -7.5, below its minimum -3: using -3.');
  });
  it('rounds an integer and clamps list items', () => {
    expect(decode('epochs:2.5').state.epochs).toBe(3);
    const { state, notices } = decode('layers:0_99');
    expect(state.layers).toEqual([1, 8]);
    expect(notices[0].message).toContain('outside 1 to 8: using 1, 8');
  });
  it('falls back to the chapter value, not the schema default', () => {
    const chapter = initialState(schema, { act: 'sigmoid' }).state;
    const { state, notices } = decodeState(schema, 'act:gelu', chapter);
    expect(state.act).toBe('sigmoid');
    expect(notices[0].message).toBe('The link set activation to “gelu”, which is not one of tanh, relu, sigmoid: using sigmoid.');
  });
});

// Each raw parameter value, and the keys whose value must come out as the chapter's. Every case
// must give at least one notice, leave the state inside the schema, and echo at most ECHO_LIMIT
// characters of the link.
const hostile: [string, string][] = [
  ['rate:abc', 'not a number'],
  ['rate:', 'empty number'],
  ['rate:%20', 'a blank'],
  ['rate:NaN', 'NaN'],
  ['rate:Infinity', 'Infinity'],
  ['rate:-Infinity', '-Infinity'],
  ['rate:1e999', 'a number too large for a double'],
  ['rate:0x10', 'hex'],
  ['rate:1,5', 'a decimal comma'],
  ['rate:1.2.3', 'two points'],
  ['epochs:1e', 'a cut exponent'],
  ['act:gelu', 'an unknown choice'],
  ['act:TANH', 'a choice in the wrong case'],
  ['act:__proto__', 'a prototype name as a choice'],
  ['noise:maybe', 'neither on nor off'],
  ['caption:' + 'x'.repeat(21), 'text too long'],
  ['caption:%00hidden', 'a NUL character'],
  ['caption:a%0Ab', 'a newline'],
  ['caption:%E0%A4%A', 'a broken percent escape'],
  ['caption:%', 'a lone percent sign'],
  ['layers:1_x', 'a list with a word'],
  ['layers:1_2_3_4_5', 'a list too long'],
  ['layers:', 'an empty list'],
  ['layers:1__2', 'an empty list item'],
  ['bogus:1', 'an unknown key'],
  ['__proto__:1', 'the prototype key'],
  ['constructor:1', 'an inherited key'],
  ['toString:x', 'another inherited key'],
  ['rate', 'a key without a value'],
  [':5', 'a value without a key'],
  ['%ZZ:1', 'a key that is not encoded'],
  ['<script>alert(1)</script>', 'a script tag'],
  ['caption:%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E' + 'y'.repeat(40), 'an HTML payload, too long'],
  ['rate:1,rate:2', 'a key given twice'],
  ['a'.repeat(PARAM_LIMIT + 1), 'a huge string'],
  ['rate:' + '9'.repeat(400), 'a number with 400 digits'],
  [',,,:::,,,', 'separators only'],
  ['javascript:alert(1)', 'a script URL'],
];

describe('malformed and hostile links', () => {
  it(`has at least 30 cases`, () => {
    expect(hostile.length).toBeGreaterThanOrEqual(30);
  });
  for (const [raw, what] of hostile) {
    it(`${what}: ${raw.slice(0, 40)}`, () => {
      const { state, notices } = decode(raw);
      expect(notices.length).toBeGreaterThan(0);
      expect(notices.length).toBeLessThanOrEqual(NOTICE_LIMIT);
      for (const n of notices) {
        expect(n.message).toMatch(/^(The link|…and)/);
        // Outside the echoed piece of the link, no value that went wrong is shown.
        expect(n.message.replace(/“[^”]*”/g, '')).not.toMatch(/NaN|Infinity|undefined|\[object/);
        // The longest echoed piece of the link is capped.
        for (const quoted of n.message.match(/“[^”]*”/g) ?? []) expect(quoted.length).toBeLessThanOrEqual(ECHO_LIMIT + 3);
        expect(n.message).not.toContain('\n');
      }
      // Whatever came in, the state fits the schema and has no other keys.
      expect(Object.keys(state).sort()).toEqual(Object.keys(schema).sort());
      expect(Object.getPrototypeOf(state)).toBe(Object.prototype);
      for (const key of Object.keys(schema) as (keyof State)[]) {
        expect(checkValue(schema[key], state[key]).problem).toBeNull();
      }
    });
  }

  it('uses the chapter value where the link is unusable', () => {
    expect(decode('rate:abc').state.rate).toBe(0.1);
    expect(decode('noise:maybe').state.noise).toBe(false);
    expect(decode('caption:%E0%A4%A').state.caption).toBe('');
    expect(decode('layers:1_x').state.layers).toEqual([4, 2]);
    expect(decode('rate:1,rate:2').state.rate).toBe(1);
    expect(decode('a'.repeat(PARAM_LIMIT + 1)).state).toEqual(base);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps the good settings of a partly bad link', () => {
    const { state, notices } = decode('act:relu,rate:oops,bogus:1,noise:true');
    expect(state).toMatchObject({ act: 'relu', rate: 0.1, noise: true });
    expect(notices.map((n) => n.key)).toEqual(['rate', null]);
  });

  it('caps the number of notices', () => {
    const raw = Array.from({ length: 40 }, (_, i) => `k${i}:1`).join(',');
    const { notices } = decode(raw);
    expect(notices).toHaveLength(NOTICE_LIMIT);
    expect(notices.at(-1)!.message).toBe(`…and ${40 - NOTICE_LIMIT + 1} more problems with this link.`);
  });
});

describe('the query string', () => {
  it('reads a raw parameter and ignores the others', () => {
    expect(readParam('?backend=wasm&w.A.0=x:1', 'w.A.0')).toBe('x:1');
    expect(readParam('?w.A.0', 'w.A.0')).toBe('');
    expect(readParam('?w.A.01=x:1', 'w.A.0')).toBeNull();
    expect(readParam('', 'w.A.0')).toBeNull();
    expect(readParam('?w%2EA.0=x:1', 'w.A.0')).toBe('x:1');
    expect(readParam('?w.A.0=first&w.A.0=second', 'w.A.0')).toBe('first');
    expect(readParam('?%E0=1&w.A.0=ok', 'w.A.0')).toBe('ok');
  });

  it('sets, replaces and removes one parameter, keeping the others as written', () => {
    expect(withParam('', 'w.A.0', 'x:1')).toBe('?w.A.0=x:1');
    expect(withParam('?backend=webgl', 'w.A.0', 'x:1')).toBe('?backend=webgl&w.A.0=x:1');
    expect(withParam('?w.A.0=old&backend=webgl', 'w.A.0', 'x:2')).toBe('?w.A.0=x:2&backend=webgl');
    expect(withParam('?backend=webgl&w.A.0=old&w.B.0=y:1', 'w.A.0', null)).toBe('?backend=webgl&w.B.0=y:1');
    expect(withParam('?w.A.0=old', 'w.A.0', null)).toBe('');
    expect(withParam('?w.A.0=a&w.A.0=b', 'w.A.0', 'c')).toBe('?w.A.0=c');
    expect(withParam('?q=a%20b+c', 'w.A.0', null)).toBe('?q=a%20b+c');
  });

  it('gives each instance its own parameter and element id', () => {
    expect(widgetParamName('ControlsLab.0')).toBe('w.ControlsLab.0');
    expect(frameElementId('ControlsLab.1')).toBe('widget-ControlsLab-1');
  });
});

describe('showing values', () => {
  it('formats numbers without noise or NaN', () => {
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(1e-30)).toBe('1e-30');
    expect(formatNumber(Number.NaN)).toBe('–');
    expect(formatNumber(Infinity)).toBe('–');
  });
  it('echoes at most a short, single-line piece of the link', () => {
    expect(echo('abc')).toBe('“abc”');
    expect(echo('a\nb\u0000c')).toBe('“abc”');
    expect(echo('x'.repeat(100))).toBe(`“${'x'.repeat(ECHO_LIMIT)}…”`);
  });
  it('parses plain decimals only', () => {
    expect(parseDecimal('1.5')).toBe(1.5);
    expect(parseDecimal('-.5')).toBe(-0.5);
    expect(parseDecimal('2e-3')).toBe(0.002);
    for (const bad of ['', ' 1', '0x1', '1e999', 'Infinity', '1_000', '+-1']) expect(parseDecimal(bad)).toBeNull();
  });
});

describe('repairing a query string', () => {
  it('escapes the % signs of malformed parts only, so any reader of the query can decode it', () => {
    expect(repairQuery('?backend=webgl&w.A.0=caption:%E0%A4%A')).toBe('?backend=webgl&w.A.0=caption:%25E0%25A4%25A');
    expect(repairQuery('?%ZZ=1&ok=a%20b')).toBe('?%25ZZ=1&ok=a%20b');
    expect(repairQuery('?w.A.0=x:1,caption:a%2Cb')).toBe('?w.A.0=x:1,caption:a%2Cb');
    expect(repairQuery('')).toBe('');
    const repaired = repairQuery('?a=%&b=%E0%A4%A&c=%41');
    for (const part of repaired.slice(1).split('&')) expect(() => decodeURIComponent(part)).not.toThrow();
    expect(repaired).toBe('?a=%25&b=%25E0%25A4%25A&c=%41');
  });
});
