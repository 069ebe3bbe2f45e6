import { sql, type Kysely } from 'kysely';
import type { MigrationDialect } from './types.js';

/** AI drafts on tasks (marked until the student accepts or edits them), AI refinement state, and AI actions as jobs. */
export function aiDraftsMigration(dialect: MigrationDialect) {
  const ts = dialect === 'postgres' ? sql`timestamptz` : sql`text`;
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('tasks').addColumn('code_draft', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable('tasks').addColumn('stdin_draft', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable('tasks').addColumn('answer', 'text', (c) => c.notNull().defaultTo('')).execute();
      await db.schema
        .alterTable('tasks')
        .addColumn('answer_status', 'text', (c) => c.notNull().defaultTo('none').check(sql`answer_status in ('none', 'draft', 'accepted')`))
        .execute();
      await db.schema
        .alterTable('assignments')
        .addColumn('ai_status', 'text', (c) =>
          c.notNull().defaultTo('off').check(sql`ai_status in ('off', 'pending', 'done', 'skipped', 'failed')`),
        )
        .execute();
      await db.schema.alterTable('assignments').addColumn('ai_detail', 'text').execute();

      await db.schema
        .createTable('ai_actions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('owner_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('assignment_id', 'text', (c) => c.notNull().references('assignments.id').onDelete('cascade'))
        .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
        .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('draft_code', 'suggest_input', 'draft_answer', 'review')`))
        .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('queued', 'running', 'succeeded', 'failed')`))
        .addColumn('result', 'text')
        .addColumn('error', 'text')
        .addColumn('created_at', ts, (c) => c.notNull())
        .addColumn('finished_at', ts)
        .execute();
      await db.schema.createIndex('ai_actions_task_idx').on('ai_actions').columns(['task_id', 'created_at']).execute();
      await db.schema.createIndex('ai_actions_owner_idx').on('ai_actions').column('owner_id').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('ai_actions').execute();
      for (const column of ['ai_detail', 'ai_status']) await db.schema.alterTable('assignments').dropColumn(column).execute();
      for (const column of ['answer_status', 'answer', 'stdin_draft', 'code_draft']) await db.schema.alterTable('tasks').dropColumn(column).execute();
    },
  };
}
