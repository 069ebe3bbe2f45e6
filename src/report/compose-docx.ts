import JSZip from 'jszip';
import { scanBody, sectionAfter, type BodyLayout, type TextArea } from './body-layout.js';
import { captionParagraph, headingParagraph, pageBreakParagraph, pictureParagraph, textParagraphs } from './ooxml.js';
import { addImageRelationships, EMPTY_RELATIONSHIPS, ensurePngContentType, freshMediaNames, maxDrawingId } from './package-parts.js';
import { pngInfo } from './png-info.js';
import { planReport, taskName, type PlannedInserts, type ReportOptions, type TaskInserts } from './report-plan.js';

const DOCUMENT = 'word/document.xml';
const DOCUMENT_RELS = 'word/_rels/document.xml.rels';
const W_NAMESPACE = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const EMU_PER_INCH = 914400;
/** Share of the text height a picture may take, leaving room for its caption on the same page. */
const MAX_HEIGHT_SHARE = 0.85;

/** Thrown when the original cannot be composed into (not a Word document, or an unexpected structure). */
export class ComposeError extends Error {}

/** A picture's size on the page: its natural size at the PNG's density, shrunk (never enlarged) to fit the area. */
export function fitPicture(png: Uint8Array, area: TextArea): { widthEmu: number; heightEmu: number } {
  const { width, height, dpi } = pngInfo(png);
  const naturalWidth = (width / dpi) * EMU_PER_INCH;
  const naturalHeight = (height / dpi) * EMU_PER_INCH;
  const scale = Math.min(1, area.widthEmu / naturalWidth, (area.heightEmu * MAX_HEIGHT_SHARE) / naturalHeight);
  return { widthEmu: Math.max(1, Math.round(naturalWidth * scale)), heightEmu: Math.max(1, Math.round(naturalHeight * scale)) };
}

/** The id of the style with this (case-insensitive) name or id, or null when the document has none. */
export function findStyleId(stylesXml: string, names: readonly string[]): string | null {
  const wanted = new Set(names.map((name) => name.toLowerCase()));
  for (const match of stylesXml.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const id = /w:styleId="([^"]*)"/.exec(match[1]!)?.[1];
    const name = /<w:name\s+w:val="([^"]*)"/.exec(match[2]!)?.[1];
    if (id && /w:type="paragraph"/.test(match[1]!) && (wanted.has(id.toLowerCase()) || (name && wanted.has(name.toLowerCase())))) return id;
  }
  return null;
}

interface PictureSlot {
  png: Uint8Array;
  alt: string;
  area: TextArea;
}

/** Collects the package-level pieces (media parts, relationships, drawing ids) while the XML is built. */
class MediaRegistry {
  readonly slots: PictureSlot[] = [];

  /** Reserves a picture and returns a placeholder that `resolve` replaces with its XML. */
  add(slot: PictureSlot): string {
    this.slots.push(slot);
    return `\u0000picture:${this.slots.length - 1}\u0000`;
  }

  resolve(xml: string, names: string[], ids: string[], firstDrawingId: number): string {
    return xml.replace(/\u0000picture:(\d+)\u0000/g, (_, index: string) => {
      const i = Number(index);
      const slot = this.slots[i]!;
      return pictureParagraph({
        relationshipId: ids[i]!,
        drawingId: firstDrawingId + i,
        name: names[i]!.slice(names[i]!.lastIndexOf('/') + 1),
        alt: slot.alt,
        ...fitPicture(slot.png, slot.area),
      });
    });
  }
}

interface Styles {
  caption: string | null;
  heading: string | null;
}

function insertsXml(entry: PlannedInserts, area: TextArea, styles: Styles, media: MediaRegistry): string {
  let xml = captionParagraph(entry.caption, styles.caption);
  entry.images.forEach((image, i) => {
    const alt = image.alt ?? (entry.images.length > 1 ? `${entry.caption} (${i + 1} of ${entry.images.length})` : entry.caption);
    xml += media.add({ png: image.png, alt, area });
  });
  if (entry.answer) xml += textParagraphs(entry.answer);
  return xml;
}

function belowEachAnchor(plan: PlannedInserts[], layout: BodyLayout, styles: Styles, media: MediaRegistry): Array<[number, string]> {
  const byOffset = new Map<number, string>();
  for (const entry of plan) {
    const index = entry.task.anchor.block;
    const block = layout.blocks[index];
    // An anchor outside the body (a stale task) still gets its inserts, at the end rather than nowhere.
    const offset = block ? block.after : layout.endOffset;
    const area = block ? sectionAfter(layout, index) : layout.lastSection;
    byOffset.set(offset, (byOffset.get(offset) ?? '') + insertsXml(entry, area, styles, media));
  }
  return [...byOffset];
}

function atTheEnd(plan: PlannedInserts[], layout: BodyLayout, styles: Styles, media: MediaRegistry): Array<[number, string]> {
  let xml = pageBreakParagraph() + headingParagraph('Results', styles.heading);
  plan.forEach((entry, i) => {
    xml += headingParagraph(taskName(entry.task.label, i + 1), null);
    if (entry.task.question.trim()) xml += textParagraphs(entry.task.question.trim());
    xml += insertsXml(entry, layout.lastSection, styles, media);
  });
  return [[layout.endOffset, xml]];
}

function splice(xml: string, insertions: Array<[number, string]>): string {
  let out = xml;
  for (const [offset, addition] of [...insertions].sort((a, b) => b[0] - a[0])) out = out.slice(0, offset) + addition + out.slice(offset);
  return out;
}

function checkRoot(documentXml: string): void {
  const root = /<w:document\b[^>]*>/.exec(documentXml)?.[0];
  if (!root || !root.includes(`xmlns:w="${W_NAMESPACE}"`)) throw new ComposeError('word/document.xml is not a transitional WordprocessingML document');
}

function entryName(zip: JSZip, name: string): string | undefined {
  const lower = name.toLowerCase();
  return Object.keys(zip.files).find((entry) => entry.toLowerCase() === lower);
}

/**
 * Copies the original DOCX and inserts each task's caption, pictures and answer after its anchor block (or all
 * in one section at the end). Only document.xml, its relationships and the content types change; new media
 * parts are added; every other part keeps its bytes.
 */
export async function composeDocx(original: Uint8Array, inserts: readonly TaskInserts[], options: ReportOptions = {}): Promise<Buffer> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(original);
  } catch {
    throw new ComposeError('the original is not a readable .docx archive');
  }
  const documentEntry = zip.file(DOCUMENT);
  const typesName = entryName(zip, '[Content_Types].xml');
  if (!documentEntry || !typesName) throw new ComposeError('the original has no word/document.xml or [Content_Types].xml');
  const documentXml = await documentEntry.async('string');
  checkRoot(documentXml);
  let layout: BodyLayout;
  try {
    layout = scanBody(documentXml);
  } catch (error) {
    throw new ComposeError(error instanceof Error ? error.message : String(error));
  }
  const stylesXml = (await zip.file('word/styles.xml')?.async('string')) ?? '';
  const styles: Styles = { caption: findStyleId(stylesXml, ['caption']), heading: findStyleId(stylesXml, ['heading 1', 'Heading1']) };

  const plan = planReport(inserts, options);
  const media = new MediaRegistry();
  const insertions = options.placement === 'end' ? (plan.length ? atTheEnd(plan, layout, styles, media) : []) : belowEachAnchor(plan, layout, styles, media);

  const names = freshMediaNames(Object.keys(zip.files), media.slots.length);
  const relsXml = (await zip.file(DOCUMENT_RELS)?.async('string')) ?? EMPTY_RELATIONSHIPS;
  const relationships = addImageRelationships(relsXml, names.map((name) => name.slice('word/'.length)));
  const xmlParts = await Promise.all(
    Object.keys(zip.files)
      .filter((name) => /^word\/.*\.xml$/i.test(name))
      .map((name) => zip.file(name)!.async('string')),
  );
  const firstDrawingId = maxDrawingId(xmlParts) + 1;

  zip.file(DOCUMENT, media.resolve(splice(documentXml, insertions), names, relationships.ids, firstDrawingId));
  if (media.slots.length) {
    zip.file(DOCUMENT_RELS, relationships.xml);
    zip.file(typesName, ensurePngContentType(await zip.file(typesName)!.async('string')));
    // PNG data is already deflated: storing it saves the time of compressing it a second time for nothing.
    media.slots.forEach((slot, i) => zip.file(names[i]!, slot.png, { compression: 'STORE' }));
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
