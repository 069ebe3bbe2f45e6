import { sql, type Kysely } from 'kysely';
import type { MigrationDialect } from './types.js';

/** Composed reports: the request (order, removals, placement) and the DOCX and PDF it produced. */
export function reportsMigration(dialect: MigrationDialect) {
  const ts = dialect === 'postgres' ? sql`timestamptz` : sql`text`;
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('reports')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('assignment_id', 'text', (c) => c.notNull().references('assignments.id').onDelete('cascade'))
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('queued', 'running', 'succeeded', 'failed')`))
        .addColumn('request', 'text', (c) => c.notNull())
        .addColumn('docx_key', 'text')
        .addColumn('pdf_key', 'text')
        .addColumn('pdf_error', 'text')
        .addColumn('error', 'text')
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('finished_at', ts)
        .execute();
      await db.schema.createIndex('reports_assignment_idx').on('reports').columns(['assignment_id', 'created_at']).execute();
      await db.schema.createIndex('reports_owner_idx').on('reports').columns(['owner_id', 'created_at']).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('reports').execute();
    },
  };
}
