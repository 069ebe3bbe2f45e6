import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.{ts,tsx}'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // A page or a job on a busy 2-core machine can take seconds to show what a poll waits for (vitest's default: 1 s).
    expect: { poll: { timeout: 10_000 } },
    // Two cores on CI: more forks only add contention for the sandbox and argon2.
    maxWorkers: 2,
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: ['src/**/*.test.ts'],
      reporter: ['text-summary', 'json-summary'],
    },
  },
});
