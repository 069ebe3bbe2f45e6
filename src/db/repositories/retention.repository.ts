import type { ArtifactRow, ReportRow } from '../schema.js';
import type { Db } from './types.js';

type KeyedTable = 'assignments' | 'artifacts' | 'reports' | 'data_exports';

/** What the maintenance loop reads and deletes: rows past their retention, and which blob owners still exist. */
export function retentionRepository(db: Db) {
  return {
    /** Up to `limit` finished reports (succeeded or failed) that finished before `before`. */
    expiredReports(before: string, limit: number): Promise<ReportRow[]> {
      return db.selectFrom('reports').selectAll().where('finished_at', '<', before).orderBy('finished_at').limit(limit).execute();
    },
    async deleteReports(ids: string[]): Promise<void> {
      if (ids.length > 0) await db.deleteFrom('reports').where('id', 'in', ids).execute();
    },
    /** Up to `limit` runs that finished before `before` and still have artifacts. */
    async runsWithOldArtifacts(before: string, limit: number): Promise<string[]> {
      const rows = await db
        .selectFrom('runs')
        .select('id')
        .where('finished_at', '<', before)
        .where((eb) => eb.exists(eb.selectFrom('artifacts').select('artifacts.id').whereRef('artifacts.run_id', '=', 'runs.id')))
        .orderBy('finished_at')
        .limit(limit)
        .execute();
      return rows.map((row) => row.id);
    },
    artifactsOf(runId: string): Promise<ArtifactRow[]> {
      return db.selectFrom('artifacts').selectAll().where('run_id', '=', runId).execute();
    },
    /** Deletes the run's artifact rows and records when; the run, its results and transcripts stay. */
    async expireArtifacts(runId: string, now: string): Promise<void> {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('artifacts').where('run_id', '=', runId).execute();
        await trx.updateTable('runs').set({ artifacts_expired_at: now }).where('id', '=', runId).where('artifacts_expired_at', 'is', null).execute();
      });
    },
    /** Which of `ids` still have a row in `table`. */
    async existing(table: KeyedTable, ids: string[]): Promise<Set<string>> {
      const found = new Set<string>();
      for (let start = 0; start < ids.length; start += 500) {
        const chunk = ids.slice(start, start + 500);
        const rows = await db.selectFrom(table).select('id').where('id', 'in', chunk).execute();
        for (const row of rows) found.add(row.id);
      }
      return found;
    },
  };
}
