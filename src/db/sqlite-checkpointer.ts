import type SqliteDatabase from 'better-sqlite3';
import { startWorker } from '../workers/start-worker.js';
import type { CheckpointThreadData } from './sqlite-checkpoint-thread.js';

const INTERVAL_MS = 1_000;
// SQLite's default: checkpoint once the WAL holds this many pages.
const AUTOCHECKPOINT_PAGES = 1_000;

/** Background checkpoints of one database: whether they run, and how to end them after a last one. */
export interface Checkpointer {
  /** Resolves true once the thread checkpoints (and the connection has stopped), false if it could not start. */
  readonly started: Promise<boolean>;
  stop(): Promise<void>;
}

/**
 * Moves WAL checkpoints off the caller's thread. With SQLite's automatic checkpoints, the commit that fills the WAL
 * copies it back into the database file and waits for the disk, stalling a server's event loop for milliseconds to
 * tens of them; here a thread with its own connection checkpoints every second instead. Until that thread runs, and
 * if it fails or dies, `connection` checkpoints by itself, so the WAL never grows without bound.
 */
export function checkpointInBackground(connection: SqliteDatabase.Database, file: string): Checkpointer {
  const data: CheckpointThreadData = { databaseFile: file, intervalMs: INTERVAL_MS };
  const thread = startWorker(new URL('./sqlite-checkpoint-thread.js', import.meta.url), data, { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 8 });
  thread.unref();
  let running = true;
  let stopping = false;
  // A thread that fails emits `error` and then `exit`, which hands the checkpoints back.
  thread.on('error', () => undefined);
  const exited = new Promise<void>((resolve) => {
    thread.once('exit', () => {
      running = false;
      if (!stopping && connection.open) connection.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
      resolve();
    });
  });
  const started = new Promise<boolean>((resolve) => {
    thread.once('message', () => {
      if (connection.open && !stopping) connection.pragma('wal_autocheckpoint = 0');
      resolve(true);
    });
    void exited.then(() => resolve(false));
  });
  return {
    started,
    async stop() {
      stopping = true;
      if (!running) return;
      // Held open until the last checkpoint is done, or a process at the end of its work would exit first.
      thread.ref();
      thread.postMessage('stop');
      await exited;
    },
  };
}
