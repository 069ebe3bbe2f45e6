import type { Clock } from '../clock.js';
import { retentionRepository } from '../db/repositories/retention.repository.js';
import type { Db } from '../db/repositories/types.js';
import type { BlobStore } from '../storage/blob-store.js';

/** Blobs younger than this are never swept: an upload or a run writes its blob before the row that owns it. */
export const ORPHAN_GRACE_MS = 60 * 60_000;

type Owner = { table: 'assignments' | 'artifacts' | 'reports' | 'data_exports'; id: string };

/** The row a blob belongs to, from its key's layout; undefined for a layout this sweeper does not know. */
function ownerOf(key: string): Owner | undefined {
  const parts = key.split('/');
  const stem = (name: string | undefined) => name?.replace(/\.[a-z]+$/, '');
  if (parts[0] === 'exports' && parts.length === 3) return { table: 'data_exports', id: stem(parts[2]) ?? '' };
  if (parts[0] !== 'uploads' || !parts[2]) return undefined;
  if (parts[3] === 'runs' && parts[5]) return { table: 'artifacts', id: parts[5] };
  if (parts[3] === 'reports' && parts[4]) return { table: 'reports', id: stem(parts[4]) ?? '' };
  return { table: 'assignments', id: parts[2] };
}

/**
 * Deletes stored files whose row is gone (left by a crash between a delete and its blobs, or between writing a blob
 * and its row): an upload whose assignment, a run file whose artifact, a report or an export whose row no longer
 * exists. Blobs younger than the grace period are spared, so work in flight is never swept. Returns how many.
 */
export async function sweepOrphanBlobs(deps: { db: Db; blobs: BlobStore; clock: Clock }, graceMs = ORPHAN_GRACE_MS): Promise<number> {
  const keys = [...(await deps.blobs.list('uploads')), ...(await deps.blobs.list('exports'))];
  const owners = new Map(keys.map((key) => [key, ownerOf(key)]));
  const existing = new Map<Owner['table'], Set<string>>();
  const retention = retentionRepository(deps.db);
  for (const table of ['assignments', 'artifacts', 'reports', 'data_exports'] as const) {
    const ids = [...new Set([...owners.values()].filter((owner) => owner?.table === table).map((owner) => owner?.id ?? ''))];
    existing.set(table, await retention.existing(table, ids));
  }
  const cutoff = deps.clock().getTime() - graceMs;
  let swept = 0;
  for (const [key, owner] of owners) {
    if (!owner || existing.get(owner.table)?.has(owner.id)) continue;
    const written = await deps.blobs.modifiedAt(key);
    if (!written || written.getTime() > cutoff) continue;
    await deps.blobs.delete(key);
    swept++;
  }
  return swept;
}
