import path from 'node:path';
import type { Config } from '../config/config.js';
import type { BlobStore } from './blob-store.js';
import { filesystemBlobStore } from './filesystem-blob-store.js';
import { s3BlobStore } from './s3-blob-store.js';

/** The configured blob store: the S3 bucket when S3_* is set, LABMATE_DATA_DIR/blobs otherwise. */
export function createBlobStore(config: Pick<Config, 's3' | 'dataDir'>): BlobStore {
  return config.s3 ? s3BlobStore(config.s3) : filesystemBlobStore(path.join(config.dataDir, 'blobs'));
}
