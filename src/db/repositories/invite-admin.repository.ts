import type { InviteRow } from '../schema.js';
import type { Db } from './types.js';

/** An invite as administrators see it, with when it was revoked. */
export type ListedInvite = InviteRow & { revoked_at: string | null };

/** Listing and revoking invites; a revoked invite also expires, so redeeming it fails like any expired code. */
export function inviteAdminRepository(db: Db) {
  return {
    /** Newest first, from `before`; `onlyId` narrows to one invite. */
    page(limit: number, before?: { at: string; id: string }, onlyId?: string): Promise<ListedInvite[]> {
      let query = db
        .selectFrom('invites')
        .leftJoin('invite_revocations', 'invite_revocations.invite_id', 'invites.id')
        .selectAll('invites')
        .select('invite_revocations.revoked_at as revoked_at')
        .orderBy('invites.created_at', 'desc')
        .orderBy('invites.id', 'desc')
        .limit(limit);
      if (onlyId) query = query.where('invites.id', '=', onlyId);
      if (before) {
        query = query.where((eb) =>
          eb.or([eb('invites.created_at', '<', before.at), eb.and([eb('invites.created_at', '=', before.at), eb('invites.id', '<', before.id)])]),
        );
      }
      return query.execute();
    },
    /** Revokes the invite; false when there is no such invite or it is already revoked. */
    async revoke(inviteId: string, revokedBy: string, now: string): Promise<boolean> {
      const invite = await db
        .selectFrom('invites')
        .leftJoin('invite_revocations', 'invite_revocations.invite_id', 'invites.id')
        .select(['invites.id', 'invite_revocations.revoked_at'])
        .where('invites.id', '=', inviteId)
        .executeTakeFirst();
      if (!invite || invite.revoked_at !== null) return false;
      await db.insertInto('invite_revocations').values({ invite_id: inviteId, revoked_by: revokedBy, revoked_at: now }).execute();
      await db.updateTable('invites').set({ expires_at: now }).where('id', '=', inviteId).execute();
      return true;
    },
  };
}
