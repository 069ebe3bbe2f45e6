import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/** A key prefix of its own on the shared Redis of REDIS_URL, and how to delete every key under it. */
export interface TestRedisPrefix {
  prefix: string;
  dispose(): Promise<void>;
}

/** A fresh random prefix (`lmtest-…`) so a test's queue keys never meet another test's. */
export function createTestRedisPrefix(url: string): TestRedisPrefix {
  const prefix = `lmtest-${randomBytes(6).toString('hex')}`;
  return {
    prefix,
    dispose: async () => {
      const redis = new Redis(url, { maxRetriesPerRequest: 2 });
      try {
        let cursor = '0';
        do {
          const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
          if (keys.length > 0) await redis.del(...keys);
          cursor = next;
        } while (cursor !== '0');
      } finally {
        await redis.quit();
      }
    },
  };
}
