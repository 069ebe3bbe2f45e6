import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { IngestError, refuse } from './problem.js';
import { declaresDtd } from './xml.js';

/** Limits applied to a .docx archive before anything is unpacked. */
export interface ArchiveLimits {
  maxEntries: number;
  maxUnpackedBytes: number;
  maxRatio: number;
}

export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  maxEntries: 1000,
  maxUnpackedBytes: 100 * 1024 * 1024,
  maxRatio: 100,
};

/** Entries below this size cannot amplify much, so their own ratio is not held against them. */
const RATIO_FLOOR_BYTES = 1024 * 1024;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const UNIX_HOST = 3;

/** The XML parts of an inspected .docx, by entry name. */
export type DocxParts = Map<string, string>;

/**
 * Checks a .docx archive from its central directory (counts, sizes, ratios, names, link entries, macros,
 * encryption) and only then unpacks its XML parts, refusing any that declares a DTD. Only XML is held in memory.
 */
export async function inspectDocxArchive(path: string, limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS): Promise<DocxParts> {
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: true });
  } catch {
    throw refuse.corrupt('.docx');
  }
  try {
    const entries = await listEntries(zip, limits);
    checkEntries(entries, limits);
    return await readXmlParts(zip, entries);
  } finally {
    zip.close();
  }
}

async function listEntries(zip: ZipFile, limits: ArchiveLimits): Promise<Entry[]> {
  if (zip.entryCount > limits.maxEntries) {
    throw refuse.unsafeArchive(`it has ${zip.entryCount} entries (the limit is ${limits.maxEntries})`);
  }
  const entries: Entry[] = [];
  try {
    for await (const entry of zip.eachEntry()) entries.push(entry);
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/absolute path|relative path|invalid characters/i.test(message)) {
      throw refuse.unsafeArchive('an entry has an absolute or ".." path');
    }
    throw refuse.corrupt('.docx');
  }
  return entries;
}

function checkEntries(entries: Entry[], limits: ArchiveLimits): void {
  const seen = new Set<string>();
  let unpacked = 0;
  let packed = 0;
  for (const entry of entries) {
    const name = entry.fileName;
    const key = name.toLowerCase();
    if (seen.has(key)) throw refuse.unsafeArchive(`the entry "${name}" appears twice`);
    seen.add(key);
    if (entry.versionMadeBy >> 8 === UNIX_HOST && ((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) {
      throw refuse.unsafeArchive(`the entry "${name}" is a symbolic link`);
    }
    if (entry.isEncrypted()) throw refuse.encrypted();
    if (/(^|\/)vba[^/]*\.bin$/i.test(name)) throw refuse.macros();
    unpacked += entry.uncompressedSize;
    packed += entry.compressedSize;
    if (entry.uncompressedSize > RATIO_FLOOR_BYTES && entry.uncompressedSize > limits.maxRatio * Math.max(1, entry.compressedSize)) {
      throw refuse.unsafeArchive(`the entry "${name}" expands more than ${limits.maxRatio} times`);
    }
  }
  if (unpacked > limits.maxUnpackedBytes) {
    throw refuse.unsafeArchive(`it unpacks to more than ${Math.round(limits.maxUnpackedBytes / 1048576)} MB`);
  }
  if (unpacked > RATIO_FLOOR_BYTES && unpacked > limits.maxRatio * Math.max(1, packed)) {
    throw refuse.unsafeArchive(`it expands more than ${limits.maxRatio} times`);
  }
  if (!seen.has('word/document.xml') || !seen.has('[content_types].xml')) {
    throw refuse.mismatch('.docx', 'a ZIP archive that is not a Word document');
  }
}

async function readXmlParts(zip: ZipFile, entries: Entry[]): Promise<DocxParts> {
  const parts: DocxParts = new Map();
  for (const entry of entries) {
    if (!/\.(xml|rels)$/i.test(entry.fileName)) continue;
    const text = await readEntry(zip, entry);
    if (declaresDtd(text)) throw refuse.unsafeXml(entry.fileName);
    parts.set(entry.fileName, text);
  }
  if (/macroEnabled/i.test(parts.get('[Content_Types].xml') ?? '')) throw refuse.macros();
  return parts;
}

async function readEntry(zip: ZipFile, entry: Entry): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    const stream = await zip.openReadStreamPromise(entry);
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      // yauzl already stops at the declared size; this guards the sum we checked against.
      if (size > entry.uncompressedSize) throw refuse.unsafeArchive(`the entry "${entry.fileName}" is larger than declared`);
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw refuse.corrupt('.docx');
  }
  return Buffer.concat(chunks).toString('utf8');
}
