import { describe, expect, it } from 'vitest';
import { classify, highlight } from './highlight.js';

const classOf = (rows: ReturnType<typeof classify>, text: string): string | undefined => rows.flat().find((token) => token.text.trim() === text)?.cls;

describe('classify', () => {
  it('classes Python tokens as IDLE colours them', () => {
    const rows = classify('def area(r):\n    # note\n    return len("ab") + 2\nx = True\n', 'python');
    expect(classOf(rows, 'def')).toBe('keyword');
    expect(classOf(rows, 'area')).toBe('definition');
    expect(classOf(rows, '# note')).toBe('comment');
    expect(classOf(rows, 'len')).toBe('builtin');
    expect(classOf(rows, '"ab"')).toBe('string');
    expect(classOf(rows, 'True')).toBe('keyword');
  });

  it('classes a C include line as preprocessor and character literals apart from strings', () => {
    const rows = classify("#include <stdio.h>\nint main(void) { char c = 'a'; return 0; }\n", 'c');
    expect(rows[0]!.every((token) => token.text.trim() === '' || token.cls === 'preprocessor')).toBe(true);
    expect(classOf(rows, 'int')).toBe('type');
    expect(classOf(rows, "'a'")).toBe('char');
    expect(classOf(rows, '0')).toBe('number');
  });
});

describe('highlight', () => {
  it('returns one line of runs per source line, text unchanged', () => {
    const code = 'a = 1\n\n\tb = "<b>"\n';
    const lines = highlight(code, 'python', { kind: 'vscode', theme: 'dark-plus' });
    expect(lines.map((runs) => runs.map((run) => run.text).join(''))).toEqual(code.split('\n'));
  });

  it('draws an unknown language as plain text in the theme colour', () => {
    const lines = highlight('SELECT 1;', 'sql', { kind: 'plain', color: 0x123456 });
    expect(lines).toEqual([[{ text: 'SELECT 1;', color: 0x123456, bold: false, italic: false }]]);
  });
});
