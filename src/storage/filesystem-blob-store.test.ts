import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe } from 'vitest';
import { blobStoreContract } from '../../test/storage/blob-store-contract.js';
import { filesystemBlobStore } from './filesystem-blob-store.js';

describe('filesystemBlobStore', () => {
  blobStoreContract(() => filesystemBlobStore(mkdtempSync(path.join(tmpdir(), 'labmate-blobs-'))));
});
