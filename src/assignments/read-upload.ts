import type { Task } from '../analyze/task.js';
import { AppError, errors } from '../errors.js';
import type { DocumentModel } from '../ingest/model.js';
import type { Problem } from '../ingest/problem.js';
import { sharedPool } from '../workers/shared-pool.js';
import { ThreadCrashError, ThreadTaskTimeoutError } from '../workers/thread-pool.js';

export interface ReadUploadRequest {
  path: string;
  originalName: string;
  maxBytes: number;
}

export type ReadUploadReply = { ok: true; model: DocumentModel; tasks: Task[] } | { ok: false; problem: Problem | null };

// Reading a large DOCX and detecting its tasks takes up to a second of CPU: never on the server's event loop.
const TIMEOUT_MS = 60_000;

function refusal(problem: Problem): AppError {
  const slug = problem.type.split('/').pop() ?? 'document-refused';
  return new AppError(problem.status, slug, problem.title, problem.detail);
}

/** Inspects and reads an uploaded file, then detects its tasks, in a pool thread; a refused document throws its 4xx problem. */
export async function readUpload(path: string, originalName: string, maxBytes: number): Promise<{ model: DocumentModel; tasks: Task[] }> {
  const request: ReadUploadRequest = { path, originalName, maxBytes };
  let reply: ReadUploadReply;
  try {
    reply = await sharedPool().run<ReadUploadReply>(new URL('./read-upload-worker.js', import.meta.url), request, { timeoutMs: TIMEOUT_MS });
  } catch (error) {
    const exhausted = error instanceof ThreadTaskTimeoutError || (error instanceof ThreadCrashError && error.code === 'ERR_WORKER_OUT_OF_MEMORY');
    if (!exhausted) throw errors.internal();
    throw new AppError(422, 'document-too-complex', 'Document too complex', 'Reading the document needed more time or memory than allowed. Split it into smaller documents and upload them one by one.');
  }
  if (reply.ok) return { model: reply.model, tasks: reply.tasks };
  throw reply.problem ? refusal(reply.problem) : errors.internal();
}
