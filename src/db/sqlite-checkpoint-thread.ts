// The thread of sqlite-checkpointer.ts: its own connection to the database file, checkpointing the WAL on a timer.
import SqliteDatabase from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

/** What the thread is started with. */
export interface CheckpointThreadData {
  databaseFile: string;
  intervalMs: number;
}

const { databaseFile, intervalMs } = workerData as CheckpointThreadData;
const sqlite = new SqliteDatabase(databaseFile, { fileMustExist: true });
sqlite.pragma('busy_timeout = 1000');

// PASSIVE copies what no reader still needs and waits for nobody, as SQLite's own automatic checkpoints do.
const checkpoint = () => sqlite.pragma('wal_checkpoint(PASSIVE)');
const timer = setInterval(checkpoint, intervalMs);
parentPort?.postMessage('ready');

parentPort?.on('message', () => {
  clearInterval(timer);
  checkpoint();
  sqlite.close();
  parentPort?.close();
});
