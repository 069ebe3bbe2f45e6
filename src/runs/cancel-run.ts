import { runsRepository } from '../db/repositories/runs.repository.js';
import type { RunRow } from '../db/schema.js';
import { errors } from '../errors.js';
import type { RunDeps } from './deps.js';

/** Cancels one of the owner's runs: a queued run ends at once, a running one stops its sandbox at once. */
export async function cancelRun(deps: Pick<RunDeps, 'db' | 'clock' | 'events'>, input: { ownerId: string; runId: string }): Promise<RunRow> {
  const runs = runsRepository(deps.db);
  const run = await runs.find(input.ownerId, input.runId);
  if (!run) throw errors.notFound('run');
  const now = deps.clock().toISOString();
  if (await runs.transition(run.id, ['queued'], 'cancelled', { finished_at: now })) {
    await runs.endUnfinishedTasks(run.id, 'cancelled', now, 'the run was cancelled');
    await deps.events.emit(run.id, 'run.finished', { status: 'cancelled', percent: 100 });
  } else if (await runs.transition(run.id, ['running'], 'cancelled')) {
    await deps.events.emit(run.id, 'run.cancelling', {});
  }
  return (await runs.get(run.id)) ?? run;
}
