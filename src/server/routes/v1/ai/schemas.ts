import { z } from 'zod';

export const taskParams = z.object({ id: z.uuid(), taskId: z.uuid() });
export const actionParams = z.object({ id: z.uuid() });

export const actionStartedSchema = z.object({ id: z.string(), status: z.enum(['queued', 'running', 'succeeded', 'failed']) });

export const actionSchema = z.object({
  id: z.string(),
  action: z.enum(['draft_code', 'suggest_input', 'draft_answer', 'review']),
  assignmentId: z.string(),
  taskId: z.string(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  result: z
    .record(z.string(), z.unknown())
    .nullable()
    .describe("the outcome: a draft's attempts and whether it was applied to the task, or a review's findings"),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

export type ActionOut = z.infer<typeof actionSchema>;
