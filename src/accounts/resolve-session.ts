import { sessionsRepository, type ActiveSession } from '../db/repositories/sessions.repository.js';
import type { AccountDeps } from './deps.js';
import { SESSION_IDLE_MS, SESSION_TOUCH_INTERVAL_MS } from './session-policy.js';
import { hashToken } from './tokens.js';

/** The live session behind a cookie token, refreshing its idle timer; undefined when there is none. */
export async function resolveSession(deps: AccountDeps, token: string): Promise<ActiveSession | undefined> {
  const now = deps.clock();
  const sessions = sessionsRepository(deps.db);
  const idleSince = new Date(now.getTime() - SESSION_IDLE_MS).toISOString();
  const session = await sessions.findActive(hashToken(token), now.toISOString(), idleSince);
  if (session && now.getTime() - Date.parse(session.lastSeenAt) > SESSION_TOUCH_INTERVAL_MS) {
    await sessions.touch(session.sessionId, now.toISOString());
  }
  return session;
}
