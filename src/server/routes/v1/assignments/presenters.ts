import { inputFilesOf } from '../../../../assignments/task-rows.js';
import type { AssignmentRow, ReportRow, TaskRow } from '../../../../db/schema.js';
import { presentReport } from '../reports/presenters.js';
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
    screenshot: row.screenshot === 1,
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

/** An assignment in a list, with its task count and its newest successful report. */
export function presentAssignmentSummary(row: AssignmentRow & { task_count: number }, lastReport: ReportRow | undefined): AssignmentSummaryOut {
  return { ...fields(row), taskCount: row.task_count, lastReport: lastReport ? presentReport(lastReport) : null };
}
