import type { DocumentModel } from '../model.js';
import { buildPdfBlocks } from './pdf-lines.js';
import { DEFAULT_PDF_LIMITS, extractPdfText, type PdfLimits } from './run-pdf-worker.js';

/** Reads a PDF (already checked by inspectUpload) into the document model. */
export async function readPdf(path: string, limits: PdfLimits = DEFAULT_PDF_LIMITS): Promise<DocumentModel> {
  const { pages, javascript } = await extractPdfText(path, limits);
  const { blocks, furniture, warnings } = buildPdfBlocks(pages);
  if (javascript) warnings.unshift('the PDF contains JavaScript; it was ignored');
  return { format: 'pdf', pages: pages.length, blocks, furniture, warnings };
}
