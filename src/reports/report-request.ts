import { z } from 'zod';

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

// Rows written before a field existed lack it: they read as that field's default.
const storedRequest = z.object({
  order: z.array(z.string()).default([]),
  removed: z.array(z.string()).default([]),
  placement: z.enum(['below', 'end']).catch('below'),
  pdf: z.boolean().default(true),
  includeFailed: z.array(z.string()).default([]),
  fileName: z.string().optional(),
});

/** The request stored with a report (`reports.request`), with defaults for fields older rows lack. */
export function parseReportRequest(json: string): ReportRequest {
  return storedRequest.parse(JSON.parse(json));
}
