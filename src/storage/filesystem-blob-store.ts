import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { assertValidKey, BlobNotFoundError, type BlobStore } from './blob-store.js';

/** A BlobStore in a directory: each key a file, written to a temp name first and renamed into place. */
export function filesystemBlobStore(root: string): BlobStore {
  const tmp = path.join(root, '.tmp');
  const file = (key: string) => {
    assertValidKey(key);
    return path.join(root, ...key.split('/'));
  };
  async function place(key: string, write: (temp: string) => Promise<void>): Promise<void> {
    const target = file(key);
    await mkdir(path.dirname(target), { recursive: true });
    await mkdir(tmp, { recursive: true });
    const temp = path.join(tmp, randomUUID());
    try {
      await write(temp);
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }
  const notFound = (key: string) => (error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new BlobNotFoundError(key);
    throw error;
  };

  return {
    async putFile(key, source) {
      await place(key, (temp) => copyFile(source, temp));
      return { bytes: (await stat(file(key))).size };
    },
    async putBuffer(key, data) {
      await place(key, (temp) => writeFile(temp, data));
    },
    async open(key) {
      const target = file(key);
      await stat(target).catch(notFound(key));
      return createReadStream(target) as Readable;
    },
    read(key) {
      return readFile(file(key)).catch(notFound(key));
    },
    async delete(key) {
      await rm(file(key), { force: true });
    },
    async list(prefix) {
      const base = prefix.replace(/\/+$/, '');
      if (base) assertValidKey(base);
      const start = base ? path.join(root, ...base.split('/')) : root;
      const entries = await readdir(start, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return [];
        throw error;
      });
      return entries
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
        .filter((key) => !key.startsWith('.tmp/'))
        .sort();
    },
    async modifiedAt(key) {
      const info = await stat(file(key)).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
      });
      return info?.mtime;
    },
    async check() {
      const probe = path.join(tmp, `probe-${randomUUID()}`);
      try {
        await mkdir(tmp, { recursive: true });
        await writeFile(probe, 'ok');
        await rm(probe, { force: true });
      } catch (error) {
        throw new Error(`blob directory is not writable: ${(error as Error).message}`);
      }
    },
  };
}
