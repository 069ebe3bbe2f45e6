import type { NewUser, UserRow } from '../schema.js';
import type { Db } from './types.js';

/** Account rows: lookup by id or email, creation, password changes. */
export function usersRepository(db: Db) {
  return {
    async create(user: NewUser): Promise<UserRow> {
      await db.insertInto('users').values(user).execute();
      return { ...user, password_hash: user.password_hash ?? null, disabled_at: user.disabled_at ?? null } as UserRow;
    },
    findById(id: string): Promise<UserRow | undefined> {
      return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    },
    findByEmail(email: string): Promise<UserRow | undefined> {
      return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
    },
    async countAdmins(): Promise<number> {
      const row = await db
        .selectFrom('users')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('role', '=', 'admin')
        .where('disabled_at', 'is', null)
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },
    async setPasswordHash(id: string, passwordHash: string, now: string): Promise<void> {
      await db.updateTable('users').set({ password_hash: passwordHash, updated_at: now }).where('id', '=', id).execute();
    },
  };
}
