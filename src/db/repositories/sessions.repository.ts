import { CompiledQuery } from 'kysely';
import type { Role, SessionRow } from '../schema.js';
import type { Db } from './types.js';

/** A live session joined with the facts about its user that every request needs. */
export interface ActiveSession {
  sessionId: string;
  userId: string;
  role: Role;
  email: string;
  displayName: string;
  createdAt: string;
  lastSeenAt: string;
}

function findActiveQuery(db: Db, tokenHash: string, now: string, idleSince: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as sessionId',
      'sessions.user_id as userId',
      'users.role as role',
      'users.email as email',
      'users.display_name as displayName',
      'sessions.created_at as createdAt',
      'sessions.last_seen_at as lastSeenAt',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', now)
    .where('sessions.last_seen_at', '>', idleSince)
    .where('users.disabled_at', 'is', null);
}

// Every request looks its session up: build that SQL once per database and only bind the three values.
const compiledFindActive = new WeakMap<Db, CompiledQuery<ActiveSession>>();

/** Session rows, found only by the hash of their token and always scoped to their owner for listing and revoking. */
export function sessionsRepository(db: Db) {
  return {
    async create(row: Omit<SessionRow, 'revoked_at'>): Promise<void> {
      await db.insertInto('sessions').values({ ...row, revoked_at: null }).execute();
    },
    /** The session for a token hash when it is neither revoked, past its absolute expiry, idle too long, nor its user disabled. */
    async findActive(tokenHash: string, now: string, idleSince: string): Promise<ActiveSession | undefined> {
      let compiled = compiledFindActive.get(db);
      if (!compiled) {
        compiled = findActiveQuery(db, '', '', '').compile();
        compiledFindActive.set(db, compiled);
      }
      const result = await db.executeQuery<ActiveSession>(CompiledQuery.raw(compiled.sql, [tokenHash, now, idleSince]));
      return result.rows[0];
    },
    async touch(sessionId: string, now: string): Promise<void> {
      await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', sessionId).execute();
    },
    listActive(userId: string, now: string, idleSince: string): Promise<SessionRow[]> {
      return db
        .selectFrom('sessions')
        .selectAll()
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .where('expires_at', '>', now)
        .where('last_seen_at', '>', idleSince)
        .orderBy('created_at', 'desc')
        .execute();
    },
    /** Revokes one of the user's sessions; false when it is not theirs or already ended. */
    async revoke(userId: string, sessionId: string, now: string): Promise<boolean> {
      const result = await db
        .updateTable('sessions')
        .set({ revoked_at: now })
        .where('id', '=', sessionId)
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    /** Revokes every session of the user except `keepSessionId`; returns how many ended. */
    async revokeAll(userId: string, now: string, keepSessionId?: string): Promise<number> {
      let query = db.updateTable('sessions').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null);
      if (keepSessionId) query = query.where('id', '!=', keepSessionId);
      const result = await query.executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    /** Removes sessions that ended before `before` (housekeeping). */
    async deleteEndedBefore(before: string): Promise<number> {
      const result = await db
        .deleteFrom('sessions')
        .where((eb) => eb.or([eb('expires_at', '<', before), eb('revoked_at', '<', before)]))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
