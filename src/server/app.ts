import { createAiClient } from '../ai/create-ai-client.js';
import cookie from '@fastify/cookie';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';
import { createJobRuntime } from '../jobs/job-runtime.js';
import { Registry } from 'prom-client';
import { jobMetrics } from './job-metrics.js';
import { systemClock, type Clock } from '../clock.js';
import type { Config } from '../config/config.js';
import type { DatabaseHandle } from '../db/database.js';
import type { BlobStore } from '../storage/blob-store.js';
import { createBlobStore } from '../storage/create-blob-store.js';
import './context.js';
import { cookiePolicy } from './cookies.js';
import { loggerOptions } from './logger.js';
import { accessPlugin } from './plugins/access.js';
import { csrfPlugin } from './plugins/csrf.js';
import { healthPlugin } from './plugins/health.js';
import { httpHardeningPlugin, isWellFormedRequestId } from './plugins/http-hardening.js';
import { metricsPlugin } from './plugins/metrics.js';
import { openApiPlugin } from './plugins/openapi.js';
import { problemDetailsPlugin } from './plugins/problem-details.js';
import { rateLimitsPlugin } from './plugins/rate-limits.js';
import { sessionPlugin } from './plugins/session.js';
import { setupPagesPlugin } from './plugins/setup-pages.js';
import { webAssetsPlugin } from './plugins/web-assets.js';
import { adminRoutes } from './routes/v1/admin/routes.js';
import { assignmentRoutes } from './routes/v1/assignments/routes.js';
import { authRoutes } from './routes/v1/auth/routes.js';
import { capabilitiesRoutes } from './routes/v1/capabilities/routes.js';
import { reportRoutes } from './routes/v1/reports/routes.js';
import { aiRoutes } from './routes/v1/ai/routes.js';
import { runRoutes } from './routes/v1/runs/routes.js';
import { feedbackRoutes } from './routes/v1/feedback/routes.js';
import { meRoutes } from './routes/v1/me/routes.js';

const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../web/dist', import.meta.url));

export interface BuildAppOptions {
  config: Config;
  database: DatabaseHandle;
  clock?: Clock;
  redis?: Redis;
  /** A logger to use instead of one built from the config (tests pass a silent or capturing one). */
  logger?: Logger;
  /** Blob storage (default: the filesystem under LABMATE_DATA_DIR/blobs). */
  blobs?: BlobStore;
  /** The built web app to serve (default: web/dist of the package). */
  webRoot?: string;
  /** Start the in-process job workers (default true; tests of the HTTP layer alone may turn them off). */
  workers?: boolean;
  /** TLS key and certificate, when the app terminates https itself. */
  https?: { key: Buffer; cert: Buffer };
}

/** Builds the HTTP application, ready to `inject` or `listen`; it owns no connections (the caller closes them). */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config, database } = options;
  const clock = options.clock ?? systemClock;
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: loggerOptions(config.logLevel) }),
    // One line per request is written by the metrics plugin, with user, route, status and duration.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    requestIdHeader: false,
    genReqId: (request) => {
      const sent = request.headers['x-request-id'];
      return isWellFormedRequestId(sent) ? sent : randomUUID();
    },
    trustProxy: config.trustProxy,
    bodyLimit: config.bodyLimitBytes,
    return503OnClosing: true,
    forceCloseConnections: 'idle',
    ...(options.https ? { https: options.https } : {}),
  }) as unknown as FastifyInstance;
  // The cast above only drops Fastify's logger generic, which differs when a pino instance is passed in.

  const blobs = options.blobs ?? createBlobStore(config);
  const registry = new Registry();
  const jobs = createJobRuntime({
    db: database.db,
    blobs,
    clock,
    logger: app.log as unknown as Logger,
    workers: Math.max(config.workers, 1),
    niceness: config.jobNiceness,
    // The gauge is read at scrape time, by when `jobs` exists.
    observer: jobMetrics(registry, () => jobs.queue.counts()),
    stallMs: config.jobStallMs,
    ai: createAiClient(config, { db: database.db, clock, logger: app.log as unknown as Logger }),
    ...(options.redis ? { redis: options.redis } : {}),
    ...(config.queue.kind === 'bullmq' ? { bullmq: config.queue } : {}),
  });
  app.decorate('labmate', {
    config,
    database,
    clock,
    redis: options.redis,
    cookies: cookiePolicy(config.secureCookies),
    accounts: { db: database.db, clock },
    blobs,
    assignments: { db: database.db, blobs, clock },
    jobs: { ...jobs.deps, queue: jobs.queue },
  });
  // Echo the request id before any other hook can fail, so every answer carries it.
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // The API speaks JSON (and multipart where a route says so); plain text bodies are a 415.
  app.removeContentTypeParser('text/plain');

  await app.register(problemDetailsPlugin, { bodyLimit: config.bodyLimitBytes });
  await app.register(cookie);
  await app.register(sessionPlugin);
  await app.register(httpHardeningPlugin);
  await app.register(metricsPlugin, { registry });
  await app.register(rateLimitsPlugin);
  await app.register(csrfPlugin);
  await app.register(accessPlugin);
  await app.register(openApiPlugin);
  await app.register(healthPlugin);
  if (config.queue.kind === 'bullmq') {
    app.addReadinessCheck({
      name: 'queue',
      check: async () => {
        await jobs.queue.counts();
      },
    });
  }
  await app.register(setupPagesPlugin);
  await app.register(authRoutes, { prefix: '/api/v1/auth' });
  await app.register(assignmentRoutes, { prefix: '/api/v1/assignments' });
  await app.register(meRoutes, { prefix: '/api/v1/me' });
  await app.register(feedbackRoutes, { prefix: '/api/v1/feedback' });
  await app.register(adminRoutes, { prefix: '/api/v1/admin' });
  await app.register(runRoutes, { prefix: '/api/v1' });
  await app.register(reportRoutes, { prefix: '/api/v1' });
  await app.register(aiRoutes, { prefix: '/api/v1' });
  await app.register(capabilitiesRoutes, { prefix: '/api/v1' });
  await app.register(webAssetsPlugin, { root: options.webRoot ?? DEFAULT_WEB_ROOT });
  app.addHook('onClose', () => jobs.close());
  await app.ready();
  // LABMATE_WORKERS=0 makes an API-only server; `labmate worker` processes then do the jobs.
  if ((options.workers ?? true) && config.workers > 0) await jobs.start();
  return app;
}
