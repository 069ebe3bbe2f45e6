import { readDocument } from '../ingest/read-document.js';
import { detectTasks } from './detect-tasks.js';
import type { Task } from './task.js';

/** The result of `labmate parse` (DESIGN.md §3). */
export interface ParseResult {
  format: 'docx' | 'pdf';
  pages: number | null;
  warnings: string[];
  tasks: Task[];
}

/** Reads a document safely and detects its tasks. */
export async function parseDocument(path: string, originalName = path): Promise<ParseResult> {
  const model = await readDocument(path, originalName);
  const tasks = detectTasks(model);
  return { format: model.format, pages: model.pages, warnings: model.warnings, tasks };
}
