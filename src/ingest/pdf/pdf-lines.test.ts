import { describe, expect, it } from 'vitest';
import type { ParagraphBlock } from '../model.js';
import { buildPdfBlocks, repairText } from './pdf-lines.js';
import type { PageText, TextItem } from './pdf-text.js';

const item = (str: string, x: number, y: number, extra: Partial<TextItem> = {}): TextItem => ({
  str, x, y, width: str.length * 6, size: 10, mono: false, bold: false, ...extra,
});

function page(items: TextItem[], images = 0): PageText {
  return { width: 612, height: 792, items, images };
}

const texts = (blocks: ReturnType<typeof buildPdfBlocks>['blocks']): string[] =>
  blocks.filter((b): b is ParagraphBlock => b.type === 'paragraph').map((b) => b.text);

describe('buildPdfBlocks', () => {
  it('joins items of one baseline and rebuilds monospace indentation from x offsets', () => {
    const { blocks } = buildPdfBlocks([
      page([
        item('1. Write a', 72, 700),
        item('program', 140, 700),
        item('for i in range(3):', 72, 680, { mono: true }),
        item('print(i)', 96, 668, { mono: true }),
      ]),
    ]);
    expect(texts(blocks)).toEqual(['1. Write a program', 'for i in range(3):', '    print(i)']);
  });

  it('drops text repeated at the top of pages and page numbers, keeping it as furniture', () => {
    const pages = [1, 2, 3].map((n) => page([item('KIIT Lab Manual', 72, 760), item(`Line on page ${n}`, 72, 400), item(`Page ${n} of 3`, 72, 30)]));
    const result = buildPdfBlocks(pages);
    expect(texts(result.blocks)).toEqual(['Line on page 1', 'Line on page 2', 'Line on page 3']);
    expect(result.furniture).toContain('KIIT Lab Manual');
  });

  it('folds superscripts into their line and warns about pages without text', () => {
    const result = buildPdfBlocks([page([item('WAP to print m', 72, 500), item('th', 156, 504, { size: 6, width: 6 }), item(' node', 162, 500)]), page([], 1)]);
    expect(texts(result.blocks)).toEqual(['WAP to print mth node']);
    expect(result.warnings).toEqual(['scanned page 2: no text layer']);
    expect(result.blocks.at(-1)).toEqual({ type: 'image', count: 1, page: 2 });
  });
});

describe('repairText', () => {
  it('expands ligatures and turns private-use bullets into •', () => {
    expect(repairText('\uFB01nd the \uFB02oor \uF0B7')).toBe('find the floor •');
  });
});
