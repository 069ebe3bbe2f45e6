import type { TaskRow } from '../db/schema.js';

/** What a student may change on a task (all optional in an edit). */
export interface TaskFields {
  label: string;
  question: string;
  kind: 'code' | 'theory' | 'other';
  language: 'python' | 'c' | 'cpp' | 'java' | 'javascript' | 'html' | '';
  code: string;
  stdin: string;
  expectedOutput: string;
  inputFiles: Array<{ name: string; content: string }>;
  wantsScreenshot: boolean;
  /** Whether runs make screenshots of the task unless a run says otherwise. */
  screenshot: boolean;
  theme: string | null;
  /** A theory answer the student wrote or edited (theirs, so accepted). */
  answer: string;
}

/** The column values for the given task fields. */
export function taskColumns(fields: Partial<TaskFields>): Partial<TaskRow> {
  const columns: Partial<TaskRow> = {};
  if (fields.label !== undefined) columns.label = fields.label;
  if (fields.question !== undefined) columns.question = fields.question;
  if (fields.kind !== undefined) columns.kind = fields.kind;
  if (fields.language !== undefined) columns.language = fields.language;
  if (fields.code !== undefined) columns.code = fields.code;
  if (fields.stdin !== undefined) columns.stdin = fields.stdin;
  if (fields.expectedOutput !== undefined) columns.expected_output = fields.expectedOutput;
  if (fields.inputFiles !== undefined) columns.input_files = JSON.stringify(fields.inputFiles);
  if (fields.wantsScreenshot !== undefined) columns.wants_screenshot = fields.wantsScreenshot ? 1 : 0;
  if (fields.screenshot !== undefined) columns.screenshot = fields.screenshot ? 1 : 0;
  if (fields.theme !== undefined) columns.theme = fields.theme;
  if (fields.answer !== undefined) columns.answer = fields.answer;
  return columns;
}

/** Fields the AI refinement does not decide: changing only these leaves a pending refinement to apply. */
const PRESENTATION_FIELDS = new Set<keyof TaskFields>(['screenshot', 'theme', 'answer']);

/** Whether an edit changes what task detection (and so the AI refinement) decides. */
export function changesDetection(fields: Partial<TaskFields>, moved: boolean): boolean {
  return moved || (Object.keys(fields) as Array<keyof TaskFields>).some((field) => fields[field] !== undefined && !PRESENTATION_FIELDS.has(field));
}

/** Parts of a task that may hold an AI draft for the student to accept. */
export type DraftField = 'code' | 'stdin' | 'answer';

/** How an edit changes the draft marks: a draft the student accepts or changes is theirs from then on. */
export function draftColumns(stored: TaskRow, changes: Partial<TaskFields>, accept: readonly DraftField[]): Partial<TaskRow> {
  const columns: Partial<TaskRow> = {};
  const changed = (field: 'code' | 'stdin' | 'answer') => changes[field] !== undefined && changes[field] !== stored[field];
  if (accept.includes('code') || changed('code')) columns.code_draft = 0;
  if (accept.includes('stdin') || changed('stdin')) columns.stdin_draft = 0;
  const answer = changes.answer ?? stored.answer;
  if (changed('answer') || (accept.includes('answer') && stored.answer_status === 'draft')) {
    columns.answer_status = answer.trim() === '' ? 'none' : 'accepted';
  }
  return columns;
}
