import type { DocumentModel, ParagraphBlock } from '../ingest/model.js';

/** One visual line of the document, with the formatting signals detection uses. */
export interface Line {
  /** Text without trailing whitespace; leading whitespace is kept (it is code indentation). */
  text: string;
  /** Index of the block the line comes from (the task anchor). */
  block: number;
  /** Monospace font, a code style, shading, or a single-cell table: the author marked it as code. */
  codeFormat: boolean;
  headingLevel: number;
  bold: boolean;
  listLabel: string;
  listLevel: number;
  /** Pictures on this line (a picture-only block gives a line with empty text). */
  images: number;
  /** First line of its paragraph (soft breaks continue a paragraph). */
  paragraphStart: boolean;
  inTable: boolean;
}

const CODE_STYLE = /\b(code|source|program|listing|console|preformatted|html\s*preformatted|verbatim)\b/i;

function fromParagraph(p: ParagraphBlock, block: number, boxed: boolean, inTable: boolean): Line[] {
  const codeFormat = boxed || p.monospace || CODE_STYLE.test(p.style) || (p.shaded && !p.bold);
  return p.text.split('\n').map((raw, i) => ({
    text: raw.replace(/[\s\u00a0]+$/, '').replace(/\u00a0/g, ' '),
    block,
    codeFormat,
    headingLevel: p.headingLevel,
    bold: p.bold,
    listLabel: i === 0 ? p.listLabel : '',
    listLevel: i === 0 ? p.listLevel : -1,
    images: i === 0 ? p.images : 0,
    paragraphStart: i === 0,
    inTable,
  }));
}

/** Flattens the model: paragraphs split at soft breaks, tables cell by cell, single-cell tables marked as code. */
export function toLines(model: DocumentModel): Line[] {
  const lines: Line[] = [];
  model.blocks.forEach((block, index) => {
    if (block.type === 'paragraph') {
      lines.push(...fromParagraph(block, index, false, false));
    } else if (block.type === 'image') {
      lines.push({ text: '', block: index, codeFormat: false, headingLevel: 0, bold: false, listLabel: '', listLevel: -1, images: block.count, paragraphStart: true, inTable: false });
    } else {
      const cells = block.rows.flat();
      const boxed = cells.length === 1;
      for (const cell of cells) for (const p of cell) lines.push(...fromParagraph(p, index, boxed, !boxed));
    }
  });
  return lines;
}
