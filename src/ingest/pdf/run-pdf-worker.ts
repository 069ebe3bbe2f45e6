import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { refuse } from '../problem.js';
import type { PageText, WorkerReply, WorkerRequest } from './pdf-text.js';

/** Caps on PDF parsing (DESIGN.md §9): pages, wall time and the worker's heap. */
export interface PdfLimits {
  maxPages: number;
  timeoutMs: number;
  maxHeapMb: number;
}

export const DEFAULT_PDF_LIMITS: PdfLimits = { maxPages: 300, timeoutMs: 30_000, maxHeapMb: 512 };

// Worker threads do not inherit tsx's loader, so from src the worker boots through tsx's API explicitly.
const TS_BOOT = `const { workerData } = require('node:worker_threads');
import(workerData.tsx).then((api) => api.tsImport(workerData.file, workerData.file));`;

/** A worker running the compiled script in dist, or the TypeScript source through tsx when run from src. */
function startWorker(request: WorkerRequest, resourceLimits: ResourceLimits): Worker {
  const options = { resourceLimits, stdout: true, stderr: true };
  const compiled = fileURLToPath(new URL('./pdf-worker.js', import.meta.url));
  if (existsSync(compiled)) return new Worker(compiled, { ...options, workerData: request });
  const file = new URL('./pdf-worker.ts', import.meta.url).href;
  return new Worker(TS_BOOT, { ...options, eval: true, workerData: { ...request, file, tsx: import.meta.resolve('tsx/esm/api') } });
}

/** Extracts positioned text from a PDF in a worker thread with a heap limit, terminated after the time cap. */
export function extractPdfText(path: string, limits: PdfLimits = DEFAULT_PDF_LIMITS): Promise<{ pages: PageText[]; javascript: boolean }> {
  const worker = startWorker(
    { path, maxPages: limits.maxPages },
    { maxOldGenerationSizeMb: limits.maxHeapMb, maxYoungGenerationSizeMb: 64, stackSizeMb: 8 },
  );
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (action: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      action();
    };
    const timer = setTimeout(() => finish(() => reject(refuse.tooSlow(limits.timeoutMs / 1000))), limits.timeoutMs);
    worker.once('message', (reply: WorkerReply) =>
      finish(() => {
        if (reply.ok) return resolve({ pages: reply.pages, javascript: reply.javascript });
        if (reply.reason === 'too-many-pages') return reject(refuse.tooManyPages(reply.pages, limits.maxPages));
        if (reply.reason === 'no-pages') return reject(refuse.noPages());
        if (reply.reason === 'encrypted') return reject(refuse.encrypted());
        return reject(refuse.corrupt('PDF'));
      }),
    );
    worker.once('error', (error: Error & { code?: string }) =>
      finish(() => reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? refuse.tooComplex() : refuse.corrupt('PDF'))),
    );
    worker.once('exit', () => finish(() => reject(refuse.corrupt('PDF'))));
  });
}
