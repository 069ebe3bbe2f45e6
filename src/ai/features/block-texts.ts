import type { DocumentModel } from '../../ingest/model.js';
import { toLines } from '../../analyze/lines.js';

/**
 * The text of each block of a document, indexed like `model.blocks` (the anchors' numbering): Word's list numbers
 * are put back in front of their paragraphs, table cells come one per line, pictures show as "[image]".
 */
export function blockTexts(model: DocumentModel): string[] {
  const texts: string[][] = model.blocks.map(() => []);
  for (const line of toLines(model)) {
    const pictures = line.images > 0 ? ' [image]'.repeat(line.images).trim() : '';
    const numbered = line.listLabel && line.paragraphStart ? `${line.listLabel} ${line.text.trimStart()}` : line.text;
    texts[line.block]!.push([numbered, pictures].filter(Boolean).join(' '));
  }
  return texts.map((lines) => lines.join('\n'));
}
