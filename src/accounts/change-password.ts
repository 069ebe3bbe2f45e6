import { auditRepository } from '../db/repositories/audit.repository.js';
import { sessionsRepository } from '../db/repositories/sessions.repository.js';
import { usersRepository } from '../db/repositories/users.repository.js';
import { errors } from '../errors.js';
import type { AccountDeps, ClientInfo } from './deps.js';
import { hashPassword, verifyPassword } from './password-hashing.js';
import { passwordProblem } from './password-policy.js';

/** Changes the signed-in user's password and ends every other session of theirs. */
export async function changePassword(
  deps: AccountDeps,
  input: { userId: string; sessionId: string; currentPassword: string; newPassword: string; client: ClientInfo },
): Promise<{ revokedSessions: number }> {
  const users = usersRepository(deps.db);
  const user = await users.findById(input.userId);
  if (!user) throw errors.unauthenticated();
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw errors.validation([{ field: 'currentPassword', message: 'is not your current password' }]);
  }
  const problem = passwordProblem(input.newPassword, { email: user.email });
  if (problem) throw errors.validation([{ field: 'newPassword', message: problem }]);
  const hash = await hashPassword(input.newPassword);
  const now = deps.clock().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    await usersRepository(trx).setPasswordHash(user.id, hash, now);
    const revokedSessions = await sessionsRepository(trx).revokeAll(user.id, now, input.sessionId);
    await auditRepository(trx).record({
      event: 'password.change',
      at: now,
      userId: user.id,
      ip: input.client.ip,
      userAgent: input.client.userAgent,
      details: { revokedSessions },
    });
    return { revokedSessions };
  });
}
