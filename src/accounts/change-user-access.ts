import { adminUsersRepository } from '../db/repositories/admin-users.repository.js';
import { sessionsRepository } from '../db/repositories/sessions.repository.js';
import { usersRepository } from '../db/repositories/users.repository.js';
import type { Role } from '../db/schema.js';
import { errors } from '../errors.js';
import { auditAdminAction, type AdminActor } from './admin-actor.js';
import type { AccountDeps } from './deps.js';

/**
 * An administrator disables or enables an account, or changes its role. Disabling revokes every session of the user
 * at once (and the session lookup already refuses disabled users). An administrator cannot disable or demote
 * themselves, so the server always keeps someone who can undo it.
 */
export async function changeUserAccess(
  deps: AccountDeps,
  input: { actor: AdminActor; userId: string; disabled?: boolean | undefined; role?: Role | undefined },
): Promise<{ revokedSessions: number }> {
  const user = await usersRepository(deps.db).findById(input.userId);
  if (!user) throw errors.notFound('user');
  if (input.userId === input.actor.id && (input.disabled === true || input.role === 'student')) {
    throw errors.conflict('You cannot disable or demote yourself; ask another administrator.');
  }
  const now = deps.clock().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const users = adminUsersRepository(trx);
    let revokedSessions = 0;
    if (input.role !== undefined && input.role !== user.role) {
      await users.setRole(user.id, input.role, now);
      await auditAdminAction(trx, { event: 'role.change', at: now, actor: input.actor, userId: user.id, details: { from: user.role, to: input.role } });
    }
    const wasDisabled = user.disabled_at !== null;
    if (input.disabled === true && !wasDisabled) {
      await users.setDisabled(user.id, now, now);
      revokedSessions = await sessionsRepository(trx).revokeAll(user.id, now);
      await auditAdminAction(trx, { event: 'user.disable', at: now, actor: input.actor, userId: user.id, details: { revokedSessions } });
    } else if (input.disabled === false && wasDisabled) {
      await users.setDisabled(user.id, null, now);
      await auditAdminAction(trx, { event: 'user.enable', at: now, actor: input.actor, userId: user.id });
    }
    return { revokedSessions };
  });
}
