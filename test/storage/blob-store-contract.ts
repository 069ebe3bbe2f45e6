import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { BlobNotFoundError, type BlobStore } from '../../src/storage/blob-store.js';

/** The behaviour every BlobStore adapter owes the rest of LabMate; `store` gives an empty store each time. */
export function blobStoreContract(store: () => BlobStore | Promise<BlobStore>): void {
  it('stores, reads, streams, lists and deletes blobs', async () => {
    const blobs = await store();
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

  it('lists a prefix as a folder, not as the start of a name', async () => {
    const blobs = await store();
    await blobs.putBuffer('uploads/u1/a', Buffer.from('1'));
    await blobs.putBuffer('uploads/u10/b', Buffer.from('2'));
    expect(await blobs.list('uploads/u1')).toEqual(['uploads/u1/a']);
    expect(await blobs.list('uploads/u1/')).toEqual(['uploads/u1/a']);
    expect(await blobs.list('uploads')).toEqual(['uploads/u1/a', 'uploads/u10/b']);
  });

  it('keeps binary content byte for byte', async () => {
    const blobs = await store();
    const bytes = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 256));
    await blobs.putBuffer('runs/r1/shot.png', bytes);
    expect((await blobs.read('runs/r1/shot.png')).equals(bytes)).toBe(true);
  });

  it('reports a missing blob as BlobNotFoundError', async () => {
    const blobs = await store();
    await expect(blobs.read('nothing/here')).rejects.toBeInstanceOf(BlobNotFoundError);
    await expect(blobs.open('nothing/here')).rejects.toBeInstanceOf(BlobNotFoundError);
    expect(await blobs.list('nothing')).toEqual([]);
    expect(await blobs.modifiedAt('nothing/here')).toBeUndefined();
  });

  it('tells when a blob was written', async () => {
    const blobs = await store();
    const before = Date.now();
    await blobs.putBuffer('uploads/u1/a1', Buffer.from('x'));
    const written = await blobs.modifiedAt('uploads/u1/a1');
    // File and object times may be truncated to the second.
    expect(written?.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
  });

  it('refuses keys that could escape the store', async () => {
    const blobs = await store();
    for (const key of ['../etc/passwd', '/abs', 'a/../../b', 'A/Upper', 'a//b', '']) {
      await expect(blobs.putBuffer(key, Buffer.from('x'))).rejects.toThrow(/invalid blob key/);
    }
    await expect(blobs.list('../etc')).rejects.toThrow(/invalid blob key/);
  });

  it('passes its readiness check when writable and leaves nothing behind', async () => {
    const blobs = await store();
    await blobs.check();
    expect(await blobs.list('')).toEqual([]);
  });
}
