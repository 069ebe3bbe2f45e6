import { randomUUID } from 'node:crypto';
import { assignmentsRepository } from '../db/repositories/assignments.repository.js';
import { feedbackRepository } from '../db/repositories/feedback.repository.js';
import { errors } from '../errors.js';
import type { AccountDeps } from './deps.js';

/** Stores a user's feedback; a named assignment must be one of theirs (another user's is a 404, as if absent). */
export async function submitFeedback(
  deps: AccountDeps,
  input: { userId: string; rating: number; message: string; assignmentId?: string | undefined },
): Promise<{ id: string; createdAt: string }> {
  if (input.assignmentId && !(await assignmentsRepository(deps.db).find(input.userId, input.assignmentId))) {
    throw errors.notFound('assignment');
  }
  const id = randomUUID();
  const createdAt = deps.clock().toISOString();
  await feedbackRepository(deps.db).create({
    id,
    user_id: input.userId,
    assignment_id: input.assignmentId ?? null,
    rating: input.rating,
    message: input.message,
    created_at: createdAt,
  });
  return { id, createdAt };
}
