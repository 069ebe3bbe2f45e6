import { Gauge, Histogram, type Registry } from 'prom-client';
import type { JobCounts } from '../jobs/queue.js';
import type { RunObserver } from '../runs/deps.js';

/**
 * Prometheus metrics for the job system: queue depth by status (from whichever queue adapter runs), how long jobs wait
 * before they start, and per-task sandbox and render durations.
 */
export function jobMetrics(registry: Registry, counts: () => Promise<JobCounts>): RunObserver {
  new Gauge({
    name: 'labmate_jobs',
    help: 'Jobs in the queue by status',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      for (const [status, n] of Object.entries(await counts())) this.set({ status }, n);
    },
  });
  const buckets = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
  const sandbox = new Histogram({
    name: 'labmate_sandbox_duration_seconds',
    help: 'Sandboxed program runs by language and outcome',
    labelNames: ['language', 'status'] as const,
    buckets,
    registers: [registry],
  });
  const render = new Histogram({
    name: 'labmate_render_duration_seconds',
    help: 'Screenshot rendering per task',
    buckets,
    registers: [registry],
  });
  const waited = new Histogram({
    name: 'labmate_job_wait_seconds',
    help: 'Time from a job being enqueued to its first start, by job type',
    labelNames: ['type'] as const,
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60, 300],
    registers: [registry],
  });
  return {
    jobWaited: (type, seconds) => waited.observe({ type }, seconds),
    sandboxFinished: (language, status, seconds) => sandbox.observe({ language, status }, seconds),
    renderFinished: (seconds) => render.observe(seconds),
  };
}
