import { auditRepository } from '../db/repositories/audit.repository.js';
import { usersRepository } from '../db/repositories/users.repository.js';
import { normaliseEmail, type AccountDeps, type ClientInfo } from './deps.js';
import { issueOneTimeLink } from './one-time-links.js';

/** How many reset emails one account gets per hour at most, so nobody can flood someone's inbox. */
export const RESET_EMAILS_PER_HOUR = 3;
const HOUR_MS = 60 * 60_000;

/** Delivers a set-password link to an address (by email in production, captured in tests). */
export type SendResetLink = (to: string, link: string) => Promise<void>;

/**
 * Self-service password reset: when the email belongs to an enabled account, issues a one-time set-password link
 * and sends it there, at most RESET_EMAILS_PER_HOUR times an hour per account. Says nothing about whether the
 * account exists; the caller answers alike either way.
 */
export async function requestPasswordReset(
  deps: AccountDeps,
  input: { email: string; publicUrl: string; client: ClientInfo; send: SendResetLink },
): Promise<void> {
  const user = await usersRepository(deps.db).findByEmail(normaliseEmail(input.email));
  if (!user || user.disabled_at !== null) return;
  const now = deps.clock();
  const audit = auditRepository(deps.db);
  const recent = await audit.list({
    limit: RESET_EMAILS_PER_HOUR,
    event: 'password.reset-request',
    userId: user.id,
    from: new Date(now.getTime() - HOUR_MS).toISOString(),
  });
  if (recent.length >= RESET_EMAILS_PER_HOUR) return;
  const link = await issueOneTimeLink(deps, { purpose: 'set-password', userId: user.id, publicUrl: input.publicUrl });
  await audit.record({
    event: 'password.reset-request',
    at: now.toISOString(),
    userId: user.id,
    ip: input.client.ip,
    userAgent: input.client.userAgent,
  });
  await input.send(user.email, link);
}
