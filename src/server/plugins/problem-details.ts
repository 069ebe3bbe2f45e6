import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, errors, type FieldError } from '../../errors.js';

/** Sends an AppError as RFC 9457 problem+json. */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  const { retryAfter, allow, ...extra } = error.extra as { retryAfter?: number; allow?: string[] };
  if (retryAfter !== undefined) reply.header('retry-after', String(retryAfter));
  if (allow !== undefined) reply.header('allow', allow.join(', '));
  return reply
    .code(error.status)
    .type('application/problem+json')
    .serializer(JSON.stringify)
    .send({
      type: `/problems/${error.type}`,
      title: error.title,
      status: error.status,
      detail: error.message,
      instance: request.url.split('?')[0],
      requestId: request.id,
      ...extra,
    });
}

function fieldErrors(error: FastifyError): FieldError[] {
  return (error.validation ?? []).map((issue) => {
    const field = issue.instancePath.replace(/^\//, '').replaceAll('/', '.') || String(issue.params?.['missingProperty'] ?? '(body)');
    return { field: `${error.validationContext ?? 'body'}${field ? '.' + field : ''}`.replace(/^body\./, ''), message: issue.message ?? 'is invalid' };
  });
}

/** Maps anything thrown in a route to a problem the client may see; 5xx details go only to the log. */
export function toAppError(error: FastifyError, bodyLimit: number, contentType = ''): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) return errors.validation(fieldErrors(error));
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return errors.payloadTooLarge(bodyLimit);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return errors.unsupportedMediaType(contentType.split(';')[0] ?? '');
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return errors.unsupportedMediaType('(not multipart/form-data)');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return errors.badRequest('The request body is not valid JSON.');
    default:
      break;
  }
  const status = error.statusCode ?? 500;
  if (status === 429) return errors.tooManyRequests(60);
  if (status >= 400 && status < 500) return new AppError(status, 'bad-request', 'Bad request', error.message);
  return errors.internal();
}

interface RouteIndex {
  methods: Map<string, RegExp[]>;
}

function patternToRegExp(url: string): RegExp {
  const escaped = url
    .split('/')
    .map((part) => (part.startsWith(':') ? '[^/]+' : part === '*' ? '.*' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${escaped}/?$`);
}

/** Error handler and not-found handler: every failure is a problem+json with the request id; 405 names the allowed methods. */
export const problemDetailsPlugin = fp(
  async (app: FastifyInstance, options: { bodyLimit: number }) => {
    const index: RouteIndex = { methods: new Map() };
    app.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      // A catch-all (the web app's client-side routes) says nothing about which methods a path allows.
      if (route.url.includes('*')) return;
      for (const method of methods) {
        if (method === 'HEAD' || method === 'OPTIONS') continue;
        const list = index.methods.get(method) ?? [];
        list.push(patternToRegExp(route.url));
        index.methods.set(method, list);
      }
    });

    app.setErrorHandler((error: FastifyError, request, reply) => {
      const appError = toAppError(error, options.bodyLimit, request.headers['content-type']);
      if (appError.reportable) request.log.error({ err: error }, 'request failed');
      else if (!(error instanceof AppError)) request.log.info({ code: error.code, status: appError.status }, error.message);
      return sendProblem(request, reply, appError);
    });

    app.setNotFoundHandler((request, reply) => {
      const path = request.url.split('?')[0] ?? '/';
      const allowed = [...index.methods.entries()]
        .filter(([method, patterns]) => method !== request.method && patterns.some((re) => re.test(path)))
        .map(([method]) => method);
      if (allowed.length > 0) return sendProblem(request, reply, errors.methodNotAllowed(request.method, allowed.sort()));
      return sendProblem(request, reply, errors.notFound('route'));
    });
  },
  { name: 'problem-details' },
);
