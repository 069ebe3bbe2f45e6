import type { FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { resolveSession } from '../../accounts/resolve-session.js';
import type { StartedSession } from '../../accounts/start-session.js';

/** Puts the session cookie on the reply (rotated token, absolute expiry). */
export function setSessionCookie(app: FastifyInstance, reply: FastifyReply, session: StartedSession): void {
  const { cookies } = app.labmate;
  reply.setCookie(cookies.session, session.token, { ...cookies.options, expires: new Date(session.expiresAt) });
}

/** Removes the session cookie from the client. */
export function clearSessionCookie(app: FastifyInstance, reply: FastifyReply): void {
  const { cookies } = app.labmate;
  reply.clearCookie(cookies.session, cookies.options);
}

/** Resolves `request.session` from the session cookie on every request, before rate limits and routes. */
export const sessionPlugin = fp(
  async (app: FastifyInstance) => {
    app.decorateRequest('session', null);
    app.decorateRequest('sessionToken', null);
    app.addHook('onRequest', async (request) => {
      const token = request.cookies[app.labmate.cookies.session];
      if (!token || token.length > 256) return;
      request.sessionToken = token;
      request.session = (await resolveSession(app.labmate.accounts, token)) ?? null;
    });
  },
  { name: 'session', dependencies: ['@fastify/cookie'] },
);
