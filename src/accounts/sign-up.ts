import { randomUUID } from 'node:crypto';
import { auditRepository } from '../db/repositories/audit.repository.js';
import { invitesRepository } from '../db/repositories/invites.repository.js';
import { usersRepository } from '../db/repositories/users.repository.js';
import type { UserRow } from '../db/schema.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import { errors } from '../errors.js';
import { normaliseEmail, type AccountDeps, type ClientInfo } from './deps.js';
import { hashPassword } from './password-hashing.js';
import { passwordProblem } from './password-policy.js';
import { safeEqual } from './tokens.js';

export interface SignUpPolicy {
  mode: 'open' | 'invite' | 'closed';
  betaKey: string | undefined;
}

export interface SignUpInput {
  email: string;
  name: string;
  password: string;
  inviteCode?: string | undefined;
  betaKey?: string | undefined;
  client: ClientInfo;
}

/** Creates a student account as the sign-up policy allows; the invite use and the account commit together. */
export async function signUp(deps: AccountDeps, policy: SignUpPolicy, input: SignUpInput): Promise<UserRow> {
  if (policy.mode === 'closed') throw errors.signupClosed('Sign-up is closed on this server; ask an administrator for an account.');
  if (policy.betaKey !== undefined && !safeEqual(input.betaKey ?? '', policy.betaKey)) {
    throw errors.forbidden('A valid beta key is required to sign up.');
  }
  if (policy.mode === 'invite' && !input.inviteCode) {
    throw errors.validation([{ field: 'inviteCode', message: 'is required to sign up here' }]);
  }
  const email = normaliseEmail(input.email);
  const problem = passwordProblem(input.password, { email });
  if (problem) throw errors.validation([{ field: 'password', message: problem }]);
  const passwordHash = await hashPassword(input.password);
  const now = deps.clock().toISOString();
  const user: UserRow = {
    id: randomUUID(),
    email,
    display_name: input.name.normalize('NFC').trim(),
    password_hash: passwordHash,
    role: 'student',
    disabled_at: null,
    created_at: now,
    updated_at: now,
  };
  try {
    await deps.db.transaction().execute(async (trx) => {
      await usersRepository(trx).create(user);
      if (policy.mode === 'invite') {
        const ok = await invitesRepository(trx).consume(input.inviteCode ?? '', user.id, now);
        if (!ok) throw errors.validation([{ field: 'inviteCode', message: 'is unknown, expired or used up' }]);
      }
      await auditRepository(trx).record({
        event: 'signup',
        at: now,
        userId: user.id,
        ip: input.client.ip,
        userAgent: input.client.userAgent,
        details: policy.mode === 'invite' ? { invite: true } : undefined,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw errors.conflict('An account with this email already exists; sign in instead.');
    throw error;
  }
  return user;
}
