import { z } from 'zod';

const themeSchema = z.enum(['idle', 'vscode-dark', 'vscode-light', 'notepad', 'codeblocks', 'terminal']).nullable();

export const startRunBody = z.object({
  taskIds: z.array(z.uuid()).min(1).max(500).optional(),
  /** Per task: a theme (null = automatic) and whether to make screenshots. */
  options: z.record(z.uuid(), z.object({ theme: themeSchema.optional(), screenshot: z.boolean().optional() })).optional(),
});
export const assignmentParams = z.object({ id: z.uuid() });
export const runParams = z.object({ id: z.uuid() });
export const artifactParams = z.object({ id: z.uuid() });

export const runStartedSchema = z.object({ id: z.string(), status: z.string() });

export const runSchema = z.object({
  id: z.string(),
  assignmentId: z.string(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']),
  error: z.string().nullable(),
  queuedAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** Set when the run's screenshots and files were deleted for age; its results and transcripts remain. */
  artifactsExpiredAt: z.string().nullable(),
  tasks: z.array(
    z.object({
      taskId: z.string(),
      position: z.number().int(),
      status: z.string(),
      exitCode: z.number().int().nullable(),
      timeMs: z.number().int().nullable(),
      transcript: z.string().nullable(),
      detail: z.string().nullable(),
      queuedAt: z.string(),
      startedAt: z.string().nullable(),
      finishedAt: z.string().nullable(),
      artifacts: z.array(z.object({ id: z.string(), kind: z.string(), name: z.string(), bytes: z.number().int(), contentType: z.string() })),
    }),
  ),
});
export type RunOut = z.infer<typeof runSchema>;

/** A run in a list: its state and times, and how many of its tasks are in each status instead of the results. */
export const runSummarySchema = runSchema.omit({ tasks: true }).extend({
  taskCounts: z.record(z.string(), z.number().int()).describe('how many of its tasks are in each status, e.g. { "ok": 2, "runtime_error": 1 }'),
});
export const runListSchema = z.object({ items: z.array(runSummarySchema), nextCursor: z.string().nullable() });
export type RunSummaryOut = z.infer<typeof runSummarySchema>;
