import { assignmentsRepository } from '../db/repositories/assignments.repository.js';
import type { TaskRow } from '../db/schema.js';
import { errors } from '../errors.js';
import type { AssignmentDeps } from './deps.js';
import { inputFileProblems } from './input-file-rules.js';
import { changesDetection, draftColumns, taskColumns, type DraftField, type TaskFields } from './task-changes.js';
import { inputFilesOf } from './task-rows.js';

/** Changes fields of one of the owner's tasks (accepting AI drafts when asked), and moves it when `position` is given; returns the task as stored. */
export async function editTask(
  deps: AssignmentDeps,
  input: { ownerId: string; assignmentId: string; taskId: string; changes: Partial<TaskFields>; accept?: readonly DraftField[]; position?: number | undefined },
): Promise<TaskRow> {
  const now = deps.clock().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const repository = assignmentsRepository(trx);
    const task = await repository.findTask(input.ownerId, input.assignmentId, input.taskId);
    if (!task) throw errors.notFound('task');
    const { language, code, inputFiles } = input.changes;
    if (language !== undefined || code !== undefined || inputFiles !== undefined) {
      const problems = inputFileProblems({ language: language ?? task.language, code: code ?? task.code, inputFiles: inputFiles ?? inputFilesOf(task) });
      if (problems.length > 0) throw errors.validation(problems);
    }
    await repository.updateTask(task.id, { ...taskColumns(input.changes), ...draftColumns(task, input.changes, input.accept ?? []), updated_at: now });
    if (input.position !== undefined) {
      const order = (await repository.tasks(input.assignmentId)).filter((t) => t.id !== task.id);
      order.splice(Math.min(input.position, order.length), 0, task);
      for (const [index, row] of order.entries()) {
        if (row.position !== index || row.id === task.id) await repository.updateTask(row.id, { position: index });
      }
    }
    await repository.touch(input.assignmentId, now, { standDown: changesDetection(input.changes, input.position !== undefined) });
    const updated = await repository.findTask(input.ownerId, input.assignmentId, input.taskId);
    if (!updated) throw errors.notFound('task');
    return updated;
  });
}
