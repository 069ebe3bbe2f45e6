import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requestAiAction } from '../../../../ai-actions/request-ai-action.js';
import { aiActionsRepository } from '../../../../db/repositories/ai-actions.repository.js';
import type { AiActionKind, AiActionRow } from '../../../../db/schema.js';
import { errors } from '../../../../errors.js';
import { requireSession } from '../../../plugins/access.js';
import { withProblems } from '../../../problem-schema.js';
import { actionParams, actionSchema, actionStartedSchema, taskParams, type ActionOut } from './schemas.js';

const tags = ['ai'];

const ACTIONS: Array<{ path: string; action: AiActionKind; summary: string }> = [
  { path: 'draft-code', action: 'draft_code', summary: 'Draft a program for a code task without code (run in the sandbox, retried on failure), marked as an AI draft' },
  { path: 'suggest-input', action: 'suggest_input', summary: 'Suggest standard input with which the program runs to completion (checked in the sandbox)' },
  { path: 'draft-answer', action: 'draft_answer', summary: 'Draft an answer to a theory task, marked as a draft until accepted' },
  { path: 'review', action: 'review', summary: "Review the task's code: summary, issues and a suggested fix as a unified diff" },
];

function presentAction(row: AiActionRow): ActionOut {
  return {
    id: row.id,
    action: row.action,
    assignmentId: row.assignment_id,
    taskId: row.task_id,
    status: row.status,
    result: row.result === null ? null : (JSON.parse(row.result) as Record<string, unknown>),
    error: row.error,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}

/** AI actions on a task, each a background job; answers 501 "AI is not configured" when no model is set. */
export async function aiRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { jobs, config } = app.labmate;

  for (const { path, action, summary } of ACTIONS) {
    api.post(
      `/assignments/:id/tasks/:taskId/${path}`,
      {
        schema: { summary, tags, params: taskParams, response: withProblems({ 202: actionStartedSchema }, [401, 403, 404, 409, 422, 429, 501]) },
      },
      async (request, reply) => {
        const row = await requestAiAction(
          { db: jobs.db, clock: jobs.clock, queue: jobs.queue, ai: config.ai },
          { ownerId: requireSession(request).userId, assignmentId: request.params.id, taskId: request.params.taskId, action },
        );
        reply.code(202).header('location', `/api/v1/ai-actions/${row.id}`);
        return { id: row.id, status: row.status };
      },
    );
  }

  api.get(
    '/ai-actions/:id',
    { schema: { summary: 'An AI action and its outcome', tags, params: actionParams, response: withProblems({ 200: actionSchema }, [401, 404, 422]) } },
    async (request) => {
      const row = await aiActionsRepository(jobs.db).find(requireSession(request).userId, request.params.id);
      if (!row) throw errors.notFound('AI action');
      return presentAction(row);
    },
  );
}
