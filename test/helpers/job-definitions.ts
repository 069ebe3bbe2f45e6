import type { JobDefinitions, JobType } from '../../src/jobs/queue.js';

const JOB_TYPES: JobType[] = ['run', 'report', 'export', 'ai', 'refine'];

/** Job definitions that do nothing, for queue tests; `overrides` supplies the ones a test watches. */
export function jobDefinitions(overrides: Partial<JobDefinitions> = {}, maxAttempts = 1): JobDefinitions {
  const idle = Object.fromEntries(JOB_TYPES.map((type) => [type, { handle: async () => undefined, giveUp: async () => undefined, maxAttempts }]));
  return { ...(idle as unknown as JobDefinitions), ...overrides };
}
