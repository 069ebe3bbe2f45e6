import { authThrottleRepository } from '../db/repositories/auth-throttle.repository.js';
import { auditRepository } from '../db/repositories/audit.repository.js';
import { usersRepository } from '../db/repositories/users.repository.js';
import type { UserRow } from '../db/schema.js';
import { errors } from '../errors.js';
import { normaliseEmail, type AccountDeps, type ClientInfo } from './deps.js';
import { verifyPassword } from './password-hashing.js';
import { ACCOUNT_BACKOFF, ADDRESS_BACKOFF, afterFailure, waitMs } from './sign-in-backoff.js';
import { startSession, type StartedSession } from './start-session.js';

export interface SignInInput {
  email: string;
  password: string;
  client: ClientInfo;
  previousToken?: string | undefined;
}

/** Checks the credentials under per-account and per-address back-off; unknown email and wrong password fail alike. */
export async function signIn(deps: AccountDeps, input: SignInInput): Promise<StartedSession & { user: UserRow }> {
  const email = normaliseEmail(input.email);
  const throttle = authThrottleRepository(deps.db);
  const audit = auditRepository(deps.db);
  const accountKey = `account:${email}`;
  const addressKey = `address:${input.client.ip}`;
  const [accountState, addressState] = await Promise.all([throttle.get(accountKey), throttle.get(addressKey)]);
  const now = deps.clock();
  const wait = Math.max(waitMs(accountState, now), waitMs(addressState, now));
  if (wait > 0) {
    await audit.record({
      event: 'signin.backoff',
      at: now.toISOString(),
      ip: input.client.ip,
      userAgent: input.client.userAgent,
      details: { email },
    });
    throw errors.tooManyRequests(wait / 1000, 'Too many failed sign-ins; wait before trying again.');
  }

  const user = await usersRepository(deps.db).findByEmail(email);
  const passwordOk = await verifyPassword(user?.password_hash, input.password);
  const after = deps.clock();
  if (!user || !passwordOk || user.disabled_at !== null) {
    await throttle.put(accountKey, afterFailure(accountState, after, ACCOUNT_BACKOFF));
    await throttle.put(addressKey, afterFailure(addressState, after, ADDRESS_BACKOFF));
    await audit.record({
      event: 'signin.failed',
      at: after.toISOString(),
      userId: user?.id ?? null,
      ip: input.client.ip,
      userAgent: input.client.userAgent,
      details: { email, reason: !user ? 'unknown-email' : user.disabled_at ? 'disabled' : 'wrong-password' },
    });
    throw errors.invalidCredentials();
  }

  await throttle.clear(accountKey);
  const session = await startSession(deps, { userId: user.id, client: input.client, previousToken: input.previousToken });
  await audit.record({
    event: 'signin.ok',
    at: after.toISOString(),
    userId: user.id,
    ip: input.client.ip,
    userAgent: input.client.userAgent,
  });
  return { ...session, user };
}
