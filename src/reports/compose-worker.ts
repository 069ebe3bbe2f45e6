import { composeDocx, composeFromTasks } from '../report/index.js';
import type { ComposeReply, ComposeRequest } from './compose-in-worker.js';

/** Builds the report DOCX in a pool thread, off the server's event loop. */
export async function handle(request: ComposeRequest): Promise<ComposeReply> {
  try {
    const docx = request.original
      ? await composeDocx(request.original, request.inserts, request.options)
      : await composeFromTasks(request.title, request.tasks, request.inserts, request.options);
    return { ok: true, docx };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
