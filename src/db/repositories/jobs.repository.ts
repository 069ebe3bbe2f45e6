import type { JobRow } from '../schema.js';
import type { Db } from './types.js';

/** Job rows are the truth of the in-process queue: claimed atomically, re-queued after a crash. */
export function jobsRepository(db: Db) {
  return {
    /** Adds a job row; when a job with its id exists, in any state, leaves it be. */
    async insert(job: JobRow): Promise<void> {
      await db
        .insertInto('jobs')
        .values(job)
        .onConflict((conflict) => conflict.column('id').doNothing())
        .execute();
    },
    /**
     * Whether a job for this payload is waiting or running: by its id, or by type and payload for a job queued
     * before ids were derived from the payload.
     */
    async live(id: string, type: string, payload: string): Promise<boolean> {
      const row = await db
        .selectFrom('jobs')
        .select('id')
        .where('status', 'in', ['queued', 'running'])
        .where((eb) => eb.or([eb('id', '=', id), eb.and([eb('type', '=', type), eb('payload', '=', payload)])]))
        .executeTakeFirst();
      return row !== undefined;
    },
    /** Adds a job row, or queues a finished job with its id afresh (attempts spent or not); a live one stays. */
    async revive(job: JobRow): Promise<void> {
      await db
        .insertInto('jobs')
        .values(job)
        .onConflict((conflict) =>
          conflict
            .column('id')
            .doUpdateSet({ status: 'queued', attempts: 0, run_after: job.run_after, locked_by: null, last_error: null, updated_at: job.updated_at })
            .where('jobs.status', 'in', ['done', 'failed']),
        )
        .execute();
    },
    /**
     * Takes the oldest due job for `worker`; undefined when none is waiting. A job another worker took between the
     * look and the take is passed over for the next one, so losing a race never sends a worker idle while jobs wait.
     */
    async claim(worker: string, now: string): Promise<JobRow | undefined> {
      for (;;) {
        const next = await db
          .selectFrom('jobs')
          .select('id')
          .where('status', '=', 'queued')
          .where('run_after', '<=', now)
          .orderBy('created_at')
          .limit(1)
          .executeTakeFirst();
        if (!next) return undefined;
        const claimed = await db
          .updateTable('jobs')
          .set((eb) => ({ status: 'running', locked_by: worker, attempts: eb('attempts', '+', 1), updated_at: now }))
          .where('id', '=', next.id)
          .where('status', '=', 'queued')
          .returningAll()
          .executeTakeFirst();
        if (claimed) return claimed;
      }
    },
    async finish(id: string, now: string): Promise<void> {
      await db.updateTable('jobs').set({ status: 'done', locked_by: null, updated_at: now }).where('id', '=', id).execute();
    },
    /**
     * Records a failure: back to the queue after `retryAt`, or failed for good when no attempt is left. Only while
     * `job` is still the running attempt its row says (and, with `silentBefore`, still silent since then); 'lost'
     * when another process already moved it on.
     */
    async fail(job: JobRow, error: string, now: string, retryAt: string, silentBefore?: string): Promise<'retry' | 'failed' | 'lost'> {
      const outcome = job.attempts < job.max_attempts ? 'retry' : 'failed';
      let update = db
        .updateTable('jobs')
        .set({
          status: outcome === 'retry' ? 'queued' : 'failed',
          run_after: outcome === 'retry' ? retryAt : job.run_after,
          locked_by: null,
          last_error: error.slice(0, 2000),
          updated_at: now,
        })
        .where('id', '=', job.id)
        .where('status', '=', 'running')
        .where('attempts', '=', job.attempts);
      if (silentBefore) update = update.where('updated_at', '<', silentBefore);
      const result = await update.executeTakeFirst();
      return Number(result.numUpdatedRows) > 0 ? outcome : 'lost';
    },
    /** Running jobs whose worker has not shown a sign of life since `before`: their process died. */
    abandoned(before: string): Promise<JobRow[]> {
      return db.selectFrom('jobs').selectAll().where('status', '=', 'running').where('updated_at', '<', before).execute();
    },
    /** The worker's sign of life for the jobs it is working on. */
    async heartbeat(ids: string[], now: string): Promise<void> {
      if (ids.length === 0) return;
      await db.updateTable('jobs').set({ updated_at: now }).where('id', 'in', ids).where('status', '=', 'running').execute();
    },
    async countByStatus(): Promise<Record<string, number>> {
      const rows = await db.selectFrom('jobs').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
      return Object.fromEntries(rows.map((row) => [row.status, Number(row.n)]));
    },
  };
}
