/** What the student asked for when composing a report. */
export interface ReportRequest {
  /** Task ids in the order their results should appear; tasks not listed follow in document order. */
  order: string[];
  /** Task ids or artifact ids to leave out. */
  removed: string[];
  placement: 'below' | 'end';
  pdf: boolean;
  /** Failed tasks to include anyway (captioned as failed). */
  includeFailed: string[];
  /** The download name the student chose (without extension); `<original>_report` when absent. */
  fileName?: string | undefined;
}
