import { z } from 'zod';
import { reportSchema } from '../reports/schemas.js';

export const languageSchema = z.enum(['python', 'c', 'cpp', 'java', 'javascript', 'html', '']);
const fileName = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[\w][\w .-]*$/, 'must be a plain file name (letters, digits, space, dot, dash, underscore)');

/** Fields a student may set on a task; every one bounded. */
export const taskFieldsSchema = z.object({
  label: z.string().max(100),
  question: z.string().max(20_000),
  kind: z.enum(['code', 'theory', 'other']),
  language: languageSchema,
  code: z.string().max(200_000),
  stdin: z.string().max(100_000),
  expectedOutput: z.string().max(100_000),
  inputFiles: z.array(z.object({ name: fileName, content: z.string().max(1_000_000) })).max(10),
  wantsScreenshot: z.boolean(),
  screenshot: z.boolean(),
  theme: z.enum(['idle', 'vscode-dark', 'vscode-light', 'notepad', 'codeblocks', 'terminal']).nullable(),
});

export const editTaskBody = taskFieldsSchema.partial().extend({
  position: z.number().int().min(0).max(10_000).optional(),
  answer: z.string().max(50_000).optional(),
  accept: z
    .array(z.enum(['code', 'stdin', 'answer']))
    .max(3)
    .optional()
    .describe('AI drafts the student accepts as their own (editing a drafted field accepts it too)'),
});
export const addTaskBody = taskFieldsSchema.partial().extend({
  question: z.string().min(1).max(20_000),
  position: z.number().int().min(0).max(10_000).optional(),
});

export const assignmentParams = z.object({ id: z.uuid() });
export const taskParams = z.object({ id: z.uuid(), taskId: z.uuid() });
export const pageParams = z.object({ id: z.uuid(), page: z.coerce.number().int().min(1).max(300) });

export const taskSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  label: z.string(),
  question: z.string(),
  kind: z.enum(['code', 'theory', 'other']),
  language: z.string(),
  code: z.string(),
  stdin: z.string(),
  expectedOutput: z.string(),
  inputFiles: z.array(z.object({ name: z.string(), content: z.string() })),
  wantsScreenshot: z.boolean().describe('the document asks for a screenshot of this task'),
  screenshot: z.boolean().describe("runs make screenshots of this task unless a run's options say otherwise (on by default)"),
  theme: z.string().nullable(),
  anchor: z.object({ block: z.number().int() }).nullable(),
  origin: z.enum(['parsed', 'user']),
  codeDraft: z.boolean().describe('the code is an AI draft not yet accepted or edited'),
  stdinDraft: z.boolean().describe('the input is an AI suggestion not yet accepted or edited'),
  answer: z.string(),
  answerStatus: z.enum(['none', 'draft', 'accepted']).describe('only an accepted answer goes into reports'),
});

const assignmentFields = {
  id: z.string(),
  originalName: z.string(),
  format: z.enum(['docx', 'pdf']),
  status: z.string(),
  pages: z.number().int().nullable(),
  warnings: z.array(z.string()),
  sizeBytes: z.number().int(),
  ai: z.object({
    status: z.enum(['off', 'pending', 'done', 'skipped', 'failed']).describe('the AI refinement of the detected tasks'),
    detail: z.string().nullable(),
  }),
  createdAt: z.string(),
  updatedAt: z.string(),
};
export const assignmentSchema = z.object({ ...assignmentFields, tasks: z.array(taskSchema) });
export const assignmentSummarySchema = z.object({
  ...assignmentFields,
  taskCount: z.number().int(),
  lastReport: reportSchema.nullable().describe('the newest report composed successfully, with its download links'),
});
export const assignmentListSchema = z.object({ items: z.array(assignmentSummarySchema), nextCursor: z.string().nullable() });
export const taskListSchema = z.object({ items: z.array(taskSchema) });
export const pageListSchema = z.object({
  pages: z
    .array(
      z.object({
        page: z.number().int().describe('1-based; its image is at …/pages/{page}'),
        firstBlock: z.number().int().nullable().describe('a task whose anchor block is in [firstBlock, lastBlock] is on this page'),
        lastBlock: z.number().int().nullable(),
      }),
    )
    .describe('empty for a DOCX, which has no fixed pages'),
});

export type TaskOut = z.infer<typeof taskSchema>;
export type AssignmentOut = z.infer<typeof assignmentSchema>;
export type AssignmentSummaryOut = z.infer<typeof assignmentSummarySchema>;
