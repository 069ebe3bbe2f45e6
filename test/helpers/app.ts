import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import type { Clock } from '../../src/clock.js';
import { loadConfig } from '../../src/config/config.js';
import type { Dialect } from '../../src/db/database.js';
import { buildApp } from '../../src/server/app.js';
import { TestClient } from './client.js';
import { createTestDatabase, type TestDatabase } from './databases.js';

/** A test secret: long and random-looking, never used outside tests. */
export const TEST_SECRET = 'test-only-7Qm2vX9kLp4Rz8Nw3Jt6Yb1Hc5Fd0Gs';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  redis: Redis | undefined;
  close(): Promise<void>;
}

export interface TestAppOptions {
  dialect?: Dialect;
  clock?: Clock;
  env?: Record<string, string>;
  /** Use the Redis of REDIS_URL for rate limits (when set). */
  redis?: boolean;
}

/** Builds the real app over a fresh database; HTTP goes through `inject`. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase(options.dialect ?? 'sqlite');
  const config = loadConfig({
    NODE_ENV: 'test',
    LABMATE_SECRET: TEST_SECRET,
    LABMATE_DATA_DIR: database.dataDir,
    LOG_LEVEL: 'silent',
    // Tests share the cores with other test files: background priority would only make their programs slow.
    LABMATE_JOB_NICENESS: '0',
    // Tests poll progress faster than a person would; the tests about rate limits turn them back on.
    LABMATE_RATE_LIMIT: 'false',
    ...options.env,
  });
  const redis = options.redis && process.env.REDIS_URL ? new Redis(process.env.REDIS_URL, { maxRetriesPerRequest: 2 }) : undefined;
  const app = await buildApp({
    config,
    database: database.handle,
    logger: pino({ level: 'silent' }),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(redis ? { redis } : {}),
  });
  return {
    app,
    database,
    redis,
    close: async () => {
      await app.close();
      await redis?.quit();
      await database.dispose();
    },
  };
}

/** A test app with two signed-up users, ana and bob: one to own things, one to be told they do not exist. */
export async function appWithTwoUsers(options: TestAppOptions = {}): Promise<{ t: TestApp; ana: TestClient; bob: TestClient }> {
  const t = await createTestApp(options);
  const ana = new TestClient(t.app);
  await ana.signUp('ana@example.com');
  const bob = new TestClient(t.app);
  await bob.signUp('bob@example.com');
  return { t, ana, bob };
}
