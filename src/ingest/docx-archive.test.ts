import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDocx, docxEntries, zipEntries } from '../../test/fixtures/docx-builder.js';
import { DEFAULT_ARCHIVE_LIMITS, inspectDocxArchive } from './docx-archive.js';
import { IngestError } from './problem.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'labmate-archive-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(bytes: Buffer): Promise<string> {
  const path = join(dir, `${Math.random().toString(36).slice(2)}.docx`);
  await writeFile(path, bytes);
  return path;
}

describe('inspectDocxArchive', () => {
  it('returns the XML parts and never the media', async () => {
    const parts = await inspectDocxArchive(await file(await buildDocx([{ text: 'Hello' }])));
    expect(parts.get('word/document.xml')).toContain('Hello');
    expect([...parts.keys()].some((name) => name.endsWith('.png'))).toBe(false);
  });

  it('refuses more entries than the limit', async () => {
    const error = await inspectDocxArchive(await file(await buildDocx([{ text: 'x' }])), { ...DEFAULT_ARCHIVE_LIMITS, maxEntries: 3 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).problem.detail).toMatch(/entries \(the limit is 3\)/);
  });

  it('refuses an archive that unpacks beyond the size limit', async () => {
    const entries = docxEntries([{ text: 'x' }]);
    entries.set('word/media/big.bin', randomBytes(2 * 1024 * 1024));
    const error = await inspectDocxArchive(await file(await zipEntries(entries)), { ...DEFAULT_ARCHIVE_LIMITS, maxUnpackedBytes: 1024 * 1024 }).catch((e: unknown) => e);
    expect((error as IngestError).problem.detail).toMatch(/unpacks to more than 1 MB/);
  });

  it('refuses a ZIP that is not a Word document', async () => {
    const entries = new Map<string, string>([['readme.txt', 'hi']]);
    const error = await inspectDocxArchive(await file(await zipEntries(entries))).catch((e: unknown) => e);
    expect((error as IngestError).problem.type).toMatch(/content-mismatch$/);
  });
});
