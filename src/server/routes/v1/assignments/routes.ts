import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { addTask } from '../../../../assignments/add-task.js';
import { deleteAssignment } from '../../../../assignments/delete-assignment.js';
import { editTask } from '../../../../assignments/edit-task.js';
import { pageBlocks } from '../../../../assignments/page-blocks.js';
import { pageImage } from '../../../../assignments/page-image.js';
import { previewHtml } from '../../../../assignments/preview-html.js';
import { removeTask } from '../../../../assignments/remove-task.js';
import { reparseAssignment } from '../../../../assignments/reparse-assignment.js';
import { uploadAssignment } from '../../../../assignments/upload-assignment.js';
import { assignmentsRepository } from '../../../../db/repositories/assignments.repository.js';
import { reportsRepository } from '../../../../db/repositories/reports.repository.js';
import type { AssignmentRow } from '../../../../db/schema.js';
import { AppError, errors } from '../../../../errors.js';
import type { DocumentModel } from '../../../../ingest/model.js';
import { attachmentDisposition } from '../../../content-disposition.js';
import { requireSession } from '../../../plugins/access.js';
import { withProblems } from '../../../problem-schema.js';
import { encodeCursor, listQuery, positionAfter } from '../list-cursor.js';
import { presentAssignment, presentAssignmentSummary, presentTask } from './presenters.js';
import {
  addTaskBody,
  assignmentListSchema,
  assignmentParams,
  assignmentSchema,
  editTaskBody,
  pageListSchema,
  pageParams,
  taskListSchema,
  taskParams,
  taskSchema,
} from './schemas.js';

const tags = ['assignments'];

function ownerOf(request: FastifyRequest): string {
  return requireSession(request).userId;
}

/** Upload, list, read and delete assignments; edit, add and remove their tasks; preview the document. */
export async function assignmentRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { config, assignments: deps } = app.labmate;
  const uploadDir = path.join(config.dataDir, 'tmp', 'uploads');
  await app.register(multipart, { limits: { fileSize: config.uploadMaxBytes, files: 1, fields: 0, parts: 1, headerPairs: 100 } });

  async function loadAssignment(ownerId: string, id: string) {
    const assignment = await assignmentsRepository(deps.db).find(ownerId, id);
    if (!assignment) throw errors.notFound('assignment');
    return assignment;
  }

  api.post(
    '/',
    {
      schema: {
        summary: 'Upload a lab document (multipart field `file`, .docx or .pdf) and detect its tasks',
        description: `The file is streamed to disk (at most ${Math.round(config.uploadMaxBytes / 1048576)} MB), checked, parsed once; its tasks are stored with stable ids.`,
        tags,
        consumes: ['multipart/form-data'],
        response: withProblems({ 201: assignmentSchema }, [401, 403, 422]),
      },
    },
    async (request, reply) => {
      const ownerId = ownerOf(request);
      const file = await request.file();
      if (!file || file.fieldname !== 'file') {
        throw errors.validation([{ field: 'file', message: 'send the document in the multipart field "file"' }]);
      }
      await mkdir(uploadDir, { recursive: true });
      const tempPath = path.join(uploadDir, randomUUID());
      try {
        await pipeline(file.file, createWriteStream(tempPath, { mode: 0o600 }));
        if (file.file.truncated) {
          throw new AppError(
            413,
            'file-too-large',
            'File too large',
            `The file is larger than ${Math.round(config.uploadMaxBytes / 1048576)} MB. Compress its images or split it, then upload it again.`,
          );
        }
        const { assignment, tasks } = await uploadAssignment(deps, {
          ownerId,
          tempPath,
          originalName: file.filename,
          maxBytes: config.uploadMaxBytes,
          defaults: config.limits,
          refine: config.ai !== undefined,
        });
        if (assignment.ai_status === 'pending' && assignment.ai_requested_at) {
          await app.labmate.jobs.queue.enqueue('refine', { assignmentId: assignment.id, requestedAt: assignment.ai_requested_at });
        }
        reply.code(201);
        return presentAssignment(assignment, tasks);
      } finally {
        await rm(tempPath, { force: true });
      }
    },
  );

  api.get(
    '/',
    {
      schema: {
        summary: 'List my assignments, newest first, with task counts and the newest report',
        tags,
        querystring: listQuery,
        response: withProblems({ 200: assignmentListSchema }, [401, 422]),
      },
    },
    async (request) => {
      const ownerId = ownerOf(request);
      const page = await assignmentsRepository(deps.db).page(ownerId, request.query.limit, positionAfter(request.query.cursor));
      const reports = await reportsRepository(deps.db).latestSucceeded(ownerId, page.items.map((item) => item.id));
      return { items: page.items.map((item) => presentAssignmentSummary(item, reports.get(item.id))), nextCursor: page.next ? encodeCursor(page.next) : null };
    },
  );

  api.get(
    '/:id',
    {
      schema: { summary: 'One of my assignments with its tasks', tags, params: assignmentParams, response: withProblems({ 200: assignmentSchema }, [401, 404, 422]) },
    },
    async (request) => {
      const assignment = await loadAssignment(ownerOf(request), request.params.id);
      return presentAssignment(assignment, await assignmentsRepository(deps.db).tasks(assignment.id));
    },
  );

  api.delete(
    '/:id',
    {
      schema: {
        summary: 'Delete an assignment with all its tasks and files',
        tags,
        params: assignmentParams,
        response: withProblems({ 204: z.null() }, [401, 403, 404, 422]),
      },
    },
    async (request, reply) => {
      await deleteAssignment(deps, { ownerId: ownerOf(request), assignmentId: request.params.id });
      return reply.code(204).send(null);
    },
  );

  api.post(
    '/:id/reparse',
    {
      schema: {
        summary: 'Detect the tasks again from the stored document, replacing every task (and refining them with AI when configured)',
        tags,
        params: assignmentParams,
        response: withProblems({ 200: taskListSchema }, [401, 403, 404, 422]),
      },
    },
    async (request) => {
      const refine = config.ai !== undefined;
      const { tasks, requestedAt } = await reparseAssignment(deps, { ownerId: ownerOf(request), assignmentId: request.params.id, refine });
      if (refine) await app.labmate.jobs.queue.enqueue('refine', { assignmentId: request.params.id, requestedAt });
      return { items: tasks.map(presentTask) };
    },
  );

  /** The stored document model of an assignment (what the preview and page list are made from). */
  async function loadModel(ownerId: string, id: string): Promise<{ assignment: AssignmentRow; model: DocumentModel }> {
    const assignment = await loadAssignment(ownerId, id);
    return { assignment, model: JSON.parse((await deps.blobs.read(assignment.model_key)).toString('utf8')) as DocumentModel };
  }

  api.get(
    '/:id/preview',
    {
      schema: {
        summary: 'The document as sanitized, self-contained HTML (text only, blocks tagged with their index)',
        tags,
        params: assignmentParams,
        produces: ['text/html'],
        response: withProblems({ 200: z.string() }, [401, 404, 422]),
      },
    },
    async (request, reply) => {
      const { assignment, model } = await loadModel(ownerOf(request), request.params.id);
      return reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'; sandbox")
        .header('x-frame-options', 'SAMEORIGIN')
        .serializer((payload: unknown) => String(payload))
        .send(previewHtml(model, assignment.original_name));
    },
  );

  api.get(
    '/:id/pages',
    {
      schema: {
        summary: "A PDF assignment's pages, each with the range of document blocks on it (to place tasks by their anchor)",
        tags,
        params: assignmentParams,
        response: withProblems({ 200: pageListSchema }, [401, 404, 422]),
      },
    },
    async (request) => {
      const { model } = await loadModel(ownerOf(request), request.params.id);
      return { pages: pageBlocks(model) };
    },
  );

  api.get(
    '/:id/pages/:page',
    {
      schema: {
        summary: 'A PDF assignment page as a PNG image (1-based page number)',
        tags,
        params: pageParams,
        produces: ['image/png'],
        response: withProblems({ 200: z.unknown() }, [401, 404, 422]),
      },
    },
    async (request, reply) => {
      const png = await pageImage(deps, { ownerId: ownerOf(request), assignmentId: request.params.id, page: request.params.page });
      return reply.type('image/png').header('cache-control', 'private, max-age=3600').send(png);
    },
  );

  api.get(
    '/:id/original',
    {
      schema: {
        summary: 'Download the uploaded document as it was',
        tags,
        params: assignmentParams,
        produces: ['application/octet-stream'],
        response: withProblems({ 200: z.unknown() }, [401, 404, 422]),
      },
    },
    async (request, reply) => {
      const assignment = await loadAssignment(ownerOf(request), request.params.id);
      const type =
        assignment.format === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
      return reply
        .type(type)
        .header('content-disposition', attachmentDisposition(assignment.original_name))
        .send(await deps.blobs.open(assignment.blob_key));
    },
  );

  api.get(
    '/:id/tasks',
    {
      schema: { summary: 'The tasks of one of my assignments, in order', tags, params: assignmentParams, response: withProblems({ 200: taskListSchema }, [401, 404, 422]) },
    },
    async (request) => {
      const assignment = await loadAssignment(ownerOf(request), request.params.id);
      return { items: (await assignmentsRepository(deps.db).tasks(assignment.id)).map(presentTask) };
    },
  );

  api.post(
    '/:id/tasks',
    {
      schema: {
        summary: 'Add a task of my own (at `position`, default last)',
        tags,
        params: assignmentParams,
        body: addTaskBody,
        response: withProblems({ 201: taskSchema }, [401, 403, 404, 422]),
      },
    },
    async (request, reply) => {
      const { position, ...fields } = request.body;
      const task = await addTask(deps, { ownerId: ownerOf(request), assignmentId: request.params.id, fields, position });
      reply.code(201);
      return presentTask(task);
    },
  );

  api.patch(
    '/:id/tasks/:taskId',
    {
      schema: {
        summary: 'Edit a task (question, kind, language, code, input, files, theme, screenshot, answer, position) or accept its AI drafts',
        tags,
        params: taskParams,
        body: editTaskBody,
        response: withProblems({ 200: taskSchema }, [401, 403, 404, 422]),
      },
    },
    async (request) => {
      const { position, accept, ...changes } = request.body;
      const task = await editTask(deps, {
        ownerId: ownerOf(request),
        assignmentId: request.params.id,
        taskId: request.params.taskId,
        changes,
        accept: accept ?? [],
        position,
      });
      return presentTask(task);
    },
  );

  api.delete(
    '/:id/tasks/:taskId',
    {
      schema: { summary: 'Delete a task', tags, params: taskParams, response: withProblems({ 204: z.null() }, [401, 403, 404, 422]) },
    },
    async (request, reply) => {
      await removeTask(deps, { ownerId: ownerOf(request), assignmentId: request.params.id, taskId: request.params.taskId });
      return reply.code(204).send(null);
    },
  );
}
