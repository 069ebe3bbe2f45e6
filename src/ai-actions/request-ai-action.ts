import { randomUUID } from 'node:crypto';
import { assertAiBudget } from '../ai/ai-budget.js';
import type { Clock } from '../clock.js';
import type { AiConfig } from '../config/config.js';
import { aiActionsRepository } from '../db/repositories/ai-actions.repository.js';
import { assignmentsRepository } from '../db/repositories/assignments.repository.js';
import type { Db } from '../db/repositories/types.js';
import type { AiActionKind, AiActionRow, TaskRow } from '../db/schema.js';
import { errors } from '../errors.js';
import type { JobQueue } from '../jobs/queue.js';
import { isRunnableLanguage, RUNNABLE_LANGUAGES } from '../languages.js';


/** Why the action cannot be done on the task as it stands now, or null when it can (checked again when it lands). */
export function actionBlocker(action: AiActionKind, task: TaskRow): string | null {
  const hasOwnCode = task.code.trim() !== '' && task.code_draft === 0;
  switch (action) {
    case 'draft_code':
      if (task.kind !== 'code') return 'only a code task gets drafted code; set its kind to code first';
      if (!isRunnableLanguage(task.language)) return `pick the task's language first (one of ${RUNNABLE_LANGUAGES.join(', ')})`;
      return hasOwnCode ? 'the task already has code; clear it to get a drafted program' : null;
    case 'suggest_input':
      if (task.code.trim() === '') return 'the task has no code to suggest input for';
      if (!isRunnableLanguage(task.language)) return `pick the task's language first (one of ${RUNNABLE_LANGUAGES.join(', ')})`;
      return task.stdin.trim() !== '' && task.stdin_draft === 0 ? 'the task already has input; clear it to get a suggestion' : null;
    case 'draft_answer':
      if (task.kind === 'code') return 'a code task gets drafted code, not an answer';
      return task.answer_status === 'accepted' ? 'the task already has an accepted answer; clear it to get a draft' : null;
    case 'review':
      return task.code.trim() === '' ? 'the task has no code to review' : null;
  }
}

/** Queues an AI action on one of the owner's tasks; refused at once when AI is off, the budget is spent or the task does not fit it. */
export async function requestAiAction(
  deps: { db: Db; clock: Clock; queue: JobQueue; ai: AiConfig | undefined },
  input: { ownerId: string; assignmentId: string; taskId: string; action: AiActionKind },
): Promise<AiActionRow> {
  if (!deps.ai) throw errors.aiNotConfigured();
  const task = await assignmentsRepository(deps.db).findTask(input.ownerId, input.assignmentId, input.taskId);
  if (!task) throw errors.notFound('task');
  const blocker = actionBlocker(input.action, task);
  if (blocker) throw errors.conflict(blocker);
  await assertAiBudget(deps, input.ownerId, deps.ai.dailyTokens);
  const action: AiActionRow = {
    id: randomUUID(),
    owner_id: input.ownerId,
    assignment_id: input.assignmentId,
    task_id: input.taskId,
    action: input.action,
    status: 'queued',
    result: null,
    error: null,
    created_at: deps.clock().toISOString(),
    finished_at: null,
  };
  await aiActionsRepository(deps.db).create(action);
  await deps.queue.enqueue('ai', { actionId: action.id });
  return action;
}
