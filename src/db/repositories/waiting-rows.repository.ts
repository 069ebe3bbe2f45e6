import type { Db } from './types.js';

/** At most this many rows of a kind per look; the sweep looks again soon. */
const BATCH = 500;

/**
 * Rows that wait for a background job, oldest first: what the stranded-job sweep checks has a job (a run stays
 * `queued` until its job starts it, a refinement `pending` until its job ends it).
 */
export function waitingRowsRepository(db: Db) {
  const queued = async (table: 'reports' | 'data_exports' | 'ai_actions', before: string): Promise<string[]> => {
    const rows = await db.selectFrom(table).select('id').where('status', '=', 'queued').where('created_at', '<', before).orderBy('created_at').limit(BATCH).execute();
    return rows.map((row) => row.id);
  };
  return {
    /** Runs queued since before `before`. */
    async runs(before: string): Promise<string[]> {
      const rows = await db.selectFrom('runs').select('id').where('status', '=', 'queued').where('queued_at', '<', before).orderBy('queued_at').limit(BATCH).execute();
      return rows.map((row) => row.id);
    },
    reports: (before: string) => queued('reports', before),
    exports: (before: string) => queued('data_exports', before),
    aiActions: (before: string) => queued('ai_actions', before),
    /** Assignments whose AI refinement has been pending since before `before`, with when it was asked for. */
    async refinements(before: string): Promise<Array<{ id: string; requestedAt: string }>> {
      const rows = await db
        .selectFrom('assignments')
        .select(['id', 'ai_requested_at'])
        .where('ai_status', '=', 'pending')
        .where('ai_requested_at', '<', before)
        .orderBy('ai_requested_at')
        .limit(BATCH)
        .$narrowType<{ ai_requested_at: string }>()
        .execute();
      return rows.map((row) => ({ id: row.id, requestedAt: row.ai_requested_at }));
    },
  };
}
