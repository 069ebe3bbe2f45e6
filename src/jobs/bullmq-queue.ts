import { hostname } from 'node:os';
import { Queue, WaitingError, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { jobIdFor, type JobDefinitions, type JobPayloads, type JobQueue, type JobType } from './queue.js';

export interface BullmqQueueOptions {
  redisUrl: string;
  logger: Logger;
  jobs: JobDefinitions;
  /** Jobs handled at once by this process's worker. */
  concurrency: number;
  /** Redis key prefix; processes with the same prefix share one queue (tests isolate themselves with their own). */
  prefix?: string;
  /**
   * A job whose worker has been silent this long is taken over (default 60 s, as in the in-process queue): its lock
   * lasts this long and is renewed at half of it while the handler runs; workers look for lapsed locks every half.
   */
  stallMs?: number;
  /** Times a job may stall and be queued again before it fails (default 2: three tries, like a run's attempts). */
  maxStalledCount?: number;
  /** The first retry waits this long, each next one twice as long (default 2 s). */
  retryBaseMs?: number;
  /** Told how long each job waited from being enqueued to its first start. */
  waited?: (type: JobType, seconds: number) => void;
}

/** The one queue every process shares; job names are the job types. */
export const BULLMQ_QUEUE_NAME = 'jobs';
export const DEFAULT_BULLMQ_PREFIX = 'labmate';

const HOUR_S = 3_600;

/** The failure BullMQ records for a job that stalled more than `maxStalledCount` times. */
const STALLED_TOO_OFTEN = 'job stalled more than allowable limit';

type QueuedJob = Job<JobPayloads[JobType], void, JobType>;

/** BullMQ's own connections must retry forever instead of failing a blocking command. */
function connect(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null });
}

/**
 * Jobs on Redis through BullMQ: one queue shared by every process, one worker per process (`concurrency` jobs at
 * once). Payloads carry ids only; attempts and exponential back-off come from the job definitions. A worker that dies
 * stops renewing its jobs' locks, and another worker's stall check queues them again. The process whose worker ran
 * the last failing attempt is the only one that sees the final `failed` event, so `giveUp` runs once. At `stop()` the
 * handlers' signals fire and unfinished jobs go back to the head of the queue without spending an attempt.
 * The queue (producer) is created on first use and the worker only at `start()`, so an API-only server just enqueues.
 */
export function bullmqQueue(options: BullmqQueueOptions): JobQueue {
  const { logger, jobs } = options;
  const prefix = options.prefix ?? DEFAULT_BULLMQ_PREFIX;
  const workerName = `${hostname()}-${process.pid}`;
  const maxStalledCount = options.maxStalledCount ?? 2;
  const stallMs = options.stallMs ?? 60_000;
  const givingUp = new Set<Promise<void>>();
  let producer: { queue: Queue; redis: Redis } | undefined;
  let consumer: { worker: Worker<JobPayloads[JobType], void, JobType>; redis: Redis } | undefined;

  function queue(): Queue {
    if (!producer) {
      const redis = connect(options.redisUrl);
      const created = new Queue(BULLMQ_QUEUE_NAME, {
        connection: redis,
        prefix,
        defaultJobOptions: {
          backoff: { type: 'exponential', delay: options.retryBaseMs ?? 2_000 },
          // Finished jobs are kept a while for inspection; their outcome lives in the database.
          removeOnComplete: { age: 24 * HOUR_S, count: 1_000 },
          removeOnFail: { age: 7 * 24 * HOUR_S },
        },
      });
      created.on('error', (error) => logger.error({ err: error }, 'job queue connection failed'));
      producer = { queue: created, redis };
    }
    return producer.queue;
  }

  /** Adds a job under its payload's id; BullMQ adds nothing when a job with that id exists, whatever its state. */
  function add<T extends JobType>(type: T, payload: JobPayloads[T]): Promise<Job> {
    return queue().add(type, payload, { attempts: jobs[type].maxAttempts, jobId: jobIdFor(type, payload) });
  }

  async function work(job: QueuedJob, token: string | undefined, signal: AbortSignal | undefined): Promise<void> {
    const definition = jobs[job.name] as JobDefinitions[JobType];
    const aborted = signal ?? new AbortController().signal;
    const attempt = job.attemptsMade + 1;
    const started = Date.now();
    if (job.attemptsMade === 0 && job.attemptsStarted <= 1) options.waited?.(job.name, (started - job.timestamp) / 1000);
    // The payload is ids only, so it goes in the log: it says which run or report a job is.
    logger.info({ jobId: job.id, type: job.name, ...job.data, attempt, worker: workerName, waitMs: started - job.timestamp }, 'job started');
    await definition.handle(job.data as never, { jobId: job.id ?? '', attempt, signal: aborted });
    if (aborted.aborted) {
      // Handed back unfinished at shutdown: to the head of the queue, without spending the attempt.
      await job.moveToWait(token);
      logger.info({ jobId: job.id, type: job.name }, 'job handed back');
      throw new WaitingError();
    }
    logger.info({ jobId: job.id, type: job.name, ...job.data, attempt, worker: workerName, durationMs: Date.now() - started }, 'job done');
  }

  function failed(job: QueuedJob | undefined, error: Error): void {
    if (!job) return;
    // finishedOn is set only when this failure was the last one (attempts spent, or stalled too often).
    const final = job.finishedOn !== undefined;
    logger.warn({ jobId: job.id, type: job.name, attempt: job.attemptsMade, outcome: final ? 'failed' : 'retry', err: error }, 'job failed');
    if (!final) return;
    const definition = jobs[job.name] as JobDefinitions[JobType];
    // BullMQ's words for a job whose workers kept dying are said in ours, as the in-process queue says them.
    const stops = maxStalledCount + 1;
    const stalled = stops === 1 ? 'the process working on it stopped' : `the processes working on it stopped ${stops} times`;
    const reason = error.message === STALLED_TOO_OFTEN ? stalled : error.message;
    const recorded = definition
      .giveUp(job.data as never, reason)
      .catch((failure: unknown) => logger.error({ err: failure, jobId: job.id }, 'recording a failed job failed'))
      .finally(() => givingUp.delete(recorded));
    givingUp.add(recorded);
  }

  return {
    async enqueue(type, payload) {
      return (await add(type, payload)).id ?? '';
    },
    async requeue(type, payload) {
      const id = jobIdFor(type, payload);
      const state = await queue().getJobState(id);
      if (state !== 'unknown' && state !== 'completed' && state !== 'failed') return false;
      // A finished job keeps its id until it is removed (a day or a week), and would make the add a no-op.
      if (state !== 'unknown') await queue().remove(id);
      await add(type, payload);
      return true;
    },
    async start() {
      if (consumer) return;
      const redis = connect(options.redisUrl);
      const worker = new Worker<JobPayloads[JobType], void, JobType>(BULLMQ_QUEUE_NAME, work, {
        connection: redis,
        prefix,
        name: workerName,
        concurrency: options.concurrency,
        lockDuration: stallMs,
        stalledInterval: stallMs / 2,
        maxStalledCount,
      });
      worker.on('failed', failed);
      worker.on('stalled', (jobId) => logger.warn({ jobId }, 'a job whose worker died was queued again'));
      worker.on('error', (error) => logger.error({ err: error }, 'job worker error'));
      consumer = { worker, redis };
      await worker.waitUntilReady();
    },
    async stop() {
      if (consumer) {
        const { worker, redis } = consumer;
        consumer = undefined;
        // Closing first stops fetching, so a handed-back job is not taken again by this worker.
        const closing = worker.close();
        worker.cancelAllJobs('the worker is shutting down');
        await closing;
        await redis.quit();
      }
      await Promise.all(givingUp);
      if (producer) {
        const { queue: closingQueue, redis } = producer;
        producer = undefined;
        await closingQueue.close();
        await redis.quit();
      }
    },
    async counts() {
      const counts = await queue().getJobCounts('waiting', 'prioritized', 'delayed', 'paused', 'active', 'completed', 'failed');
      const at = (state: string) => counts[state] ?? 0;
      return {
        queued: at('waiting') + at('prioritized') + at('delayed') + at('paused'),
        running: at('active'),
        done: at('completed'),
        failed: at('failed'),
      };
    },
  };
}
