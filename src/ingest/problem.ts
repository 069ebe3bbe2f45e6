/** The RFC 9457 fields a refused upload carries; the server renders them as application/problem+json. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
}

// The same problem types the HTTP API uses, so the CLI and the server name a refusal alike.
const TYPE_BASE = '/problems/';

/** A document LabMate refuses to read; `problem` says why and how to fix it, without internal details. */
export class IngestError extends Error {
  readonly problem: Problem;

  constructor(slug: string, title: string, detail: string, status = 422) {
    super(detail);
    this.name = 'IngestError';
    this.problem = { type: TYPE_BASE + slug, title, status, detail };
  }
}

/** Catalogue of every refusal, so the same reason always has the same `type` and wording. */
export const refuse = {
  unsupportedType: (ext: string) =>
    new IngestError(
      'unsupported-file-type',
      'Unsupported file type',
      `Files ending in "${ext || '(none)'}" are not accepted. Upload a Word document (.docx) or a PDF (.pdf).`,
      415,
    ),
  empty: () => new IngestError('empty-file', 'Empty file', 'The file is empty. Upload the document again.', 400),
  tooLarge: (maxBytes: number) =>
    new IngestError(
      'file-too-large',
      'File too large',
      `The file is larger than ${Math.round(maxBytes / 1048576)} MB. Compress its images or split it, then upload it again.`,
      413,
    ),
  legacyDoc: () =>
    new IngestError(
      'legacy-doc',
      'Old Word format (.doc)',
      'This is an old-format Word document (.doc). Open it in Word or LibreOffice and use "Save As" > Word Document (.docx), then upload the .docx.',
      415,
    ),
  encrypted: () =>
    new IngestError(
      'encrypted-document',
      'Password-protected document',
      'The document is password-protected or encrypted. Remove the password (File > Info > Protect Document > Encrypt with Password, clear it), save, and upload it again.',
    ),
  macros: () =>
    new IngestError(
      'macro-document',
      'Document contains macros',
      'The document contains macros (VBA). Save it as a plain Word Document (.docx, not .docm) so the macros are removed, then upload it again.',
    ),
  mismatch: (ext: string, actual: string) =>
    new IngestError(
      'content-mismatch',
      'File content does not match its name',
      `The file is named "${ext}" but its content is ${actual}. Export the document again as .docx or .pdf and upload that file.`,
      415,
    ),
  polyglot: () =>
    new IngestError(
      'ambiguous-file',
      'File is two formats at once',
      'The file is both a PDF and a ZIP archive, which LabMate does not accept. Print or export the document to a new PDF and upload that.',
    ),
  unsafeArchive: (reason: string) =>
    new IngestError(
      'unsafe-archive',
      'Document archive refused',
      `The .docx archive was refused: ${reason}. Open the document in Word or LibreOffice, save it as a new .docx and upload that.`,
    ),
  unsafeXml: (part: string) =>
    new IngestError(
      'unsafe-xml',
      'Document contains a DTD',
      `The part "${part}" declares a DTD or entities, which Word never writes. Save the document again from Word or LibreOffice and upload the new file.`,
    ),
  corrupt: (format: string) =>
    new IngestError(
      'corrupt-document',
      'Document cannot be read',
      `The ${format} file is damaged or incomplete. Open it, save or export it again, and upload the new file.`,
    ),
  tooManyPages: (pages: number, max: number) =>
    new IngestError(
      'too-many-pages',
      'Too many pages',
      `The PDF has ${pages} pages; the limit is ${max}. Upload only the pages with the assignment.`,
    ),
  noPages: () => new IngestError('no-pages', 'PDF has no pages', 'The PDF has no pages. Export the document to PDF again.'),
  tooSlow: (seconds: number) =>
    new IngestError(
      'parse-timeout',
      'Document took too long to read',
      `Reading the PDF took longer than ${seconds} s and was stopped. Export it again (for example "Save as PDF" from Word) and upload that.`,
    ),
  tooComplex: () =>
    new IngestError(
      'document-too-complex',
      'Document too complex',
      'Reading the document needed more memory than allowed. Split it into smaller documents and upload them one by one.',
    ),
};
