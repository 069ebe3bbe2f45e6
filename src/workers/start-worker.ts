import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

// Worker threads do not inherit tsx's loader, so from src the worker boots through tsx's API explicitly.
const TS_BOOT = `const { workerData } = require('node:worker_threads');
import(workerData.tsx).then((api) => api.tsImport(workerData.file, workerData.file));`;

/**
 * Starts a worker thread on `script` (a module URL ending in `.js`): the compiled file when it exists (dist), else
 * its TypeScript source through tsx (tests and `tsx` runs). `data` arrives as `workerData`.
 */
export function startWorker(script: URL, data: object, resourceLimits: ResourceLimits): Worker {
  const options = { resourceLimits, stdout: true, stderr: true };
  const compiled = fileURLToPath(script);
  if (existsSync(compiled)) return new Worker(compiled, { ...options, workerData: data });
  const file = new URL(script.href.replace(/\.js$/, '.ts')).href;
  return new Worker(TS_BOOT, { ...options, eval: true, workerData: { ...data, file, tsx: import.meta.resolve('tsx/esm/api') } });
}
