import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { errors } from '../../errors.js';

/** The rate-limit bucket of a caller: the user when signed in, else the address (IPv6 grouped by /64). */
export function rateLimitKey(request: FastifyRequest): string {
  if (request.session) return `user:${request.session.userId}`;
  const ip = request.ip;
  if (ip.includes(':')) return `ip6:${ip.split(':').slice(0, 4).join(':')}`;
  return `ip:${ip}`;
}

/** Rate limiting on by default; Redis-backed when REDIS_URL is set so every instance shares the counts. */
export const rateLimitsPlugin = fp(
  async (app: FastifyInstance) => {
    const { config, redis } = app.labmate;
    if (!config.rateLimit.enabled) return;
    await app.register(rateLimit, {
      global: true,
      max: config.rateLimit.max,
      timeWindow: '1 minute',
      keyGenerator: rateLimitKey,
      ...(redis ? { redis, nameSpace: 'labmate:rl:' } : {}),
      errorResponseBuilder: (_request, context) => errors.tooManyRequests(context.ttl / 1000),
    });
  },
  { name: 'rate-limits', dependencies: ['session'] },
);

/** Per-route settings for the stricter limit on sign-in, sign-up and password routes. */
export function authRateLimit(app: FastifyInstance) {
  return { max: app.labmate.config.rateLimit.authMax, timeWindow: '1 minute' };
}
