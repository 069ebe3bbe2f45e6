import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { DEFAULT_ARCHIVE_LIMITS, inspectDocxArchive, type ArchiveLimits, type DocxParts } from './docx-archive.js';
import { refuse } from './problem.js';

/** Every limit an upload is checked against. */
export interface UploadLimits {
  maxBytes: number;
  archive: ArchiveLimits;
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = { maxBytes: 50 * 1024 * 1024, archive: DEFAULT_ARCHIVE_LIMITS };

/** An upload that passed inspection; a DOCX comes with its XML parts, already checked. */
export type InspectedUpload = { format: 'docx'; parts: DocxParts } | { format: 'pdf' };

const ZIP = Buffer.from('504b0304', 'hex');
const CFB = Buffer.from('d0cf11e0a1b11ae1', 'hex');
const PDF = Buffer.from('%PDF-');
const EOCD = Buffer.from('504b0506', 'hex');
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');
const SCAN_CHUNK = 1024 * 1024;

/**
 * Checks an uploaded file on disk before it is parsed: extension allow-list, size, magic bytes matching the
 * extension, polyglots, legacy and encrypted Office files, and (for .docx) the archive itself. Never reads
 * the whole file into memory. `originalName` is only used for its extension.
 */
export async function inspectUpload(path: string, originalName: string, limits: UploadLimits = DEFAULT_UPLOAD_LIMITS): Promise<InspectedUpload> {
  const ext = extname(originalName).toLowerCase();
  if (ext === '.doc' || ext === '.dot') throw refuse.legacyDoc();
  if (ext === '.docm' || ext === '.dotm') throw refuse.macros();
  if (ext !== '.docx' && ext !== '.pdf') throw refuse.unsupportedType(ext);
  const size = (await stat(path)).size;
  if (size === 0) throw refuse.empty();
  if (size > limits.maxBytes) throw refuse.tooLarge(limits.maxBytes);
  const head = await readRange(path, 0, Math.min(size, 1024));
  if (head.subarray(0, 8).equals(CFB)) {
    throw (await containsBytes(path, size, ENCRYPTED_PACKAGE)) ? refuse.encrypted() : refuse.legacyDoc();
  }
  const isZip = head.subarray(0, 4).equals(ZIP);
  const pdfAt = head.indexOf(PDF);
  if (ext === '.pdf') {
    if (pdfAt < 0) throw refuse.mismatch('.pdf', isZip ? 'a ZIP archive (perhaps a Word document)' : 'not a PDF');
    if (isZip || (await hasZipDirectory(path, size))) throw refuse.polyglot();
    return { format: 'pdf' };
  }
  if (!isZip) throw refuse.mismatch('.docx', pdfAt >= 0 ? 'a PDF' : 'not a Word document');
  if (pdfAt >= 0) throw refuse.polyglot();
  return { format: 'docx', parts: await inspectDocxArchive(path, limits.archive) };
}

async function readRange(path: string, position: number, length: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, position);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** A ZIP end-of-central-directory record in the last 64 KiB makes a PDF also a ZIP archive. */
async function hasZipDirectory(path: string, size: number): Promise<boolean> {
  const length = Math.min(size, 65_557);
  return (await readRange(path, size - length, length)).includes(EOCD);
}

/** Streams the file in chunks looking for a byte pattern (chunks overlap so a match cannot straddle them). */
async function containsBytes(path: string, size: number, pattern: Buffer): Promise<boolean> {
  for (let position = 0; position < size; position += SCAN_CHUNK - pattern.length) {
    if ((await readRange(path, position, Math.min(SCAN_CHUNK, size - position))).includes(pattern)) return true;
  }
  return false;
}
