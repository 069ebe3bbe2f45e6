import { jobDefinitions } from '../../test/helpers/job-definitions.js';
import { Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestRedisPrefix, type TestRedisPrefix } from '../../test/helpers/redis-prefix.js';
import { until } from '../../test/helpers/until.js';
import { BULLMQ_QUEUE_NAME, bullmqQueue, type BullmqQueueOptions } from './bullmq-queue.js';
import type { JobDefinitions, JobQueue } from './queue.js';

const url = process.env.REDIS_URL ?? '';
const logger = pino({ level: 'silent' });

function definitions(handle: JobDefinitions['run']['handle'], giveUp: JobDefinitions['run']['giveUp'] = async () => undefined, maxAttempts = 2): JobDefinitions {
  return jobDefinitions({ run: { handle, giveUp, maxAttempts } });
}

describe.skipIf(!url)('the BullMQ queue', { timeout: 60_000 }, () => {
  let redis: TestRedisPrefix;
  let queues: JobQueue[];

  /** A queue of this test's own on its prefix, stopped after the test. */
  function queue(jobs: JobDefinitions, options: Partial<BullmqQueueOptions> = {}): JobQueue {
    const created = bullmqQueue({ redisUrl: url, logger, jobs, concurrency: 1, prefix: redis.prefix, retryBaseMs: 200, ...options });
    queues.push(created);
    return created;
  }

  beforeEach(() => {
    redis = createTestRedisPrefix(url);
    queues = [];
  });
  afterEach(async () => {
    await Promise.all(queues.map((q) => q.stop()));
    await redis.dispose();
  });

  it('runs a job enqueued by a process without a worker, and says how long it waited', async () => {
    const seen: Array<{ runId: string; attempt: number }> = [];
    const waits: string[] = [];
    const producer = queue(definitions(async () => undefined));
    const consumer = queue(
      definitions(async (payload, context) => void seen.push({ runId: payload.runId, attempt: context.attempt })),
      { waited: (type, seconds) => void waits.push(`${type} ${seconds >= 0}`) },
    );
    await consumer.start();
    await producer.enqueue('run', { runId: 'r1' });
    await until(async () => (await producer.counts()).done === 1);
    expect(seen).toEqual([{ runId: 'r1', attempt: 1 }]);
    expect(waits).toEqual(['run true']);
    expect(await producer.counts()).toEqual({ queued: 0, running: 0, done: 1, failed: 0 });
  });

  it('retries a failing job with growing back-off, then gives up once with the reason, across two workers', async () => {
    const attempts: Array<{ attempt: number; at: number }> = [];
    const reasons: string[] = [];
    const jobs = definitions(
      async (_payload, context) => {
        attempts.push({ attempt: context.attempt, at: Date.now() });
        throw new Error('compiler exploded');
      },
      async (_payload, reason) => void reasons.push(reason),
      3,
    );
    const a = queue(jobs);
    const b = queue(jobs);
    await Promise.all([a.start(), b.start()]);
    await a.enqueue('run', { runId: 'failing' });
    await until(() => reasons.length === 1);
    await Promise.all([a.stop(), b.stop()]);
    expect(attempts.map((entry) => entry.attempt)).toEqual([1, 2, 3]);
    expect(reasons).toEqual(['compiler exploded']);
    // Exponential back-off from 200 ms: the retries wait at least 200 ms, then 400 ms.
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(200);
    expect(attempts[2]!.at - attempts[1]!.at).toBeGreaterThanOrEqual(400);
    expect(await queue(jobs).counts()).toMatchObject({ queued: 0, running: 0, failed: 1 });
  });

  /**
   * Enqueues one run job and lets a worker take it and die: force-closed, it never finishes nor renews the lock. Its
   * timings are those of a queue with `stallMs: 1_000`, since workers share one stall-check throttle.
   */
  async function orphan(jobs: JobDefinitions): Promise<() => void> {
    const connection = new Redis(url, { maxRetriesPerRequest: null });
    let release = () => {};
    let taken = 0;
    const dying = new Worker(
      BULLMQ_QUEUE_NAME,
      () => {
        taken++;
        return new Promise<void>((resolve) => (release = resolve));
      },
      { connection, prefix: redis.prefix, lockDuration: 1_000, stalledInterval: 500 },
    );
    await queue(jobs).enqueue('run', { runId: 'orphan' });
    await until(() => taken === 1);
    await dying.close(true);
    connection.disconnect();
    return release;
  }

  it('takes over a job whose worker died mid-way once its lock lapses', async () => {
    const finished: string[] = [];
    const jobs = definitions(async (payload) => void finished.push(payload.runId));
    const release = await orphan(jobs);
    const rescuer = queue(jobs, { stallMs: 1_000 });
    await rescuer.start();
    await until(async () => (await rescuer.counts()).done === 1);
    release();
    expect(finished).toEqual(['orphan']);
    expect(await rescuer.counts()).toEqual({ queued: 0, running: 0, done: 1, failed: 0 });
  });

  it('fails a job whose workers keep dying, and gives up once with the reason', async () => {
    const handled: string[] = [];
    const reasons: string[] = [];
    const jobs = definitions(
      async (payload) => void handled.push(payload.runId),
      async (_payload, reason) => void reasons.push(reason),
    );
    const release = await orphan(jobs);
    const rescuer = queue(jobs, { stallMs: 1_000, maxStalledCount: 0 });
    await rescuer.start();
    await until(async () => (await rescuer.counts()).failed === 1);
    await rescuer.stop();
    release();
    expect(handled).toEqual([]);
    expect(reasons).toEqual(['the process working on it stopped']);
  });

  it('hands an in-flight job back at stop without spending an attempt, and another worker finishes it', async () => {
    let started = 0;
    let abortedSeen = false;
    const first = queue(
      definitions(
        (_payload, context) =>
          new Promise<void>((resolve) => {
            started++;
            context.signal.addEventListener('abort', () => {
              abortedSeen = true;
              resolve();
            });
          }),
      ),
    );
    await first.start();
    await first.enqueue('run', { runId: 'long' });
    await until(() => started === 1);
    await first.stop();
    expect(abortedSeen).toBe(true);

    const attempts: number[] = [];
    const second = queue(definitions(async (_payload, context) => void attempts.push(context.attempt)));
    expect(await second.counts()).toMatchObject({ queued: 1, running: 0 });
    await second.start();
    await until(async () => (await second.counts()).done === 1);
    expect(attempts).toEqual([1]);
  });

  it('keeps one job per row: a second enqueue changes nothing, and requeue adds one only when none waits or runs', async () => {
    const handled: string[] = [];
    const worker = queue(definitions(async (payload) => void handled.push(payload.runId)));
    expect(await worker.enqueue('run', { runId: 'once' })).toBe('run-once');
    expect(await worker.enqueue('run', { runId: 'once' })).toBe('run-once');
    expect(await worker.requeue('run', { runId: 'once' })).toBe(false);
    expect(await worker.counts()).toMatchObject({ queued: 1 });
    await worker.start();
    await until(async () => (await worker.counts()).done === 1);
    // A completed job keeps its id: adding it again is still a no-op…
    await worker.enqueue('run', { runId: 'once' });
    expect(await worker.counts()).toMatchObject({ queued: 0, done: 1 });
    // …but a row that still waits for it (its outcome lost) gets it afresh from the sweep.
    expect(await worker.requeue('run', { runId: 'once' })).toBe(true);
    await until(() => handled.length === 2);
    expect(handled).toEqual(['once', 'once']);
  });
});

