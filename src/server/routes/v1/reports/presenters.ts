import type { ReportRow } from '../../../../db/schema.js';
import type { ReportEntry } from '../../../../reports/report-contents.js';
import { parseReportRequest } from '../../../../reports/report-request.js';
import type { ReportItemsOut, ReportOut } from './schemas.js';

function presentRequest(json: string): ReportOut['request'] {
  const { fileName, ...rest } = parseReportRequest(json);
  return fileName === undefined ? rest : { ...rest, fileName };
}

/** A report with its download links once they exist (never the blob keys) and the request it was composed from. */
export function presentReport(report: ReportRow): ReportOut {
  return {
    id: report.id,
    assignmentId: report.assignment_id,
    status: report.status,
    error: report.error,
    docx: report.docx_key ? `/api/v1/reports/${report.id}/docx` : null,
    pdf: report.pdf_key ? `/api/v1/reports/${report.id}/pdf` : null,
    pdfError: report.pdf_error,
    createdAt: report.created_at,
    finishedAt: report.finished_at,
    request: presentRequest(report.request),
  };
}

/** What one task would put into the next report, with its pictures as artifact ids (never blob keys). */
export function presentItem(entry: ReportEntry): ReportItemsOut['items'][number] {
  return {
    taskId: entry.task.id,
    number: entry.number,
    label: entry.task.label,
    question: entry.task.question,
    kind: entry.task.kind,
    status: entry.result?.status ?? null,
    failure: entry.failure,
    answer: entry.answer,
    pictures: entry.pictures.map((picture) => ({ id: picture.id, kind: picture.kind, name: picture.name })),
  };
}
