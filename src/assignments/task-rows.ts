import { randomUUID } from 'node:crypto';
import type { Task } from '../analyze/task.js';
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
    anchor_block: task.anchor.block,
    theme: null,
    origin: 'parsed',
    ...NO_DRAFTS,
    created_at: now,
    updated_at: now,
  };
}
