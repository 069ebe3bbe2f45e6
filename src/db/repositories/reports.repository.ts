import type { ArtifactRow, ReportRow, RunTaskRow } from '../schema.js';
import { olderThan } from './newest-first.js';
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
    /** The owner's reports of one assignment, newest first: `limit` of them after `after`, and one more if there is one. */
    pageOfAssignment(ownerId: string, assignmentId: string, limit: number, after?: { createdAt: string; id: string }): Promise<ReportRow[]> {
      let query = db
        .selectFrom('reports')
        .selectAll()
        .where('owner_id', '=', ownerId)
        .where('assignment_id', '=', assignmentId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1);
      if (after) query = query.where(olderThan('reports.created_at', 'reports.id', after));
      return query.execute();
    },
    /** The newest finished report of each of the owner's given assignments that has one: assignment id → report. */
    async latestSucceeded(ownerId: string, assignmentIds: string[]): Promise<Map<string, ReportRow>> {
      if (assignmentIds.length === 0) return new Map();
      const rows = await db
        .selectFrom('reports')
        .selectAll()
        .where('owner_id', '=', ownerId)
        .where('assignment_id', 'in', assignmentIds)
        .where('status', '=', 'succeeded')
        .where((eb) =>
          eb(
            'id',
            '=',
            eb
              .selectFrom('reports as newer')
              .select('newer.id')
              .whereRef('newer.assignment_id', '=', 'reports.assignment_id')
              .where('newer.status', '=', 'succeeded')
              .orderBy('newer.created_at', 'desc')
              .orderBy('newer.id', 'desc')
              .limit(1),
          ),
        )
        .execute();
      return new Map(rows.map((row) => [row.assignment_id, row]));
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
