import path from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../../test/helpers/databases.js';
import { seedCodeTask, type SeededTask } from '../../test/helpers/seed-runs.js';
import { systemClock } from '../clock.js';
import { filesystemBlobStore } from '../storage/filesystem-blob-store.js';
import { createJobRuntime } from './job-runtime.js';

const logger = pino({ level: 'silent' });

describe.each(testDialects())('the stranded-job sweep on %s', { timeout: 60_000 }, (dialect) => {
  let database: TestDatabase;
  let seeded: SeededTask;

  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    seeded = await seedCodeTask(database.handle.db, { language: 'python', code: 'print(1)' });
  });
  afterEach(async () => {
    await database.dispose();
  });

  /** A run, report, export and AI action of the seeded user in `status` since `at`, and its assignment pending since `at`. */
  async function waitingRows(suffix: string, status: 'queued' | 'succeeded', at: string): Promise<void> {
    const db = database.handle.db;
    const { ownerId, assignmentId, taskId } = seeded;
    const owned = { owner_id: ownerId, status, error: null, finished_at: null };
    await db.insertInto('runs').values({ ...owned, id: `run-row-${suffix}`, assignment_id: assignmentId, queued_at: at, started_at: null, artifacts_expired_at: null }).execute();
    await db
      .insertInto('reports')
      .values({ ...owned, id: `report-row-${suffix}`, assignment_id: assignmentId, request: '{}', docx_key: null, pdf_key: null, pdf_error: null, created_at: at })
      .execute();
    await db.insertInto('data_exports').values({ ...owned, id: `export-row-${suffix}`, blob_key: null, bytes: null, created_at: at }).execute();
    await db
      .insertInto('ai_actions')
      .values({ ...owned, id: `ai-row-${suffix}`, assignment_id: assignmentId, task_id: taskId, action: 'review', result: null, created_at: at })
      .execute();
    if (status === 'queued') await db.updateTable('assignments').set({ ai_status: 'pending', ai_requested_at: at }).where('id', '=', assignmentId).execute();
  }

  function runtime() {
    return createJobRuntime({
      db: database.handle.db,
      blobs: filesystemBlobStore(path.join(database.dataDir, 'blobs')),
      clock: systemClock,
      logger,
      workers: 1,
      niceness: 0,
    });
  }

  it('queues one job for each row that has waited past the grace period without one, and none twice', async () => {
    const longAgo = new Date(Date.now() - 10 * 60_000).toISOString();
    await waitingRows('old', 'queued', longAgo);
    await waitingRows('done', 'succeeded', longAgo);
    // Queued a moment ago: its enqueue may still be on its way.
    await waitingRows('new', 'queued', new Date().toISOString());
    await database.handle.db.updateTable('assignments').set({ ai_requested_at: longAgo }).where('id', '=', seeded.assignmentId).execute();

    const jobs = runtime();
    try {
      expect(await jobs.requeueStranded()).toBe(5);
      expect(await jobs.requeueStranded()).toBe(0);
    } finally {
      await jobs.close();
    }
    const rows = await database.handle.db.selectFrom('jobs').select(['id', 'type', 'payload', 'status']).orderBy('id').execute();
    expect(rows).toEqual([
      { id: 'ai-ai-row-old', type: 'ai', payload: JSON.stringify({ actionId: 'ai-row-old' }), status: 'queued' },
      { id: 'export-export-row-old', type: 'export', payload: JSON.stringify({ exportId: 'export-row-old' }), status: 'queued' },
      {
        id: `refine-${seeded.assignmentId}-${Date.parse(longAgo)}`,
        type: 'refine',
        payload: JSON.stringify({ assignmentId: seeded.assignmentId, requestedAt: longAgo }),
        status: 'queued',
      },
      { id: 'report-report-row-old', type: 'report', payload: JSON.stringify({ reportId: 'report-row-old' }), status: 'queued' },
      { id: 'run-run-row-old', type: 'run', payload: JSON.stringify({ runId: 'run-row-old' }), status: 'queued' },
    ]);
  });

  it('leaves a row alone whose job is waiting', async () => {
    const longAgo = new Date(Date.now() - 10 * 60_000).toISOString();
    await waitingRows('old', 'queued', longAgo);
    const jobs = runtime();
    try {
      await jobs.queue.enqueue('run', { runId: 'run-row-old' });
      expect(await jobs.requeueStranded()).toBe(4);
    } finally {
      await jobs.close();
    }
    const runJobs = await database.handle.db.selectFrom('jobs').select('id').where('type', '=', 'run').execute();
    expect(runJobs).toEqual([{ id: 'run-run-row-old' }]);
  });
});
