import type { Readable } from 'node:stream';

/** Where uploaded documents and generated files live; the filesystem by default, S3 when scaled out. */
export interface BlobStore {
  /** Stores the bytes of a local file under `key` (atomically: readers never see half a blob). */
  putFile(key: string, path: string): Promise<{ bytes: number }>;
  /** Stores a buffer under `key`. */
  putBuffer(key: string, data: Buffer): Promise<void>;
  /** Streams a blob; rejects with BlobNotFoundError when there is none. */
  open(key: string): Promise<Readable>;
  /** Reads a whole blob into memory (for small blobs only). */
  read(key: string): Promise<Buffer>;
  /** Removes a blob; removing a missing one is not an error. */
  delete(key: string): Promise<void>;
  /** Every key under a prefix (for deletion of a whole tree and the orphan sweeper). */
  list(prefix: string): Promise<string[]>;
  /** When a blob was last written; undefined when there is none (the orphan sweeper spares young blobs). */
  modifiedAt(key: string): Promise<Date | undefined>;
  /** Throws when the store cannot be written (for /readyz). */
  check(): Promise<void>;
}

/** A blob that does not exist. */
export class BlobNotFoundError extends Error {
  constructor(key: string) {
    super(`no blob ${key}`);
  }
}

const KEY = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/;

/** Rejects keys that could escape the store (`..`, absolute paths, odd characters); keys are made by the server. */
export function assertValidKey(key: string): void {
  if (!KEY.test(key) || key.split('/').some((part) => part === '.' || part === '..')) {
    throw new Error(`invalid blob key: ${JSON.stringify(key)}`);
  }
}
