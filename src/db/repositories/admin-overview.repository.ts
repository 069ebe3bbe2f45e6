import type { Db } from './types.js';

/** Counts across the whole server for the administrators' overview. */
export interface OverviewCounts {
  users: number;
  admins: number;
  disabledUsers: number;
  newUsersSince: number;
  activeSessions: number;
  assignments: number;
  /** Uploads and run artifacts. */
  storageBytes: number;
  feedback: number;
  averageRating: number | null;
  openInvites: number;
}

/** Server-wide counts; `since` bounds "new users", `now` and `idleSince` decide which sessions are live. */
export function adminOverviewRepository(db: Db) {
  return {
    async counts(input: { since: string; now: string; idleSince: string }): Promise<OverviewCounts> {
      const [users, sessions, assignments, artifacts, feedback, invites] = await Promise.all([
        db
          .selectFrom('users')
          .select((eb) => [
            eb.fn.countAll<number>().as('total'),
            eb.fn.sum<number>(eb.case().when('role', '=', 'admin').then(1).else(0).end()).as('admins'),
            eb.fn.sum<number>(eb.case().when('disabled_at', 'is not', null).then(1).else(0).end()).as('disabled'),
            eb.fn.sum<number>(eb.case().when('created_at', '>=', input.since).then(1).else(0).end()).as('recent'),
          ])
          .executeTakeFirstOrThrow(),
        db
          .selectFrom('sessions')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('revoked_at', 'is', null)
          .where('expires_at', '>', input.now)
          .where('last_seen_at', '>', input.idleSince)
          .executeTakeFirstOrThrow(),
        db
          .selectFrom('assignments')
          .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('size_bytes').as('bytes')])
          .executeTakeFirstOrThrow(),
        db
          .selectFrom('artifacts')
          .select((eb) => eb.fn.sum<number>('bytes').as('bytes'))
          .executeTakeFirstOrThrow(),
        db
          .selectFrom('feedback')
          .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.avg<number>('rating').as('average')])
          .executeTakeFirstOrThrow(),
        db
          .selectFrom('invites')
          .leftJoin('invite_revocations', 'invite_revocations.invite_id', 'invites.id')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('invite_revocations.invite_id', 'is', null)
          .where((eb) => eb('invites.use_count', '<', eb.ref('invites.max_uses')))
          .where((eb) => eb.or([eb('invites.expires_at', 'is', null), eb('invites.expires_at', '>', input.now)]))
          .executeTakeFirstOrThrow(),
      ]);
      return {
        users: Number(users.total),
        admins: Number(users.admins ?? 0),
        disabledUsers: Number(users.disabled ?? 0),
        newUsersSince: Number(users.recent ?? 0),
        activeSessions: Number(sessions.n),
        assignments: Number(assignments.n),
        storageBytes: Number(assignments.bytes ?? 0) + Number(artifacts.bytes ?? 0),
        feedback: Number(feedback.n),
        averageRating: feedback.average === null ? null : Math.round(Number(feedback.average) * 100) / 100,
        openInvites: Number(invites.n),
      };
    },
  };
}
