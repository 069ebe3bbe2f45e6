import { isMonospaceFont } from '../fonts.js';
import { paragraph, type Block, type DocumentModel, type ParagraphBlock } from '../model.js';
import { refuse } from '../problem.js';
import { child, childElements, parseXml, textOf, type XmlElement } from '../xml.js';
import type { DocxParts } from '../docx-archive.js';
import { NumberingResolver } from './numbering.js';
import { fontOf, isShading, StyleSheet, toggle } from './styles.js';

interface Context {
  styles: StyleSheet;
  numbering: NumberingResolver;
}

/** Character counts gathered while walking a paragraph's runs. */
interface RunStats {
  text: string;
  chars: number;
  mono: number;
  bold: number;
  shaded: number;
  images: number;
  boxes: string[];
}

/** Builds the document model from the XML parts of an inspected .docx. */
export function readDocx(parts: DocxParts): DocumentModel {
  const documentXml = parts.get('word/document.xml');
  if (documentXml === undefined) throw refuse.corrupt('.docx');
  let root: XmlElement;
  let context: Context;
  try {
    root = parseXml(documentXml);
    context = { styles: new StyleSheet(parts.get('word/styles.xml')), numbering: new NumberingResolver(parts.get('word/numbering.xml')) };
  } catch {
    throw refuse.corrupt('.docx');
  }
  const body = child(child(root, 'w:document'), 'w:body');
  if (!body) throw refuse.corrupt('.docx');
  const blocks: Block[] = [];
  readContainer(body, context, blocks);
  return { format: 'docx', pages: null, blocks, furniture: readFurniture(parts), warnings: [] };
}

/** Body-level paragraphs and tables, descending into content controls, so indices match the body's order. */
function readContainer(container: XmlElement, context: Context, blocks: Block[]): void {
  for (const element of childElements(container)) {
    if (element.name === 'w:p') {
      const block = readParagraph(element, context, false);
      blocks.push(block.text.trim() === '' && block.images > 0 ? { type: 'image', count: block.images, page: null } : block);
    } else if (element.name === 'w:tbl') {
      blocks.push({ type: 'table', rows: readTable(element, context) });
    } else if (element.name === 'w:sdt') {
      const content = child(element, 'w:sdtContent');
      if (content) readContainer(content, context, blocks);
    }
  }
}

function readTable(table: XmlElement, context: Context): ParagraphBlock[][][] {
  return childElements(table, 'w:tr').map((row) =>
    childElements(row, 'w:tc').map((cell) => {
      const cellShaded = isShading(child(child(cell, 'w:tcPr'), 'w:shd'));
      const paragraphs: ParagraphBlock[] = [];
      collectCellParagraphs(cell, context, cellShaded, paragraphs);
      return paragraphs;
    }),
  );
}

function collectCellParagraphs(cell: XmlElement, context: Context, shaded: boolean, out: ParagraphBlock[]): void {
  for (const element of childElements(cell)) {
    if (element.name === 'w:p') out.push(readParagraph(element, context, shaded));
    else if (element.name === 'w:tbl') {
      for (const row of childElements(element, 'w:tr')) for (const c of childElements(row, 'w:tc')) collectCellParagraphs(c, context, shaded, out);
    } else if (element.name === 'w:sdt') {
      const content = child(element, 'w:sdtContent');
      if (content) collectCellParagraphs(content, context, shaded, out);
    }
  }
}

function readParagraph(p: XmlElement, context: Context, inShadedCell: boolean): ParagraphBlock {
  const pPr = child(p, 'w:pPr');
  const styleId = child(pPr, 'w:pStyle')?.attrs['w:val'];
  const style = context.styles.get(styleId);
  const stats: RunStats = { text: '', chars: 0, mono: 0, bold: 0, shaded: 0, images: 0, boxes: [] };
  walkRuns(p, context, style.font, style.bold ?? false, stats);

  const numPr = child(pPr, 'w:numPr');
  const numId = child(numPr, 'w:numId')?.attrs['w:val'] ?? (numPr ? undefined : style.numId);
  const numLevel = Number(child(numPr, 'w:ilvl')?.attrs['w:val'] ?? style.numLevel);
  const listLabel = numId && numId !== '0' ? context.numbering.next(numId, numLevel) : '';
  const outline = child(pPr, 'w:outlineLvl')?.attrs['w:val'];
  const text = stats.boxes.length ? [stats.text, ...stats.boxes].filter((t) => t !== '').join('\n') : stats.text;
  const counted = Math.max(1, stats.chars);
  return paragraph(text, {
    style: style.name,
    headingLevel: outline !== undefined && Number(outline) < 9 ? Number(outline) + 1 : style.headingLevel,
    listLabel,
    listLevel: listLabel ? numLevel : -1,
    monospace: stats.chars > 0 && stats.mono / counted >= 0.6,
    shaded: inShadedCell || isShading(child(pPr, 'w:shd')) || style.shaded || (stats.chars > 0 && stats.shaded / counted >= 0.6),
    bold: stats.chars > 0 && stats.bold / counted >= 0.6,
    images: stats.images,
  });
}

/** Walks runs in order, through hyperlinks, insertions, fields and smart tags; deleted text is skipped. */
function walkRuns(element: XmlElement, context: Context, paragraphFont: string | undefined, paragraphBold: boolean, stats: RunStats): void {
  for (const node of element.children) {
    if (typeof node === 'string') continue;
    switch (node.name) {
      case 'w:r':
        readRun(node, context, paragraphFont, paragraphBold, stats);
        break;
      case 'w:del':
      case 'w:pPr':
      case 'w:moveFrom':
        break;
      case 'mc:AlternateContent':
        walkRuns(child(node, 'mc:Choice') ?? node, context, paragraphFont, paragraphBold, stats);
        break;
      default:
        walkRuns(node, context, paragraphFont, paragraphBold, stats);
    }
  }
}

function readRun(run: XmlElement, context: Context, paragraphFont: string | undefined, paragraphBold: boolean, stats: RunStats): void {
  const rPr = child(run, 'w:rPr');
  const charStyle = child(rPr, 'w:rStyle')?.attrs['w:val'];
  const charStyleInfo = charStyle ? context.styles.get(charStyle) : undefined;
  const font = fontOf(rPr) ?? charStyleInfo?.font ?? paragraphFont;
  const bold = toggle(child(rPr, 'w:b')) ?? charStyleInfo?.bold ?? paragraphBold;
  const shaded = isShading(child(rPr, 'w:shd')) || !!child(rPr, 'w:highlight');
  const mono = isMonospaceFont(font);
  for (const node of run.children) {
    if (typeof node === 'string') continue;
    let piece = '';
    switch (node.name) {
      case 'w:t':
        piece = textOf(node);
        break;
      case 'w:tab':
        piece = '\t';
        break;
      case 'w:br':
        if (node.attrs['w:type'] !== 'page' && node.attrs['w:type'] !== 'column') piece = '\n';
        break;
      case 'w:cr':
        piece = '\n';
        break;
      case 'w:noBreakHyphen':
        piece = '-';
        break;
      case 'w:sym':
        piece = '•';
        break;
      case 'w:drawing':
      case 'w:pict':
      case 'w:object':
      case 'mc:AlternateContent':
        readDrawing(node, context, stats);
        break;
    }
    if (!piece) continue;
    stats.text += piece;
    const visible = piece.replace(/\s/g, '').length;
    stats.chars += visible;
    if (mono) stats.mono += visible;
    if (bold) stats.bold += visible;
    if (shaded) stats.shaded += visible;
  }
}

/** A drawing is either a picture (counted) or a text box (its paragraphs become extra lines). */
function readDrawing(node: XmlElement, context: Context, stats: RunStats): void {
  const source = node.name === 'mc:AlternateContent' ? child(node, 'mc:Choice') ?? node : node;
  const boxes = findAll(source, 'w:txbxContent');
  if (boxes.length) {
    for (const box of boxes) {
      for (const p of childElements(box, 'w:p')) {
        const inner = readParagraph(p, context, false);
        if (inner.text.trim()) stats.boxes.push(inner.text);
        stats.images += inner.images;
      }
    }
    return;
  }
  if (findAll(source, 'a:blip').length || findAll(source, 'v:imagedata').length) stats.images += 1;
}

function findAll(element: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of element.children) {
    if (typeof c === 'string') continue;
    if (c.name === name) {
      out.push(c);
      continue;
    }
    findAll(c, name, out);
  }
  return out;
}

function readFurniture(parts: DocxParts): string[] {
  const out: string[] = [];
  for (const [name, xml] of parts) {
    if (!/^word\/(header|footer)\d*\.xml$/i.test(name)) continue;
    try {
      const text = textOf(parseXml(xml)).trim();
      if (text) out.push(text);
    } catch {
      // A damaged header never blocks reading the body.
    }
  }
  return out;
}
