import { inputFilesOf } from '../../../../assignments/task-rows.js';
import type { AssignmentRow, TaskRow } from '../../../../db/schema.js';
import type { AssignmentOut, AssignmentSummaryOut, TaskOut } from './schemas.js';

/** The public fields of a task. */
export function presentTask(row: TaskRow): TaskOut {
  return {
    id: row.id,
    position: row.position,
    label: row.label,
    question: row.question,
    kind: row.kind,
    language: row.language,
    code: row.code,
    stdin: row.stdin,
    expectedOutput: row.expected_output,
    inputFiles: inputFilesOf(row),
    wantsScreenshot: row.wants_screenshot === 1,
    theme: row.theme,
    anchor: row.anchor_block === null ? null : { block: row.anchor_block },
    origin: row.origin,
    codeDraft: row.code_draft === 1,
    stdinDraft: row.stdin_draft === 1,
    answer: row.answer,
    answerStatus: row.answer_status,
  };
}

function fields(row: AssignmentRow) {
  return {
    id: row.id,
    originalName: row.original_name,
    format: row.format,
    status: row.status,
    pages: row.pages,
    warnings: JSON.parse(row.warnings) as string[],
    sizeBytes: row.size_bytes,
    ai: { status: row.ai_status, detail: row.ai_detail },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** An assignment with its tasks. */
export function presentAssignment(row: AssignmentRow, tasks: TaskRow[]): AssignmentOut {
  return { ...fields(row), tasks: tasks.map(presentTask) };
}

/** An assignment in a list, with its task count. */
export function presentAssignmentSummary(row: AssignmentRow & { task_count: number }): AssignmentSummaryOut {
  return { ...fields(row), taskCount: row.task_count };
}

/** An opaque cursor for the next page of a newest-first list. */
export function encodeCursor(position: { createdAt: string; id: string }): string {
  return Buffer.from(JSON.stringify([position.createdAt, position.id])).toString('base64url');
}

/** The position a cursor names, or undefined when it is not one of ours. */
export function decodeCursor(cursor: string): { createdAt: string; id: string } | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && typeof value[0] === 'string' && typeof value[1] === 'string' && !Number.isNaN(Date.parse(value[0]))) {
      return { createdAt: value[0], id: value[1] };
    }
  } catch {
    return undefined;
  }
  return undefined;
}
