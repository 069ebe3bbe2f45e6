import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AdminActor } from '../../../../accounts/admin-actor.js';
import { assignPlan } from '../../../../accounts/assign-plan.js';
import { changeUserAccess } from '../../../../accounts/change-user-access.js';
import { deletePlan } from '../../../../accounts/delete-plan.js';
import { issueInvite } from '../../../../accounts/issue-invite.js';
import { issuePasswordReset } from '../../../../accounts/issue-password-reset.js';
import { revokeInvite } from '../../../../accounts/revoke-invite.js';
import { savePlan } from '../../../../accounts/save-plan.js';
import { SESSION_IDLE_MS } from '../../../../accounts/session-policy.js';
import { adminOverviewRepository } from '../../../../db/repositories/admin-overview.repository.js';
import { adminUsersRepository, type UserSort } from '../../../../db/repositories/admin-users.repository.js';
import { auditRepository } from '../../../../db/repositories/audit.repository.js';
import { feedbackRepository } from '../../../../db/repositories/feedback.repository.js';
import { inviteAdminRepository } from '../../../../db/repositories/invite-admin.repository.js';
import { plansRepository } from '../../../../db/repositories/plans.repository.js';
import { errors } from '../../../../errors.js';
import { requireSession } from '../../../plugins/access.js';
import { withProblems } from '../../../problem-schema.js';
import { decodeCursor, nextCursor, presentAdminUser, presentInvite, presentPlan } from './presenters.js';
import {
  assignPlanBody,
  auditListSchema,
  auditQuery,
  createInviteBody,
  createPlanBody,
  feedbackListSchema,
  idParams,
  inviteListSchema,
  inviteSchema,
  overviewSchema,
  pageQuery,
  planListSchema,
  planSchema,
  resetLinkSchema,
  updatePlanBody,
  updateUserBody,
  usageSchema,
  userAccessChangedSchema,
  userDetailSchema,
  userListSchema,
  usersQuery,
} from './schemas.js';

const tags = ['admin'];
const admin = { auth: 'admin' as const };
const NEW_USER_WINDOW_MS = 7 * 24 * 60 * 60_000;

function actorOf(request: FastifyRequest): AdminActor {
  return { id: requireSession(request).userId, client: { ip: request.ip, userAgent: request.headers['user-agent'] } };
}

/** `before` position of a newest-first list from its cursor, if any. */
function beforeOf(cursor: string | undefined): { at: string; id: string } | undefined {
  if (!cursor) return undefined;
  const [at = '', id = ''] = decodeCursor(cursor, 2);
  return { at, id };
}

/** The administrators' API: overview, users, usage, invites, plans, feedback and the audit log; every change audited. */
export async function adminRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { accounts, config } = app.labmate;
  const db = accounts.db;

  async function loadUser(id: string) {
    const user = await adminUsersRepository(db).find(id);
    if (!user) throw errors.notFound('user');
    return user;
  }

  api.get(
    '/overview',
    { config: admin, schema: { summary: 'Counts across the server', tags, response: withProblems({ 200: overviewSchema }, [401, 403]) } },
    async () => {
      const now = accounts.clock();
      const counts = await adminOverviewRepository(db).counts({
        since: new Date(now.getTime() - NEW_USER_WINDOW_MS).toISOString(),
        now: now.toISOString(),
        idleSince: new Date(now.getTime() - SESSION_IDLE_MS).toISOString(),
      });
      return {
        users: { total: counts.users, admins: counts.admins, disabled: counts.disabledUsers, newLast7Days: counts.newUsersSince },
        activeSessions: counts.activeSessions,
        assignments: counts.assignments,
        storageBytes: counts.storageBytes,
        feedback: { total: counts.feedback, averageRating: counts.averageRating },
        openInvites: counts.openInvites,
      };
    },
  );

  api.get(
    '/users',
    {
      config: admin,
      schema: {
        summary: 'Search users by email or name, sorted by sign-up (newest first), email or name',
        tags,
        querystring: usersQuery,
        response: withProblems({ 200: userListSchema }, [401, 403, 422]),
      },
    },
    async (request) => {
      const { q, sort, limit, cursor } = request.query;
      let after;
      if (cursor) {
        const [cursorSort, value = '', id = ''] = decodeCursor(cursor, 3);
        if (cursorSort !== sort) throw errors.validation([{ field: 'cursor', message: 'belongs to another sort order' }]);
        after = { value, id };
      }
      const rows = await adminUsersRepository(db).page({ search: q || undefined, sort, limit: limit + 1, after });
      const column: Record<UserSort, (row: (typeof rows)[number]) => string> = {
        created: (row) => row.created_at,
        email: (row) => row.email,
        name: (row) => row.display_name,
      };
      return {
        items: rows.slice(0, limit).map(presentAdminUser),
        nextCursor: nextCursor(rows, limit, (row) => [sort, column[sort](row), row.id]),
      };
    },
  );

  api.get(
    '/users/:id',
    {
      config: admin,
      schema: { summary: 'One user with their plan and usage', tags, params: idParams, response: withProblems({ 200: userDetailSchema }, [401, 403, 404, 422]) },
    },
    async (request) => {
      const user = await loadUser(request.params.id);
      const plan = await plansRepository(db).forUser(user.id);
      const usage = await adminUsersRepository(db).usage(user.id);
      return { ...presentAdminUser(user), usage, planLimits: plan ? presentPlan(plan) : null };
    },
  );

  api.get(
    '/users/:id/usage',
    {
      config: admin,
      schema: {
        summary: "A user's usage: uploads, runs, reports, storage and AI tokens",
        tags,
        params: idParams,
        response: withProblems({ 200: usageSchema }, [401, 403, 404, 422]),
      },
    },
    async (request) => {
      const user = await loadUser(request.params.id);
      return adminUsersRepository(db).usage(user.id);
    },
  );

  api.patch(
    '/users/:id',
    {
      config: admin,
      schema: {
        summary: 'Disable (revoking every session) or enable a user, or change their role',
        tags,
        params: idParams,
        body: updateUserBody,
        response: withProblems({ 200: userAccessChangedSchema }, [401, 403, 404, 409, 422]),
      },
    },
    async (request) => {
      const { revokedSessions } = await changeUserAccess(accounts, { actor: actorOf(request), userId: request.params.id, ...request.body });
      return { ...presentAdminUser(await loadUser(request.params.id)), revokedSessions };
    },
  );

  api.put(
    '/users/:id/plan',
    {
      config: admin,
      schema: {
        summary: 'Put a user on a plan, or on none (null: the server defaults)',
        tags,
        params: idParams,
        body: assignPlanBody,
        response: withProblems({ 204: z.null() }, [401, 403, 404, 422]),
      },
    },
    async (request, reply) => {
      await assignPlan(accounts, { actor: actorOf(request), userId: request.params.id, planId: request.body.planId });
      return reply.code(204).send(null);
    },
  );

  api.post(
    '/users/:id/password-reset',
    {
      config: admin,
      schema: {
        summary: 'Issue a one-time link (24 hours, single use) for the user to set a new password',
        tags,
        params: idParams,
        response: withProblems({ 201: resetLinkSchema }, [401, 403, 404, 422]),
      },
    },
    async (request, reply) => {
      const reset = await issuePasswordReset(accounts, { actor: actorOf(request), userId: request.params.id, publicUrl: config.publicUrl });
      return reply.code(201).header('cache-control', 'no-store').send(reset);
    },
  );

  api.get(
    '/invites',
    {
      config: admin,
      schema: { summary: 'Invites, newest first', tags, querystring: pageQuery, response: withProblems({ 200: inviteListSchema }, [401, 403, 422]) },
    },
    async (request) => {
      const { limit, cursor } = request.query;
      const rows = await inviteAdminRepository(db).page(limit + 1, beforeOf(cursor));
      const now = accounts.clock().toISOString();
      return {
        items: rows.slice(0, limit).map((row) => presentInvite(row, now)),
        nextCursor: nextCursor(rows, limit, (row) => [row.created_at, row.id]),
      };
    },
  );

  api.post(
    '/invites',
    {
      config: admin,
      schema: { summary: 'Create an invite code', tags, body: createInviteBody, response: withProblems({ 201: inviteSchema }, [401, 403, 422]) },
    },
    async (request, reply) => {
      const { id } = await issueInvite(accounts, { actor: actorOf(request), ...request.body });
      const [row] = await inviteAdminRepository(db).page(1, undefined, id);
      if (!row) throw errors.notFound('invite');
      return reply.code(201).send(presentInvite(row, accounts.clock().toISOString()));
    },
  );

  api.delete(
    '/invites/:id',
    {
      config: admin,
      schema: { summary: 'Revoke an invite', tags, params: idParams, response: withProblems({ 204: z.null() }, [401, 403, 404, 422]) },
    },
    async (request, reply) => {
      await revokeInvite(accounts, { actor: actorOf(request), inviteId: request.params.id });
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/plans',
    { config: admin, schema: { summary: "Plans, how many users are on each, and the server's limits for users on none", tags, response: withProblems({ 200: planListSchema }, [401, 403]) } },
    async () => ({
      items: (await plansRepository(db).list()).map((row) => ({ ...presentPlan(row), userCount: row.user_count })),
      defaults: { ...config.limits, aiTokensPerDay: config.ai?.dailyTokens ?? null },
    }),
  );

  function planChanges(body: Partial<z.infer<typeof createPlanBody>>) {
    return {
      name: body.name,
      runs_per_hour: body.runsPerHour,
      concurrent_runs: body.concurrentRuns,
      storage_mb: body.storageMb,
      ai_tokens_per_day: body.aiTokensPerDay,
    };
  }

  api.post(
    '/plans',
    {
      config: admin,
      schema: {
        summary: 'Create a named plan with its limits (enforced by the job system)',
        tags,
        body: createPlanBody,
        response: withProblems({ 201: planSchema }, [401, 403, 409, 422]),
      },
    },
    async (request, reply) => {
      const plan = await savePlan(accounts, { actor: actorOf(request), changes: planChanges(request.body) });
      return reply.code(201).send(presentPlan(plan));
    },
  );

  api.patch(
    '/plans/:id',
    {
      config: admin,
      schema: {
        summary: "Change a plan's name or limits",
        tags,
        params: idParams,
        body: updatePlanBody,
        response: withProblems({ 200: planSchema }, [401, 403, 404, 409, 422]),
      },
    },
    async (request) =>
      presentPlan(await savePlan(accounts, { actor: actorOf(request), planId: request.params.id, changes: planChanges(request.body) })),
  );

  api.delete(
    '/plans/:id',
    {
      config: admin,
      schema: {
        summary: 'Delete a plan; its users go back to the server defaults',
        tags,
        params: idParams,
        response: withProblems({ 204: z.null() }, [401, 403, 404, 422]),
      },
    },
    async (request, reply) => {
      await deletePlan(accounts, { actor: actorOf(request), planId: request.params.id });
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/feedback',
    {
      config: admin,
      schema: { summary: 'Feedback, newest first', tags, querystring: pageQuery, response: withProblems({ 200: feedbackListSchema }, [401, 403, 422]) },
    },
    async (request) => {
      const { limit, cursor } = request.query;
      const rows = await feedbackRepository(db).page(limit + 1, beforeOf(cursor));
      return {
        items: rows.slice(0, limit).map((row) => ({
          id: row.id,
          userId: row.user_id,
          email: row.email,
          assignmentId: row.assignment_id,
          rating: row.rating,
          message: row.message,
          createdAt: row.created_at,
        })),
        nextCursor: nextCursor(rows, limit, (row) => [row.created_at, row.id]),
      };
    },
  );

  api.get(
    '/audit',
    {
      config: admin,
      schema: {
        summary: 'The audit log, newest first, by user, event and time range [from, to)',
        tags,
        querystring: auditQuery,
        response: withProblems({ 200: auditListSchema }, [401, 403, 422]),
      },
    },
    async (request) => {
      const { limit, cursor, ...filter } = request.query;
      const rows = await auditRepository(db).list({ ...filter, limit: limit + 1, before: beforeOf(cursor) });
      return {
        items: rows.slice(0, limit).map((row) => ({
          id: row.id,
          occurredAt: row.occurred_at,
          event: row.event,
          userId: row.user_id,
          userEmail: row.user_email,
          actorId: row.actor_id,
          actorEmail: row.actor_email,
          ip: row.ip,
          userAgent: row.user_agent,
          details: row.details === null ? null : (JSON.parse(row.details) as Record<string, unknown>),
        })),
        nextCursor: nextCursor(rows, limit, (row) => [row.occurred_at, row.id]),
      };
    },
  );
}
