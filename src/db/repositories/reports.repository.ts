import type { ArtifactRow, ReportRow, RunTaskRow } from '../schema.js';
import type { Db } from './types.js';

/** Reports and what composing one reads: each task's latest finished result and its artifacts. */
export function reportsRepository(db: Db) {
  return {
    async create(report: ReportRow): Promise<void> {
      await db.insertInto('reports').values(report).execute();
    },
    find(ownerId: string, id: string): Promise<ReportRow | undefined> {
      return db.selectFrom('reports').selectAll().where('id', '=', id).where('owner_id', '=', ownerId).executeTakeFirst();
    },
    get(id: string): Promise<ReportRow | undefined> {
      return db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
    },
    async update(id: string, changes: Partial<Omit<ReportRow, 'id' | 'owner_id' | 'assignment_id'>>): Promise<void> {
      await db.updateTable('reports').set(changes).where('id', '=', id).execute();
    },
    /** The newest finished result of every task of the assignment that ran at least once. */
    async latestResults(assignmentId: string): Promise<Map<string, RunTaskRow>> {
      const rows = await db
        .selectFrom('run_tasks')
        .innerJoin('runs', 'runs.id', 'run_tasks.run_id')
        .selectAll('run_tasks')
        .where('runs.assignment_id', '=', assignmentId)
        .where('run_tasks.status', 'not in', ['queued', 'running', 'cancelled'])
        .where('run_tasks.finished_at', 'is not', null)
        .orderBy('run_tasks.finished_at', 'desc')
        .execute();
      const latest = new Map<string, RunTaskRow>();
      for (const row of rows) if (!latest.has(row.task_id)) latest.set(row.task_id, row);
      return latest;
    },
    artifactsOf(runId: string, taskId: string): Promise<ArtifactRow[]> {
      return db.selectFrom('artifacts').selectAll().where('run_id', '=', runId).where('task_id', '=', taskId).orderBy('position').execute();
    },
  };
}
