import { detectTasks } from '../analyze/detect-tasks.js';
import { DEFAULT_UPLOAD_LIMITS } from '../ingest/inspect-upload.js';
import { IngestError } from '../ingest/problem.js';
import { readDocument } from '../ingest/read-document.js';
import type { ReadUploadReply, ReadUploadRequest } from './read-upload.js';

/** Reads and analyses an upload in a pool thread, off the server's event loop; a refusal comes back as its problem. */
export async function handle(request: ReadUploadRequest): Promise<ReadUploadReply> {
  try {
    const model = await readDocument(request.path, request.originalName, { upload: { ...DEFAULT_UPLOAD_LIMITS, maxBytes: request.maxBytes } });
    return { ok: true, model, tasks: detectTasks(model) };
  } catch (error) {
    if (error instanceof IngestError) return { ok: false, problem: error.problem };
    return { ok: false, problem: null };
  }
}
