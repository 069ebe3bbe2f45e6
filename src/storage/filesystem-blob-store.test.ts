import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BlobNotFoundError } from './blob-store.js';
import { filesystemBlobStore } from './filesystem-blob-store.js';

function store() {
  return filesystemBlobStore(mkdtempSync(path.join(tmpdir(), 'labmate-blobs-')));
}

describe('filesystemBlobStore', () => {
  it('stores, reads, streams, lists and deletes blobs', async () => {
    const blobs = store();
    const source = path.join(mkdtempSync(path.join(tmpdir(), 'src-')), 'in.bin');
    writeFileSync(source, 'hello blob');
    expect(await blobs.putFile('uploads/u1/a1', source)).toEqual({ bytes: 10 });
    await blobs.putBuffer('uploads/u1/a2.json', Buffer.from('{}'));
    expect((await blobs.read('uploads/u1/a1')).toString()).toBe('hello blob');
    const chunks: Buffer[] = [];
    for await (const chunk of await blobs.open('uploads/u1/a1')) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).toString()).toBe('hello blob');
    expect(await blobs.list('uploads/u1')).toEqual(['uploads/u1/a1', 'uploads/u1/a2.json']);
    await blobs.delete('uploads/u1/a1');
    await blobs.delete('uploads/u1/a1');
    expect(await blobs.list('')).toEqual(['uploads/u1/a2.json']);
  });

  it('reports a missing blob as BlobNotFoundError', async () => {
    const blobs = store();
    await expect(blobs.read('nothing/here')).rejects.toBeInstanceOf(BlobNotFoundError);
    await expect(blobs.open('nothing/here')).rejects.toBeInstanceOf(BlobNotFoundError);
    expect(await blobs.list('nothing')).toEqual([]);
    expect(await blobs.modifiedAt('nothing/here')).toBeUndefined();
  });

  it('tells when a blob was written', async () => {
    const blobs = store();
    const before = Date.now();
    await blobs.putBuffer('uploads/u1/a1', Buffer.from('x'));
    const written = await blobs.modifiedAt('uploads/u1/a1');
    // File times may be truncated to the second on some file systems.
    expect(written?.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
  });

  it('refuses keys that could escape the store', async () => {
    const blobs = store();
    for (const key of ['../etc/passwd', '/abs', 'a/../../b', 'A/Upper', 'a//b', '']) {
      await expect(blobs.putBuffer(key, Buffer.from('x'))).rejects.toThrow(/invalid blob key/);
    }
  });

  it('passes its readiness check when writable and leaves nothing behind', async () => {
    const blobs = store();
    await blobs.check();
    expect(await blobs.list('')).toEqual([]);
  });
});
