import { assignmentsRepository } from '../db/repositories/assignments.repository.js';
import { errors } from '../errors.js';
import type { AssignmentDeps } from './deps.js';

/** Deletes one of the owner's tasks. */
export async function removeTask(deps: AssignmentDeps, input: { ownerId: string; assignmentId: string; taskId: string }): Promise<void> {
  const now = deps.clock().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const repository = assignmentsRepository(trx);
    const task = await repository.findTask(input.ownerId, input.assignmentId, input.taskId);
    if (!task) throw errors.notFound('task');
    await repository.deleteTask(task.id);
    await repository.touch(input.assignmentId, now);
  });
}
