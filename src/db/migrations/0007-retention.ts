import { sql, type Kysely } from 'kysely';
import type { MigrationDialect } from './types.js';

/** Retention: a run remembers when its artifacts were deleted for age; finished reports are found by age. */
export function retentionMigration(dialect: MigrationDialect) {
  const ts = dialect === 'postgres' ? sql`timestamptz` : sql`text`;
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('runs').addColumn('artifacts_expired_at', ts).execute();
      await db.schema.createIndex('runs_finished_idx').on('runs').column('finished_at').execute();
      await db.schema.createIndex('reports_finished_idx').on('reports').column('finished_at').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex('reports_finished_idx').execute();
      await db.schema.dropIndex('runs_finished_idx').execute();
      await db.schema.alterTable('runs').dropColumn('artifacts_expired_at').execute();
    },
  };
}
