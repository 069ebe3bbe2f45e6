import { detectTasks } from '../analyze/detect-tasks.js';
import type { Task } from '../analyze/task.js';
import type { DocumentModel } from '../ingest/model.js';
import { readDocument } from '../ingest/read-document.js';
import { DEFAULT_UPLOAD_LIMITS } from '../ingest/inspect-upload.js';
import { refusalOf } from './ingest-problem.js';

/** Inspects and reads an uploaded file, then detects its tasks; a refused document throws its 4xx problem. */
export async function readUpload(path: string, originalName: string, maxBytes: number): Promise<{ model: DocumentModel; tasks: Task[] }> {
  try {
    const model = await readDocument(path, originalName, { upload: { ...DEFAULT_UPLOAD_LIMITS, maxBytes } });
    return { model, tasks: detectTasks(model) };
  } catch (error) {
    throw refusalOf(error);
  }
}
