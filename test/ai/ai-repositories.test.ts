import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aiCacheRepository } from '../../src/db/repositories/ai-cache.repository.js';
import { aiUsageRepository } from '../../src/db/repositories/ai-usage.repository.js';
import { plansRepository } from '../../src/db/repositories/plans.repository.js';
import { usersRepository } from '../../src/db/repositories/users.repository.js';
import { createTestDatabase, testDialects, type TestDatabase } from '../helpers/databases.js';

const now = '2026-03-01T08:00:00.000Z';

describe.each(testDialects())('AI repositories on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    const users = usersRepository(database.handle.db);
    for (const id of ['ana', 'ben']) {
      await users.create({ id, email: `${id}@example.com`, display_name: id, password_hash: null, role: 'student', disabled_at: null, created_at: now, updated_at: now });
    }
  });
  afterAll(async () => {
    await database.dispose();
  });

  const call = (userId: string | null, feature: string, day: string, promptTokens: number, completionTokens: number) => ({
    userId,
    feature,
    day,
    promptTokens,
    completionTokens,
    costMicrousd: promptTokens + 2 * completionTokens,
  });

  it('adds calls to one row per user, feature and day, offline calls included', async () => {
    const usage = aiUsageRepository(database.handle.db);
    await usage.record(call('ana', 'draft_code', '2026-03-01', 100, 50));
    await usage.record(call('ana', 'draft_code', '2026-03-01', 10, 5));
    await usage.record(call('ana', 'review', '2026-03-01', 1, 1));
    await usage.record(call('ana', 'review', '2026-02-28', 1000, 1000));
    await usage.record(call(null, 'detect', '2026-03-01', 7, 7));
    await usage.record(call(null, 'detect', '2026-03-01', 3, 3));
    expect(await usage.tokensOn('ana', '2026-03-01')).toBe(167);
    expect(await usage.tokensOn('ben', '2026-03-01')).toBe(0);
    expect(await usage.listForUser('ana', '2026-03-01')).toEqual([
      { user_id: 'ana', feature: 'draft_code', day: '2026-03-01', calls: 2, prompt_tokens: 110, completion_tokens: 55, cost_microusd: 220 },
      { user_id: 'ana', feature: 'review', day: '2026-03-01', calls: 1, prompt_tokens: 1, completion_tokens: 1, cost_microusd: 3 },
    ]);
    const offline = await database.handle.db.selectFrom('ai_usage').selectAll().where('user_id', 'is', null).execute();
    expect(offline).toHaveLength(1);
    expect(Number(offline[0]?.calls)).toBe(2);
    expect(await usage.totalsSince('2026-03-01')).toEqual({ calls: 5, promptTokens: 121, completionTokens: 66, costMicrousd: 253 });
  });

  it("reads the daily allowance from the user's plan", async () => {
    const usage = aiUsageRepository(database.handle.db);
    expect(await usage.planDailyTokens('ben')).toBeUndefined();
    const plans = plansRepository(database.handle.db);
    await plans.create({ id: 'p1', name: 'small', runs_per_hour: 1, concurrent_runs: 1, storage_mb: 1, ai_tokens_per_day: 500, created_at: now, updated_at: now });
    await plans.assign('ben', 'p1', now);
    expect(await usage.planDailyTokens('ben')).toBe(500);
  });

  it("deletes a user's usage with the user", async () => {
    const usage = aiUsageRepository(database.handle.db);
    await usage.record(call('ben', 'review', '2026-03-01', 1, 1));
    await database.handle.db.deleteFrom('users').where('id', '=', 'ben').execute();
    expect(await usage.listForUser('ben', '2000-01-01')).toEqual([]);
  });

  it('keeps the first answer stored for a key and finds it again', async () => {
    const cache = aiCacheRepository(database.handle.db);
    const row = { key: 'k1', model: 'm', feature: 'review', response: '{"a":1}', prompt_tokens: 3, completion_tokens: 4, user_id: 'ana', created_at: now };
    await cache.store(row);
    await cache.store({ ...row, response: '{"a":2}' });
    expect(await cache.find('k1')).toEqual(row);
    expect(await cache.find('k2')).toBeUndefined();
    expect(await cache.deleteOlderThan('2026-03-02T00:00:00.000Z')).toBe(1);
    expect(await cache.find('k1')).toBeUndefined();
  });

  it("forgets cached answers with the account whose request stored them, keeping offline ones", async () => {
    const cache = aiCacheRepository(database.handle.db);
    const users = usersRepository(database.handle.db);
    await users.create({ id: 'cy', email: 'cy@example.com', display_name: 'cy', password_hash: null, role: 'student', disabled_at: null, created_at: now, updated_at: now });
    const answer = { model: 'm', feature: 'detect', response: '{}', prompt_tokens: 1, completion_tokens: 1, created_at: now };
    await cache.store({ ...answer, key: 'of-cy', user_id: 'cy' });
    await cache.store({ ...answer, key: 'offline', user_id: null });
    await database.handle.db.deleteFrom('users').where('id', '=', 'cy').execute();
    expect(await cache.find('of-cy')).toBeUndefined();
    expect(await cache.find('offline')).toBeDefined();
  });
});
