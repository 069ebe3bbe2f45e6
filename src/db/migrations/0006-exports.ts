import { sql, type Kysely } from 'kysely';
import type { MigrationDialect } from './types.js';

/** Exports of a user's data: a zip built by a background job, downloaded when ready. */
export function exportsMigration(dialect: MigrationDialect) {
  const ts = dialect === 'postgres' ? sql`timestamptz` : sql`text`;
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('data_exports')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('queued', 'running', 'succeeded', 'failed')`))
        .addColumn('blob_key', 'text')
        .addColumn('bytes', 'integer')
        .addColumn('error', 'text')
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('finished_at', ts)
        .execute();
      await db.schema.createIndex('data_exports_owner_idx').on('data_exports').columns(['owner_id', 'created_at']).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('data_exports').execute();
    },
  };
}
