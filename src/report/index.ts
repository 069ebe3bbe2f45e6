/** The report stage: compose the student's document with the results inside, and export it as PDF. */
export { composeDocx, ComposeError, fitPicture } from './compose-docx.js';
export { composeFromTasks } from './docx-from-tasks.js';
export { convertDocxToPdf, PdfConversionError, type ConvertOptions } from './convert-pdf.js';
export { reportFileName, safeStem } from './report-names.js';
export { captionFor, planReport, taskName } from './report-plan.js';
export type { Placement, PlannedInserts, ReportImage, ReportOptions, ReportTask, TaskInserts } from './report-plan.js';
export { processDocument, type ProcessOptions, type ProcessResult, type ProcessSummary, type ProcessTimings } from './process-document.js';
