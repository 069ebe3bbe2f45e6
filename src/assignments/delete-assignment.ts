import { assignmentsRepository } from '../db/repositories/assignments.repository.js';
import { errors } from '../errors.js';
import type { AssignmentDeps } from './deps.js';

/** Deletes one of the owner's assignments: its rows, then every blob stored under it. */
export async function deleteAssignment(deps: AssignmentDeps, input: { ownerId: string; assignmentId: string }): Promise<void> {
  const repository = assignmentsRepository(deps.db);
  const assignment = await repository.find(input.ownerId, input.assignmentId);
  if (!assignment || !(await repository.delete(input.ownerId, input.assignmentId))) throw errors.notFound('assignment');
  const keys = await deps.blobs.list(`uploads/${input.ownerId}/${input.assignmentId}`);
  await Promise.all(keys.map((key) => deps.blobs.delete(key)));
}
