import { sessionsRepository } from '../db/repositories/sessions.repository.js';
import type { AccountDeps } from './deps.js';

const KEEP_ENDED_MS = 30 * 24 * 60 * 60_000;

/** Deletes sessions that ended (expired or revoked) more than 30 days ago; returns how many. */
export function sweepEndedSessions(deps: AccountDeps): Promise<number> {
  return sessionsRepository(deps.db).deleteEndedBefore(new Date(deps.clock().getTime() - KEEP_ENDED_MS).toISOString());
}
