import { auditRepository } from '../db/repositories/audit.repository.js';
import { sessionsRepository } from '../db/repositories/sessions.repository.js';
import { errors } from '../errors.js';
import type { AccountDeps, ClientInfo } from './deps.js';

/** Revokes one of the user's sessions (sign-out when it is the current one); another user's session is a 404. */
export async function endSession(
  deps: AccountDeps,
  input: { userId: string; sessionId: string; current: boolean; client: ClientInfo },
): Promise<void> {
  const now = deps.clock().toISOString();
  const revoked = await sessionsRepository(deps.db).revoke(input.userId, input.sessionId, now);
  if (!revoked) throw errors.notFound('session');
  await auditRepository(deps.db).record({
    event: input.current ? 'signout' : 'session.revoke',
    at: now,
    userId: input.userId,
    ip: input.client.ip,
    userAgent: input.client.userAgent,
    details: input.current ? undefined : { sessionId: input.sessionId },
  });
}
