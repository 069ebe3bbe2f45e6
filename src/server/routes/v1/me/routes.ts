import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { deleteAccount } from '../../../../accounts/delete-account.js';
import { aiBudgetStatus } from '../../../../ai/ai-budget.js';
import { requestDataExport } from '../../../../accounts/export-my-data.js';
import { dataExportsRepository } from '../../../../db/repositories/data-exports.repository.js';
import type { DataExportRow } from '../../../../db/schema.js';
import { attachmentDisposition } from '../../../content-disposition.js';
import type { ClientInfo } from '../../../../accounts/deps.js';
import { requestPasswordReset } from '../../../../accounts/request-password-reset.js';
import { updateProfile } from '../../../../accounts/update-profile.js';
import { profilesRepository } from '../../../../db/repositories/profiles.repository.js';
import { usersRepository } from '../../../../db/repositories/users.repository.js';
import { errors } from '../../../../errors.js';
import { sendMail } from '../../../../mail/smtp-client.js';
import { requireSession } from '../../../plugins/access.js';
import { authRateLimit } from '../../../plugins/rate-limits.js';
import { clearSessionCookie } from '../../../plugins/session.js';
import { withProblems } from '../../../problem-schema.js';
import { presentProfile } from './presenters.js';
import { aiBudgetSchema, dataExportSchema, deleteAccountBody, passwordResetAcceptedSchema, passwordResetBody, profileSchema, updateProfileBody } from './schemas.js';

const tags = ['me'];

function client(request: FastifyRequest): ClientInfo {
  return { ip: request.ip, userAgent: request.headers['user-agent'] };
}

/** My profile: read and edit it, or delete my account with everything in it. */
export async function meRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { accounts, blobs, config } = app.labmate;

  async function loadProfile(userId: string) {
    const user = await usersRepository(accounts.db).findById(userId);
    if (!user) throw errors.unauthenticated();
    return presentProfile(user, await profilesRepository(accounts.db).find(userId));
  }

  api.get(
    '/',
    { schema: { summary: 'My account and profile', tags, response: withProblems({ 200: profileSchema }, [401]) } },
    async (request) => loadProfile(requireSession(request).userId),
  );

  api.get(
    '/ai-budget',
    {
      schema: {
        summary: "My AI tokens today against my daily allowance (renews at midnight UTC)",
        tags,
        response: withProblems({ 200: aiBudgetSchema }, [401, 501]),
      },
    },
    async (request) => {
      if (!config.ai) throw errors.aiNotConfigured();
      return aiBudgetStatus(accounts, requireSession(request).userId, config.ai.dailyTokens);
    },
  );

  api.patch(
    '/',
    {
      schema: {
        summary: 'Edit my profile (only the fields sent change; null clears one)',
        tags,
        body: updateProfileBody,
        response: withProblems({ 200: profileSchema }, [401, 403, 422]),
      },
    },
    async (request) => {
      const { userId } = requireSession(request);
      const { name, ...fields } = request.body;
      await updateProfile(accounts, {
        userId,
        client: client(request),
        changes: {
          displayName: name,
          institution: fields.institution,
          course: fields.course,
          year: fields.year,
          graduation_year: fields.graduationYear,
          preferred_theme: fields.preferredTheme,
          file_name_pattern: fields.fileNamePattern,
        },
      });
      return loadProfile(userId);
    },
  );

  api.delete(
    '/',
    {
      config: { rateLimit: authRateLimit(app) },
      schema: {
        summary: 'Delete my account, every row and file of mine, and sign out everywhere (needs my password)',
        tags,
        body: deleteAccountBody,
        response: withProblems({ 204: z.null() }, [401, 403, 409, 422]),
      },
    },
    async (request, reply) => {
      const { userId } = requireSession(request);
      await deleteAccount({ ...accounts, blobs }, { userId, password: request.body.password, client: client(request) });
      clearSessionCookie(app, reply);
      return reply.code(204).send(null);
    },
  );

  const { jobs } = app.labmate;
  const present = (row: DataExportRow) => ({
    id: row.id,
    status: row.status,
    bytes: row.bytes,
    error: row.error,
    createdAt: row.created_at,
    finishedAt: row.finished_at,
    download: row.blob_key ? `/api/v1/me/export/${row.id}/download` : null,
  });

  api.post(
    '/export',
    {
      config: { rateLimit: authRateLimit(app) },
      schema: { summary: 'Start an export of all my data (a zip, built in the background)', tags: ['me'], response: withProblems({ 202: dataExportSchema }, [401, 403]) },
    },
    async (request, reply) => {
      const row = await requestDataExport(jobs, requireSession(request).userId);
      return reply.code(202).send(present(row));
    },
  );

  api.get(
    '/export',
    { schema: { summary: 'My latest data export and its download when ready', tags: ['me'], response: withProblems({ 200: dataExportSchema }, [401, 404]) } },
    async (request) => {
      const row = await dataExportsRepository(jobs.db).latest(requireSession(request).userId);
      if (!row) throw errors.notFound('export; start one with POST /api/v1/me/export');
      return present(row);
    },
  );

  api.get(
    '/export/:id/download',
    {
      schema: {
        summary: 'Download a finished export of my data',
        tags: ['me'],
        params: z.object({ id: z.uuid() }),
        produces: ['application/zip'],
        response: withProblems({ 200: z.unknown() }, [401, 404, 422]),
      },
    },
    async (request, reply) => {
      const row = await dataExportsRepository(jobs.db).find(requireSession(request).userId, request.params.id);
      if (!row?.blob_key) throw errors.notFound('export');
      return reply
        .type('application/zip')
        .header('content-disposition', attachmentDisposition(`labmate-export-${row.created_at.slice(0, 10)}.zip`))
        .send(await jobs.blobs.open(row.blob_key));
    },
  );

  const smtp = config.smtp;
  if (!smtp) return;
  api.post(
    '/password-reset',
    {
      config: { auth: 'public', rateLimit: authRateLimit(app) },
      schema: {
        summary: 'Email me a one-time link to set a new password (only when the server can send mail)',
        tags,
        body: passwordResetBody,
        response: withProblems({ 202: passwordResetAcceptedSchema }, [403, 422]),
      },
    },
    async (request, reply) => {
      // Not awaited: the answer comes as fast whether or not the account exists, so it reveals nothing.
      requestPasswordReset(accounts, {
        email: request.body.email,
        publicUrl: config.publicUrl,
        client: client(request),
        send: (to, link) =>
          sendMail(smtp.url, {
            from: smtp.from,
            to,
            subject: 'Set a new LabMate password',
            text: `Someone asked to reset the password of your LabMate account.\n\nOpen this link within 24 hours to set a new one (it works once):\n${link}\n\nIf it was not you, ignore this email; your password stays as it is.\n`,
          }),
      }).catch((error: unknown) => request.log.error({ err: error }, 'password reset email failed'));
      return reply.code(202).send({ message: 'If an account uses this email, a link to set a new password is on its way.' });
    },
  );
}
