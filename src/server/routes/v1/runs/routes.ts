import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assignmentsRepository } from '../../../../db/repositories/assignments.repository.js';
import { runsRepository } from '../../../../db/repositories/runs.repository.js';
import { errors } from '../../../../errors.js';
import { cancelRun } from '../../../../runs/cancel-run.js';
import type { RunEvent } from '../../../../runs/run-events.js';
import { startRun } from '../../../../runs/start-run.js';
import { attachmentDisposition } from '../../../content-disposition.js';
import { requireSession } from '../../../plugins/access.js';
import { withProblems } from '../../../problem-schema.js';
import { listQuery, nextCursorOf, positionAfter } from '../list-cursor.js';
import { presentRun, presentRunSummary } from './presenters.js';
import { artifactParams, assignmentParams, runListSchema, runParams, runSchema, runStartedSchema, startRunBody } from './schemas.js';

const tags = ['runs'];
const EVENTS_POLL_MS = 1_000;
const HEARTBEAT_MS = 15_000;

/** Start runs, read them, follow their progress as Server-Sent Events, cancel them, and download their artifacts. */
export async function runRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { jobs, config } = app.labmate;

  async function loadRun(ownerId: string, id: string) {
    const run = await runsRepository(jobs.db).find(ownerId, id);
    if (!run) throw errors.notFound('run');
    return run;
  }

  async function present(runId: string, ownerId: string) {
    const runs = runsRepository(jobs.db);
    const run = await loadRun(ownerId, runId);
    return presentRun(run, await runs.tasks(run.id), await runs.artifacts(run.id));
  }

  api.post(
    '/assignments/:id/runs',
    {
      schema: {
        summary: 'Run some or all tasks of an assignment in the background',
        tags,
        params: assignmentParams,
        body: startRunBody,
        response: withProblems({ 202: runStartedSchema }, [401, 403, 404, 422]),
      },
    },
    async (request, reply) => {
      const run = await startRun(
        { db: jobs.db, clock: jobs.clock, queue: jobs.queue },
        {
          ownerId: requireSession(request).userId,
          assignmentId: request.params.id,
          taskIds: request.body.taskIds,
          options: request.body.options,
          defaults: config.limits,
        },
      );
      reply.code(202).header('location', `/api/v1/runs/${run.id}`);
      return { id: run.id, status: run.status };
    },
  );

  api.get(
    '/assignments/:id/runs',
    {
      schema: {
        summary: "The assignment's runs, newest first, each with how many tasks ended in each status; nextCursor for the next page",
        tags,
        params: assignmentParams,
        querystring: listQuery,
        response: withProblems({ 200: runListSchema }, [401, 404, 422]),
      },
    },
    async (request) => {
      const ownerId = requireSession(request).userId;
      if (!(await assignmentsRepository(jobs.db).find(ownerId, request.params.id))) throw errors.notFound('assignment');
      const runs = runsRepository(jobs.db);
      const { limit } = request.query;
      const rows = await runs.pageOfAssignment(ownerId, request.params.id, limit, positionAfter(request.query.cursor));
      const page = rows.slice(0, limit);
      const counts = await runs.statusCounts(page.map((run) => run.id));
      return {
        items: page.map((run) => presentRunSummary(run, counts.get(run.id) ?? {})),
        nextCursor: nextCursorOf(rows, limit, (run) => ({ createdAt: run.queued_at, id: run.id })),
      };
    },
  );

  api.get(
    '/runs/:id',
    { schema: { summary: 'A run: its status and each task result with its artifacts', tags, params: runParams, response: withProblems({ 200: runSchema }, [401, 404, 422]) } },
    async (request) => present(request.params.id, requireSession(request).userId),
  );

  api.post(
    '/runs/:id/cancel',
    { schema: { summary: 'Cancel a run; running sandboxes stop at once', tags, params: runParams, response: withProblems({ 200: runSchema }, [401, 403, 404, 422]) } },
    async (request) => {
      const ownerId = requireSession(request).userId;
      await cancelRun(jobs, { ownerId, runId: request.params.id });
      return present(request.params.id, ownerId);
    },
  );

  api.get(
    '/runs/:id/events',
    {
      schema: {
        summary: 'Progress as Server-Sent Events (task started, task finished, percent, done); resumes from Last-Event-ID',
        tags,
        params: runParams,
        produces: ['text/event-stream'],
        response: withProblems({ 200: z.string() }, [401, 404, 422]),
      },
    },
    async (request, reply) => {
      const run = await loadRun(requireSession(request).userId, request.params.id);
      const lastEventId = Number(request.headers['last-event-id'] ?? 0);
      let seq = Number.isInteger(lastEventId) && lastEventId > 0 ? lastEventId : 0;
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-request-id': request.id,
      });
      let closed = false;
      const send = (event: RunEvent): void => {
        if (closed || event.seq <= seq) return;
        seq = event.seq;
        raw.write(`id: ${event.seq}\nevent: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`);
        if (event.type === 'run.finished') finish();
      };
      const catchUp = async (): Promise<void> => {
        for (const event of await jobs.events.after(run.id, seq)) send(event);
      };
      const unsubscribe = jobs.events.subscribe(run.id, send);
      // Events written by another process reach this one through the database.
      const poll = setInterval(() => void catchUp().catch(() => undefined), EVENTS_POLL_MS);
      const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
      function finish(): void {
        if (closed) return;
        closed = true;
        unsubscribe();
        clearInterval(poll);
        clearInterval(heartbeat);
        raw.end();
      }
      raw.on('close', finish);
      await catchUp();
      const current = await runsRepository(jobs.db).get(run.id);
      if (current && ['succeeded', 'failed', 'cancelled'].includes(current.status) && current.finished_at) {
        // A run that ended before this stream opened still says so, once.
        setTimeout(() => void catchUp().finally(finish), 50);
      }
    },
  );

  api.get(
    '/artifacts/:id',
    {
      schema: {
        summary: 'Download a screenshot, plot or file a run produced',
        tags,
        params: artifactParams,
        produces: ['image/png', 'application/octet-stream'],
        response: withProblems({ 200: z.unknown() }, [401, 404, 422]),
      },
    },
    async (request, reply) => {
      const artifact = await runsRepository(jobs.db).findArtifact(requireSession(request).userId, request.params.id);
      if (!artifact) throw errors.notFound('artifact');
      const inline = artifact.content_type === 'image/png';
      return reply
        .type(artifact.content_type)
        .header('content-disposition', inline ? `inline; filename="${artifact.id}.png"` : attachmentDisposition(artifact.name))
        .header('cache-control', 'private, max-age=3600')
        .send(await jobs.blobs.open(artifact.blob_key));
    },
  );
}
