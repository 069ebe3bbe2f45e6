import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { z } from 'zod';
import { checkSandbox } from '../../sandbox/index.js';
import { withProblems } from '../problem-schema.js';

/** A dependency /readyz checks; throws (or rejects) when it is not usable. */
export interface ReadinessCheck {
  name: string;
  check: () => Promise<void>;
  /** How long it may take before it counts as failed (default 3 s). */
  timeoutMs?: number;
  /** Reported, but a failure leaves the server ready: everything else works without it (the AI endpoint). */
  optional?: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Adds a dependency to /readyz (storage, queue, sandbox and AI register theirs). */
    addReadinessCheck(check: ReadinessCheck): void;
  }
}

const CHECK_TIMEOUT_MS = 3_000;

const readinessSchema = z.object({
  status: z.enum(['ready', 'unavailable']),
  checks: z.record(z.string(), z.object({ ok: z.boolean(), error: z.string().optional() })),
});

async function runCheck(check: ReadinessCheck): Promise<{ ok: boolean; error?: string }> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check.check(),
      new Promise((_, reject) => {
        const limit = check.timeoutMs ?? CHECK_TIMEOUT_MS;
        timer = setTimeout(() => reject(new Error(`no answer within ${limit} ms`)), limit);
      }),
    ]);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

const RECHECK_MS = 60_000;

/** Runs `probe` (which resolves to an error message or null) at most once per `intervalMs`, sharing one probe among concurrent callers. */
function cachedProbe(intervalMs: number, probe: () => Promise<string | null>): () => Promise<void> {
  let last: { at: number; error: Promise<string | null> } | undefined;
  return async () => {
    if (!last || Date.now() - last.at > intervalMs) last = { at: Date.now(), error: probe().catch((cause: unknown) => (cause instanceof Error ? cause.message : String(cause))) };
    const error = await last.error;
    if (error) throw new Error(error);
  };
}

/** Whether the AI endpoint answers HTTP at all (any status will do: no tokens are spent). */
async function probeAi(baseUrl: string): Promise<string | null> {
  try {
    const response = await fetch(`${baseUrl}/models`, { method: 'GET', signal: AbortSignal.timeout(2_500) });
    await response.body?.cancel();
    return null;
  } catch (cause) {
    return `the AI endpoint does not answer (${cause instanceof Error ? cause.message : String(cause)})`;
  }
}

/** Runs one Python hello-world in a box: enough to notice a host that lost bubblewrap. */
async function probeSandbox(): Promise<string | null> {
  const report = await checkSandbox({ languages: ['python'] });
  if (report.ok) return null;
  return report.bubblewrap.error ?? report.runtimes.find((r) => !r.runs)?.error ?? 'no runtime runs';
}

/** /healthz (the process answers) and /readyz (every dependency answers; 503 naming each one that does not; the AI endpoint is reported but optional). */
export const healthPlugin = fp(
  async (app: FastifyInstance) => {
    const checks: ReadinessCheck[] = [];
    app.decorate('addReadinessCheck', (check: ReadinessCheck) => {
      checks.push(check);
    });
    app.addReadinessCheck({ name: 'database', check: () => app.labmate.database.ping() });
    app.addReadinessCheck({ name: 'storage', check: () => app.labmate.blobs.check() });
    // The first check on a machine also compiles the box's supervisor.
    app.addReadinessCheck({ name: 'sandbox', check: cachedProbe(RECHECK_MS, probeSandbox), timeoutMs: 20_000 });
    const { redis, config } = app.labmate;
    const aiBaseUrl = config.ai?.baseUrl;
    if (aiBaseUrl) app.addReadinessCheck({ name: 'ai', check: cachedProbe(RECHECK_MS, () => probeAi(aiBaseUrl)), optional: true });
    if (redis) {
      app.addReadinessCheck({
        name: 'redis',
        check: async () => {
          await redis.ping();
        },
      });
    }

    app.get(
      '/healthz',
      { config: { auth: 'public' }, schema: { summary: 'Liveness: the process answers', tags: ['operations'], response: withProblems({ 200: z.object({ status: z.literal('ok') }) }) } },
      async (_request, reply) => {
        reply.header('cache-control', 'no-store');
        return { status: 'ok' as const };
      },
    );

    app.get(
      '/readyz',
      {
        config: { auth: 'public' },
        schema: { summary: 'Readiness: every dependency answers', tags: ['operations'], response: withProblems({ 200: readinessSchema, 503: readinessSchema }) },
      },
      async (_request, reply) => {
        const results = await Promise.all(checks.map(async (check) => [check.name, await runCheck(check)] as const));
        const optional = new Set(checks.filter((check) => check.optional).map((check) => check.name));
        const ready = results.every(([name, result]) => result.ok || optional.has(name));
        reply.code(ready ? 200 : 503).header('cache-control', 'no-store');
        return { status: ready ? ('ready' as const) : ('unavailable' as const), checks: Object.fromEntries(results) };
      },
    );
  },
  { name: 'health' },
);
