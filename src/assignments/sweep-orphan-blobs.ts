import type { Db } from '../db/repositories/types.js';
import type { BlobStore } from '../storage/blob-store.js';

/** Deletes stored files whose assignment no longer exists (left by a crash between a delete and its blobs). */
export async function sweepOrphanBlobs(deps: { db: Db; blobs: BlobStore }): Promise<number> {
  const keys = await deps.blobs.list('uploads');
  const assignmentIds = [...new Set(keys.map((key) => key.split('/')[2]).filter((id): id is string => Boolean(id)))];
  const existing = new Set<string>();
  for (let start = 0; start < assignmentIds.length; start += 500) {
    const chunk = assignmentIds.slice(start, start + 500);
    const rows = await deps.db.selectFrom('assignments').select('id').where('id', 'in', chunk).execute();
    for (const row of rows) existing.add(row.id);
  }
  const orphans = keys.filter((key) => !existing.has(key.split('/')[2] ?? ''));
  await Promise.all(orphans.map((key) => deps.blobs.delete(key)));
  return orphans.length;
}
