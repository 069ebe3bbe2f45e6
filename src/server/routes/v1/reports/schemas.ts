import { z } from 'zod';

export const reportBody = z.object({
  order: z.array(z.uuid()).max(500).default([]),
  removed: z.array(z.uuid()).max(5000).default([]),
  placement: z.enum(['below', 'end']).default('below'),
  pdf: z.boolean().default(true),
  includeFailed: z.array(z.uuid()).max(500).default([]),
  fileName: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(150, 'must be at most 150 characters')
    .regex(/^[^\u0000-\u001f\u007f]*$/, 'must not contain control characters')
    .optional(),
});
export const assignmentParams = z.object({ id: z.uuid() });
export const reportParams = z.object({ id: z.uuid() });
export const reportStartedSchema = z.object({ id: z.string(), status: z.string() });
export const reportSchema = z.object({
  id: z.string(),
  assignmentId: z.string(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  error: z.string().nullable(),
  docx: z.string().nullable(),
  pdf: z.string().nullable(),
  pdfError: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  /** What the report was composed from, so the student's arrangement can be picked up again. */
  request: z.object({
    order: z.array(z.string()),
    removed: z.array(z.string()),
    placement: z.enum(['below', 'end']),
    pdf: z.boolean(),
    includeFailed: z.array(z.string()),
    fileName: z.string().optional(),
  }),
});
export type ReportOut = z.infer<typeof reportSchema>;
export const reportListSchema = z.object({ items: z.array(reportSchema), nextCursor: z.string().nullable() });

export const reportItemsSchema = z.object({
  items: z.array(
    z.object({
      taskId: z.string(),
      /** The task's place among all the assignment's tasks, from 1 (its name when it has no label). */
      number: z.number().int(),
      label: z.string(),
      question: z.string(),
      kind: z.enum(['code', 'theory', 'other']),
      /** The latest result's status, null when the task never ran (an answer only). */
      status: z.string().nullable(),
      /** Set when that result failed: the report leaves the item out unless `includeFailed` names the task. */
      failure: z.string().nullable(),
      answer: z.string(),
      pictures: z.array(z.object({ id: z.string(), kind: z.string(), name: z.string() })),
    }),
  ),
});
export type ReportItemsOut = z.infer<typeof reportItemsSchema>;
