import { sql, type Kysely } from 'kysely';
import type { MigrationDialect } from './types.js';

/** Student profiles, feedback, named plans with their limits and who is on which, and revoked invites. */
export function profilesAdminMigration(dialect: MigrationDialect) {
  const ts = dialect === 'postgres' ? sql`timestamptz` : sql`text`;
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('profiles')
        .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
        .addColumn('institution', 'text')
        .addColumn('course', 'text')
        .addColumn('year', 'integer')
        .addColumn('graduation_year', 'integer')
        .addColumn('preferred_theme', 'text')
        .addColumn('file_name_pattern', 'text')
        .addColumn('updated_at', ts, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('feedback')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('assignment_id', 'text', (c) => c.references('assignments.id').onDelete('set null'))
        .addColumn('rating', 'integer', (c) => c.notNull().check(sql`rating between 1 and 5`))
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('created_at', ts, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('feedback_created_idx').on('feedback').columns(['created_at', 'id']).execute();
      await db.schema.createIndex('feedback_user_idx').on('feedback').column('user_id').execute();

      await db.schema
        .createTable('plans')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull().unique())
        .addColumn('runs_per_hour', 'integer', (c) => c.notNull())
        .addColumn('concurrent_runs', 'integer', (c) => c.notNull())
        .addColumn('storage_mb', 'integer', (c) => c.notNull())
        .addColumn('ai_tokens_per_day', 'integer', (c) => c.notNull())
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('updated_at', ts, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('user_plans')
        .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
        .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
        .addColumn('assigned_at', ts, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('user_plans_plan_idx').on('user_plans').column('plan_id').execute();

      await db.schema
        .createTable('invite_revocations')
        .addColumn('invite_id', 'text', (c) => c.primaryKey().references('invites.id').onDelete('cascade'))
        .addColumn('revoked_by', 'text', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('revoked_at', ts, (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of ['invite_revocations', 'user_plans', 'plans', 'feedback', 'profiles']) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
