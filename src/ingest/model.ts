/**
 * The document model both readers produce: the body as a sequence of blocks, in reading order.
 * A block's index in `blocks` is the anchor the report stage inserts after (DESIGN.md §3).
 */
export interface DocumentModel {
  format: 'docx' | 'pdf';
  /** Page count for PDF; null for DOCX (Word decides pagination at display time). */
  pages: number | null;
  blocks: Block[];
  /** Header and footer text, read so it is known but never turned into tasks. */
  furniture: string[];
  warnings: string[];
}

export type Block = ParagraphBlock | TableBlock | ImageBlock;

/** One paragraph (DOCX) or one rebuilt line (PDF). */
export interface ParagraphBlock {
  type: 'paragraph';
  /** Text with soft breaks as "\n" and tabs as "\t"; PDF lines carry their indentation as leading spaces. */
  text: string;
  /** Style name as the author sees it ("Heading 2", "Code"), '' when none. */
  style: string;
  /** 1-9 for headings (outline level), 0 otherwise. */
  headingLevel: number;
  /** The list number Word shows ("1.", "a)", "iii."), '' when the paragraph is not numbered. */
  listLabel: string;
  /** Nesting level of that number (0 = top), -1 when not numbered. */
  listLevel: number;
  /** Most of the text is in a monospace font. */
  monospace: boolean;
  /** The paragraph (or its runs) carry background shading. */
  shaded: boolean;
  /** Most of the text is bold. */
  bold: boolean;
  /** Inline pictures in the paragraph. */
  images: number;
  /** 1-based page for PDF lines; null for DOCX. */
  page: number | null;
}

/** A table; each cell holds its paragraphs in reading order. */
export interface TableBlock {
  type: 'table';
  rows: ParagraphBlock[][][];
}

/** A picture on its own (a paragraph with no text, only images). */
export interface ImageBlock {
  type: 'image';
  count: number;
  page: number | null;
}

/** A paragraph block with neutral formatting; readers override what they know. */
export function paragraph(text: string, extra: Partial<ParagraphBlock> = {}): ParagraphBlock {
  return {
    type: 'paragraph',
    text,
    style: '',
    headingLevel: 0,
    listLabel: '',
    listLevel: -1,
    monospace: false,
    shaded: false,
    bold: false,
    images: 0,
    page: null,
    ...extra,
  };
}
