import { randomUUID } from 'node:crypto';
import { assertCanStartRun } from '../accounts/usage-limits.js';
import type { Clock } from '../clock.js';
import type { PlanLimits } from '../db/repositories/usage.repository.js';
import { assignmentsRepository } from '../db/repositories/assignments.repository.js';
import { runsRepository } from '../db/repositories/runs.repository.js';
import type { Db } from '../db/repositories/types.js';
import type { RunRow } from '../db/schema.js';
import { errors } from '../errors.js';
import type { JobQueue } from '../jobs/queue.js';

export interface TaskRunOptions {
  theme?: string | null | undefined;
  screenshot?: boolean | undefined;
}

export interface StartRunInput {
  ownerId: string;
  assignmentId: string;
  /** Which tasks, in this order; all tasks of the assignment when absent. */
  taskIds?: string[] | undefined;
  options?: Record<string, TaskRunOptions> | undefined;
  /** Limits for a user without a plan. */
  defaults: PlanLimits;
}

/** Queues a run of some or all of an assignment's tasks; the work happens in a background job. */
export async function startRun(deps: { db: Db; clock: Clock; queue: JobQueue }, input: StartRunInput): Promise<RunRow> {
  const assignments = assignmentsRepository(deps.db);
  if (!(await assignments.find(input.ownerId, input.assignmentId))) throw errors.notFound('assignment');
  const tasks = await assignments.tasks(input.assignmentId);
  const byId = new Map(tasks.map((task) => [task.id, task]));
  const chosen = input.taskIds ?? tasks.map((task) => task.id);
  const unknown = chosen.filter((id) => !byId.has(id));
  if (unknown.length > 0) throw errors.validation([{ field: 'taskIds', message: `not tasks of this assignment: ${unknown.join(', ')}` }]);
  if (chosen.length === 0) throw errors.validation([{ field: 'taskIds', message: 'choose at least one task' }]);
  if (new Set(chosen).size !== chosen.length) throw errors.validation([{ field: 'taskIds', message: 'a task is listed twice' }]);
  const activeRuns = await runsRepository(deps.db).countActive(input.ownerId);
  await assertCanStartRun(deps, { userId: input.ownerId, activeRuns, defaults: input.defaults });
  const now = deps.clock().toISOString();
  const run: RunRow = { id: randomUUID(), owner_id: input.ownerId, assignment_id: input.assignmentId, status: 'queued', error: null, queued_at: now, started_at: null, finished_at: null, artifacts_expired_at: null };
  const entries = chosen.map((taskId, position) => {
    const task = byId.get(taskId);
    const options = input.options?.[taskId] ?? {};
    return {
      run_id: run.id,
      task_id: taskId,
      position,
      theme: options.theme === undefined ? (task?.theme ?? null) : options.theme,
      // The task's own switch (on unless the student turned it off) unless this run says otherwise.
      screenshot: (options.screenshot ?? (task?.screenshot !== 0)) ? 1 : 0,
      status: 'queued' as const,
      exit_code: null,
      time_ms: null,
      transcript: null,
      detail: null,
      queued_at: now,
      started_at: null,
      finished_at: null,
    };
  });
  await deps.db.transaction().execute((trx) => runsRepository(trx).create(run, entries));
  await deps.queue.enqueue('run', { runId: run.id });
  return run;
}
