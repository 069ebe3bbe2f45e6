import { Gauge, Histogram, type Registry } from 'prom-client';
import { jobsRepository } from '../db/repositories/jobs.repository.js';
import type { Db } from '../db/repositories/types.js';
import type { RunObserver } from '../runs/deps.js';

/** Prometheus metrics for the job system: queue depth by status and per-task sandbox and render durations. */
export function jobMetrics(registry: Registry, db: Db): RunObserver {
  new Gauge({
    name: 'labmate_jobs',
    help: 'Jobs in the queue by status',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      const counts = await jobsRepository(db).countByStatus();
      for (const status of ['queued', 'running', 'done', 'failed']) this.set({ status }, counts[status] ?? 0);
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
  return {
    sandboxFinished: (language, status, seconds) => sandbox.observe({ language, status }, seconds),
    renderFinished: (seconds) => render.observe(seconds),
  };
}
