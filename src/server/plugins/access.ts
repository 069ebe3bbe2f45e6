import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ActiveSession } from '../../db/repositories/sessions.repository.js';
import fp from 'fastify-plugin';
import { errors } from '../../errors.js';

/**
 * Enforces each route's `config.auth` (default: signed-in user for /api/v1 routes). Runs after the CSRF check, so an
 * anonymous unsafe request without a token is a 403 and with one a 401, and before body validation.
 */
export const accessPlugin = fp(
  async (app: FastifyInstance) => {
    app.addHook('onRoute', (route) => {
      const access = route.config?.auth ?? (route.url.startsWith('/api/v1/') ? 'user' : 'public');
      route.config = { ...route.config, auth: access };
      if (access !== 'public' && route.schema && !route.schema.hide) {
        route.schema = { ...route.schema, security: [{ sessionCookie: [] }] };
      }
    });
    app.addHook('preValidation', async (request) => {
      const access = request.routeOptions.config.auth ?? 'public';
      if (access === 'public') return;
      if (!request.session) throw errors.unauthenticated();
      if (access === 'admin' && request.session.role !== 'admin') throw errors.forbidden('This needs an administrator.');
    });
  },
  { name: 'access', dependencies: ['session', 'csrf'] },
);

/** The caller's session in a handler of a protected route (the access hook has already refused the anonymous). */
export function requireSession(request: FastifyRequest): ActiveSession {
  if (!request.session) throw errors.unauthenticated();
  return request.session;
}
