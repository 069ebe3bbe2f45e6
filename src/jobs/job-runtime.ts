import { availableParallelism } from 'node:os';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { buildDataExport, failDataExport } from '../accounts/export-my-data.js';
import { failAiAction, performAiAction } from '../ai-actions/perform-ai-action.js';
import type { AiClient } from '../ai/ai-client.js';
import { failRefinement, refineAssignment } from '../assignments/refine-assignment.js';
import type { Clock } from '../clock.js';
import type { Periodic } from '../periodic.js';
import type { Db } from '../db/repositories/types.js';
import { waitingRowsRepository } from '../db/repositories/waiting-rows.repository.js';
import { RenderPool } from '../render/index.js';
import { composeReport, failReport } from '../reports/compose-report.js';
import type { RunDeps, RunObserver } from '../runs/deps.js';
import { executeRun } from '../runs/execute-run.js';
import { failRun } from '../runs/fail-run.js';
import { RunEvents } from '../runs/run-events.js';
import { SandboxPool } from '../sandbox/index.js';
import type { BlobStore } from '../storage/blob-store.js';
import { bullmqQueue, type BullmqQueueOptions } from './bullmq-queue.js';
import { DEFAULT_STALL_MS, inProcessQueue, type InProcessQueueOptions } from './in-process-queue.js';
import type { JobQueue } from './queue.js';
import { requeueStranded, startStrandedSweep, sweepBackedQueue } from './stranded-jobs.js';

/** The job system of one process: what jobs need, the queue that feeds them, and how to start and shut it down. */
export interface JobRuntime {
  deps: RunDeps;
  /** Producers' view: an enqueue the queue cannot take in time is left to the stranded-job sweep. */
  queue: JobQueue;
  /** Works on jobs, and sweeps for rows left waiting without one. */
  start(): Promise<void>;
  /** One pass of that sweep now; how many jobs it queued again. */
  requeueStranded(): Promise<number>;
  /** Stops the sweep, hands running jobs back and closes the progress channel. */
  close(): Promise<void>;
}

/** Wires the run, report, export and AI jobs to the queue; `workers` jobs at a time, programs at most one per core. */
export function createJobRuntime(options: {
  db: Db;
  blobs: BlobStore;
  clock: Clock;
  logger: Logger;
  workers: number;
  /** CPU niceness of sandboxed programs and LibreOffice. */
  niceness: number;
  observer?: RunObserver;
  /** Progress events reach every process through Redis pub/sub when given. */
  redis?: Redis;
  /** Silence after which a running job is taken to be abandoned (LABMATE_JOB_STALL_MS). */
  stallMs?: number;
  /** Jobs on BullMQ (when config.queue says so); job rows in the database otherwise. */
  bullmq?: Pick<BullmqQueueOptions, 'redisUrl' | 'prefix'>;
  /** The AI model for refinement and AI actions; null or absent when none is configured. */
  ai?: AiClient | null;
}): JobRuntime {
  const ai = options.ai ?? null;
  const waiting = waitingRowsRepository(options.db);
  const deps: RunDeps = {
    db: options.db,
    blobs: options.blobs,
    clock: options.clock,
    logger: options.logger,
    events: new RunEvents(options.db, options.clock, options.redis),
    sandbox: new SandboxPool(Math.max(1, Math.min(options.workers, availableParallelism())), { niceness: options.niceness }),
    niceness: options.niceness,
    render: new RenderPool(),
    ...(options.observer ? { observer: options.observer } : {}),
  };
  const queueOptions: InProcessQueueOptions = {
    db: options.db,
    clock: options.clock,
    logger: options.logger,
    concurrency: options.workers,
    ...(options.stallMs ? { stallMs: options.stallMs } : {}),
    ...(options.observer?.jobWaited ? { waited: options.observer.jobWaited } : {}),
    jobs: {
      run: {
        maxAttempts: 3,
        handle: (payload, context) => executeRun(deps, payload.runId, context.signal),
        giveUp: (payload, reason) => failRun(deps, payload.runId, `the run could not be finished: ${reason}`),
        waiting: async (before) => (await waiting.runs(before)).map((runId) => ({ runId })),
      },
      report: {
        maxAttempts: 2,
        handle: (payload) => composeReport(deps, payload.reportId),
        giveUp: (payload, reason) => failReport(deps, payload.reportId, `the report could not be composed: ${reason}`),
        waiting: async (before) => (await waiting.reports(before)).map((reportId) => ({ reportId })),
      },
      export: {
        maxAttempts: 2,
        handle: (payload) => buildDataExport(deps, payload.exportId),
        giveUp: (payload, reason) => failDataExport(deps, payload.exportId, `the export could not be built: ${reason}`),
        waiting: async (before) => (await waiting.exports(before)).map((exportId) => ({ exportId })),
      },
      ai: {
        maxAttempts: 3,
        handle: (payload, context) => performAiAction({ ...deps, ai }, payload.actionId, context.signal),
        giveUp: (payload, reason) => failAiAction(deps, payload.actionId, `the AI could not be reached: ${reason}`),
        waiting: async (before) => (await waiting.aiActions(before)).map((actionId) => ({ actionId })),
      },
      refine: {
        maxAttempts: 3,
        handle: (payload, context) => refineAssignment({ ...deps, ai }, payload, context.signal),
        giveUp: (payload, reason) => failRefinement(deps, payload.assignmentId, `The AI refinement did not run: ${reason}`),
        waiting: async (before) => (await waiting.refinements(before)).map(({ id, requestedAt }) => ({ assignmentId: id, requestedAt })),
      },
    },
  };
  const queue = options.bullmq ? bullmqQueue({ ...queueOptions, ...options.bullmq }) : inProcessQueue(queueOptions);
  const sweepDeps = { queue, jobs: queueOptions.jobs, clock: options.clock, logger: options.logger };
  // A row waits without a job this long (a lost enqueue) before it is queued again, as long as a silent job.
  const graceMs = options.stallMs ?? DEFAULT_STALL_MS;
  let sweep: Periodic | undefined;
  return {
    deps,
    queue: sweepBackedQueue(queue, options.logger),
    start: async () => {
      await queue.start();
      sweep ??= startStrandedSweep(sweepDeps, graceMs);
    },
    requeueStranded: () => requeueStranded(sweepDeps, graceMs),
    close: async () => {
      await sweep?.stop();
      sweep = undefined;
      await queue.stop();
      await deps.events.close();
    },
  };
}
