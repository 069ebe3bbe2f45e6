import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import JSZip from 'jszip';
import type { Clock } from '../clock.js';
import { dataExportsRepository } from '../db/repositories/data-exports.repository.js';
import type { Db } from '../db/repositories/types.js';
import type { DataExportRow } from '../db/schema.js';
import type { JobQueue } from '../jobs/queue.js';
import type { BlobStore } from '../storage/blob-store.js';

/** Queues an export of everything the user has: a zip to download when ready. */
export async function requestDataExport(deps: { db: Db; clock: Clock; queue: JobQueue }, userId: string): Promise<DataExportRow> {
  const row: DataExportRow = {
    id: randomUUID(),
    owner_id: userId,
    status: 'queued',
    blob_key: null,
    bytes: null,
    error: null,
    created_at: deps.clock().toISOString(),
    finished_at: null,
  };
  await dataExportsRepository(deps.db).create(row);
  await deps.queue.enqueue('export', { exportId: row.id });
  return row;
}

// Password hashes and token hashes never leave the server, even to their owner.
const README = `This archive holds everything LabMate keeps about you:
account.json   your account and profile
data.json      your assignments, tasks, runs (with transcripts), artifacts, reports, feedback, sessions and AI usage per day
files/         every file you uploaded and every file LabMate made for you (screenshots, plots, reports)
`;

/** The `export` job: writes the user's rows as JSON and every stored file into one zip, streamed to storage. */
export async function buildDataExport(deps: { db: Db; blobs: BlobStore; clock: Clock }, exportId: string): Promise<void> {
  const exports = dataExportsRepository(deps.db);
  const row = await exports.get(exportId);
  if (!row || row.status === 'succeeded') return;
  await exports.update(exportId, { status: 'running' });
  const { user, profile, ...data } = await exports.ownedRows(row.owner_id);
  const zip = new JSZip();
  zip.file('README.txt', README);
  zip.file('account.json', JSON.stringify({ user, profile: profile ?? null }, null, 2));
  zip.file('data.json', JSON.stringify(data, null, 2));
  const prefix = `uploads/${row.owner_id}`;
  for (const key of await deps.blobs.list(prefix)) zip.file(`files${key.slice(prefix.length)}`, await deps.blobs.open(key));
  const dir = await mkdtemp(path.join(tmpdir(), 'labmate-export-'));
  try {
    const file = path.join(dir, 'export.zip');
    await pipeline(zip.generateNodeStream({ type: 'nodebuffer', streamFiles: true, compression: 'DEFLATE' }), createWriteStream(file));
    const key = `exports/${row.owner_id}/${row.id}.zip`;
    await deps.blobs.putFile(key, file);
    await exports.update(exportId, { status: 'succeeded', blob_key: key, bytes: (await stat(file)).size, finished_at: deps.clock().toISOString() });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Ends an export whose job failed for good. */
export async function failDataExport(deps: { db: Db; clock: Clock }, exportId: string, reason: string): Promise<void> {
  await dataExportsRepository(deps.db).update(exportId, { status: 'failed', error: reason, finished_at: deps.clock().toISOString() });
}
