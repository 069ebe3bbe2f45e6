import { readDocx } from './docx/read-docx.js';
import { DEFAULT_UPLOAD_LIMITS, inspectUpload, type UploadLimits } from './inspect-upload.js';
import type { DocumentModel } from './model.js';
import { readPdf } from './pdf/read-pdf.js';
import { DEFAULT_PDF_LIMITS, type PdfLimits } from './pdf/run-pdf-worker.js';

/** Checks an uploaded file and reads it into the document model; refusals throw IngestError. */
export async function readDocument(
  path: string,
  originalName: string,
  limits: { upload?: UploadLimits; pdf?: PdfLimits } = {},
): Promise<DocumentModel> {
  const inspected = await inspectUpload(path, originalName, limits.upload ?? DEFAULT_UPLOAD_LIMITS);
  return inspected.format === 'docx' ? readDocx(inspected.parts) : readPdf(path, limits.pdf ?? DEFAULT_PDF_LIMITS);
}
