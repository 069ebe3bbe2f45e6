import type { ArtifactRow, RunRow, RunTaskRow } from '../../../../db/schema.js';
import type { RunOut, RunSummaryOut } from './schemas.js';

function runFields(run: RunRow) {
  return {
    id: run.id,
    assignmentId: run.assignment_id,
    status: run.status,
    error: run.error,
    queuedAt: run.queued_at,
    startedAt: run.started_at,
    finishedAt: run.finished_at,
    artifactsExpiredAt: run.artifacts_expired_at,
  };
}

/** A run in a list, with how many of its tasks are in each status. */
export function presentRunSummary(run: RunRow, taskCounts: Record<string, number>): RunSummaryOut {
  return { ...runFields(run), taskCounts };
}

/** A run with each task's result and artifacts (never the blob keys). */
export function presentRun(run: RunRow, tasks: RunTaskRow[], artifacts: ArtifactRow[]): RunOut {
  return {
    ...runFields(run),
    tasks: tasks.map((task) => ({
      taskId: task.task_id,
      position: task.position,
      status: task.status,
      exitCode: task.exit_code,
      timeMs: task.time_ms,
      transcript: task.transcript,
      detail: task.detail,
      queuedAt: task.queued_at,
      startedAt: task.started_at,
      finishedAt: task.finished_at,
      artifacts: artifacts
        .filter((artifact) => artifact.task_id === task.task_id)
        .map((artifact) => ({ id: artifact.id, kind: artifact.kind, name: artifact.name, bytes: artifact.bytes, contentType: artifact.content_type })),
    })),
  };
}
