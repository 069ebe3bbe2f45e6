import { inviteAdminRepository } from '../db/repositories/invite-admin.repository.js';
import { errors } from '../errors.js';
import { auditAdminAction, type AdminActor } from './admin-actor.js';
import type { AccountDeps } from './deps.js';

/** An administrator revokes an invite so its code no longer signs anyone up; an unknown or revoked one is a 404. */
export async function revokeInvite(deps: AccountDeps, input: { actor: AdminActor; inviteId: string }): Promise<void> {
  const now = deps.clock().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await inviteAdminRepository(trx).revoke(input.inviteId, input.actor.id, now))) throw errors.notFound('invite');
    await auditAdminAction(trx, { event: 'invite.revoke', at: now, actor: input.actor, details: { inviteId: input.inviteId } });
  });
}
