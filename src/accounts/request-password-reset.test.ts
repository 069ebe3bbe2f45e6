import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects, type TestDatabase } from '../../test/helpers/databases.js';
import { createUser } from './create-user.js';
import type { AccountDeps } from './deps.js';
import { RESET_EMAILS_PER_HOUR, requestPasswordReset } from './request-password-reset.js';

describe.each(testDialects())('requestPasswordReset on %s', (dialect) => {
  let database: TestDatabase;
  let now = new Date('2026-03-01T10:00:00.000Z');
  let deps: AccountDeps;
  const sent: Array<{ to: string; link: string }> = [];
  const request = (email: string) =>
    requestPasswordReset(deps, {
      email,
      publicUrl: 'http://127.0.0.1:3000',
      client: { ip: '127.0.0.1' },
      send: async (to, link) => {
        sent.push({ to, link });
      },
    });

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    deps = { db: database.handle.db, clock: () => now };
    await createUser(deps, { email: 'ana@example.com', role: 'student', password: 'a sturdy passphrase', publicUrl: 'http://127.0.0.1:3000' });
  });
  afterAll(async () => {
    await database.dispose();
  });

  it('sends nothing for an unknown email, and at most a few links an hour to one account', async () => {
    await request('nobody@example.com');
    expect(sent).toEqual([]);
    for (let i = 0; i < RESET_EMAILS_PER_HOUR + 2; i++) await request('ANA@example.com');
    expect(sent).toHaveLength(RESET_EMAILS_PER_HOUR);
    expect(new Set(sent.map((mail) => mail.link)).size).toBe(RESET_EMAILS_PER_HOUR);
    expect(sent.every((mail) => mail.to === 'ana@example.com')).toBe(true);

    now = new Date(now.getTime() + 61 * 60_000);
    await request('ana@example.com');
    expect(sent).toHaveLength(RESET_EMAILS_PER_HOUR + 1);
  });
});
