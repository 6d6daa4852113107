// Reading the reader's points from CSV text and writing them back: separators, headers, quotes,
// skipped lines, every kind of bad row among good ones (each good row kept, each bad one reported
// on its own line), the row limit, and a download that loads back as the same points.
import { describe, expect, it } from 'vitest';
import { parsePointsCsv, pointsToCsv } from '../../src/models/lab/csv.ts';

const p = (x1: number, x2: number, y: number) => ({ x1, x2, y });

describe('parsePointsCsv', () => {
  it('reads plain comma-separated rows', () => {
    expect(parsePointsCsv('1,2,0\n-3.5,4.25,1\n0,0,2')).toEqual({ points: [p(1, 2, 0), p(-3.5, 4.25, 1), p(0, 0, 2)], errors: [], truncated: false });
  });

  it('skips a header, whatever its names; reads columns by name when they are x1, x2 and a label', () => {
    expect(parsePointsCsv('x1,x2,label\n1,2,0\n3,4,1').points).toEqual([p(1, 2, 0), p(3, 4, 1)]);
    expect(parsePointsCsv('a,b,c\n1,2,0').points).toEqual([p(1, 2, 0)]);
    expect(parsePointsCsv('x,y,label\n1,2,0').points).toEqual([p(1, 2, 0)]);
    expect(parsePointsCsv('target,x2,x1\n0.5,2,1').points).toEqual([p(1, 2, 0.5)]);
    expect(parsePointsCsv('X₂; Label; x_1\n2;1;3').points).toEqual([p(3, 2, 1)]);
    expect(parsePointsCsv('x1,x2,label\n1,2,0').errors).toEqual([]);
  });

  it('reads semicolons, tabs, Windows and old Mac line ends, spaces and quoted fields', () => {
    expect(parsePointsCsv('1;2;0\n3;-4;1').points).toEqual([p(1, 2, 0), p(3, -4, 1)]);
    expect(parsePointsCsv('x1\tx2\tlabel\r\n1\t2\t0\r\n3\t4\t1\r\n').points).toEqual([p(1, 2, 0), p(3, 4, 1)]);
    expect(parsePointsCsv('1,2,0\r3,4,1').points).toEqual([p(1, 2, 0), p(3, 4, 1)]);
    expect(parsePointsCsv('  1 ,  2,0  \n"1.5","-2", " 1 "\n"x","y","z"').points).toEqual([p(1, 2, 0), p(1.5, -2, 1)]);
    expect(parsePointsCsv('\uFEFFx1,x2,label\n1,2,0').points).toEqual([p(1, 2, 0)]);
  });

  it('reads numbers as written in tables: signs, leading or trailing points, exponents, the minus sign U+2212', () => {
    expect(parsePointsCsv('+1,.5,1e-3\n-0.25,5.,2E1\n−1.5,−6,−2').points).toEqual([p(1, 0.5, 0.001), p(-0.25, 5, 20), p(-1.5, -6, -2)]);
  });

  it('skips blank lines and lines starting with #, counting them in the line numbers', () => {
    const text = '# my points\n\nx1,x2,label\n   \n1,2,0\n  # a comment\n3,4,oops\n\n5,6,1\n';
    const parsed = parsePointsCsv(text);
    expect(parsed.points).toEqual([p(1, 2, 0), p(5, 6, 1)]);
    expect(parsed.errors.map((e) => e.line)).toEqual([7]);
  });

  it('keeps every good row among bad ones of every kind, each bad one reported on its own line', () => {
    const text = [
      'x1,x2,label', // 1
      '1,2,0', // 2
      '1,2', // 3: two columns
      '1,2,0,7', // 4: four columns
      '0x10,2,1', // 5: hex
      '1,Infinity,1', // 6
      '1,2,NaN', // 7
      '1,,0', // 8: empty
      '7,1,0', // 9: off the plane
      '1,-6.5,1', // 10: off the plane
      '-1,-2,1', // 11
      '"1,2,0', // 12: a quote left open
      '1,2,abc', // 13
      '6,-6,1', // 14: on the edge, fine
      '1,2,3,', // 15: a trailing separator is a fourth, empty column
      '1e400,0,0', // 16: too large to be a number
    ].join('\n');
    const { points, errors, truncated } = parsePointsCsv(text);
    expect(points).toEqual([p(1, 2, 0), p(-1, -2, 1), p(6, -6, 1)]);
    expect(truncated).toBe(false);
    expect(errors.map((e) => [e.line, e.text])).toEqual([
      [3, '1,2'],
      [4, '1,2,0,7'],
      [5, '0x10,2,1'],
      [6, '1,Infinity,1'],
      [7, '1,2,NaN'],
      [8, '1,,0'],
      [9, '7,1,0'],
      [10, '1,-6.5,1'],
      [12, '"1,2,0'],
      [13, '1,2,abc'],
      [15, '1,2,3,'],
      [16, '1e400,0,0'],
    ]);
    const reason = (line: number) => errors.find((e) => e.line === line)!.reason;
    expect(reason(3)).toBe('expected 3 columns (x₁, x₂, and a label or target), found 2');
    expect(reason(4)).toMatch(/found 4$/);
    expect(reason(5)).toBe('x₁ is not a number: “0x10”');
    expect(reason(6)).toBe('x₂ is not a number: “Infinity”');
    expect(reason(7)).toBe('label is not a number: “NaN”');
    expect(reason(8)).toBe('x₂ is empty');
    expect(reason(9)).toBe('x₁ = 7 is off the plane: x₁ and x₂ must lie between −6 and 6');
    expect(reason(10)).toMatch(/^x₂ = -6.5 is off the plane/);
    expect(reason(12)).toBe('a quotation mark is opened and never closed');
    expect(reason(13)).toBe('label is not a number: “abc”');
    expect(reason(15)).toMatch(/found 4$/);
    expect(reason(16)).toBe('x₁ is not a number: “1e400”');
  });

  it('names a decimal comma as such', () => {
    const { points, errors } = parsePointsCsv('1,5;2;0\n1.5;2;0');
    expect(points).toEqual([p(1.5, 2, 0)]);
    expect(errors).toEqual([{ line: 1, text: '1,5;2;0', reason: 'x₁ uses a decimal comma: write “1.5”, not “1,5”' }]);
  });

  it('a bad first row with a number in it is a bad row, not a header; a header of the wrong width is reported', () => {
    expect(parsePointsCsv('1,abc,0\n1,2,0').errors.map((e) => e.line)).toEqual([1]);
    expect(parsePointsCsv(',,\n1,2,0').errors).toEqual([{ line: 1, text: ',,', reason: 'x₁ is empty' }]);
    const wide = parsePointsCsv('id,x1,x2,label\n1,2,0');
    expect(wide.points).toEqual([p(1, 2, 0)]);
    expect(wide.errors).toEqual([{ line: 1, text: 'id,x1,x2,label', reason: 'expected 3 columns (x₁, x₂, and a label or target), found 4' }]);
  });

  it('cuts a long bad row to 40 characters', () => {
    const long = `1,2,${'9'.repeat(60)}x`;
    const [error] = parsePointsCsv(long).errors;
    expect(error.text).toBe(`${long.slice(0, 39)}…`);
    expect(error.text).toHaveLength(40);
  });

  it('reads at most maxRows data rows (bad ones count, header and comments do not), then stops and says so', () => {
    const rows = Array.from({ length: 12 }, (_, i) => `${i % 6},0,${i % 2}`);
    const text = ['x1,x2,label', '# ten rows at most', ...rows.slice(0, 3), 'bad', ...rows.slice(3)].join('\n');
    const parsed = parsePointsCsv(text, { maxRows: 10 });
    expect(parsed.truncated).toBe(true);
    expect(parsed.points).toEqual(rows.slice(0, 9).map((_, i) => p(i % 6, 0, i % 2)));
    expect(parsed.errors.map((e) => e.line)).toEqual([6, 13]);
    expect(parsed.errors[1]).toEqual({ line: 13, text: rows[9], reason: 'only the first 10 rows are read; this row and the ones after it are left out' });
    // Exactly at the limit is not truncated; the default limit is 1000 rows.
    expect(parsePointsCsv(rows.slice(0, 10).join('\n'), { maxRows: 10 }).truncated).toBe(false);
    const many = Array.from({ length: 1001 }, () => '1,1,1').join('\n');
    expect(parsePointsCsv(many).points).toHaveLength(1000);
    expect(parsePointsCsv(many).truncated).toBe(true);
  });

  it('an empty text, or one of comments, has no points and no errors', () => {
    for (const text of ['', '\n\n', '# nothing here\n#x1,x2,label', 'x1,x2,label\n']) expect(parsePointsCsv(text)).toEqual({ points: [], errors: [], truncated: false });
  });
});

describe('pointsToCsv', () => {
  it('writes a header and a row per point', () => {
    expect(pointsToCsv([p(1, -2, 0), p(0.5, 6, 1)])).toBe('x1,x2,label\n1,-2,0\n0.5,6,1\n');
    expect(pointsToCsv([p(1, 2, 0.25)], 'regression')).toBe('x1,x2,target\n1,2,0.25\n');
    expect(pointsToCsv([])).toBe('x1,x2,label\n');
    expect(pointsToCsv([p(1, NaN, 0), p(1, 2, 0)])).toBe('x1,x2,label\n1,2,0\n');
  });

  it('loads back as exactly the same points', () => {
    const points = [p(1 / 3, -Math.PI, 0), p(1e-7, 5.999999999, 4), p(-6, 6, 2), p(0.1 + 0.2, -1e-12, -123.456e10)];
    for (const task of ['classification', 'regression'] as const) {
      expect(parsePointsCsv(pointsToCsv(points, task))).toEqual({ points, errors: [], truncated: false });
    }
  });
});
