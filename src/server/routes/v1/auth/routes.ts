import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changePassword } from '../../../../accounts/change-password.js';
import type { ClientInfo } from '../../../../accounts/deps.js';
import { endSession } from '../../../../accounts/end-session.js';
import { completeAdminSetup, setPasswordFromLink } from '../../../../accounts/redeem-one-time-link.js';
import { SESSION_IDLE_MS } from '../../../../accounts/session-policy.js';
import { signIn } from '../../../../accounts/sign-in.js';
import { signUp } from '../../../../accounts/sign-up.js';
import { startSession } from '../../../../accounts/start-session.js';
import { sessionsRepository } from '../../../../db/repositories/sessions.repository.js';
import { withProblems } from '../../../problem-schema.js';
import { requireSession } from '../../../plugins/access.js';
import { csrfTokenFor, issueCsrfToken } from '../../../plugins/csrf.js';
import { authRateLimit } from '../../../plugins/rate-limits.js';
import { clearSessionCookie, setSessionCookie } from '../../../plugins/session.js';
import { presentUser } from './presenters.js';
import {
  changePasswordBody,
  csrfSchema,
  meSchema,
  passwordChangedSchema,
  sessionListSchema,
  sessionParams,
  setPasswordBody,
  setupBody,
  signInBody,
  signUpBody,
  signedInSchema,
  signupModeSchema,
} from './schemas.js';

const tags = ['auth'];

function client(request: FastifyRequest): ClientInfo {
  return { ip: request.ip, userAgent: request.headers['user-agent'] };
}

/** Sign-up, sign-in and out, CSRF tokens, sessions, password change and the one-time set-up links. */
export async function authRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { accounts, config } = app.labmate;
  const strict = { rateLimit: authRateLimit(app) };

  api.get(
    '/csrf',
    {
      config: { auth: 'public' },
      schema: { summary: 'Get the CSRF token for unsafe requests', tags, response: withProblems({ 200: csrfSchema }) },
    },
    async (request, reply) => ({ csrfToken: issueCsrfToken(app, request, reply) }),
  );

  api.get(
    '/signup-mode',
    {
      config: { auth: 'public' },
      schema: { summary: 'How sign-up works on this server', tags, response: withProblems({ 200: signupModeSchema }) },
    },
    async () => ({ mode: config.signupMode, betaKeyRequired: config.betaKey !== undefined }),
  );

  api.post(
    '/signup',
    {
      config: { auth: 'public', ...strict },
      schema: {
        summary: 'Create a student account and sign in',
        tags,
        body: signUpBody,
        response: withProblems({ 201: signedInSchema }, [403, 409, 422]),
      },
    },
    async (request, reply) => {
      const user = await signUp(accounts, { mode: config.signupMode, betaKey: config.betaKey }, { ...request.body, client: client(request) });
      const session = await startSession(accounts, { userId: user.id, client: client(request), previousToken: request.sessionToken ?? undefined });
      setSessionCookie(app, reply, session);
      reply.code(201);
      return { user: presentUser(user), csrfToken: csrfTokenFor(app, { sessionId: session.sessionId }) };
    },
  );

  api.post(
    '/login',
    {
      config: { auth: 'public', ...strict },
      schema: {
        summary: 'Sign in; sets a new HttpOnly session cookie',
        tags,
        body: signInBody,
        response: withProblems({ 200: signedInSchema }, [401, 403, 422]),
      },
    },
    async (request, reply) => {
      const result = await signIn(accounts, { ...request.body, client: client(request), previousToken: request.sessionToken ?? undefined });
      setSessionCookie(app, reply, result);
      return { user: presentUser(result.user), csrfToken: csrfTokenFor(app, { sessionId: result.sessionId }) };
    },
  );

  api.post(
    '/logout',
    {
      schema: { summary: 'Sign out: revoke this session', tags, response: withProblems({ 204: z.null() }, [401, 403]) },
    },
    async (request, reply) => {
      const session = requireSession(request);
      await endSession(accounts, { userId: session.userId, sessionId: session.sessionId, current: true, client: client(request) });
      clearSessionCookie(app, reply);
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/me',
    { schema: { summary: 'The signed-in account', tags, response: withProblems({ 200: meSchema }, [401]) } },
    async (request) => {
      const session = requireSession(request);
      return {
        user: presentUser({ id: session.userId, email: session.email, display_name: session.displayName, role: session.role }),
        session: { id: session.sessionId, createdAt: session.createdAt },
      };
    },
  );

  api.get(
    '/sessions',
    { schema: { summary: 'List my active sessions', tags, response: withProblems({ 200: sessionListSchema }, [401]) } },
    async (request) => {
      const session = requireSession(request);
      const now = accounts.clock();
      const rows = await sessionsRepository(accounts.db).listActive(
        session.userId,
        now.toISOString(),
        new Date(now.getTime() - SESSION_IDLE_MS).toISOString(),
      );
      return {
        items: rows.map((row) => ({
          id: row.id,
          current: row.id === session.sessionId,
          createdAt: row.created_at,
          lastSeenAt: row.last_seen_at,
          expiresAt: row.expires_at,
          ip: row.ip,
          userAgent: row.user_agent,
        })),
      };
    },
  );

  api.delete(
    '/sessions/:id',
    {
      schema: {
        summary: 'Revoke one of my sessions',
        tags,
        params: sessionParams,
        response: withProblems({ 204: z.null() }, [401, 403, 404, 422]),
      },
    },
    async (request, reply) => {
      const session = requireSession(request);
      const current = request.params.id === session.sessionId;
      await endSession(accounts, { userId: session.userId, sessionId: request.params.id, current, client: client(request) });
      if (current) clearSessionCookie(app, reply);
      return reply.code(204).send(null);
    },
  );

  api.post(
    '/password',
    {
      config: strict,
      schema: {
        summary: 'Change my password; ends my other sessions',
        tags,
        body: changePasswordBody,
        response: withProblems({ 200: passwordChangedSchema }, [401, 403, 422]),
      },
    },
    async (request) => {
      const session = requireSession(request);
      return changePassword(accounts, { userId: session.userId, sessionId: session.sessionId, ...request.body, client: client(request) });
    },
  );

  api.post(
    '/setup',
    {
      config: { auth: 'public', ...strict },
      schema: {
        summary: 'Create the first administrator from the one-time set-up link',
        tags,
        body: setupBody,
        response: withProblems({ 201: signedInSchema }, [403, 409, 410, 422]),
      },
    },
    async (request, reply) => {
      const { userId } = await completeAdminSetup(accounts, { ...request.body, client: client(request) });
      const session = await startSession(accounts, { userId, client: client(request), previousToken: request.sessionToken ?? undefined });
      setSessionCookie(app, reply, session);
      reply.code(201);
      return {
        user: presentUser({ id: userId, email: request.body.email.trim().toLowerCase(), display_name: request.body.name, role: 'admin' }),
        csrfToken: csrfTokenFor(app, { sessionId: session.sessionId }),
      };
    },
  );

  api.post(
    '/password/set',
    {
      config: { auth: 'public', ...strict },
      schema: {
        summary: 'Set a password from a one-time link',
        tags,
        body: setPasswordBody,
        response: withProblems({ 204: z.null() }, [403, 410, 422]),
      },
    },
    async (request, reply) => {
      await setPasswordFromLink(accounts, { ...request.body, client: client(request) });
      return reply.code(204).send(null);
    },
  );
}
