import path from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.js';
import type { Dialect } from '../../src/db/database.js';
import { createJobRuntime, type JobRuntime } from '../../src/jobs/job-runtime.js';
import { filesystemBlobStore } from '../../src/storage/filesystem-blob-store.js';
import { buildDocx } from '../fixtures/docx-builder.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { TestClient } from '../helpers/client.js';
import { testDialects } from '../helpers/databases.js';
import { createTestRedisPrefix } from '../helpers/redis-prefix.js';
import { closedPort, forwardPort } from '../helpers/tcp-forward.js';
import { waitFor } from '../helpers/until.js';

const redisUrl = process.env.REDIS_URL ?? '';
const logger = pino({ level: 'silent' });

/** Signs a student up through the API and starts a run of a one-program lab; the answer to the start. */
async function startRun(t: TestApp): Promise<{ statusCode: number; id: string; status: string }> {
  const ana = new TestClient(t.app);
  await ana.signUp('ana@example.com');
  const docx = await buildDocx([{ text: 'Q1. Write a program that prints a greeting.' }, { text: 'print("hello")', font: 'Courier New' }]);
  const lab = (await ana.upload('lab.docx', docx)).json() as { id: string };
  const started = await ana.post(`/api/v1/assignments/${lab.id}/runs`, {});
  return { statusCode: started.statusCode, ...(started.json() as { id: string; status: string }) };
}

/** A worker process's job system over the app's database and files: it sweeps every half second for lost jobs. */
function worker(t: TestApp, bullmq?: { redisUrl: string; prefix: string }): JobRuntime {
  return createJobRuntime({
    db: t.database.handle.db,
    blobs: filesystemBlobStore(path.join(t.database.dataDir, 'blobs')),
    clock: systemClock,
    logger,
    workers: 1,
    niceness: 0,
    stallMs: 1_000,
    ...(bullmq ? { bullmq } : {}),
  });
}

function finished(t: TestApp, runId: string) {
  return waitFor(
    () => t.database.handle.db.selectFrom('runs').select(['status', 'finished_at']).where('id', '=', runId).executeTakeFirstOrThrow(),
    (run) => run.finished_at !== null,
    60_000,
  );
}

describe.skipIf(!redisUrl)('a run started while Redis cannot be reached', { timeout: 120_000 }, () => {
  it('is accepted and stays queued, and runs once Redis is back and the sweep queues its job', async () => {
    const prefix = createTestRedisPrefix(redisUrl);
    // The queue's Redis is a loopback port that refuses connections until the test forwards it to the real one.
    const port = await closedPort();
    const queueUrl = `redis://127.0.0.1:${port}`;
    const t = await createTestApp({ env: { LABMATE_QUEUE: 'bullmq', REDIS_URL: queueUrl, LABMATE_QUEUE_PREFIX: prefix.prefix, LABMATE_WORKERS: '0' } });
    let jobs: JobRuntime | undefined;
    let forward: { close(): Promise<void> } | undefined;
    try {
      const started = await startRun(t);
      expect(started).toMatchObject({ statusCode: 202, status: 'queued' });
      // The API server goes away with the enqueue it gave up on, so only the sweep can queue the job now.
      await t.app.close();
      const real = new URL(redisUrl);
      forward = await forwardPort(port, { host: real.hostname, port: Number(real.port || 6379) });
      jobs = worker(t, { redisUrl: queueUrl, prefix: prefix.prefix });
      await jobs.start();
      expect(await finished(t, started.id)).toMatchObject({ status: 'succeeded' });
      expect(await jobs.queue.counts()).toEqual({ queued: 0, running: 0, done: 1, failed: 0 });
    } finally {
      await jobs?.close();
      await forward?.close();
      await t.database.dispose();
      await prefix.dispose();
    }
  });
});

describe.each(testDialects())('a run whose job row was never written, on %s', { timeout: 120_000 }, (dialect: Dialect) => {
  it('runs once the sweep queues its job, and only once', async () => {
    const t = await createTestApp({ dialect, env: { LABMATE_WORKERS: '0' } });
    let jobs: JobRuntime | undefined;
    try {
      const started = await startRun(t);
      expect(started).toMatchObject({ statusCode: 202, status: 'queued' });
      // As if the process had died between the run's row and its job's.
      const db = t.database.handle.db;
      await db.deleteFrom('jobs').where('id', '=', `run-${started.id}`).execute();
      jobs = worker(t);
      await jobs.start();
      expect(await finished(t, started.id)).toMatchObject({ status: 'succeeded' });
      expect(await db.selectFrom('jobs').select(['id', 'status', 'attempts']).execute()).toEqual([{ id: `run-${started.id}`, status: 'done', attempts: 1 }]);
    } finally {
      await jobs?.close();
      await t.close();
    }
  });
});
