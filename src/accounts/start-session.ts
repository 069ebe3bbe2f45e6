import { randomUUID } from 'node:crypto';
import { isoAfter } from '../clock.js';
import { sessionsRepository } from '../db/repositories/sessions.repository.js';
import type { AccountDeps, ClientInfo } from './deps.js';
import { SESSION_ABSOLUTE_MS } from './session-policy.js';
import { hashToken, newToken } from './tokens.js';

/** A new session: the token goes to the client once, only its hash is stored. */
export interface StartedSession {
  sessionId: string;
  token: string;
  expiresAt: string;
}

/** Opens a session for the user; a session the client already held is revoked, so the token rotates at sign-in. */
export async function startSession(
  deps: AccountDeps,
  input: { userId: string; client: ClientInfo; previousToken?: string | undefined },
): Promise<StartedSession> {
  const now = deps.clock();
  const sessions = sessionsRepository(deps.db);
  if (input.previousToken) {
    const previous = await sessions.findActive(hashToken(input.previousToken), now.toISOString(), new Date(0).toISOString());
    if (previous) await sessions.revoke(previous.userId, previous.sessionId, now.toISOString());
  }
  const token = newToken();
  const sessionId = randomUUID();
  const expiresAt = isoAfter(now, SESSION_ABSOLUTE_MS);
  await sessions.create({
    id: sessionId,
    user_id: input.userId,
    token_hash: hashToken(token),
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: expiresAt,
    ip: input.client.ip,
    user_agent: input.client.userAgent?.slice(0, 512) ?? null,
  });
  return { sessionId, token, expiresAt };
}
