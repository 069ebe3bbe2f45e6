import type { Kysely } from 'kysely';

const INDEXES = [
  { name: 'runs_status_idx', table: 'runs', columns: ['status', 'queued_at'] },
  { name: 'reports_status_idx', table: 'reports', columns: ['status', 'created_at'] },
  { name: 'data_exports_status_idx', table: 'data_exports', columns: ['status', 'created_at'] },
  { name: 'ai_actions_status_idx', table: 'ai_actions', columns: ['status', 'created_at'] },
  { name: 'assignments_ai_status_idx', table: 'assignments', columns: ['ai_status', 'updated_at'] },
];

/** The stranded-job sweep finds rows waiting for a job by state and age, every half stall window, without a table scan. */
export function waitingRowsMigration() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      for (const index of INDEXES) await db.schema.createIndex(index.name).on(index.table).columns(index.columns).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const index of INDEXES) await db.schema.dropIndex(index.name).execute();
    },
  };
}
