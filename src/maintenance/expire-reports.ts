import type { Clock } from '../clock.js';
import { retentionRepository } from '../db/repositories/retention.repository.js';
import type { Db } from '../db/repositories/types.js';
import type { BlobStore } from '../storage/blob-store.js';

const BATCH = 200;
const DAY_MS = 24 * 60 * 60_000;

/**
 * Deletes reports that finished more than `days` ago, files first and then rows, so a crash in between leaves rows
 * the next pass finds again (never files no row points to). Returns how many reports went.
 */
export async function expireReports(deps: { db: Db; blobs: BlobStore; clock: Clock }, days: number): Promise<number> {
  const retention = retentionRepository(deps.db);
  const before = new Date(deps.clock().getTime() - days * DAY_MS).toISOString();
  let deleted = 0;
  for (;;) {
    const reports = await retention.expiredReports(before, BATCH);
    if (reports.length === 0) return deleted;
    const keys = reports.flatMap((report) => [report.docx_key, report.pdf_key]).filter((key): key is string => key !== null);
    await Promise.all(keys.map((key) => deps.blobs.delete(key)));
    await retention.deleteReports(reports.map((report) => report.id));
    deleted += reports.length;
  }
}
