import { child, parseXml, type XmlElement } from '../ingest/xml.js';

/** The area a section leaves for content, in EMU (914400 per inch). */
export interface TextArea {
  widthEmu: number;
  heightEmu: number;
}

/** Where one block of the document model sits in document.xml, as character offsets. */
export interface BodyBlock {
  start: number;
  end: number;
  /**
   * Where content after this block goes: its end, or, when it is the last block of a content control, after
   * the control (a plain-text control may hold only one paragraph, so inserting inside it could break it).
   */
  after: number;
  /** Set when this paragraph ends a section: the text area of the section it ends. */
  endsSection: TextArea | null;
}

/** The body of document.xml mapped onto the document model's blocks. */
export interface BodyLayout {
  blocks: BodyBlock[];
  /** Offset where content at the very end of the body goes: before the body's own sectPr. */
  endOffset: number;
  /** The last section's text area (the body's own sectPr). */
  lastSection: TextArea;
}

const TWIP_EMU = 635;
/** Word's page when a document does not say: US Letter with one-inch margins. */
const DEFAULT_PAGE = { width: 12240, height: 15840, left: 1440, right: 1440, top: 1440, bottom: 1440 };

const TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<(\/?)([A-Za-z_][\w.:-]*)(?:\s(?:[^>"']|"[^"]*"|'[^']*')*)?\/?>/g;

type FrameKind = 'container' | 'sdt' | 'block' | 'other';

interface Frame {
  name: string;
  start: number;
  kind: FrameKind;
  /** Index in `blocks` when this frame is a block; for containers and controls, the last block seen in them. */
  block: number;
}

function twips(element: XmlElement | undefined, attribute: string, fallback: number): number {
  const value = Number(element?.attrs[attribute]);
  return Number.isFinite(value) ? Math.abs(value) : fallback;
}

/** The width and height a section leaves between its margins (one column's width when it has several). */
export function textAreaOf(sectPrXml: string): TextArea {
  const sectPr = child(parseXml(sectPrXml), 'w:sectPr');
  const size = child(sectPr, 'w:pgSz');
  const margins = child(sectPr, 'w:pgMar');
  const columns = child(sectPr, 'w:cols');
  const width = twips(size, 'w:w', DEFAULT_PAGE.width);
  const height = twips(size, 'w:h', DEFAULT_PAGE.height);
  const horizontal = twips(margins, 'w:left', DEFAULT_PAGE.left) + twips(margins, 'w:right', DEFAULT_PAGE.right) + twips(margins, 'w:gutter', 0);
  const vertical = twips(margins, 'w:top', DEFAULT_PAGE.top) + twips(margins, 'w:bottom', DEFAULT_PAGE.bottom);
  const count = Math.max(1, Math.floor(twips(columns, 'w:num', 1)));
  const space = count > 1 ? twips(columns, 'w:space', 720) : 0;
  const textWidth = (width - horizontal - space * (count - 1)) / count;
  return {
    widthEmu: Math.max(1440, Math.round(textWidth)) * TWIP_EMU,
    heightEmu: Math.max(1440, height - vertical) * TWIP_EMU,
  };
}

function kindOf(name: string, parent: Frame | undefined): FrameKind {
  if (name === 'w:body') return 'container';
  if (parent?.kind === 'container' && (name === 'w:p' || name === 'w:tbl')) return 'block';
  if (parent?.kind === 'container' && name === 'w:sdt') return 'sdt';
  if (parent?.kind === 'sdt' && name === 'w:sdtContent') return 'container';
  return 'other';
}

/**
 * Finds the model's blocks in document.xml by the reader's own rule (`read-docx.ts`): the paragraphs and tables
 * that are children of `w:body`, descending into block-level content controls. Offsets let the composer splice
 * new XML in without re-serialising, so every original byte stays as it was.
 */
export function scanBody(xml: string): BodyLayout {
  const blocks: BodyBlock[] = [];
  const stack: Frame[] = [];
  let endOffset = -1;
  let lastSection: TextArea | null = null;
  TOKEN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = TOKEN.exec(xml)) !== null) {
    const [whole, closing, name] = match;
    if (name === undefined) continue;
    const start = match.index;
    const end = start + whole.length;
    if (closing) {
      const frame = stack.pop();
      if (!frame || frame.name !== name) throw new Error(`document.xml: unexpected </${name}>`);
      if (name === 'w:body' && endOffset < 0) endOffset = start;
      close(frame, end);
      continue;
    }
    const parent = stack[stack.length - 1];
    const frame: Frame = { name, start, kind: kindOf(name, parent), block: -1 };
    if (frame.kind === 'block') {
      frame.block = blocks.length;
      blocks.push({ start, end: -1, after: -1, endsSection: null });
    }
    if (name === 'w:sectPr' && parent?.kind === 'container' && parent.name === 'w:body') endOffset = start;
    if (whole.endsWith('/>')) close(frame, end);
    else stack.push(frame);
  }
  if (stack.length) throw new Error('document.xml: unclosed elements');

  function close(frame: Frame, end: number): void {
    const parent = stack[stack.length - 1];
    if (frame.kind === 'block') {
      blocks[frame.block]!.end = end;
      blocks[frame.block]!.after = end;
    }
    if (frame.kind === 'sdt' && frame.block >= 0) blocks[frame.block]!.after = end;
    // The last block seen moves up: from a block or control to its container, from a control's content to the control.
    if (parent && frame.block >= 0) parent.block = frame.block;
    if (frame.name !== 'w:sectPr') return;
    const owner = stack[stack.length - 2];
    const area = textAreaOf(xml.slice(frame.start, end));
    if (parent?.name === 'w:body') lastSection = area;
    else if (parent?.name === 'w:pPr' && owner?.kind === 'block') blocks[owner.block]!.endsSection = area;
  }

  if (endOffset < 0) throw new Error('document.xml has no w:body');
  return { blocks, endOffset, lastSection: lastSection ?? textAreaOf('<w:sectPr/>') };
}

/** The text area of the section that holds content inserted right after block `index`. */
export function sectionAfter(layout: BodyLayout, index: number): TextArea {
  for (let i = index + 1; i < layout.blocks.length; i++) {
    const area = layout.blocks[i]!.endsSection;
    if (area) return area;
  }
  return layout.lastSection;
}
