import type { Clock } from '../clock.js';
import { retentionRepository } from '../db/repositories/retention.repository.js';
import type { Db } from '../db/repositories/types.js';
import type { BlobStore } from '../storage/blob-store.js';

const BATCH = 100;
const DAY_MS = 24 * 60 * 60_000;

/**
 * Deletes the screenshots, plots and files of runs that finished more than `days` ago, files first and then rows;
 * the run keeps its status, results and transcripts, and records when its artifacts expired. Returns how many runs.
 */
export async function expireArtifacts(deps: { db: Db; blobs: BlobStore; clock: Clock }, days: number): Promise<number> {
  const retention = retentionRepository(deps.db);
  const before = new Date(deps.clock().getTime() - days * DAY_MS).toISOString();
  let expired = 0;
  for (;;) {
    const runIds = await retention.runsWithOldArtifacts(before, BATCH);
    if (runIds.length === 0) return expired;
    for (const runId of runIds) {
      const artifacts = await retention.artifactsOf(runId);
      await Promise.all(artifacts.map((artifact) => deps.blobs.delete(artifact.blob_key)));
      await retention.expireArtifacts(runId, deps.clock().toISOString());
      expired++;
    }
  }
}
