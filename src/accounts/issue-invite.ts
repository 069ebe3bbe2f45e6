import { auditAdminAction, type AdminActor } from './admin-actor.js';
import { createInvite } from './create-invite.js';
import type { AccountDeps } from './deps.js';

/** An administrator creates an invite code; the audit entry names the invite, never its code. */
export async function issueInvite(
  deps: AccountDeps,
  input: { actor: AdminActor; maxUses: number; expiresInDays?: number | undefined; note?: string | undefined },
): Promise<{ id: string; code: string; expiresAt: string | null }> {
  return deps.db.transaction().execute(async (trx) => {
    const invite = await createInvite({ db: trx, clock: deps.clock }, { ...input, createdBy: input.actor.id });
    await auditAdminAction(trx, {
      event: 'invite.create',
      at: deps.clock().toISOString(),
      actor: input.actor,
      details: { inviteId: invite.id, maxUses: input.maxUses, expiresAt: invite.expiresAt },
    });
    return invite;
  });
}
