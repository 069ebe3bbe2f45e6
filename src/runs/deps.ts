import type { Logger } from 'pino';
import type { Clock } from '../clock.js';
import type { Db } from '../db/repositories/types.js';
import type { RenderPool } from '../render/index.js';
import type { SandboxPool } from '../sandbox/index.js';
import type { BlobStore } from '../storage/blob-store.js';
import type { RunEvents } from './run-events.js';

/** Where execution reports its timings (Prometheus in the server). */
export interface RunObserver {
  sandboxFinished(language: string, status: string, seconds: number): void;
  renderFinished(seconds: number): void;
  /** How long a job waited from being enqueued to its first start. */
  jobWaited?(type: string, seconds: number): void;
}

/** What executing a run needs: state, bytes, the sandbox, the renderer and the progress channel. */
export interface RunDeps {
  db: Db;
  blobs: BlobStore;
  clock: Clock;
  sandbox: SandboxPool;
  render: RenderPool;
  events: RunEvents;
  logger: Logger;
  observer?: RunObserver;
  /** CPU niceness of the programs and conversions the jobs start. */
  niceness?: number;
}
