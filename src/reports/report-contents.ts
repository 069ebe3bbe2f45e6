import { assignmentsRepository } from '../db/repositories/assignments.repository.js';
import { reportsRepository } from '../db/repositories/reports.repository.js';
import type { Db } from '../db/repositories/types.js';
import type { ArtifactRow, RunTaskRow, TaskRow } from '../db/schema.js';
import { errors } from '../errors.js';

const PICTURE_KINDS = new Set(['screenshot', 'plot', 'file-card']);

/** What one task would put into a report before the student's choices. */
export interface ReportEntry {
  task: TaskRow;
  /** The task's place among all the assignment's tasks, from 1. */
  number: number;
  /** Its newest finished result; none while its code is an unaccepted AI draft. */
  result: RunTaskRow | undefined;
  /** The screenshots, plots and file cards of that result, in their order. */
  pictures: ArtifactRow[];
  /** The accepted answer, '' when there is none. */
  answer: string;
  /** The result's status in words when the run failed ("compile error"), else null. */
  failure: string | null;
}

/**
 * Every task of the assignment in document order with what it would contribute: only what the student accepted is
 * theirs to hand in, so a drafted answer, or the run of drafted code, stays out.
 */
export async function reportContents(db: Db, assignmentId: string): Promise<ReportEntry[]> {
  const reports = reportsRepository(db);
  const tasks = await assignmentsRepository(db).tasks(assignmentId);
  const results = await reports.latestResults(assignmentId);
  return Promise.all(
    tasks.map(async (task, index) => {
      const result = task.code_draft === 1 ? undefined : results.get(task.id);
      const pictures = result ? (await reports.artifactsOf(result.run_id, task.id)).filter((artifact) => PICTURE_KINDS.has(artifact.kind)) : [];
      const failed = result !== undefined && result.status !== 'ok' && result.status !== 'skipped';
      return {
        task,
        number: index + 1,
        result,
        pictures,
        answer: task.answer_status === 'accepted' ? task.answer : '',
        failure: failed ? result.status.replaceAll('_', ' ') : null,
      };
    }),
  );
}

/** Whether an entry puts anything into a report (the composer leaves out a task with nothing to show). */
export function hasContent(entry: ReportEntry): boolean {
  return entry.pictures.length > 0 || entry.answer.trim() !== '';
}

/** The entries of one of the owner's assignments that would appear in its report, in document order. */
export async function reportItems(db: Db, input: { ownerId: string; assignmentId: string }): Promise<ReportEntry[]> {
  if (!(await assignmentsRepository(db).find(input.ownerId, input.assignmentId))) throw errors.notFound('assignment');
  return (await reportContents(db, input.assignmentId)).filter(hasContent);
}
