import type { ArtifactRow, RunEventRow, RunRow, RunStatus, RunTaskRow } from '../schema.js';
import { olderThan } from './newest-first.js';
import type { Db } from './types.js';

/** Runs, their per-task results, events and artifacts; user-facing reads are scoped to the owner. */
export function runsRepository(db: Db) {
  return {
    async create(run: RunRow, tasks: RunTaskRow[]): Promise<void> {
      await db.insertInto('runs').values(run).execute();
      if (tasks.length > 0) await db.insertInto('run_tasks').values(tasks).execute();
    },
    find(ownerId: string, id: string): Promise<RunRow | undefined> {
      return db.selectFrom('runs').selectAll().where('id', '=', id).where('owner_id', '=', ownerId).executeTakeFirst();
    },
    /** The owner's runs of one assignment, newest first: `limit` of them after `after`, and one more if there is one. */
    pageOfAssignment(ownerId: string, assignmentId: string, limit: number, after?: { createdAt: string; id: string }): Promise<RunRow[]> {
      let query = db
        .selectFrom('runs')
        .selectAll()
        .where('owner_id', '=', ownerId)
        .where('assignment_id', '=', assignmentId)
        .orderBy('queued_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1);
      if (after) query = query.where(olderThan('runs.queued_at', 'runs.id', after));
      return query.execute();
    },
    /** How many tasks of each run ended (or stand) in each status: run id → status → count. */
    async statusCounts(runIds: string[]): Promise<Map<string, Record<string, number>>> {
      const counts = new Map<string, Record<string, number>>(runIds.map((id) => [id, {}]));
      if (runIds.length === 0) return counts;
      const rows = await db
        .selectFrom('run_tasks')
        .select((eb) => ['run_id', 'status', eb.fn.countAll<number>().as('n')])
        .where('run_id', 'in', runIds)
        .groupBy(['run_id', 'status'])
        .execute();
      for (const row of rows) {
        const byStatus = counts.get(row.run_id);
        if (byStatus) byStatus[row.status] = Number(row.n);
      }
      return counts;
    },
    /** A run by id alone, for the worker that executes it. */
    get(id: string): Promise<RunRow | undefined> {
      return db.selectFrom('runs').selectAll().where('id', '=', id).executeTakeFirst();
    },
    tasks(runId: string): Promise<RunTaskRow[]> {
      return db.selectFrom('run_tasks').selectAll().where('run_id', '=', runId).orderBy('position').execute();
    },
    async updateRun(id: string, changes: Partial<Omit<RunRow, 'id' | 'owner_id' | 'assignment_id'>>): Promise<void> {
      await db.updateTable('runs').set(changes).where('id', '=', id).execute();
    },
    /** Moves a run to `to` only from one of `from`; false when it had already moved on (e.g. cancelled). */
    async transition(id: string, from: RunStatus[], to: RunStatus, changes: Partial<RunRow> = {}): Promise<boolean> {
      const result = await db.updateTable('runs').set({ ...changes, status: to }).where('id', '=', id).where('status', 'in', from).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async updateTask(runId: string, taskId: string, changes: Partial<Omit<RunTaskRow, 'run_id' | 'task_id'>>): Promise<void> {
      await db.updateTable('run_tasks').set(changes).where('run_id', '=', runId).where('task_id', '=', taskId).execute();
    },
    /** Every unfinished task of the run ends as `status`. */
    async endUnfinishedTasks(runId: string, status: 'cancelled' | 'internal_error', now: string, detail: string): Promise<void> {
      await db
        .updateTable('run_tasks')
        .set({ status, finished_at: now, detail })
        .where('run_id', '=', runId)
        .where('status', 'in', ['queued', 'running'])
        .execute();
    },
    async appendEvent(event: RunEventRow): Promise<void> {
      await db.insertInto('run_events').values(event).execute();
    },
    async lastEventSeq(runId: string): Promise<number> {
      const row = await db
        .selectFrom('run_events')
        .select((eb) => eb.fn.max('seq').as('seq'))
        .where('run_id', '=', runId)
        .executeTakeFirst();
      return Number(row?.seq ?? 0);
    },
    eventsAfter(runId: string, seq: number): Promise<RunEventRow[]> {
      return db.selectFrom('run_events').selectAll().where('run_id', '=', runId).where('seq', '>', seq).orderBy('seq').execute();
    },
    async addArtifact(artifact: ArtifactRow): Promise<void> {
      await db.insertInto('artifacts').values(artifact).execute();
    },
    artifacts(runId: string): Promise<ArtifactRow[]> {
      return db.selectFrom('artifacts').selectAll().where('run_id', '=', runId).orderBy('task_id').orderBy('position').execute();
    },
    async deleteArtifacts(runId: string, taskId: string): Promise<ArtifactRow[]> {
      const rows = await db.selectFrom('artifacts').selectAll().where('run_id', '=', runId).where('task_id', '=', taskId).execute();
      await db.deleteFrom('artifacts').where('run_id', '=', runId).where('task_id', '=', taskId).execute();
      return rows;
    },
    findArtifact(ownerId: string, id: string): Promise<ArtifactRow | undefined> {
      return db.selectFrom('artifacts').selectAll().where('id', '=', id).where('owner_id', '=', ownerId).executeTakeFirst();
    },
    async countActive(ownerId: string): Promise<number> {
      const row = await db
        .selectFrom('runs')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('owner_id', '=', ownerId)
        .where('status', 'in', ['queued', 'running'])
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}
