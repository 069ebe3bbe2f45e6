import type { Run, RunStatus } from '../api/types';

/** What the page knows about a run while it goes: from the run itself, then from its progress events. */
export interface RunProgress {
  runId: string;
  status: RunStatus;
  percent: number;
  /** The task being run now, if any. */
  current: string | null;
  /** Each task's status as far as known ("queued", "running", "ok", "runtime_error", …). */
  tasks: Record<string, string>;
  error: string | null;
}

const FINISHED: ReadonlySet<string> = new Set(['succeeded', 'failed', 'cancelled']);

/** Whether a run status is final. */
export function runFinished(status: string): boolean {
  return FINISHED.has(status);
}

/** The progress a fetched run shows. */
export function progressFromRun(run: Run): RunProgress {
  const done = run.tasks.filter((task) => task.status !== 'queued' && task.status !== 'running').length;
  const running = run.tasks.find((task) => task.status === 'running');
  return {
    runId: run.id,
    status: run.status,
    percent: runFinished(run.status) ? 100 : run.tasks.length === 0 ? 0 : Math.round((100 * done) / run.tasks.length),
    current: running?.taskId ?? null,
    tasks: Object.fromEntries(run.tasks.map((task) => [task.taskId, task.status])),
    error: run.error,
  };
}

function text(data: Record<string, unknown>, key: string): string | null {
  const value = data[key];
  return typeof value === 'string' ? value : null;
}

/** The progress after one Server-Sent Event of the run (`run.started`, `task.started`, `task.finished`, `run.finished`). */
export function applyRunEvent(progress: RunProgress, type: string, data: Record<string, unknown>): RunProgress {
  const percent = typeof data['percent'] === 'number' ? data['percent'] : progress.percent;
  const taskId = text(data, 'taskId');
  switch (type) {
    case 'run.started':
      return { ...progress, status: 'running' };
    case 'task.started':
      return taskId ? { ...progress, status: 'running', current: taskId, tasks: { ...progress.tasks, [taskId]: 'running' } } : progress;
    case 'task.finished': {
      const status = text(data, 'status') ?? 'ok';
      return {
        ...progress,
        percent,
        current: progress.current === taskId ? null : progress.current,
        tasks: taskId ? { ...progress.tasks, [taskId]: status } : progress.tasks,
      };
    }
    case 'run.finished': {
      const status = text(data, 'status');
      return {
        ...progress,
        status: status === 'failed' || status === 'cancelled' ? status : 'succeeded',
        percent: 100,
        current: null,
        error: text(data, 'error') ?? progress.error,
      };
    }
    default:
      return progress;
  }
}
