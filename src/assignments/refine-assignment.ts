import { randomUUID } from 'node:crypto';
import type { AiClient } from '../ai/ai-client.js';
import { refineTasks } from '../ai/features/refine-tasks.js';
import { assignmentsRepository } from '../db/repositories/assignments.repository.js';
import type { AssignmentRow, TaskRow } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { DocumentModel } from '../ingest/model.js';
import type { AssignmentDeps } from './deps.js';
import { taskFromRow, taskRowFromDetected } from './task-rows.js';

/** What detection decides about a task; the student's theme and any AI drafts on it stay as they are. */
function detectedColumns(row: TaskRow) {
  const { position, label, question, kind, language, code, stdin, expected_output, input_files, wants_screenshot, anchor_block } = row;
  return { position, label, question, kind, language, code, stdin, expected_output, input_files, wants_screenshot, anchor_block };
}

function summary(applied: number, flagged: string[], warnings: string[]): string {
  const parts = [applied === 0 ? 'The AI found nothing to correct.' : `The AI applied ${applied} correction${applied === 1 ? '' : 's'}.`];
  for (const line of [...flagged, ...warnings].slice(0, 10)) parts.push(line);
  return parts.join('\n');
}

/** Whether the refinement asked for at `requestedAt` is still the one the assignment waits for. */
function stillWanted(assignment: AssignmentRow | undefined, requestedAt: string | undefined): assignment is AssignmentRow {
  if (assignment?.ai_status !== 'pending') return false;
  // A reparse since then asked again, with its own job: that one refines the new tasks.
  return requestedAt === undefined || assignment.ai_requested_at === requestedAt;
}

/**
 * The `refine` job: sends an upload's heuristic tasks with the document to the model and stores the validated
 * corrections, keeping the ids of tasks that stay. It stands down when the student edited the tasks meanwhile, or
 * reparsed them since it was asked for at `requestedAt`; a failure of the AI leaves the heuristic tasks as they are,
 * with the reason.
 */
export async function refineAssignment(
  deps: AssignmentDeps & { ai: AiClient | null },
  request: { assignmentId: string; requestedAt?: string | undefined },
  signal?: AbortSignal,
): Promise<void> {
  const { assignmentId, requestedAt } = request;
  const repository = assignmentsRepository(deps.db);
  const assignment = await repository.get(assignmentId);
  if (!stillWanted(assignment, requestedAt)) return;
  if (!deps.ai) {
    await repository.update(assignmentId, { ai_status: 'off', ai_detail: null });
    return;
  }
  const rows = (await repository.tasks(assignmentId)).filter((row) => row.origin === 'parsed');
  const model = JSON.parse((await deps.blobs.read(assignment.model_key)).toString('utf8')) as DocumentModel;
  let result;
  try {
    result = await refineTasks({ document: model, tasks: rows.map(taskFromRow), client: deps.ai, userId: assignment.owner_id, ...(signal ? { signal } : {}) });
  } catch (error) {
    if (!(error instanceof AppError) || signal?.aborted) throw error;
    // A failure of a refinement nobody waits for any more (edited or reparsed meanwhile) says nothing about the current one.
    if (stillWanted(await repository.get(assignmentId), requestedAt)) {
      await repository.update(assignmentId, { ai_status: 'failed', ai_detail: `The AI refinement did not run: ${error.message}` });
    }
    return;
  }
  const now = deps.clock().toISOString();
  const byId = new Map(rows.map((row) => [row.id, row]));
  await deps.db.transaction().execute(async (trx) => {
    const inner = assignmentsRepository(trx);
    // The student may have edited while the model worked: their edits win, and touch() has already said so.
    const current = await inner.get(assignmentId);
    if (!stillWanted(current, requestedAt)) return;
    const kept = new Set(result.tasks.map((task) => task.id));
    for (const row of rows) if (!kept.has(row.id)) await inner.deleteTask(row.id);
    for (const [position, task] of result.tasks.entries()) {
      const stored = byId.get(task.id);
      const fresh = taskRowFromDetected(task, assignmentId, position, now);
      if (stored) {
        await inner.updateTask(stored.id, detectedColumns(fresh));
      } else {
        await inner.insertTask({ ...fresh, id: randomUUID() });
      }
    }
    const applied = result.corrections.filter((c) => c.status === 'applied').length;
    const flagged = result.corrections.filter((c) => c.status === 'flagged').map((c) => c.detail);
    await inner.update(assignmentId, { ai_status: 'done', ai_detail: summary(applied, flagged, result.warnings) });
  });
}

/** Ends a refinement whose job failed for good: the heuristic tasks stand, with the reason. */
export async function failRefinement(deps: { db: AssignmentDeps['db'] }, assignmentId: string, reason: string): Promise<void> {
  await assignmentsRepository(deps.db).update(assignmentId, { ai_status: 'failed', ai_detail: reason });
}
