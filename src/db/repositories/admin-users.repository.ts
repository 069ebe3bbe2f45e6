import { sql } from 'kysely';
import type { Role, UserRow } from '../schema.js';
import type { Db } from './types.js';

export type UserSort = 'created' | 'email' | 'name';

/** A user as the administrators' list shows it; `last_seen_at` is their latest session's, null when none is kept. */
export type AdminUserRow = Omit<UserRow, 'password_hash'> & { plan_name: string | null; last_seen_at: string | null };

/** Where a page of users starts: the value of the sort column and the id that breaks ties. */
export interface UserPosition {
  value: string;
  id: string;
}

const SORT_COLUMN = { created: 'users.created_at', email: 'users.email', name: 'users.display_name' } as const;

/** A LIKE pattern matching `text` anywhere, with LIKE's wildcards in `text` taken literally. */
function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The administrators' view of accounts: search, sort and page them, disable them, change their role. */
export function adminUsersRepository(db: Db) {
  function listed() {
    return db
      .selectFrom('users')
      .leftJoin('user_plans', 'user_plans.user_id', 'users.id')
      .leftJoin('plans', 'plans.id', 'user_plans.plan_id')
      .select([
        'users.id',
        'users.email',
        'users.display_name',
        'users.role',
        'users.disabled_at',
        'users.created_at',
        'users.updated_at',
        'plans.name as plan_name',
        (eb) =>
          eb
            .selectFrom('sessions')
            .select((inner) => inner.fn.max('sessions.last_seen_at').as('last_seen'))
            .whereRef('sessions.user_id', '=', 'users.id')
            .as('last_seen_at'),
      ]);
  }
  return {
    find(userId: string): Promise<AdminUserRow | undefined> {
      return listed().where('users.id', '=', userId).executeTakeFirst();
    },
    /** One page of users matching `search` (in email or name), newest first or by email or name. */
    async page(options: { search?: string | undefined; sort: UserSort; limit: number; after?: UserPosition | undefined }): Promise<AdminUserRow[]> {
      const column = SORT_COLUMN[options.sort];
      const direction = options.sort === 'created' ? 'desc' : 'asc';
      let query = listed()
        .orderBy(column, direction)
        .orderBy('users.id', direction)
        .limit(options.limit);
      if (options.search) {
        const pattern = containsPattern(options.search);
        query = query.where((eb) =>
          eb.or([
            eb(sql`lower(users.email)`, 'like', sql`${pattern} escape '\\'`),
            eb(sql`lower(users.display_name)`, 'like', sql`${pattern} escape '\\'`),
          ]),
        );
      }
      const after = options.after;
      if (after) {
        const past = direction === 'desc' ? '<' : '>';
        query = query.where((eb) =>
          eb.or([eb(column, past, after.value), eb.and([eb(column, '=', after.value), eb('users.id', past, after.id)])]),
        );
      }
      return query.execute();
    },
    async setDisabled(userId: string, disabledAt: string | null, now: string): Promise<void> {
      await db.updateTable('users').set({ disabled_at: disabledAt, updated_at: now }).where('id', '=', userId).execute();
    },
    async setRole(userId: string, role: Role, now: string): Promise<void> {
      await db.updateTable('users').set({ role, updated_at: now }).where('id', '=', userId).execute();
    },
    /** Deletes the account; every row that references it goes with it or loses the reference. */
    async delete(userId: string): Promise<void> {
      await db.deleteFrom('users').where('id', '=', userId).execute();
    },
    /** What one user has used: uploads, runs, reports, and the bytes of their uploads and run artifacts. */
    async usage(userId: string): Promise<{ uploads: number; storageBytes: number; runs: number; reports: number; aiTokens: number }> {
      const [uploads, artifacts, runs, reports, ai] = await Promise.all([
        db
          .selectFrom('assignments')
          .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('size_bytes').as('bytes')])
          .where('owner_id', '=', userId)
          .executeTakeFirstOrThrow(),
        db
          .selectFrom('artifacts')
          .select((eb) => eb.fn.sum<number>('bytes').as('bytes'))
          .where('owner_id', '=', userId)
          .executeTakeFirstOrThrow(),
        db.selectFrom('runs').select((eb) => eb.fn.countAll<number>().as('n')).where('owner_id', '=', userId).executeTakeFirstOrThrow(),
        db.selectFrom('reports').select((eb) => eb.fn.countAll<number>().as('n')).where('owner_id', '=', userId).executeTakeFirstOrThrow(),
        db
          .selectFrom('ai_usage')
          .select((eb) => eb.fn.sum<number>(sql<number>`prompt_tokens + completion_tokens`).as('n'))
          .where('user_id', '=', userId)
          .executeTakeFirstOrThrow(),
      ]);
      return {
        uploads: Number(uploads.n),
        storageBytes: Number(uploads.bytes ?? 0) + Number(artifacts.bytes ?? 0),
        runs: Number(runs.n),
        reports: Number(reports.n),
        aiTokens: Number(ai.n ?? 0),
      };
    },
  };
}
