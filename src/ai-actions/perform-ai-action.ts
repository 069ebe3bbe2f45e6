import type { AiClient } from '../ai/ai-client.js';
import { inputFilesOf } from '../assignments/task-rows.js';
import { draftAnswer } from '../ai/features/draft-answer.js';
import { draftCode } from '../ai/features/draft-code.js';
import { reviewCode } from '../ai/features/review-code.js';
import { poolRunner } from '../ai/features/sandbox-runner.js';
import { suggestInput } from '../ai/features/suggest-input.js';
import type { DocumentLanguage, RunnableLanguage } from '../languages.js';
import type { Clock } from '../clock.js';
import { aiActionsRepository } from '../db/repositories/ai-actions.repository.js';
import { assignmentsRepository } from '../db/repositories/assignments.repository.js';
import type { Db } from '../db/repositories/types.js';
import type { AiActionRow, TaskRow } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { SandboxPool } from '../sandbox/index.js';
import { actionBlocker } from './request-ai-action.js';

/** What an AI action needs: state, the model (null when not configured) and the sandbox to check drafts in. */
export interface AiActionDeps {
  db: Db;
  clock: Clock;
  ai: AiClient | null;
  sandbox: SandboxPool;
}

/** The outcome to store, and the task columns to set when the draft still fits the task. */
interface Outcome {
  result: Record<string, unknown>;
  draft: Partial<TaskRow> | null;
  error: string | null;
}

async function decide(deps: AiActionDeps & { ai: AiClient }, action: AiActionRow, task: TaskRow, signal?: AbortSignal): Promise<Outcome> {
  const common = { client: deps.ai, userId: action.owner_id, ...(signal ? { signal } : {}) };
  const runProgram = poolRunner(deps.sandbox, signal);
  const files = inputFilesOf(task);
  switch (action.action) {
    case 'draft_code': {
      const language = task.language as RunnableLanguage;
      const drafted = await draftCode({ ...common, runProgram, task: { question: task.question, language, stdin: task.stdin, inputFiles: files } });
      const result = { code: drafted.code, attempts: drafted.attempts, statuses: drafted.statuses, stdin: drafted.stdin, stdinSuggested: drafted.stdinSuggested };
      if (drafted.status !== 'ok') {
        return { result, draft: null, error: `The drafted program still ended with ${drafted.statuses.at(-1)?.replaceAll('_', ' ')} after ${drafted.attempts} attempts; it was not put into the task.` };
      }
      const stdin = drafted.stdinSuggested && task.stdin.trim() === '' ? { stdin: drafted.stdin, stdin_draft: 1 } : {};
      return { result, draft: { code: drafted.code, code_draft: 1, ...stdin }, error: null };
    }
    case 'suggest_input': {
      const language = task.language as RunnableLanguage;
      const suggested = await suggestInput({ ...common, runProgram, code: task.code, language, question: task.question, inputFiles: files });
      if (suggested.status === 'not_needed') return { result: { status: suggested.status }, draft: null, error: suggested.reason };
      const result = { status: suggested.status, stdin: suggested.stdin, attempts: suggested.attempts, runStatus: suggested.result.status };
      if (suggested.status === 'failed') return { result, draft: null, error: suggested.reason };
      return { result, draft: { stdin: suggested.stdin, stdin_draft: 1 }, error: null };
    }
    case 'draft_answer': {
      const drafted = await draftAnswer({ ...common, task: { question: task.question, label: task.label } });
      return { result: { answer: drafted.answer, warnings: drafted.warnings }, draft: { answer: drafted.answer, answer_status: 'draft' }, error: null };
    }
    case 'review': {
      const review = await reviewCode({ ...common, code: task.code, language: task.language as DocumentLanguage, question: task.question });
      return { result: { ...review }, draft: null, error: null };
    }
  }
}

/**
 * The `ai` job: drafts code, input or an answer for a task, or reviews its code. A draft goes into the task marked
 * as a draft only if the task still has room for it (the student may have typed their own meanwhile); the outcome
 * is kept on the action either way. A model that cannot be reached makes the job retry; other AI failures (budget,
 * unusable answers) end the action with the reason.
 */
export async function performAiAction(deps: AiActionDeps, actionId: string, signal?: AbortSignal): Promise<void> {
  const actions = aiActionsRepository(deps.db);
  const action = await actions.get(actionId);
  if (!action || action.status === 'succeeded' || action.status === 'failed') return;
  const finish = (changes: { status: 'succeeded' | 'failed'; result?: string | null; error?: string | null }) =>
    actions.update(actionId, { ...changes, finished_at: deps.clock().toISOString() });
  const task = await assignmentsRepository(deps.db).findTask(action.owner_id, action.assignment_id, action.task_id);
  if (!task) return finish({ status: 'failed', error: 'The task was deleted.' });
  if (!deps.ai) return finish({ status: 'failed', error: 'AI is not configured on this server.' });
  const blocker = actionBlocker(action.action, task);
  if (blocker) return finish({ status: 'failed', error: `Not done: ${blocker}.` });
  await actions.update(actionId, { status: 'running' });

  let outcome: Outcome;
  try {
    outcome = await decide({ ...deps, ai: deps.ai }, action, task, signal);
  } catch (error) {
    if (!(error instanceof AppError) || error.type === 'ai-unavailable' || signal?.aborted) throw error;
    return finish({ status: 'failed', error: error.message });
  }
  let applied = false;
  if (outcome.draft) {
    const draft = outcome.draft;
    applied = await deps.db.transaction().execute(async (trx) => {
      const repository = assignmentsRepository(trx);
      const current = await repository.findTask(action.owner_id, action.assignment_id, action.task_id);
      if (!current || actionBlocker(action.action, current)) return false;
      await repository.updateTask(current.id, draft);
      return true;
    });
  }
  const result = JSON.stringify({ ...outcome.result, applied });
  await finish(outcome.error ? { status: 'failed', result, error: outcome.error } : { status: 'succeeded', result });
}

/** Ends an action whose job failed for good, with the reason. */
export async function failAiAction(deps: { db: Db; clock: Clock }, actionId: string, reason: string): Promise<void> {
  await aiActionsRepository(deps.db).update(actionId, { status: 'failed', error: reason, finished_at: deps.clock().toISOString() });
}
