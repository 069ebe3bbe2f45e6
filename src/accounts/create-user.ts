import { randomUUID } from 'node:crypto';
import { auditRepository } from '../db/repositories/audit.repository.js';
import { usersRepository } from '../db/repositories/users.repository.js';
import type { Role } from '../db/schema.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import { errors } from '../errors.js';
import { normaliseEmail, type AccountDeps } from './deps.js';
import { issueOneTimeLink } from './one-time-links.js';
import { hashPassword } from './password-hashing.js';
import { passwordProblem } from './password-policy.js';

/** Creates an account from the operator's command line: with a password, or with a one-time link to set one. */
export async function createUser(
  deps: AccountDeps,
  input: { email: string; name?: string | undefined; role: Role; password?: string | undefined; publicUrl: string },
): Promise<{ userId: string; setPasswordLink?: string }> {
  const email = normaliseEmail(input.email);
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) throw errors.validation([{ field: 'email', message: 'is not an email address' }]);
  let hash: string | null = null;
  if (input.password !== undefined) {
    const problem = passwordProblem(input.password, { email });
    if (problem) throw errors.validation([{ field: 'password', message: problem }]);
    hash = await hashPassword(input.password);
  }
  const now = deps.clock().toISOString();
  const userId = randomUUID();
  try {
    await deps.db.transaction().execute(async (trx) => {
      await usersRepository(trx).create({
        id: userId,
        email,
        display_name: (input.name ?? email.split('@')[0] ?? email).normalize('NFC').trim(),
        password_hash: hash,
        role: input.role,
        disabled_at: null,
        created_at: now,
        updated_at: now,
      });
      await auditRepository(trx).record({ event: 'signup', at: now, userId, details: { via: 'cli' } });
      if (input.role === 'admin') {
        await auditRepository(trx).record({ event: 'role.change', at: now, userId, details: { role: 'admin', via: 'cli' } });
      }
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw errors.conflict(`An account with email ${email} already exists.`);
    throw error;
  }
  if (hash) return { userId };
  const setPasswordLink = await issueOneTimeLink(deps, { purpose: 'set-password', userId, publicUrl: input.publicUrl });
  return { userId, setPasswordLink };
}
