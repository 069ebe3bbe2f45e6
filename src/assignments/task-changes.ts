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
  theme: string | null;
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
  if (fields.theme !== undefined) columns.theme = fields.theme;
  return columns;
}
