import type { Db } from './types.js';

export interface ThrottleState {
  failures: number;
  lastFailureAt: string;
  blockedUntil: string | null;
}

/** Failure counters for sign-in, keyed by account or by client address. */
export function authThrottleRepository(db: Db) {
  return {
    async get(key: string): Promise<ThrottleState | undefined> {
      const row = await db.selectFrom('auth_throttle').selectAll().where('key', '=', key).executeTakeFirst();
      return row && { failures: row.failures, lastFailureAt: row.last_failure_at, blockedUntil: row.blocked_until };
    },
    async put(key: string, state: ThrottleState): Promise<void> {
      const values = { failures: state.failures, last_failure_at: state.lastFailureAt, blocked_until: state.blockedUntil };
      await db
        .insertInto('auth_throttle')
        .values({ key, ...values })
        .onConflict((oc) => oc.column('key').doUpdateSet(values))
        .execute();
    },
    async clear(key: string): Promise<void> {
      await db.deleteFrom('auth_throttle').where('key', '=', key).execute();
    },
  };
}
