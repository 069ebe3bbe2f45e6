import type { AiCacheRow } from '../schema.js';
import type { Db } from './types.js';

/** Validated AI answers by request key, so the same request is never paid twice. */
export function aiCacheRepository(db: Db) {
  return {
    /** The answer stored for `key`, if any. */
    find(key: string): Promise<AiCacheRow | undefined> {
      return db.selectFrom('ai_cache').selectAll().where('key', '=', key).executeTakeFirst();
    },
    /** Keeps an answer; a concurrent identical request that stored first wins. */
    async store(row: AiCacheRow): Promise<void> {
      await db
        .insertInto('ai_cache')
        .values(row)
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
    },
    /** Forgets answers stored before `before`; returns how many. */
    async deleteOlderThan(before: string): Promise<number> {
      const result = await db.deleteFrom('ai_cache').where('created_at', '<', before).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
