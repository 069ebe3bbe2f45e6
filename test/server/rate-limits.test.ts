import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { TestClient } from '../helpers/client.js';

const stores = process.env.REDIS_URL ? ['memory', 'redis'] : ['memory'];

describe.each(stores)('rate limits with the %s store', (store) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({
      redis: store === 'redis',
      env: { LABMATE_RATE_LIMIT: 'true', LABMATE_RATE_LIMIT_MAX: '8', LABMATE_AUTH_RATE_LIMIT_MAX: '3' },
    });
    if (t.redis) {
      const keys = await t.redis.keys('labmate:rl:*');
      if (keys.length > 0) await t.redis.del(...keys);
    }
  });
  afterAll(async () => {
    await t.close();
  });

  it('limits the auth routes more strictly, with Retry-After', async () => {
    const client = new TestClient(t.app, '203.0.113.7');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await client.signIn(`nobody${i}@example.com`, 'whatever pass')).statusCode);
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    const limited = await client.signIn('nobody@example.com', 'whatever pass');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().type).toBe('/problems/rate-limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('counts a signed-in user apart from the address they share', async () => {
    const user = new TestClient(t.app, '203.0.113.8');
    await user.signUp(`limit-${store}@example.com`);
    const neighbour = new TestClient(t.app, '203.0.113.8');
    for (let i = 0; i < 10; i++) await neighbour.get('/healthz');
    expect((await neighbour.get('/healthz')).statusCode).toBe(429);
    expect((await user.get('/api/v1/auth/me')).statusCode).toBe(200);
  });
});
