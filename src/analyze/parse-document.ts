import type { DocumentModel } from '../ingest/model.js';
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

/** A second opinion on the detected tasks (the AI refinement when a model is configured). */
export type TaskRefiner = (model: DocumentModel, tasks: Task[]) => Promise<{ tasks: Task[]; warnings: string[] }>;

/** Reads a document safely and detects its tasks, refined when a refiner is given. */
export async function parseDocument(path: string, originalName = path, refine?: TaskRefiner): Promise<ParseResult> {
  const model = await readDocument(path, originalName);
  const detected = detectTasks(model);
  if (!refine) return { format: model.format, pages: model.pages, warnings: model.warnings, tasks: detected };
  const refined = await refine(model, detected);
  return { format: model.format, pages: model.pages, warnings: [...model.warnings, ...refined.warnings], tasks: refined.tasks };
}
