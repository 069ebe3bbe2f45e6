import path from 'node:path';
import { assignmentsRepository } from '../db/repositories/assignments.repository.js';
import { reportsRepository } from '../db/repositories/reports.repository.js';
import type { Db } from '../db/repositories/types.js';
import type { TaskRow } from '../db/schema.js';
import type { Clock } from '../clock.js';
import { convertDocxToPdf, PdfConversionError, type ReportTask, type TaskInserts } from '../report/index.js';
import { composeInWorker } from './compose-in-worker.js';
import type { BlobStore } from '../storage/blob-store.js';
import type { ReportRequest } from './report-request.js';

const PICTURE_KINDS = new Set(['screenshot', 'plot', 'file-card']);

function reportTask(task: TaskRow): ReportTask {
  // A task the student added has no place in the document: it goes after the last block.
  return { id: task.id, label: task.label, question: task.question, kind: task.kind, code: task.code, anchor: { block: task.anchor_block ?? Number.MAX_SAFE_INTEGER } };
}

function ordered(tasks: TaskRow[], order: string[]): TaskRow[] {
  const byId = new Map(tasks.map((task) => [task.id, task]));
  const first = order.map((id) => byId.get(id)).filter((task): task is TaskRow => task !== undefined);
  return [...first, ...tasks.filter((task) => !order.includes(task.id))];
}

/**
 * The `report` job: the student's document with each task's latest results below its question (or at the end), in
 * their order and without what they removed; a PDF too when asked (a failed conversion keeps the DOCX).
 */
export async function composeReport(deps: { db: Db; blobs: BlobStore; clock: Clock; niceness?: number }, reportId: string): Promise<void> {
  const reports = reportsRepository(deps.db);
  const report = await reports.get(reportId);
  if (!report || report.status === 'succeeded') return;
  await reports.update(reportId, { status: 'running' });
  const request = JSON.parse(report.request) as ReportRequest;
  const assignments = assignmentsRepository(deps.db);
  const assignment = await assignments.find(report.owner_id, report.assignment_id);
  if (!assignment) return;
  const removed = new Set(request.removed);
  const tasks = ordered(await assignments.tasks(assignment.id), request.order).filter((task) => !removed.has(task.id));
  const results = await reports.latestResults(assignment.id);

  const inserts: TaskInserts[] = [];
  for (const task of tasks) {
    // Only what the student accepted is theirs to hand in: a drafted answer, or the run of drafted code, stays out.
    const result = task.code_draft === 1 ? undefined : results.get(task.id);
    const answer = task.answer_status === 'accepted' ? { answer: task.answer } : {};
    if (!result) {
      if (answer.answer) inserts.push({ task: reportTask(task), images: [], ...answer });
      continue;
    }
    const artifacts = (await reports.artifactsOf(result.run_id, task.id)).filter((a) => PICTURE_KINDS.has(a.kind) && !removed.has(a.id));
    const images = await Promise.all(artifacts.map(async (artifact) => ({ png: await deps.blobs.read(artifact.blob_key) })));
    const failed = result.status !== 'ok' && result.status !== 'skipped';
    inserts.push({ task: reportTask(task), images, ...answer, ...(failed ? { failure: result.status.replaceAll('_', ' ') } : {}) });
  }

  const options = { placement: request.placement, includeFailed: request.includeFailed };
  const stem = path.parse(assignment.original_name).name;
  const docx = await composeInWorker({
    original: assignment.format === 'docx' ? await deps.blobs.read(assignment.blob_key) : null,
    title: stem,
    tasks: tasks.map(reportTask),
    inserts,
    options,
  });
  const base = `uploads/${report.owner_id}/${assignment.id}/reports/${report.id}`;
  await deps.blobs.putBuffer(`${base}.docx`, docx);
  let pdfKey: string | null = null;
  let pdfError: string | null = null;
  if (request.pdf) {
    try {
      await deps.blobs.putBuffer(`${base}.pdf`, await convertDocxToPdf(docx, { niceness: deps.niceness ?? 0 }));
      pdfKey = `${base}.pdf`;
    } catch (error) {
      if (!(error instanceof PdfConversionError)) throw error;
      pdfError = error.message;
    }
  }
  await reports.update(reportId, { status: 'succeeded', docx_key: `${base}.docx`, pdf_key: pdfKey, pdf_error: pdfError, finished_at: deps.clock().toISOString() });
}

/** Ends a report whose job failed for good, with the reason. */
export async function failReport(deps: { db: Db; clock: Clock }, reportId: string, reason: string): Promise<void> {
  await reportsRepository(deps.db).update(reportId, { status: 'failed', error: reason, finished_at: deps.clock().toISOString() });
}
