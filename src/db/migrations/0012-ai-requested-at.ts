import { sql, type Kysely } from 'kysely';
import type { MigrationDialect } from './types.js';

/**
 * When the pending AI refinement was asked for (an upload or a reparse): it names that request's job, and an older
 * job stands down. `updated_at` cannot serve, as edits the refinement does not decide move it and leave it pending.
 * The stranded-job sweep finds pending refinements by it.
 */
export function aiRequestedAtMigration(dialect: MigrationDialect) {
  const ts = dialect === 'postgres' ? sql`timestamptz` : sql`text`;
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('assignments').addColumn('ai_requested_at', ts).execute();
      await sql`update assignments set ai_requested_at = updated_at where ai_status = 'pending'`.execute(db);
      await db.schema.dropIndex('assignments_ai_status_idx').execute();
      await db.schema.createIndex('assignments_ai_pending_idx').on('assignments').columns(['ai_status', 'ai_requested_at']).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex('assignments_ai_pending_idx').execute();
      await db.schema.createIndex('assignments_ai_status_idx').on('assignments').columns(['ai_status', 'updated_at']).execute();
      await db.schema.alterTable('assignments').dropColumn('ai_requested_at').execute();
    },
  };
}
