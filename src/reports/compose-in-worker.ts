import type { ReportOptions, ReportTask, TaskInserts } from '../report/index.js';
import { sharedPool } from '../workers/shared-pool.js';

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

/** Composes the report DOCX in a pool thread (zip and XML work is CPU-bound); rejects with the composer's reason. */
export async function composeInWorker(request: ComposeRequest): Promise<Buffer> {
  let reply: ComposeReply;
  try {
    reply = await sharedPool().run<ComposeReply>(new URL('./compose-worker.js', import.meta.url), request, { timeoutMs: TIMEOUT_MS });
  } catch (error) {
    throw new Error(`composing failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (reply.ok) return Buffer.from(reply.docx);
  throw new Error(`composing failed: ${reply.message}`);
}
