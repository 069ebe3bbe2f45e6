import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Histogram, collectDefaultMetrics, type Registry } from 'prom-client';

declare module 'fastify' {
  interface FastifyInstance {
    /** The Prometheus registry later stages add their own metrics to. */
    metrics: Registry;
  }
}

/** Prometheus metrics at /metrics: process metrics and HTTP duration by route and status; logs one line per request. */
export const metricsPlugin = fp(
  async (app: FastifyInstance, options: { registry: Registry }) => {
    const { registry } = options;
    collectDefaultMetrics({ register: registry, prefix: 'labmate_' });
    const duration = new Histogram({
      name: 'labmate_http_request_duration_seconds',
      help: 'HTTP request duration by method, route pattern and status',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
    app.decorate('metrics', registry);

    app.addHook('onResponse', async (request, reply) => {
      const route = request.routeOptions.url ?? 'unmatched';
      const seconds = reply.elapsedTime / 1000;
      duration.observe({ method: request.method, route, status: String(reply.statusCode) }, seconds);
      request.log.info(
        {
          method: request.method,
          route,
          status: reply.statusCode,
          durationMs: Math.round(reply.elapsedTime * 10) / 10,
          userId: request.session?.userId,
        },
        'request',
      );
    });

    app.get('/metrics', { config: { auth: 'public' }, schema: { hide: true } }, async (_request, reply) => {
      reply.type(registry.contentType).header('cache-control', 'no-store');
      return registry.metrics();
    });
  },
  { name: 'metrics' },
);
