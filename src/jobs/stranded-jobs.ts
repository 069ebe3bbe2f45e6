import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import { repeatEvery, type Periodic } from '../periodic.js';
import { jobIdFor, type JobDefinitions, type JobQueue, type JobType } from './queue.js';

/** What the sweep needs: the queue to repair and the job definitions that know which rows wait for a job. */
export interface StrandedJobsDeps {
  queue: JobQueue;
  jobs: JobDefinitions;
  clock: Clock;
  logger: Logger;
}

/** How long a request waits for the queue to take a job before it leaves the job to the sweep. */
export const ENQUEUE_WAIT_MS = 2_000;

async function requeueWaiting<T extends JobType>(deps: StrandedJobsDeps, type: T, before: string): Promise<number> {
  const definition: JobDefinitions[T] = deps.jobs[type];
  let added = 0;
  for (const payload of (await definition.waiting?.(before)) ?? []) {
    if (!(await deps.queue.requeue(type, payload))) continue;
    added++;
    deps.logger.warn({ type, jobId: jobIdFor(type, payload) }, 'queued a job again for a row that waited without one');
  }
  return added;
}

/**
 * One pass of the stranded-job sweep: each row that has waited longer than `graceMs` for a job that is neither
 * waiting nor running (its enqueue was lost: Redis down at that moment, or the process gone between the row and the
 * job) gets its job again. Job ids come from the rows, so a late enqueue or another process's pass never makes a
 * second one. Returns how many jobs it added.
 */
export async function requeueStranded(deps: StrandedJobsDeps, graceMs: number): Promise<number> {
  const before = new Date(deps.clock().getTime() - graceMs).toISOString();
  let added = 0;
  for (const type of Object.keys(deps.jobs) as JobType[]) added += await requeueWaiting(deps, type, before);
  return added;
}

/** A pass at start-up and every half grace period after the last one ended, until `stop` (which waits for a pass). */
export function startStrandedSweep(deps: StrandedJobsDeps, graceMs: number): Periodic {
  return repeatEvery(graceMs / 2, () =>
    requeueStranded(deps, graceMs).catch((error: unknown) => deps.logger.error({ err: error }, 'the stranded-job sweep failed')),
  );
}

/**
 * The queue as producers see it. An enqueue that fails or takes longer than `waitMs` (Redis down) is logged and
 * left to the sweep: the row it was for stays waiting, is found there and gets its job once the queue answers, so
 * the request that made the row still succeeds. A late enqueue that lands after all is harmless: ids come from rows.
 */
export function sweepBackedQueue(queue: JobQueue, logger: Logger, waitMs: number = ENQUEUE_WAIT_MS): JobQueue {
  return {
    ...queue,
    async enqueue(type, payload) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the job queue did not answer within ${waitMs} ms`)), waitMs);
      });
      try {
        return await Promise.race([queue.enqueue(type, payload), timeout]);
      } catch (error) {
        const jobId = jobIdFor(type, payload);
        logger.warn({ err: error, type, jobId }, 'could not queue a job; the stranded-job sweep will queue it');
        return jobId;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
