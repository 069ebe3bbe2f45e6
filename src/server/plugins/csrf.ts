import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hmac, newToken, safeEqual } from '../../accounts/tokens.js';
import { errors } from '../../errors.js';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const HEADER = 'x-csrf-token';

/** The CSRF token bound to the session, or to the pre-session cookie before sign-in. */
export function csrfTokenFor(app: FastifyInstance, binding: { sessionId: string } | { preSession: string }): string {
  const value = 'sessionId' in binding ? `session:${binding.sessionId}` : `anonymous:${binding.preSession}`;
  return hmac(app.labmate.config.secret, `csrf:${value}`);
}

/** The caller's current CSRF token, setting a pre-session cookie first when the caller has neither session nor one. */
export function issueCsrfToken(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply): string {
  if (request.session) return csrfTokenFor(app, { sessionId: request.session.sessionId });
  const { cookies } = app.labmate;
  let preSession = request.cookies[cookies.csrf];
  if (!preSession || preSession.length > 128) {
    preSession = newToken();
    reply.setCookie(cookies.csrf, preSession, cookies.options);
  }
  return csrfTokenFor(app, { preSession });
}

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** The origins the app itself is served from: on loopback, every loopback name for the same port. */
function publicOrigins(publicUrl: string): string[] {
  const url = new URL(publicUrl);
  if (!LOOPBACK_NAMES.includes(url.hostname)) return [url.origin];
  return LOOPBACK_NAMES.map((name) => `${url.protocol}//${name}${url.port ? `:${url.port}` : ''}`);
}

function originAllowed(app: FastifyInstance, request: FastifyRequest): string | null {
  const fetchSite = request.headers['sec-fetch-site'];
  const origin = request.headers.origin;
  const { config } = app.labmate;
  const allowed = new Set([...publicOrigins(config.publicUrl), ...config.corsOrigins]);
  if (origin !== undefined && origin !== 'null' && !allowed.has(origin)) return `Origin ${origin} is not allowed.`;
  if (origin === 'null') return 'Requests from an opaque origin are not allowed.';
  if (fetchSite === 'cross-site' && (origin === undefined || !config.corsOrigins.includes(origin))) {
    return 'Cross-site requests are not allowed.';
  }
  return null;
}

/** Requires a valid X-CSRF-Token and a same-origin request on every unsafe method. */
export const csrfPlugin = fp(
  async (app: FastifyInstance) => {
    app.addHook('preValidation', async (request) => {
      if (!UNSAFE_METHODS.has(request.method) || request.is404) return;
      const originProblem = originAllowed(app, request);
      if (originProblem) throw errors.csrf(originProblem);
      const sent = request.headers[HEADER];
      if (typeof sent !== 'string' || sent.length === 0) {
        throw errors.csrf('The X-CSRF-Token header is missing; get a token from GET /api/v1/auth/csrf.');
      }
      const preSession = request.cookies[app.labmate.cookies.csrf];
      const expected = request.session
        ? csrfTokenFor(app, { sessionId: request.session.sessionId })
        : preSession
          ? csrfTokenFor(app, { preSession })
          : undefined;
      if (!expected || !safeEqual(sent, expected)) {
        throw errors.csrf('The X-CSRF-Token header does not match this session; get a fresh one from GET /api/v1/auth/csrf.');
      }
    });
  },
  { name: 'csrf', dependencies: ['session'] },
);
