import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assignmentsRepository } from '../../../../db/repositories/assignments.repository.js';
import { reportsRepository } from '../../../../db/repositories/reports.repository.js';
import type { ReportRow } from '../../../../db/schema.js';
import { errors } from '../../../../errors.js';
import { reportFileName } from '../../../../report/index.js';
import { reportItems } from '../../../../reports/report-contents.js';
import { parseReportRequest } from '../../../../reports/report-request.js';
import { requestReport } from '../../../../reports/request-report.js';
import { attachmentDisposition } from '../../../content-disposition.js';
import { requireSession } from '../../../plugins/access.js';
import { withProblems } from '../../../problem-schema.js';
import { listQuery, nextCursorOf, positionAfter } from '../list-cursor.js';
import { presentItem, presentReport } from './presenters.js';
import { assignmentParams, reportBody, reportItemsSchema, reportListSchema, reportParams, reportSchema, reportStartedSchema } from './schemas.js';

const tags = ['reports'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function requestedFileName(report: ReportRow): string | undefined {
  return parseReportRequest(report.request).fileName;
}

/** Compose a report in the background, read its state, download it as DOCX or PDF. */
export async function reportRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { jobs } = app.labmate;

  async function loadReport(ownerId: string, id: string) {
    const report = await reportsRepository(jobs.db).find(ownerId, id);
    if (!report) throw errors.notFound('report');
    return report;
  }

  api.post(
    '/assignments/:id/reports',
    {
      schema: {
        summary: 'Compose the report: results below each question (or at the end), in my order, without what I removed',
        tags,
        params: assignmentParams,
        body: reportBody,
        response: withProblems({ 202: reportStartedSchema }, [401, 403, 404, 422]),
      },
    },
    async (request, reply) => {
      const report = await requestReport(jobs, { ownerId: requireSession(request).userId, assignmentId: request.params.id, request: request.body });
      reply.code(202).header('location', `/api/v1/reports/${report.id}`);
      return { id: report.id, status: report.status };
    },
  );

  api.get(
    '/assignments/:id/reports',
    {
      schema: {
        summary: "The assignment's reports, newest first, with their download links; nextCursor for the next page",
        tags,
        params: assignmentParams,
        querystring: listQuery,
        response: withProblems({ 200: reportListSchema }, [401, 404, 422]),
      },
    },
    async (request) => {
      const ownerId = requireSession(request).userId;
      if (!(await assignmentsRepository(jobs.db).find(ownerId, request.params.id))) throw errors.notFound('assignment');
      const { limit } = request.query;
      const rows = await reportsRepository(jobs.db).pageOfAssignment(ownerId, request.params.id, limit, positionAfter(request.query.cursor));
      return {
        items: rows.slice(0, limit).map(presentReport),
        nextCursor: nextCursorOf(rows, limit, (report) => ({ createdAt: report.created_at, id: report.id })),
      };
    },
  );

  api.get(
    '/assignments/:id/report-items',
    {
      schema: {
        summary: 'What the next report would hold: one item per task with pictures from its latest result or an accepted answer, in document order',
        tags,
        params: assignmentParams,
        response: withProblems({ 200: reportItemsSchema }, [401, 404, 422]),
      },
    },
    async (request) => {
      const entries = await reportItems(jobs.db, { ownerId: requireSession(request).userId, assignmentId: request.params.id });
      return { items: entries.map(presentItem) };
    },
  );

  api.get(
    '/reports/:id',
    { schema: { summary: 'A report and its downloads when ready', tags, params: reportParams, response: withProblems({ 200: reportSchema }, [401, 404, 422]) } },
    async (request) => presentReport(await loadReport(requireSession(request).userId, request.params.id)),
  );

  for (const format of ['docx', 'pdf'] as const) {
    api.get(
      `/reports/:id/${format}`,
      {
        schema: {
          summary: `Download the report as ${format.toUpperCase()}, named after the original document`,
          tags,
          params: reportParams,
          produces: [format === 'docx' ? DOCX : 'application/pdf'],
          response: withProblems({ 200: z.unknown() }, [401, 404, 422]),
        },
      },
      async (request, reply) => {
        const ownerId = requireSession(request).userId;
        const report = await loadReport(ownerId, request.params.id);
        const key = format === 'docx' ? report.docx_key : report.pdf_key;
        if (!key) throw errors.notFound(`${format.toUpperCase()} of this report`);
        const assignment = await assignmentsRepository(jobs.db).find(ownerId, report.assignment_id);
        return reply
          .type(format === 'docx' ? DOCX : 'application/pdf')
          .header('content-disposition', attachmentDisposition(reportFileName(assignment?.original_name ?? 'report', format, requestedFileName(report))))
          .send(await jobs.blobs.open(key));
      },
    );
  }
}
