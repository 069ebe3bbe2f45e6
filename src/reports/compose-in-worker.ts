import type { ReportOptions, ReportTask, TaskInserts } from '../report/index.js';
import { awaitWorker, startWorker } from '../workers/start-worker.js';

export interface ComposeRequest {
  /** The original DOCX; null for a PDF upload, whose report is built from the tasks. */
  original: Uint8Array | null;
  title: string;
  tasks: ReportTask[];
  inserts: TaskInserts[];
  options: ReportOptions;
}

export type ComposeReply = { ok: true; docx: Uint8Array } | { ok: false; message: string };

const TIMEOUT_MS = 120_000;

/** Composes the report DOCX in a worker thread (zip and XML work is CPU-bound); rejects with the composer's reason. */
export function composeInWorker(request: ComposeRequest): Promise<Buffer> {
  const worker = startWorker(new URL('./compose-worker.js', import.meta.url), request, { maxOldGenerationSizeMb: 1024, stackSizeMb: 8 });
  return awaitWorker(worker, {
    timeoutMs: TIMEOUT_MS,
    onReply: (reply: ComposeReply) => {
      if (reply.ok) return Buffer.from(reply.docx);
      throw new Error(`composing failed: ${reply.message}`);
    },
    onTimeout: () => new Error('composing took longer than two minutes'),
    onError: (error) => new Error(`composing failed: ${error.message}`),
  });
}
