import type { DocumentModel } from '../ingest/model.js';

/** The blocks of one PDF page: a task anchored at a block in [firstBlock, lastBlock] sits on this page. */
export interface PageBlocks {
  page: number;
  /** null for a page without text (a scanned page). */
  firstBlock: number | null;
  lastBlock: number | null;
}

/**
 * Which blocks lie on each page of a PDF's document model, so the web app can show each task on its page image.
 * A block without a page of its own (a table) belongs to the page before it. A DOCX has no pages: Word lays them out.
 */
export function pageBlocks(model: DocumentModel): PageBlocks[] {
  if (model.format !== 'pdf' || !model.pages) return [];
  const pages: PageBlocks[] = Array.from({ length: model.pages }, (_, index) => ({ page: index + 1, firstBlock: null, lastBlock: null }));
  let current = 1;
  model.blocks.forEach((block, index) => {
    if (block.type !== 'table' && block.page !== null) current = block.page;
    const page = pages[current - 1];
    if (!page) return;
    page.firstBlock ??= index;
    page.lastBlock = index;
  });
  return pages;
}
