import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock.js';
import { assignmentsRepository } from '../db/repositories/assignments.repository.js';
import { reportsRepository } from '../db/repositories/reports.repository.js';
import type { Db } from '../db/repositories/types.js';
import type { ReportRow } from '../db/schema.js';
import { errors } from '../errors.js';
import type { JobQueue } from '../jobs/queue.js';
import type { ReportRequest } from './report-request.js';

/** Queues the composition of a report for one of the owner's assignments. */
export async function requestReport(
  deps: { db: Db; clock: Clock; queue: JobQueue },
  input: { ownerId: string; assignmentId: string; request: ReportRequest },
): Promise<ReportRow> {
  const assignments = assignmentsRepository(deps.db);
  if (!(await assignments.find(input.ownerId, input.assignmentId))) throw errors.notFound('assignment');
  const taskIds = new Set((await assignments.tasks(input.assignmentId)).map((task) => task.id));
  const unknown = [...input.request.order, ...input.request.includeFailed].filter((id) => !taskIds.has(id));
  if (unknown.length > 0) throw errors.validation([{ field: 'order', message: `not tasks of this assignment: ${unknown.join(', ')}` }]);
  const report: ReportRow = {
    id: randomUUID(),
    owner_id: input.ownerId,
    assignment_id: input.assignmentId,
    status: 'queued',
    request: JSON.stringify(input.request),
    docx_key: null,
    pdf_key: null,
    pdf_error: null,
    error: null,
    created_at: deps.clock().toISOString(),
    finished_at: null,
  };
  await reportsRepository(deps.db).create(report);
  await deps.queue.enqueue('report', { reportId: report.id });
  return report;
}
