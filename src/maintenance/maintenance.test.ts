import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock, type ManualClock } from '../../test/helpers/clock.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../../test/helpers/databases.js';
import { seedCodeTask } from '../../test/helpers/seed-runs.js';
import { aiCacheRepository } from '../db/repositories/ai-cache.repository.js';
import type { Db } from '../db/repositories/types.js';
import type { BlobStore } from '../storage/blob-store.js';
import { filesystemBlobStore } from '../storage/filesystem-blob-store.js';
import { maintenancePolicy, runMaintenance, startMaintenance } from './maintenance.js';

const DAY_MS = 24 * 60 * 60_000;
const logger = pino({ level: 'silent' });

/** A finished run of a fresh assignment with two stored artifacts, and a composed report with DOCX and PDF. */
async function seedFinishedWork(db: Db, blobs: BlobStore, clock: ManualClock) {
  const { ownerId, assignmentId, taskId } = await seedCodeTask(db, { language: 'python', code: 'print(1)' });
  const now = clock.now().toISOString();
  const base = `uploads/${ownerId}/${assignmentId}`;
  const runId = randomUUID();
  const reportId = randomUUID();
  await blobs.putBuffer(`${base}/original`, Buffer.from('docx'));
  await db.insertInto('runs').values({ id: runId, owner_id: ownerId, assignment_id: assignmentId, status: 'succeeded', error: null, queued_at: now, started_at: now, finished_at: now, artifacts_expired_at: null }).execute();
  await db
    .insertInto('run_tasks')
    .values({ run_id: runId, task_id: taskId, position: 0, theme: null, screenshot: 1, status: 'ok', exit_code: 0, time_ms: 5, transcript: '1\n', detail: null, queued_at: now, started_at: now, finished_at: now })
    .execute();
  const artifactKeys: string[] = [];
  for (const position of [0, 1]) {
    const id = randomUUID();
    const key = `${base}/runs/${runId}/${id}`;
    await blobs.putBuffer(key, Buffer.from('png'));
    artifactKeys.push(key);
    await db
      .insertInto('artifacts')
      .values({ id, owner_id: ownerId, run_id: runId, task_id: taskId, kind: 'screenshot', name: `s-${position}.png`, content_type: 'image/png', blob_key: key, bytes: 3, position, created_at: now })
      .execute();
  }
  const reportKeys = [`${base}/reports/${reportId}.docx`, `${base}/reports/${reportId}.pdf`];
  for (const key of reportKeys) await blobs.putBuffer(key, Buffer.from('report'));
  await db
    .insertInto('reports')
    .values({ id: reportId, owner_id: ownerId, assignment_id: assignmentId, status: 'succeeded', request: '{}', docx_key: reportKeys[0] ?? null, pdf_key: reportKeys[1] ?? null, pdf_error: null, error: null, created_at: now, finished_at: now })
    .execute();
  return { runId, reportId, original: `${base}/original`, artifactKeys, reportKeys };
}

describe.each(testDialects())('maintenance on %s', (dialect) => {
  let database: TestDatabase;
  let blobs: BlobStore;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    blobs = filesystemBlobStore(path.join(database.dataDir, 'blobs'));
  });
  afterAll(async () => {
    await database.dispose();
  });

  it('keeps reports and artifacts forever when no retention is set', async () => {
    const db = database.handle.db;
    const clock = manualClock(new Date());
    const work = await seedFinishedWork(db, blobs, clock);
    clock.advance(1000 * DAY_MS);
    const result = await runMaintenance({ db, blobs, clock: clock.now, logger }, { reportRetentionDays: 0, artifactRetentionDays: 0 });
    expect(result).toMatchObject({ reports: 0, artifactRuns: 0 });
    expect(await db.selectFrom('artifacts').select('id').where('run_id', '=', work.runId).execute()).toHaveLength(2);
    expect(await db.selectFrom('reports').select('id').where('id', '=', work.reportId).execute()).toHaveLength(1);
    for (const key of [...work.artifactKeys, ...work.reportKeys]) expect(await blobs.modifiedAt(key)).toBeDefined();
  });

  it('deletes artifacts and then reports past their retention, rows and files, even with two processes at once', async () => {
    const db = database.handle.db;
    const clock = manualClock(new Date());
    const old = await seedFinishedWork(db, blobs, clock);
    const deps = { db, blobs, clock: clock.now, logger };
    const policy = { reportRetentionDays: 30, artifactRetentionDays: 7 };

    clock.advance(6 * DAY_MS);
    const recent = await seedFinishedWork(db, blobs, clock);
    clock.advance(2 * DAY_MS);
    await Promise.all([runMaintenance(deps, policy), runMaintenance(deps, policy)]);

    expect(await db.selectFrom('artifacts').select('id').where('run_id', '=', old.runId).execute()).toEqual([]);
    for (const key of old.artifactKeys) expect(await blobs.modifiedAt(key)).toBeUndefined();
    const run = await db.selectFrom('runs').selectAll().where('id', '=', old.runId).executeTakeFirstOrThrow();
    expect(run).toMatchObject({ status: 'succeeded', artifacts_expired_at: clock.now().toISOString() });
    expect(await db.selectFrom('run_tasks').select('transcript').where('run_id', '=', old.runId).execute()).toEqual([{ transcript: '1\n' }]);
    expect(await db.selectFrom('artifacts').select('id').where('run_id', '=', recent.runId).execute()).toHaveLength(2);
    expect(await db.selectFrom('reports').select('id').where('id', '=', old.reportId).execute()).toHaveLength(1);

    clock.advance(23 * DAY_MS);
    // Earlier tests' reports in this database expire too; the count is at least this one.
    expect((await runMaintenance(deps, policy)).reports).toBeGreaterThanOrEqual(1);
    expect(await db.selectFrom('reports').select('id').where('id', 'in', [old.reportId, recent.reportId]).execute()).toEqual([{ id: recent.reportId }]);
    for (const key of old.reportKeys) expect(await blobs.modifiedAt(key)).toBeUndefined();
    for (const key of [old.original, ...recent.reportKeys]) expect(await blobs.modifiedAt(key)).toBeDefined();
  });

  it('forgets cached AI answers past their retention and keeps newer ones', async () => {
    const db = database.handle.db;
    const clock = manualClock(new Date());
    const cache = aiCacheRepository(db);
    const answer = (key: string) => ({ key, model: 'm', feature: 'detect', response: '{}', prompt_tokens: 1, completion_tokens: 1, user_id: null, created_at: clock.now().toISOString() });
    const oldKey = randomUUID();
    const newKey = randomUUID();
    await cache.store(answer(oldKey));
    clock.advance(20 * DAY_MS);
    await cache.store(answer(newKey));
    clock.advance(11 * DAY_MS);
    const deps = { db, blobs, clock: clock.now, logger };
    expect((await runMaintenance(deps, maintenancePolicy({ reports: 0, artifacts: 0, aiCache: 0 }))).aiAnswers).toBe(0);
    expect((await runMaintenance(deps, maintenancePolicy({ reports: 0, artifacts: 0, aiCache: 30 }))).aiAnswers).toBeGreaterThanOrEqual(1);
    expect(await cache.find(oldKey)).toBeUndefined();
    expect(await cache.find(newKey)).toBeDefined();
  });

  it('runs a pass as soon as it starts and lets stop wait for it', async () => {
    const db = database.handle.db;
    const clock = manualClock(new Date());
    const work = await seedFinishedWork(db, blobs, clock);
    clock.advance(2 * DAY_MS);
    const loop = startMaintenance({ db, blobs, clock: clock.now, logger }, { reportRetentionDays: 0, artifactRetentionDays: 1 });
    for (let i = 0; i < 200; i++) {
      const left = await db.selectFrom('artifacts').select('id').where('run_id', '=', work.runId).execute();
      if (left.length === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await loop.stop();
    expect(await db.selectFrom('artifacts').select('id').where('run_id', '=', work.runId).execute()).toEqual([]);
  });
});
