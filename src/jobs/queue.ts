/** Every job type and its payload; producers and handlers agree through this map. */
export interface JobPayloads {
  run: { runId: string };
  report: { reportId: string };
  export: { exportId: string };
  /** An AI draft or review on one task. */
  ai: { actionId: string };
  /**
   * The AI refinement of an upload's detected tasks. `requestedAt` is when it was asked for (the upload or a reparse,
   * the assignment's `ai_requested_at`): each request is its own job, and an older one stands down. Jobs queued
   * before it existed lack it.
   */
  refine: { assignmentId: string; requestedAt?: string };
}

export type JobType = keyof JobPayloads;

/** What a handler learns about the job it runs. */
export interface JobContext {
  jobId: string;
  attempt: number;
  /** Aborted when the worker shuts down: stop early, the job is handed back and resumed later. */
  signal: AbortSignal;
}

/** Runs one job; throwing marks the attempt failed (retried with back-off until the last attempt). */
export type JobHandler<T extends JobType> = (payload: JobPayloads[T], context: JobContext) => Promise<void>;

/** Called once when a job fails for good, so its owner (a run) can record why. */
export type GiveUpHandler<T extends JobType> = (payload: JobPayloads[T], reason: string) => Promise<void>;

export interface JobDefinition<T extends JobType> {
  handle: JobHandler<T>;
  giveUp: GiveUpHandler<T>;
  maxAttempts: number;
  /**
   * The payloads of rows that have waited for this job since before `before` (a run still queued, a refinement still
   * pending): the stranded-job sweep queues each again unless its job is waiting or running.
   */
  waiting?: (before: string) => Promise<Array<JobPayloads[T]>>;
}

export type JobDefinitions = { [T in JobType]: JobDefinition<T> };

/** Jobs by state, the same four for every adapter (Prometheus reads them). */
export interface JobCounts {
  queued: number;
  running: number;
  done: number;
  failed: number;
}

const JOB_KEYS: { [T in JobType]: (payload: JobPayloads[T]) => string } = {
  run: (payload) => payload.runId,
  report: (payload) => payload.reportId,
  export: (payload) => payload.exportId,
  ai: (payload) => payload.actionId,
  refine: (payload) => (payload.requestedAt ? `${payload.assignmentId}-${Date.parse(payload.requestedAt)}` : payload.assignmentId),
};

/**
 * The id of a payload's job, derived from the row it is for (`run-<runId>`, …): one job per row, so adding it again
 * (a retried request, the sweep, a late enqueue) finds the one there is. No colon, which BullMQ reserves.
 */
export function jobIdFor<T extends JobType>(type: T, payload: JobPayloads[T]): string {
  const key = JOB_KEYS[type] as (payload: JobPayloads[T]) => string;
  return `${type}-${key(payload)}`;
}

/**
 * The queue port: the in-process adapter (job rows in the database, the embedded default) and the BullMQ adapter
 * (REDIS_URL) implement it; producers only ever call `enqueue`.
 */
export interface JobQueue {
  /** Adds the job under `jobIdFor(type, payload)`; when a job with that id exists, in any state, changes nothing. */
  enqueue<T extends JobType>(type: T, payload: JobPayloads[T]): Promise<string>;
  /**
   * The sweep's repair for a row that waits with no job: adds the job unless it is waiting, delayed or running; a
   * finished one (its outcome lost, as when recording it failed) is replaced. True when it added one.
   */
  requeue<T extends JobType>(type: T, payload: JobPayloads[T]): Promise<boolean>;
  /** Recovers work a crash left behind, then starts the workers. */
  start(): Promise<void>;
  /** Stops claiming, hands running jobs back to the queue, and waits for the workers. */
  stop(): Promise<void>;
  /** How many jobs are in each state. */
  counts(): Promise<JobCounts>;
}
