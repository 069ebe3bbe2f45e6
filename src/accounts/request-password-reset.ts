import { auditRepository } from '../db/repositories/audit.repository.js';
import { usersRepository } from '../db/repositories/users.repository.js';
import { normaliseEmail, type AccountDeps, type ClientInfo } from './deps.js';
import { issueOneTimeLink } from './one-time-links.js';

/** Delivers a set-password link to an address (by email in production, captured in tests). */
export type SendResetLink = (to: string, link: string) => Promise<void>;

/**
 * Self-service password reset: when the email belongs to an enabled account, issues a one-time set-password link
 * and sends it there. Says nothing about whether the account exists; the caller answers alike either way.
 */
export async function requestPasswordReset(
  deps: AccountDeps,
  input: { email: string; publicUrl: string; client: ClientInfo; send: SendResetLink },
): Promise<void> {
  const user = await usersRepository(deps.db).findByEmail(normaliseEmail(input.email));
  if (!user || user.disabled_at !== null) return;
  const link = await issueOneTimeLink(deps, { purpose: 'set-password', userId: user.id, publicUrl: input.publicUrl });
  await auditRepository(deps.db).record({
    event: 'password.reset-request',
    at: deps.clock().toISOString(),
    userId: user.id,
    ip: input.client.ip,
    userAgent: input.client.userAgent,
  });
  await input.send(user.email, link);
}
