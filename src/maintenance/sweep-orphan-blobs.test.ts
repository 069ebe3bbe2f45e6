import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../test/helpers/clock.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../../test/helpers/databases.js';
import { seedCodeTask } from '../../test/helpers/seed-runs.js';
import { filesystemBlobStore } from '../storage/filesystem-blob-store.js';
import { ORPHAN_GRACE_MS, sweepOrphanBlobs } from './sweep-orphan-blobs.js';

describe.each(testDialects())('sweepOrphanBlobs on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    await database.dispose();
  });

  it('removes only files no row owns, and only once they are older than the grace period', async () => {
    const db = database.handle.db;
    const blobs = filesystemBlobStore(path.join(database.dataDir, 'blobs'));
    const clock = manualClock(new Date());
    const { ownerId, assignmentId, taskId } = await seedCodeTask(db, { language: 'python', code: 'print(1)' });
    const now = clock.now().toISOString();
    const runId = randomUUID();
    const artifactId = randomUUID();
    const reportId = randomUUID();
    const base = `uploads/${ownerId}/${assignmentId}`;
    await db.insertInto('runs').values({ id: runId, owner_id: ownerId, assignment_id: assignmentId, status: 'succeeded', error: null, queued_at: now, started_at: now, finished_at: now, artifacts_expired_at: null }).execute();
    await db
      .insertInto('artifacts')
      .values({ id: artifactId, owner_id: ownerId, run_id: runId, task_id: taskId, kind: 'screenshot', name: 'a.png', content_type: 'image/png', blob_key: `${base}/runs/${runId}/${artifactId}`, bytes: 1, position: 0, created_at: now })
      .execute();
    await db
      .insertInto('reports')
      .values({ id: reportId, owner_id: ownerId, assignment_id: assignmentId, status: 'succeeded', request: '{}', docx_key: `${base}/reports/${reportId}.docx`, pdf_key: null, pdf_error: null, error: null, created_at: now, finished_at: now })
      .execute();
    const owned = [`${base}/original`, `${base}/pages/1.png`, `${base}/runs/${runId}/${artifactId}`, `${base}/reports/${reportId}.docx`, 'elsewhere/kept.bin'];
    const orphans = [
      `uploads/${ownerId}/${randomUUID()}/original`,
      `${base}/runs/${runId}/${randomUUID()}`,
      `${base}/reports/${randomUUID()}.pdf`,
      `exports/${ownerId}/${randomUUID()}.zip`,
    ];
    for (const key of [...owned, ...orphans]) await blobs.putBuffer(key, Buffer.from('x'));

    expect(await sweepOrphanBlobs({ db, blobs, clock: clock.now })).toBe(0);
    clock.advance(ORPHAN_GRACE_MS + 60_000);
    expect(await sweepOrphanBlobs({ db, blobs, clock: clock.now })).toBe(orphans.length);
    expect([...(await blobs.list('uploads')), ...(await blobs.list('exports')), ...(await blobs.list('elsewhere'))].sort()).toEqual([...owned].sort());
  });
});
