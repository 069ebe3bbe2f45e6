import type { InviteRow } from '../schema.js';
import type { Db } from './types.js';

/** Invite codes and their uses; a use is counted atomically so a race cannot exceed max_uses. */
export function invitesRepository(db: Db) {
  return {
    async create(row: Omit<InviteRow, 'use_count'>): Promise<void> {
      await db.insertInto('invites').values(row).execute();
    },
    /** Takes one use of the code for the user; false when unknown, expired or used up. Call inside a transaction. */
    async consume(code: string, userId: string, now: string): Promise<boolean> {
      const invite = await db.selectFrom('invites').select(['id']).where('code', '=', code).executeTakeFirst();
      if (!invite) return false;
      const result = await db
        .updateTable('invites')
        .set((eb) => ({ use_count: eb('use_count', '+', 1) }))
        .where('id', '=', invite.id)
        .where((eb) => eb('use_count', '<', eb.ref('max_uses')))
        .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return false;
      await db.insertInto('invite_uses').values({ invite_id: invite.id, user_id: userId, used_at: now }).execute();
      return true;
    },
  };
}
