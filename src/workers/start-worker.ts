import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

// Worker threads do not inherit tsx's loader, so from src the worker registers it first (the pool's threads then
// import further TypeScript modules through it).
const TS_BOOT = `const { workerData } = require('node:worker_threads');
import(workerData.tsx).then((api) => { api.register(); return import(workerData.file); });`;

/** The module to load for `script` (a URL ending in `.js`): the compiled file when it exists, else its `.ts` source. */
export function workerModule(script: URL): string {
  return existsSync(fileURLToPath(script)) ? script.href : script.href.replace(/\.js$/, '.ts');
}

/**
 * Starts a worker thread on `script` (a module URL ending in `.js`): the compiled file when it exists (dist), else
 * its TypeScript source through tsx (tests and `tsx` runs). `data` arrives as `workerData`.
 */
export function startWorker(script: URL, data: object, resourceLimits: ResourceLimits): Worker {
  const options = { resourceLimits, stdout: true, stderr: true };
  const file = workerModule(script);
  if (file === script.href) return new Worker(fileURLToPath(script), { ...options, workerData: data });
  return new Worker(TS_BOOT, { ...options, eval: true, workerData: { ...data, file, tsx: import.meta.resolve('tsx/esm/api') } });
}

/** How to turn a worker's first message, its failure or its timeout into a result. */
export interface WorkerOutcome<Reply, Result> {
  timeoutMs: number;
  onReply: (reply: Reply) => Result;
  onTimeout: () => Error;
  onError: (error: Error & { code?: string }) => Error;
}

/** Waits for a worker's one reply under a time cap, then terminates the worker whatever happened. */
export function awaitWorker<Reply, Result>(worker: Worker, outcome: WorkerOutcome<Reply, Result>): Promise<Result> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (action: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      action();
    };
    const timer = setTimeout(() => finish(() => reject(outcome.onTimeout())), outcome.timeoutMs);
    worker.once('message', (reply: Reply) =>
      finish(() => {
        try {
          resolve(outcome.onReply(reply));
        } catch (error) {
          reject(error);
        }
      }),
    );
    worker.once('error', (error: Error & { code?: string }) => finish(() => reject(outcome.onError(error))));
    worker.once('exit', () => finish(() => reject(outcome.onError(new Error('worker exited without a reply')))));
  });
}
