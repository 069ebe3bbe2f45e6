import type { Clock } from '../clock.js';
import type { Db } from '../db/repositories/types.js';
import type { BlobStore } from '../storage/blob-store.js';

/** What assignment use cases need: the database, blob storage and the clock. */
export interface AssignmentDeps {
  db: Db;
  blobs: BlobStore;
  clock: Clock;
}
