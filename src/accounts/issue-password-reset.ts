import { isoAfter } from '../clock.js';
import { usersRepository } from '../db/repositories/users.repository.js';
import { errors } from '../errors.js';
import { auditAdminAction, type AdminActor } from './admin-actor.js';
import type { AccountDeps } from './deps.js';
import { ONE_TIME_LINK_LIFETIME_MS, issueOneTimeLink } from './one-time-links.js';

/**
 * An administrator issues a one-time link that lets the user set a new password (single use, 24 hours); the
 * administrator hands it over. The audit entry records that a link was issued, never the link.
 */
export async function issuePasswordReset(
  deps: AccountDeps,
  input: { actor: AdminActor; userId: string; publicUrl: string },
): Promise<{ link: string; expiresAt: string }> {
  const user = await usersRepository(deps.db).findById(input.userId);
  if (!user) throw errors.notFound('user');
  const now = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const link = await issueOneTimeLink({ db: trx, clock: deps.clock }, { purpose: 'set-password', userId: user.id, publicUrl: input.publicUrl });
    await auditAdminAction(trx, { event: 'password.reset-link', at: now.toISOString(), actor: input.actor, userId: user.id });
    return { link, expiresAt: isoAfter(now, ONE_TIME_LINK_LIFETIME_MS) };
  });
}
