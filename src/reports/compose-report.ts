import path from 'node:path';
import { assignmentsRepository } from '../db/repositories/assignments.repository.js';
import { reportsRepository } from '../db/repositories/reports.repository.js';
import type { Db } from '../db/repositories/types.js';
import type { TaskRow } from '../db/schema.js';
import type { Clock } from '../clock.js';
import { convertDocxToPdf, PdfConversionError, type ReportTask, type TaskInserts } from '../report/index.js';
import { composeInWorker } from './compose-in-worker.js';
import { reportContents, type ReportEntry } from './report-contents.js';
import type { BlobStore } from '../storage/blob-store.js';
import { parseReportRequest } from './report-request.js';

function reportTask(task: TaskRow): ReportTask {
  // A task the student added has no place in the document: it goes after the last block.
  return { id: task.id, label: task.label, question: task.question, kind: task.kind, code: task.code, anchor: { block: task.anchor_block ?? Number.MAX_SAFE_INTEGER } };
}

function ordered(entries: ReportEntry[], order: string[]): ReportEntry[] {
  const byId = new Map(entries.map((entry) => [entry.task.id, entry]));
  const first = order.map((id) => byId.get(id)).filter((entry): entry is ReportEntry => entry !== undefined);
  return [...first, ...entries.filter((entry) => !order.includes(entry.task.id))];
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
  const request = parseReportRequest(report.request);
  const assignments = assignmentsRepository(deps.db);
  const assignment = await assignments.find(report.owner_id, report.assignment_id);
  if (!assignment) return;
  const removed = new Set(request.removed);
  const entries = ordered(await reportContents(deps.db, assignment.id), request.order).filter((entry) => !removed.has(entry.task.id));

  const inserts: TaskInserts[] = [];
  for (const { task, result, pictures, answer, failure } of entries) {
    if (!result && !answer) continue;
    const kept = pictures.filter((picture) => !removed.has(picture.id));
    const images = await Promise.all(kept.map(async (picture) => ({ png: await deps.blobs.read(picture.blob_key) })));
    inserts.push({ task: reportTask(task), images, ...(answer ? { answer } : {}), ...(failure ? { failure } : {}) });
  }

  const options = { placement: request.placement, includeFailed: request.includeFailed };
  const stem = path.parse(assignment.original_name).name;
  const docx = await composeInWorker({
    original: assignment.format === 'docx' ? await deps.blobs.read(assignment.blob_key) : null,
    title: stem,
    tasks: entries.map((entry) => reportTask(entry.task)),
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
