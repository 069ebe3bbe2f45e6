import { assignmentsRepository } from '../db/repositories/assignments.repository.js';
import { runsRepository } from '../db/repositories/runs.repository.js';
import type { RunDeps } from './deps.js';
import { executeTask } from './execute-task.js';

const CANCEL_POLL_MS = 500;

/**
 * The `run` job: executes every unfinished task of the run in order, one task's failure never stopping the others.
 * A cancel (seen in the database, so from any process) kills the running sandbox at once. When `signal` fires (the
 * worker is shutting down) it returns early and the job resumes later from the first unfinished task.
 */
export async function executeRun(deps: RunDeps, runId: string, signal: AbortSignal): Promise<void> {
  const runs = runsRepository(deps.db);
  const run = await runs.get(runId);
  if (!run) return;
  const now = deps.clock().toISOString();
  if (!(await runs.transition(runId, ['queued', 'running'], 'running', { started_at: run.started_at ?? now }))) return;
  if (run.status === 'queued') await deps.events.emit(runId, 'run.started', {});

  const entries = await runs.tasks(runId);
  const total = entries.length;
  let done = entries.filter((entry) => entry.status !== 'queued' && entry.status !== 'running').length;
  let cancelled = false;
  for (const entry of entries) {
    if (entry.status !== 'queued' && entry.status !== 'running') continue;
    if (signal.aborted) return;
    if ((await runs.get(runId))?.status === 'cancelled') {
      cancelled = true;
      break;
    }
    await runs.updateTask(runId, entry.task_id, { status: 'running', started_at: deps.clock().toISOString() });
    await deps.events.emit(runId, 'task.started', { taskId: entry.task_id, position: entry.position });

    const controller = new AbortController();
    const stopOnShutdown = () => controller.abort();
    signal.addEventListener('abort', stopOnShutdown, { once: true });
    const watcher = setInterval(() => {
      void runs.get(runId).then((current) => {
        if (current?.status === 'cancelled') controller.abort();
      });
    }, CANCEL_POLL_MS);
    const unsubscribe = deps.events.subscribe(runId, (event) => {
      if (event.type === 'run.cancelling') controller.abort();
    });
    let status;
    try {
      const task = await assignmentsRepository(deps.db).findTask(run.owner_id, run.assignment_id, entry.task_id);
      status = await executeTask(deps, { runId, ownerId: run.owner_id, entry, task, signal: controller.signal });
    } catch (error) {
      deps.logger.error({ err: error, runId, taskId: entry.task_id }, 'task failed inside LabMate');
      status = 'internal_error' as const;
      await runs.updateTask(runId, entry.task_id, { status, detail: 'LabMate failed while running this task', finished_at: deps.clock().toISOString() });
    } finally {
      clearInterval(watcher);
      unsubscribe();
      signal.removeEventListener('abort', stopOnShutdown);
    }
    if (signal.aborted) {
      // Shutting down: this task starts again when the job resumes.
      await runs.updateTask(runId, entry.task_id, { status: 'queued', started_at: null, finished_at: null });
      return;
    }
    done++;
    await deps.events.emit(runId, 'task.finished', { taskId: entry.task_id, status, percent: Math.round((100 * done) / total) });
    if (status === 'cancelled') {
      cancelled = true;
      break;
    }
  }

  const finished = deps.clock().toISOString();
  if (cancelled || (await runs.get(runId))?.status === 'cancelled') {
    await runs.endUnfinishedTasks(runId, 'cancelled', finished, 'the run was cancelled');
    await runs.updateRun(runId, { finished_at: finished });
    await deps.events.emit(runId, 'run.finished', { status: 'cancelled', percent: 100 });
    return;
  }
  await runs.transition(runId, ['running'], 'succeeded', { finished_at: finished });
  await deps.events.emit(runId, 'run.finished', { status: 'succeeded', percent: 100 });
}
