import { describe, expect, it } from 'vitest';
import { charColumns, LineBuilder, wrapLine } from './text-grid.js';

const text = (row: { char: string }[]): string => row.map((cell) => cell.char).join('');

describe('LineBuilder', () => {
  it('expands tabs to the next tab stop', () => {
    const builder = new LineBuilder(8);
    builder.write('ab\tc\t\td', 0);
    expect(text(builder.rows[0]!)).toBe('ab      c               d');
  });

  it('keeps blank lines and splits on newlines (CRLF too)', () => {
    const builder = new LineBuilder(8);
    builder.write('a\r\n\r\nb\n', 0);
    expect(builder.rows.map(text)).toEqual(['a', '', 'b', '']);
  });

  it('returns to column 0 on a lone carriage return, overwriting like a console', () => {
    const builder = new LineBuilder(8);
    builder.write('50%\r100%', 0);
    expect(text(builder.rows[0]!)).toBe('100%');
  });

  it('shows other control characters as visible control pictures', () => {
    const builder = new LineBuilder(8);
    builder.write('\u001b[31mred\u0007', 0);
    expect(text(builder.rows[0]!)).toBe('\u241b[31mred\u2407');
  });

  it('attaches combining marks to the previous character', () => {
    const builder = new LineBuilder(8);
    builder.write('e\u0301x', 0);
    expect(builder.rows[0]!.map((cell) => cell.char)).toEqual(['e\u0301', 'x']);
  });
});

describe('charColumns', () => {
  it('counts CJK and emoji as two columns and Latin as one', () => {
    expect(charColumns(0x4e2d)).toBe(2);
    expect(charColumns(0x1f600)).toBe(2);
    expect(charColumns(0x61)).toBe(1);
    expect(charColumns(0x301)).toBe(0);
  });
});

describe('wrapLine', () => {
  it('breaks long lines at the column limit without losing characters', () => {
    const builder = new LineBuilder(8);
    builder.write('x'.repeat(25), 0);
    const rows = wrapLine(builder.rows[0]!, 10);
    expect(rows.map((row) => row.length)).toEqual([10, 10, 5]);
  });

  it('moves a wide character that would straddle the edge to the next row', () => {
    const builder = new LineBuilder(8);
    builder.write('abc中', 0);
    expect(wrapLine(builder.rows[0]!, 4).map(text)).toEqual(['abc', '中']);
  });

  it('keeps an empty line as one empty row', () => {
    expect(wrapLine([], 10)).toEqual([[]]);
  });
});
