import { runsRepository } from '../db/repositories/runs.repository.js';
import type { RunDeps } from './deps.js';

/** Ends a run whose job failed for good: every unfinished task and the run itself fail, with the reason. */
export async function failRun(deps: Pick<RunDeps, 'db' | 'clock' | 'events'>, runId: string, reason: string): Promise<void> {
  const runs = runsRepository(deps.db);
  const now = deps.clock().toISOString();
  await runs.endUnfinishedTasks(runId, 'internal_error', now, reason);
  if (await runs.transition(runId, ['queued', 'running'], 'failed', { finished_at: now, error: reason })) {
    await deps.events.emit(runId, 'run.finished', { status: 'failed', error: reason, percent: 100 });
  }
}
