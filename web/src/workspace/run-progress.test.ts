import { describe, expect, it } from 'vitest';
import type { Run } from '../api/types';
import { applyRunEvent, progressFromRun } from './run-progress';

const queued: Run = {
  id: 'run-1',
  assignmentId: 'a-1',
  status: 'queued',
  error: null,
  artifactsExpiredAt: null,
  tasks: ['t1', 't2'].map((taskId, position) => ({ taskId, position, status: 'queued', exitCode: null, timeMs: null, transcript: null, detail: null, artifacts: [] })),
};

describe('run progress', () => {
  it('follows the events of a run to the end', () => {
    let progress = progressFromRun(queued);
    expect(progress).toMatchObject({ status: 'queued', percent: 0, current: null });
    progress = applyRunEvent(progress, 'run.started', {});
    progress = applyRunEvent(progress, 'task.started', { taskId: 't1', position: 0 });
    expect(progress).toMatchObject({ status: 'running', current: 't1', tasks: { t1: 'running', t2: 'queued' } });
    progress = applyRunEvent(progress, 'task.finished', { taskId: 't1', status: 'runtime_error', percent: 50 });
    expect(progress).toMatchObject({ percent: 50, current: null, tasks: { t1: 'runtime_error' } });
    progress = applyRunEvent(progress, 'run.finished', { status: 'succeeded', percent: 100 });
    expect(progress).toMatchObject({ status: 'succeeded', percent: 100 });
  });

  it('takes a failed run’s reason from its last event', () => {
    const progress = applyRunEvent(progressFromRun(queued), 'run.finished', { status: 'failed', error: 'The sandbox is not available.', percent: 100 });
    expect(progress).toMatchObject({ status: 'failed', error: 'The sandbox is not available.' });
  });

  it('counts finished tasks of a fetched run', () => {
    const half: Run = { ...queued, status: 'running', tasks: [{ ...queued.tasks[0]!, status: 'ok' }, { ...queued.tasks[1]!, status: 'running' }] };
    expect(progressFromRun(half)).toMatchObject({ percent: 50, current: 't2' });
  });
});
