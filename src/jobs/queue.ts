/** Every job type and its payload; producers and handlers agree through this map. */
export interface JobPayloads {
  run: { runId: string };
  report: { reportId: string };
  export: { exportId: string };
  /** An AI draft or review on one task. */
  ai: { actionId: string };
  /** The AI refinement of an upload's detected tasks. */
  refine: { assignmentId: string };
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
}

export type JobDefinitions = { [T in JobType]: JobDefinition<T> };

/** Jobs by state, the same four for every adapter (Prometheus reads them). */
export interface JobCounts {
  queued: number;
  running: number;
  done: number;
  failed: number;
}

/**
 * The queue port: the in-process adapter (job rows in the database, the embedded default) and the BullMQ adapter
 * (REDIS_URL) implement it; producers only ever call `enqueue`.
 */
export interface JobQueue {
  enqueue<T extends JobType>(type: T, payload: JobPayloads[T]): Promise<string>;
  /** Recovers work a crash left behind, then starts the workers. */
  start(): Promise<void>;
  /** Stops claiming, hands running jobs back to the queue, and waits for the workers. */
  stop(): Promise<void>;
  /** How many jobs are in each state. */
  counts(): Promise<JobCounts>;
}
