import type { OneTimeTokenPurpose, OneTimeTokenRow } from '../schema.js';
import type { Db } from './types.js';

/** Single-use tokens (admin set-up, set-password links), stored only as hashes. */
export function oneTimeTokensRepository(db: Db) {
  return {
    async create(row: Omit<OneTimeTokenRow, 'used_at'>): Promise<void> {
      await db.insertInto('one_time_tokens').values({ ...row, used_at: null }).execute();
    },
    /** Marks the token used and returns it; undefined when unknown, of another purpose, used or expired. */
    async consume(tokenHash: string, purpose: OneTimeTokenPurpose, now: string): Promise<OneTimeTokenRow | undefined> {
      const row = await db
        .selectFrom('one_time_tokens')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .where('purpose', '=', purpose)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      if (!row) return undefined;
      const result = await db
        .updateTable('one_time_tokens')
        .set({ used_at: now })
        .where('id', '=', row.id)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1 ? row : undefined;
    },
    async expireAll(purpose: OneTimeTokenPurpose, now: string): Promise<void> {
      await db.updateTable('one_time_tokens').set({ used_at: now }).where('purpose', '=', purpose).where('used_at', 'is', null).execute();
    },
  };
}
