import { describe, expect, it } from 'vitest';
import { paragraph, type DocumentModel } from '../ingest/model.js';
import { pageBlocks } from './page-blocks.js';

function pdf(blocks: DocumentModel['blocks'], pages: number): DocumentModel {
  return { format: 'pdf', pages, blocks, furniture: [], warnings: [] };
}

describe('pageBlocks', () => {
  it('gives each page the range of blocks on it, a table joining the page before it and a page without text none', () => {
    const model = pdf(
      [
        paragraph('1. Add two numbers.', { page: 1 }),
        paragraph('a = 1', { page: 1, monospace: true }),
        { type: 'table', rows: [[[paragraph('cell')]]] },
        paragraph('2. Explain pointers.', { page: 3 }),
        { type: 'image', count: 1, page: 3 },
      ],
      3,
    );
    expect(pageBlocks(model)).toEqual([
      { page: 1, firstBlock: 0, lastBlock: 2 },
      { page: 2, firstBlock: null, lastBlock: null },
      { page: 3, firstBlock: 3, lastBlock: 4 },
    ]);
  });

  it('has no pages for a DOCX', () => {
    expect(pageBlocks({ format: 'docx', pages: null, blocks: [paragraph('Q1. Hello')], furniture: [], warnings: [] })).toEqual([]);
  });
});
