import { jobDefinitions } from '../../test/helpers/job-definitions.js';
import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../../test/helpers/databases.js';
import { until } from '../../test/helpers/until.js';
import { systemClock } from '../clock.js';
import { inProcessQueue } from './in-process-queue.js';
import type { JobDefinitions } from './queue.js';

const logger = pino({ level: 'silent' });

function definitions(handle: JobDefinitions['run']['handle'], giveUp: JobDefinitions['run']['giveUp'] = async () => undefined, maxAttempts = 2): JobDefinitions {
  return jobDefinitions({ run: { handle, giveUp, maxAttempts } });
}

describe.each(testDialects())('the in-process queue on %s', { timeout: 60_000 }, (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    await database.dispose();
  });

  it('hands each job to exactly one worker, even across two queues on one database', async () => {
    const seen: string[] = [];
    const handle: JobDefinitions['run']['handle'] = async (payload) => {
      seen.push(payload.runId);
      await new Promise((resolve) => setTimeout(resolve, 5));
    };
    const a = inProcessQueue({ db: database.handle.db, clock: systemClock, logger, jobs: definitions(handle), concurrency: 2, pollMs: 20 });
    const b = inProcessQueue({ db: database.handle.db, clock: systemClock, logger, jobs: definitions(handle), concurrency: 2, pollMs: 20 });
    await Promise.all([a.start(), b.start()]);
    const ids = Array.from({ length: 30 }, (_, i) => `job-${dialect}-${i}`);
    for (const [index, id] of ids.entries()) await (index % 2 ? a : b).enqueue('run', { runId: id });
    await until(() => seen.length >= ids.length);
    // Stopping hands running jobs back; wait until every job is recorded done so none is left for the next test.
    for (let i = 0; i < 500; i++) {
      const done = await database.handle.db.selectFrom('jobs').select('id').where('status', '=', 'done').execute();
      if (done.length >= ids.length) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await Promise.all([a.stop(), b.stop()]);
    expect([...seen].sort()).toEqual([...ids].sort());
  });

  it('retries a failing job, then gives up with the reason', async () => {
    // Only this test's job counts: an earlier test's queue may have handed one back at its stop.
    const mine = `failing-${dialect}`;
    const attempts: number[] = [];
    const reasons: string[] = [];
    const queue = inProcessQueue({
      db: database.handle.db,
      clock: systemClock,
      logger,
      concurrency: 1,
      pollMs: 20,
      jobs: definitions(
        async (payload, context) => {
          if (payload.runId === mine) attempts.push(context.attempt);
          throw new Error('compiler exploded');
        },
        async (payload, reason) => {
          if (payload.runId === mine) reasons.push(reason);
        },
      ),
    });
    await queue.start();
    // The retry waits for its back-off (2 s after the first failure).
    await queue.enqueue('run', { runId: mine });
    await until(() => reasons.length === 1, 30_000);
    await queue.stop();
    expect(attempts).toEqual([1, 2]);
    expect(reasons).toEqual(['compiler exploded']);
  });

  it('hands a running job back at shutdown without spending its attempt', async () => {
    let started = 0;
    const queue = inProcessQueue({
      db: database.handle.db,
      clock: systemClock,
      logger,
      concurrency: 1,
      pollMs: 20,
      jobs: definitions(
        (payload, context) =>
          new Promise<void>((resolve) => {
            if (payload.runId === `long-${dialect}`) started++;
            context.signal.addEventListener('abort', () => resolve());
          }),
      ),
    });
    await queue.start();
    const id = await queue.enqueue('run', { runId: `long-${dialect}` });
    await until(() => started === 1);
    await queue.stop();
    const row = await database.handle.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'queued', attempts: 0 });
  });

  it('keeps one job per row: a second enqueue changes nothing, and requeue adds one only when none waits or runs', async () => {
    const db = database.handle.db;
    const runId = `once-${dialect}`;
    const handled: string[] = [];
    // An earlier test's queue handed a job back at its stop: only this test's row counts.
    const handle: JobDefinitions['run']['handle'] = async (payload) => {
      if (payload.runId === runId) handled.push(payload.runId);
    };
    const queue = inProcessQueue({ db, clock: systemClock, logger, concurrency: 1, pollMs: 20, jobs: definitions(handle) });
    const id = await queue.enqueue('run', { runId });
    expect(id).toBe(`run-${runId}`);
    expect(await queue.enqueue('run', { runId })).toBe(id);
    expect(await queue.requeue('run', { runId })).toBe(false);
    await queue.start();
    await until(async () => (await db.selectFrom('jobs').select('status').where('id', '=', id).executeTakeFirst())?.status === 'done');
    // Its outcome was lost (the row it is for still waits): the finished job is queued afresh.
    expect(await queue.requeue('run', { runId })).toBe(true);
    await until(() => handled.length === 2);
    await queue.stop();
    expect(handled).toEqual([runId, runId]);
    expect(await db.selectFrom('jobs').select('id').where('payload', 'like', `%${runId}%`).execute()).toEqual([{ id }]);
  });

  it('counts a job queued under a random id, before ids came from rows, as the row\'s job', async () => {
    const db = database.handle.db;
    const runId = `legacy-${dialect}`;
    const now = new Date().toISOString();
    await db
      .insertInto('jobs')
      .values({ id: randomUUID(), type: 'run', payload: JSON.stringify({ runId }), status: 'queued', attempts: 0, max_attempts: 2, run_after: now, locked_by: null, last_error: null, created_at: now, updated_at: now })
      .execute();
    const queue = inProcessQueue({ db, clock: systemClock, logger, concurrency: 0, jobs: definitions(async () => undefined) });
    expect(await queue.requeue('run', { runId })).toBe(false);
    await db.deleteFrom('jobs').where('payload', 'like', `%${runId}%`).execute();
  });
});
