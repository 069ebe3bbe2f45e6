import { availableParallelism } from 'node:os';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { buildDataExport, failDataExport } from '../accounts/export-my-data.js';
import { failAiAction, performAiAction } from '../ai-actions/perform-ai-action.js';
import type { AiClient } from '../ai/ai-client.js';
import { failRefinement, refineAssignment } from '../assignments/refine-assignment.js';
import type { Clock } from '../clock.js';
import type { Db } from '../db/repositories/types.js';
import { RenderPool } from '../render/index.js';
import { composeReport, failReport } from '../reports/compose-report.js';
import type { RunDeps, RunObserver } from '../runs/deps.js';
import { executeRun } from '../runs/execute-run.js';
import { failRun } from '../runs/fail-run.js';
import { RunEvents } from '../runs/run-events.js';
import { SandboxPool } from '../sandbox/index.js';
import type { BlobStore } from '../storage/blob-store.js';
import { bullmqQueue, type BullmqQueueOptions } from './bullmq-queue.js';
import { inProcessQueue, type InProcessQueueOptions } from './in-process-queue.js';
import type { JobQueue } from './queue.js';

/** The job system of one process: what jobs need, the queue that feeds them, and how to shut it down. */
export interface JobRuntime {
  deps: RunDeps;
  queue: JobQueue;
  /** Hands running jobs back and closes the progress channel. */
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
      },
      report: {
        maxAttempts: 2,
        handle: (payload) => composeReport(deps, payload.reportId),
        giveUp: (payload, reason) => failReport(deps, payload.reportId, `the report could not be composed: ${reason}`),
      },
      export: {
        maxAttempts: 2,
        handle: (payload) => buildDataExport(deps, payload.exportId),
        giveUp: (payload, reason) => failDataExport(deps, payload.exportId, `the export could not be built: ${reason}`),
      },
      ai: {
        maxAttempts: 3,
        handle: (payload, context) => performAiAction({ ...deps, ai }, payload.actionId, context.signal),
        giveUp: (payload, reason) => failAiAction(deps, payload.actionId, `the AI could not be reached: ${reason}`),
      },
      refine: {
        maxAttempts: 3,
        handle: (payload, context) => refineAssignment({ ...deps, ai }, payload.assignmentId, context.signal),
        giveUp: (payload, reason) => failRefinement(deps, payload.assignmentId, `The AI refinement did not run: ${reason}`),
      },
    },
  };
  const queue = options.bullmq ? bullmqQueue({ ...queueOptions, ...options.bullmq }) : inProcessQueue(queueOptions);
  return {
    deps,
    queue,
    close: async () => {
      await queue.stop();
      await deps.events.close();
    },
  };
}
