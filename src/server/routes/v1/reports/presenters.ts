import type { ReportRow } from '../../../../db/schema.js';
import type { ReportOut } from './schemas.js';

/** A report with its download links once they exist (never the blob keys). */
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
  };
}
