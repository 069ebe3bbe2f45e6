import { sql, type Kysely } from 'kysely';
import type { MigrationDialect } from './types.js';

/** Uploaded assignments and their tasks (parsed once at upload, then edited by the student). */
export function assignmentsMigration(dialect: MigrationDialect) {
  const ts = dialect === 'postgres' ? sql`timestamptz` : sql`text`;
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('assignments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('original_name', 'text', (c) => c.notNull())
        .addColumn('format', 'text', (c) => c.notNull().check(sql`format in ('docx', 'pdf')`))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('pages', 'integer')
        .addColumn('warnings', 'text', (c) => c.notNull())
        .addColumn('blob_key', 'text', (c) => c.notNull())
        .addColumn('model_key', 'text', (c) => c.notNull())
        .addColumn('size_bytes', 'integer', (c) => c.notNull())
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('updated_at', ts, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('assignments_owner_created_idx').on('assignments').columns(['owner_id', 'created_at', 'id']).execute();

      await db.schema
        .createTable('tasks')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('assignment_id', 'text', (c) => c.notNull().references('assignments.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('question', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('code', 'theory', 'other')`))
        .addColumn('language', 'text', (c) => c.notNull())
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('stdin', 'text', (c) => c.notNull())
        .addColumn('expected_output', 'text', (c) => c.notNull())
        .addColumn('input_files', 'text', (c) => c.notNull())
        .addColumn('wants_screenshot', 'integer', (c) => c.notNull())
        .addColumn('anchor_block', 'integer')
        .addColumn('theme', 'text')
        .addColumn('origin', 'text', (c) => c.notNull().check(sql`origin in ('parsed', 'user')`))
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('updated_at', ts, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('tasks_assignment_position_idx').on('tasks').columns(['assignment_id', 'position']).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('tasks').execute();
      await db.schema.dropTable('assignments').execute();
    },
  };
}
