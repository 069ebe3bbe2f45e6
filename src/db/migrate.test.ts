import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../../test/helpers/databases.js';
import { migrateToLatest } from './migrate.js';
import { usersRepository } from './repositories/users.repository.js';
import { isUniqueViolation } from './unique-violation.js';

describe.each(testDialects())('migrations on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
  });
  afterAll(async () => {
    await database.dispose();
  });

  it('are idempotent', async () => {
    expect(await migrateToLatest(database.handle)).toEqual([]);
  });

  it('enforce unique emails at the database', async () => {
    const users = usersRepository(database.handle.db);
    const now = new Date().toISOString();
    const base = { display_name: 'A', password_hash: null, role: 'student' as const, disabled_at: null, created_at: now, updated_at: now };
    await users.create({ ...base, id: 'u1', email: 'same@example.com' });
    const error = await users.create({ ...base, id: 'u2', email: 'same@example.com' }).catch((e: unknown) => e);
    expect(isUniqueViolation(error)).toBe(true);
  });

  it('store and compare timestamps as UTC instants', async () => {
    const users = usersRepository(database.handle.db);
    const created = '2026-02-03T04:05:06.789Z';
    await users.create({ id: 'u3', email: 'time@example.com', display_name: 'T', password_hash: null, role: 'student', disabled_at: null, created_at: created, updated_at: created });
    const row = await users.findById('u3');
    expect(row?.created_at).toBe(created);
    const later = await database.handle.db
      .selectFrom('users')
      .select('id')
      .where('created_at', '>', '2026-02-03T04:05:06.000Z')
      .where('id', '=', 'u3')
      .execute();
    expect(later).toHaveLength(1);
  });

  it('index the list and count queries', async () => {
    const indexes =
      dialect === 'sqlite'
        ? (await sql<{ name: string }>`select name from sqlite_master where type = 'index'`.execute(database.handle.db)).rows
        : (await sql<{ name: string }>`select indexname as name from pg_indexes where schemaname = current_schema()`.execute(database.handle.db)).rows;
    const names = indexes.map((r) => r.name);
    for (const name of ['sessions_user_idx', 'audit_log_occurred_idx', 'audit_log_user_idx', 'users_role_idx']) expect(names).toContain(name);
  });
});
