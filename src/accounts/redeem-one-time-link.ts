import { randomUUID } from 'node:crypto';
import { auditRepository } from '../db/repositories/audit.repository.js';
import { oneTimeTokensRepository } from '../db/repositories/one-time-tokens.repository.js';
import { sessionsRepository } from '../db/repositories/sessions.repository.js';
import { usersRepository } from '../db/repositories/users.repository.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import { errors } from '../errors.js';
import { normaliseEmail, type AccountDeps, type ClientInfo } from './deps.js';
import { hashPassword } from './password-hashing.js';
import { passwordProblem } from './password-policy.js';
import { hashToken } from './tokens.js';

const INVALID_LINK = 'This link is invalid, expired or already used; ask for a new one.';

/** Creates the first administrator from the one-time set-up link printed at start-up. */
export async function completeAdminSetup(
  deps: AccountDeps,
  input: { token: string; email: string; name: string; password: string; client: ClientInfo },
): Promise<{ userId: string }> {
  const email = normaliseEmail(input.email);
  const problem = passwordProblem(input.password, { email });
  if (problem) throw errors.validation([{ field: 'password', message: problem }]);
  const hash = await hashPassword(input.password);
  const now = deps.clock().toISOString();
  const userId = randomUUID();
  try {
    await deps.db.transaction().execute(async (trx) => {
      const token = await oneTimeTokensRepository(trx).consume(hashToken(input.token), 'admin-setup', now);
      if (!token) throw errors.gone(INVALID_LINK);
      await usersRepository(trx).create({
        id: userId,
        email,
        display_name: input.name.normalize('NFC').trim(),
        password_hash: hash,
        role: 'admin',
        disabled_at: null,
        created_at: now,
        updated_at: now,
      });
      await auditRepository(trx).record({ event: 'admin.setup', at: now, userId, ip: input.client.ip, userAgent: input.client.userAgent });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw errors.conflict('An account with this email already exists.');
    throw error;
  }
  return { userId };
}

/** Sets a password from a set-password link and ends the account's existing sessions. */
export async function setPasswordFromLink(
  deps: AccountDeps,
  input: { token: string; password: string; client: ClientInfo },
): Promise<{ userId: string }> {
  const hash = await hashPassword(input.password);
  const now = deps.clock().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const token = await oneTimeTokensRepository(trx).consume(hashToken(input.token), 'set-password', now);
    if (!token?.user_id) throw errors.gone(INVALID_LINK);
    const user = await usersRepository(trx).findById(token.user_id);
    if (!user) throw errors.gone(INVALID_LINK);
    const problem = passwordProblem(input.password, { email: user.email });
    if (problem) throw errors.validation([{ field: 'password', message: problem }]);
    await usersRepository(trx).setPasswordHash(user.id, hash, now);
    await sessionsRepository(trx).revokeAll(user.id, now);
    await auditRepository(trx).record({ event: 'password.set', at: now, userId: user.id, ip: input.client.ip, userAgent: input.client.userAgent });
    return { userId: user.id };
  });
}
