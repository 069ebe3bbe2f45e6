import { randomUUID } from 'node:crypto';
import type { Language, Task } from '../analyze/task.js';
import type { TaskRow } from '../db/schema.js';

/** The AI columns of a task nobody has drafted anything for. */
export const NO_DRAFTS = { code_draft: 0, stdin_draft: 0, answer: '', answer_status: 'none' } as const satisfies Partial<TaskRow>;

/** A stored row for a detected task, at `position` in the assignment. */
export function taskRowFromDetected(task: Task, assignmentId: string, position: number, now: string): TaskRow {
  return {
    id: randomUUID(),
    assignment_id: assignmentId,
    position,
    label: task.label,
    question: task.question,
    kind: task.kind,
    language: task.language,
    code: task.code,
    stdin: task.stdin,
    expected_output: task.expectedOutput,
    input_files: JSON.stringify(task.inputFiles),
    wants_screenshot: task.wantsScreenshot ? 1 : 0,
    screenshot: 1,
    anchor_block: task.anchor.block,
    theme: null,
    origin: 'parsed',
    ...NO_DRAFTS,
    created_at: now,
    updated_at: now,
  };
}

/** A stored task's input files. */
export function inputFilesOf(row: Pick<TaskRow, 'input_files'>): Task['inputFiles'] {
  return JSON.parse(row.input_files) as Task['inputFiles'];
}

/** A stored row as the detector's `Task` (a task the student added, with no anchor, sits at block 0). */
export function taskFromRow(row: TaskRow): Task {
  return {
    id: row.id,
    label: row.label,
    question: row.question,
    kind: row.kind,
    language: row.language as Language,
    code: row.code,
    stdin: row.stdin,
    expectedOutput: row.expected_output,
    inputFiles: inputFilesOf(row),
    wantsScreenshot: row.wants_screenshot === 1,
    anchor: { block: row.anchor_block ?? 0 },
  };
}
