import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import { jobsRepository } from '../db/repositories/jobs.repository.js';
import type { Db } from '../db/repositories/types.js';
import type { JobRow } from '../db/schema.js';
import { jobIdFor, type JobDefinitions, type JobPayloads, type JobQueue, type JobType } from './queue.js';

export interface InProcessQueueOptions {
  db: Db;
  clock: Clock;
  logger: Logger;
  jobs: JobDefinitions;
  /** Jobs handled at once. */
  concurrency: number;
  /**
   * How often an idle process looks for due jobs (default 100 ms). An enqueue in this process wakes a worker at once;
   * one in another process (an API-only server, a second worker) is seen at the next look.
   */
  pollMs?: number;
  /**
   * A running job silent this long belongs to a process that died, and is recovered (default a minute). Heartbeats
   * come six times as often, so a busy but living worker misses several before its jobs are taken from it.
   */
  stallMs?: number;
  /** Told how long each job waited from being enqueued to its first start. */
  waited?: (type: JobType, seconds: number) => void;
}

const RETRY_BASE_MS = 2_000;
/** How long a running job may be silent before it is taken from its process (LABMATE_JOB_STALL_MS). */
export const DEFAULT_STALL_MS = 60_000;
const DEFAULT_POLL_MS = 100;
const CLAIM_RETRY_MS = 1_000;

/**
 * Jobs as database rows, worked on by `concurrency` loops in this process; claims are atomic, so several processes
 * may share one database. A running job's worker writes a heartbeat; at start-up and every half stall window, jobs
 * whose heartbeat stopped (their process died) are re-queued, or failed with the reason after their last attempt.
 */
export function inProcessQueue(options: InProcessQueueOptions): JobQueue {
  const { db, clock, logger, jobs } = options;
  const repository = jobsRepository(db);
  const workerId = `worker-${process.pid}-${randomUUID().slice(0, 8)}`;
  const pollMs = options.pollMs ?? DEFAULT_POLL_MS;
  const stallMs = options.stallMs ?? DEFAULT_STALL_MS;
  const inFlight = new Map<string, AbortController>();
  const sleepers = new Set<() => void>();
  let stopping = false;
  let stopped = new AbortController();
  let loops: Promise<void>[] = [];
  let timers: NodeJS.Timeout[] = [];

  async function recover(): Promise<void> {
    const now = clock();
    const before = new Date(now.getTime() - stallMs).toISOString();
    for (const job of await repository.abandoned(before)) {
      const reason = `the process working on it stopped during attempt ${job.attempts} of ${job.max_attempts}`;
      // Only while still silent: another process may have recovered it already, or its worker woken up.
      const outcome = await repository.fail(job, reason, now.toISOString(), now.toISOString(), before);
      if (outcome === 'lost') continue;
      logger.warn({ jobId: job.id, type: job.type, outcome }, 'recovered a job whose worker died');
      if (outcome === 'failed') await giveUp(job, reason);
    }
  }

  // Idle workers wait here until an enqueue, the poll timer or a worker that found a job wakes one of them: one look
  // per poll for the whole process, however many workers it has. Once stopping, nobody would wake them.
  const sleep = () => (stopping ? Promise.resolve() : new Promise<void>((resolve) => sleepers.add(resolve)));
  const wakeOne = () => {
    const next = sleepers.values().next().value;
    if (!next) return;
    sleepers.delete(next);
    next();
  };

  async function giveUp(job: JobRow, reason: string): Promise<void> {
    const definition = jobs[job.type as JobType];
    await definition.giveUp(JSON.parse(job.payload) as never, reason).catch((error: unknown) => {
      logger.error({ err: error, jobId: job.id }, 'recording a failed job failed');
    });
  }

  async function work(job: JobRow): Promise<void> {
    const definition = jobs[job.type as JobType];
    const controller = new AbortController();
    inFlight.set(job.id, controller);
    try {
      await definition.handle(JSON.parse(job.payload) as never, { jobId: job.id, attempt: job.attempts, signal: controller.signal });
      if (controller.signal.aborted) {
        // Handed back unfinished at shutdown: queued again without spending the attempt.
        await db.updateTable('jobs').set({ status: 'queued', locked_by: null, attempts: job.attempts - 1 }).where('id', '=', job.id).execute();
      } else {
        await repository.finish(job.id, clock().toISOString());
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const now = clock();
      const retryAt = new Date(now.getTime() + RETRY_BASE_MS * 2 ** (job.attempts - 1)).toISOString();
      const outcome = await repository.fail(job, message, now.toISOString(), retryAt);
      logger.warn({ jobId: job.id, type: job.type, attempt: job.attempts, outcome, err: error }, 'job failed');
      if (outcome === 'failed') await giveUp(job, message);
    } finally {
      inFlight.delete(job.id);
    }
  }

  function newJob<T extends JobType>(type: T, payload: JobPayloads[T]): JobRow {
    const now = clock().toISOString();
    return {
      id: jobIdFor(type, payload),
      type,
      payload: JSON.stringify(payload),
      status: 'queued',
      attempts: 0,
      max_attempts: jobs[type].maxAttempts,
      run_after: now,
      locked_by: null,
      last_error: null,
      created_at: now,
      updated_at: now,
    };
  }

  async function loop(): Promise<void> {
    while (!stopping) {
      let job;
      try {
        job = await repository.claim(workerId, clock().toISOString());
      } catch (error) {
        logger.error({ err: error }, 'claiming a job failed');
        // The database is failing: try again in a while, not at every poll.
        await delay(CLAIM_RETRY_MS, undefined, { signal: stopped.signal }).catch(() => undefined);
        continue;
      }
      if (!job) {
        await sleep();
        continue;
      }
      // More may be waiting (a batch from another process): let an idle worker look at once rather than at its poll.
      wakeOne();
      if (job.attempts === 1) options.waited?.(job.type as JobType, (Date.parse(job.updated_at) - Date.parse(job.created_at)) / 1000);
      // A failure to record an outcome must not end the loop: the job's heartbeat stops and it is recovered.
      await work(job).catch((error: unknown) => logger.error({ err: error, jobId: job.id }, 'recording a job outcome failed'));
    }
  }

  return {
    async enqueue(type, payload) {
      const job = newJob(type, payload);
      await repository.insert(job);
      wakeOne();
      return job.id;
    },
    async requeue(type, payload) {
      const job = newJob(type, payload);
      if (await repository.live(job.id, type, job.payload)) return false;
      await repository.revive(job);
      wakeOne();
      return true;
    },
    async start() {
      await recover();
      stopping = false;
      stopped = new AbortController();
      timers = [
        setInterval(() => void repository.heartbeat([...inFlight.keys()], clock().toISOString()).catch(() => undefined), stallMs / 6),
        setInterval(() => void recover().catch((error: unknown) => logger.error({ err: error }, 'recovering jobs failed')), stallMs / 2),
        setInterval(wakeOne, pollMs),
      ];
      loops = Array.from({ length: options.concurrency }, () => loop());
    },
    async stop() {
      stopping = true;
      stopped.abort();
      for (const timer of timers) clearInterval(timer);
      for (const controller of inFlight.values()) controller.abort();
      for (const wake of [...sleepers]) wake();
      sleepers.clear();
      await Promise.all(loops);
    },
    async counts() {
      const counts = await repository.countByStatus();
      return { queued: counts.queued ?? 0, running: counts.running ?? 0, done: counts.done ?? 0, failed: counts.failed ?? 0 };
    },
  };
}
