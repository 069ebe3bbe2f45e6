import { awaitWorker, startWorker } from '../../workers/start-worker.js';
import { refuse } from '../problem.js';
import type { PageText, WorkerReply, WorkerRequest } from './pdf-text.js';

/** Caps on PDF parsing (DESIGN.md §9): pages, wall time and the worker's heap. */
export interface PdfLimits {
  maxPages: number;
  timeoutMs: number;
  maxHeapMb: number;
}

export const DEFAULT_PDF_LIMITS: PdfLimits = { maxPages: 300, timeoutMs: 30_000, maxHeapMb: 512 };

/** Extracts positioned text from a PDF in a worker thread with a heap limit, terminated after the time cap. */
export function extractPdfText(path: string, limits: PdfLimits = DEFAULT_PDF_LIMITS): Promise<{ pages: PageText[]; javascript: boolean }> {
  const request: WorkerRequest = { path, maxPages: limits.maxPages };
  const worker = startWorker(new URL('./pdf-worker.js', import.meta.url), request, {
    maxOldGenerationSizeMb: limits.maxHeapMb,
    maxYoungGenerationSizeMb: 64,
    stackSizeMb: 8,
  });
  return awaitWorker(worker, {
    timeoutMs: limits.timeoutMs,
    onReply: (reply: WorkerReply) => {
      if (reply.ok) return { pages: reply.pages, javascript: reply.javascript };
      if (reply.reason === 'too-many-pages') throw refuse.tooManyPages(reply.pages, limits.maxPages);
      if (reply.reason === 'no-pages') throw refuse.noPages();
      if (reply.reason === 'encrypted') throw refuse.encrypted();
      throw refuse.corrupt('PDF');
    },
    onTimeout: () => refuse.tooSlow(limits.timeoutMs / 1000),
    onError: (error) => (error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? refuse.tooComplex() : refuse.corrupt('PDF')),
  });
}
