import type { ProfileRow } from '../schema.js';
import type { Db } from './types.js';

/** The editable profile fields, without the owner and timestamp. */
export type ProfileFields = Omit<ProfileRow, 'user_id' | 'updated_at'>;

const EMPTY: ProfileFields = {
  institution: null,
  course: null,
  year: null,
  graduation_year: null,
  preferred_theme: null,
  file_name_pattern: null,
};

/** One profile row per user, created on first edit; reads of a user without one see every field empty. */
export function profilesRepository(db: Db) {
  return {
    async find(userId: string): Promise<ProfileFields & { updated_at: string | null }> {
      const row = await db.selectFrom('profiles').selectAll().where('user_id', '=', userId).executeTakeFirst();
      return row ?? { ...EMPTY, updated_at: null };
    },
    /** Writes the given fields (others keep their value), creating the row when there is none. */
    async save(userId: string, changes: Partial<ProfileFields>, now: string): Promise<void> {
      await db
        .insertInto('profiles')
        .values({ ...EMPTY, ...changes, user_id: userId, updated_at: now })
        .onConflict((oc) => oc.column('user_id').doUpdateSet({ ...changes, updated_at: now }))
        .execute();
    },
    async setDisplayName(userId: string, displayName: string, now: string): Promise<void> {
      await db.updateTable('users').set({ display_name: displayName, updated_at: now }).where('id', '=', userId).execute();
    },
  };
}
